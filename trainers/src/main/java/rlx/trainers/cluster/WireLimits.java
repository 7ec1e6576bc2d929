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
import rlx.trainers.actors.RunnerCommand;
import rlx.trainers.actors.RuntimeSystem;
import rlx.trainers.actors.WireMessage;

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
        List<WireMessage> largest = spec.largestMessages(ref, params);
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
