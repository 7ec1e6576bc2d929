/**
 * Experiment configs: HOCON files layered over per-algorithm defaults and command-line overrides, bound to typed
 * records. Every problem in a config (syntax, unknown or missing keys, wrong types, invalid values) is reported with
 * its file and key path before anything runs.
 */
package rlx.experiments.config;
