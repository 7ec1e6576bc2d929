/**
 * Vectorised environments: N copies stepped together into preallocated batch arrays, so an agent runs one network
 * forward for all copies per step. Copies reset themselves when their episode ends (same-step autoreset).
 */
package rlx.envs.vector;
