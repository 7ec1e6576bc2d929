package rlx.trainers.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import rlx.agents.core.ParamsSnapshot;
import rlx.agents.pg.A3cGradient;
import rlx.agents.pg.Rollout;
import rlx.trainers.actors.LearnerCommand;
import rlx.trainers.actors.RunnerCommand;
import rlx.trainers.actors.RuntimeSystem;
import rlx.trainers.actors.WireMessage;
import rlx.trainers.pg.PgAlgorithmKind;

/**
 * Checks before a cluster run that its largest messages fit Artery's frame: Artery drops an oversized message with
 * only a log line, and a synchronous round would then wait for that runner forever.
 */
final class WireLimits {

    static final String FRAME_SIZE = "pekko.remote.artery.advanced.maximum-frame-size";

    private WireLimits() {
    }

    /**
     * Serialises the run's largest messages as a node with config {@code node} would, in a short-lived local actor
     * system, before any node starts.
     *
     * @throws IllegalArgumentException naming the message, its size and the setting to raise
     */
    static void check(Config node, RunSpec spec, ParamsSnapshot params) {
        ActorSystem<Void> probe = ActorSystem.create(Behaviors.empty(), "rlx-wire-check",
                RuntimeSystem.config(1, ConfigFactory.empty()));
        try {
            check(node.getBytes(FRAME_SIZE), SerializationExtension.get(probe.classicSystem()), probe.deadLetters(),
                    spec, params);
        } finally {
            probe.terminate();
        }
    }

    private static void check(long limit, Serialization serialization, ActorRef<RunnerCommand> ref, RunSpec spec,
                              ParamsSnapshot params) {
        int n = spec.settings().numEnvs() * spec.config().rolloutSteps();
        // worst case: an episode ends at every step
        List<WireMessage> largest = List.of(new RunnerCommand.Collect(0, params),
                spec.kind() == PgAlgorithmKind.A3C
                        ? new LearnerCommand.GradientDone(ref, new A3cGradient(0, new float[params.flat().length], n,
                                new double[n], new int[n], new A3cGradient.LossTerms(0, 0, 0, 0), 0))
                        : new LearnerCommand.RolloutDone(ref, 0, new Rollout(spec.settings().numEnvs(),
                                spec.config().rolloutSteps(), spec.inputSize(), new float[n * spec.inputSize()],
                                new int[n], new float[n], new boolean[n], new float[n], new float[n],
                                new float[spec.settings().numEnvs()], 0, new double[n], new int[n], 0)));
        for (WireMessage m : largest) {
            // headroom for the envelope and for numbers that encode longer than zeros
            long size = serialization.serialize(m).get().length + 1024L;
            if (size > limit) {
                throw new IllegalArgumentException(m.getClass().getSimpleName() + " messages of this run take about "
                        + size + " bytes, over Artery's " + FRAME_SIZE + " of " + limit + " bytes; raise it on every "
                        + "node (-D" + FRAME_SIZE + "=" + Math.max(2 * size / (1 << 20), 1) + "MiB in RLX_JAVA_OPTS) "
                        + "or use a smaller network or rollout");
            }
        }
    }
}
