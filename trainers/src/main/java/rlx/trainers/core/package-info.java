/**
 * What every trainer shares: the run settings that are not algorithm-specific and the listener through which a
 * trainer reports episodes, evaluations and checkpoints (the experiments module turns them into files).
 */
package rlx.trainers.core;
