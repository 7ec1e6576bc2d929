/**
 * Replays Gymnasium's reference files (trajectories and transition tables) against rlx's envs and reports every
 * difference, so "matches Gymnasium" is a measured claim rather than a hope.
 */
package rlx.envs.reference;
