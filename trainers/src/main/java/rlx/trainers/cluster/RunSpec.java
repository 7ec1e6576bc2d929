package rlx.trainers.cluster;

import rlx.agents.pg.PgConfig;
import rlx.trainers.core.TrainSettings;
import rlx.trainers.pg.PgAlgorithmKind;

/**
 * What a worker node needs to build runners for the learner's run, sent as data (Jackson CBOR) so that a worker needs
 * no config file: the algorithm, its config, the env and seeds, and the network's shape.
 *
 * @param resumes how often the run was resumed: runner seeds derive from it
 */
public record RunSpec(PgAlgorithmKind kind, PgConfig config, TrainSettings settings, int inputSize, int numActions,
                      long resumes) {
}
