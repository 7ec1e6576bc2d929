/**
 * Experience replay for off-policy learners: uniform and prioritized buffers over flat float arrays, and n-step
 * return accumulation in front of them. Everything here runs once per environment step, so it is plain Java and
 * allocates nothing after construction.
 */
package rlx.agents.replay;
