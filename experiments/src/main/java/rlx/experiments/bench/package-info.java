/**
 * Throughput benchmarks behind {@code rlx bench}. Speed goals live here and in results/BENCHMARKS.md, never in
 * timed unit tests.
 */
package rlx.experiments.bench;
