package rlx.trainers.cluster;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import rlx.agents.core.ParamsSnapshot;
import rlx.agents.dqn.ApexConfig;
import rlx.agents.dqn.DqnCollector;
import rlx.agents.pg.A3cGradient;
import rlx.agents.pg.Normalizer;
import rlx.agents.pg.PgConfig;
import rlx.agents.pg.Rollout;
import rlx.agents.replay.TransitionBatch;
import rlx.envs.core.EnvRegistry;
import rlx.envs.wrappers.RunningMeanStd;
import rlx.trainers.actors.EnvRunner;
import rlx.trainers.actors.LearnerCommand;
import rlx.trainers.actors.ReplayCommand;
import rlx.trainers.actors.RunnerCommand;
import rlx.networks.ac.ActorCriticLayout;
import rlx.trainers.actors.RunnerParts;
import rlx.trainers.actors.WireMessage;
import rlx.trainers.apex.ApexRunnerParts;
import rlx.trainers.core.TrainSettings;
import rlx.trainers.pg.PgAlgorithmKind;

/**
 * What a worker node needs to build runners for the learner's run, sent as data (Jackson CBOR) so that a worker needs
 * no config file: the algorithm, its config, the env and seeds, and the network's shape.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = RunSpec.PolicyGradient.class, name = "policy-gradient"),
    @JsonSubTypes.Type(value = RunSpec.ApexDqn.class, name = "apex-dqn")})
public sealed interface RunSpec {

    TrainSettings settings();

    /** The algorithm's config name, for logs. */
    String algorithm();

    /** How runner {@code index} is built on any node. */
    EnvRunner.Parts parts(EnvRegistry registry, int index);

    /** The largest messages of the run, for checking Artery's frame size before it starts. */
    List<WireMessage> largestMessages(ActorRef<RunnerCommand> runner, ParamsSnapshot params);

    /**
     * A2C, PPO or A3C.
     *
     * @param layout where the network's layers sit in its parameters: A2C and PPO runners act from it without DL4J
     * @param resumes how often the run was resumed: runner seeds derive from it
     */
    record PolicyGradient(PgAlgorithmKind kind, PgConfig config, TrainSettings settings, int inputSize,
                          int numActions, ActorCriticLayout layout, long resumes) implements RunSpec {

        @Override
        public String algorithm() {
            return kind.name().toLowerCase(java.util.Locale.ROOT);
        }

        @Override
        public EnvRunner.Parts parts(EnvRegistry registry, int index) {
            return new RunnerParts(kind, config, settings, registry, inputSize, numActions, layout, resumes, index);
        }

        @Override
        public List<WireMessage> largestMessages(ActorRef<RunnerCommand> ref, ParamsSnapshot params) {
            int n = settings.numEnvs() * config.rolloutSteps();
            // worst case: an episode ends at every step
            return List.of(new RunnerCommand.Collect(0, params, config.normalize().enabled()
                            ? Normalizer.initial(config.normalize(), inputSize) : null),
                    kind == PgAlgorithmKind.A3C
                            ? new LearnerCommand.GradientDone(ref, new A3cGradient(0, new float[params.flat().length], n,
                                    new double[n], new int[n], new A3cGradient.LossTerms(0, 0, 0, 0), 0))
                            : new LearnerCommand.RolloutDone(ref, 0, new Rollout(settings.numEnvs(),
                                    config.rolloutSteps(), inputSize, new float[n * inputSize], new int[n],
                                    new float[n], new boolean[n], new float[n], new float[n],
                                    new float[settings.numEnvs()], 0, new double[n], new int[n], 0,
                                    config.normalize().observations() ? new RunningMeanStd(inputSize).state() : null,
                                    config.normalize().rewards() ? new RunningMeanStd(1).state() : null)));
        }
    }

    /** Distributed DQN: runners send their transitions to the learner node's replay actor. */
    record ApexDqn(ApexConfig config, TrainSettings settings, int inputSize, int numActions, long resumes)
            implements RunSpec {

        @Override
        public String algorithm() {
            return "apex-dqn";
        }

        @Override
        public EnvRunner.Parts parts(EnvRegistry registry, int index) {
            return new ApexRunnerParts(config, settings, registry, inputSize, numActions, resumes, index);
        }

        @Override
        public List<WireMessage> largestMessages(ActorRef<RunnerCommand> ref, ParamsSnapshot params) {
            int n = settings.numEnvs() * config.vectorStepsPerBatch();
            TransitionBatch batch = new TransitionBatch(n, inputSize, new float[n * inputSize], new int[n],
                    new float[n], new float[n * inputSize], new float[n]);
            return List.of(new RunnerCommand.CollectTransitions(params, config.vectorStepsPerBatch(), null),
                    new ReplayCommand.Store(ref, "pekko://rlx@255.255.255.255:65535",
                            new DqnCollector.Collected(batch, n, new double[n], new int[n], 0, 0)));
        }
    }
}
