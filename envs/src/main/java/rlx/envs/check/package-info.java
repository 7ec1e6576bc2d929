/**
 * An env checker in the spirit of Gymnasium's {@code check_env}: it runs an env and reports every way it breaks
 * the API contract, so a new env is trusted only after it passes.
 */
package rlx.envs.check;
