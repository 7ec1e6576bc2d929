/**
 * Training loops that run every component in the calling thread: the path unit tests and single-machine runs
 * use, and what the actor runtime with {@code runners = 0} falls back to.
 */
package rlx.trainers.local;
