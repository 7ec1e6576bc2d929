/**
 * Validated, JSON-friendly records describing networks and optimisers, independent of DL4J's own configuration
 * classes. Every compact constructor rejects bad values with a message naming the field and the value.
 */
package rlx.networks.config;
