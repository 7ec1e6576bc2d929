/**
 * Role interfaces and values shared by every algorithm: parameter snapshots that cross thread and actor
 * boundaries instead of networks. Networks themselves never leave the object that owns them.
 */
package rlx.agents.core;
