/**
 * Wrappers that change one aspect of an env (time limit, statistics, normalisation, stacking, repetition) while
 * passing everything else through, as Gymnasium's wrappers do. They compose: the outermost one acts last.
 */
package rlx.envs.wrappers;
