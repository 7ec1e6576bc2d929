package rlx.experiments.reproduce;

import java.nio.file.Path;

/**
 * One line of a benchmark: an experiment config, run for several seeds, against a published result.
 *
 * @param config the experiment config, relative to the checkout
 * @param steps env steps per seed at budget 1, or 0 for the config's own {@code train.total-steps}
 * @param reference the published result, or null where none has been transcribed
 */
public record BenchmarkRun(String env, String algorithm, Path config, long steps, PublishedResult reference) {
}
