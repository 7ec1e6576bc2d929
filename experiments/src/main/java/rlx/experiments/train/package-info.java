/**
 * Running experiments: an algorithm registry that binds each algorithm's agent block and starts its trainer, and
 * the runner that turns a config file into a run directory with metrics, evaluations, checkpoints and a summary.
 */
package rlx.experiments.train;
