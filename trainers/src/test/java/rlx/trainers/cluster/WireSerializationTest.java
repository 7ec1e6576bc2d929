package rlx.trainers.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Serializable;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.Serializers;
import org.apache.pekko.serialization.jackson.JacksonCborSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import rlx.agents.core.ParamsSnapshot;
import rlx.agents.pg.A3cGradient;
import rlx.agents.pg.Normalizer;
import rlx.agents.pg.Rollout;
import rlx.envs.wrappers.RunningMeanStd;
import rlx.trainers.actors.LearnerCommand;
import rlx.trainers.actors.RunnerCommand;
import rlx.trainers.core.TrainSettings;
import rlx.trainers.pg.PgAlgorithmKind;

/**
 * Every message that crosses nodes round-trips through the Jackson CBOR serializer of a cluster node's config, arrays
 * and actor refs included; anything else (Java serialisation) is refused.
 */
class WireSerializationTest {

    private static ActorSystem<Void> system;
    private static Serialization serialization;
    private static ActorRef<RunnerCommand> runner;
    private static ActorRef<LearnerCommand> learner;
    private static ActorRef<WorkerCommand> worker;

    @BeforeAll
    static void start() throws Exception {
        // a cluster node's config (remote provider, real address), but it never joins anything
        CompletableFuture<ActorRef<RunnerCommand>> r = new CompletableFuture<>();
        CompletableFuture<ActorRef<LearnerCommand>> l = new CompletableFuture<>();
        CompletableFuture<ActorRef<WorkerCommand>> w = new CompletableFuture<>();
        system = ActorSystem.create(Behaviors.setup(ctx -> {
            r.complete(ctx.spawn(Behaviors.ignore(), "runner-7"));
            l.complete(ctx.spawn(Behaviors.ignore(), "learner"));
            w.complete(ctx.spawn(Behaviors.ignore(), "worker"));
            return Behaviors.<Void>empty();
        }), NodeConfig.SYSTEM_NAME, NodeConfig.learner(ClusterSettings.learner("127.0.0.1", 0, 0)));
        serialization = SerializationExtension.get(system.classicSystem());
        runner = r.get(10, TimeUnit.SECONDS);
        learner = l.get(10, TimeUnit.SECONDS);
        worker = w.get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() {
        system.terminate();
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T message) {
        Serializer serializer = serialization.findSerializerFor(message);
        assertInstanceOf(JacksonCborSerializer.class, serializer, message.getClass() + " must use Jackson CBOR");
        byte[] bytes = serialization.serialize(message).get();
        Object back = serialization.deserialize(bytes, serializer.identifier(),
                Serializers.manifestFor(serializer, message)).get();
        assertNotSame(message, back);
        return (T) back;
    }

    private static Rollout rollout() {
        int numEnvs = 2;
        int steps = 3;
        int n = numEnvs * steps;
        float[] obs = new float[n * 4];
        for (int i = 0; i < obs.length; i++) {
            obs[i] = (float) Math.sin(i) * 1e-3f + (i % 3 == 0 ? Float.MIN_VALUE : 0f);
        }
        return new Rollout(numEnvs, steps, 4, obs, new int[] {0, 1, 1, 0, 1, 0},
                new float[] {1, 1, 0.5f, 1, -2.25f, 1}, new boolean[] {false, false, true, false, false, true},
                new float[] {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f}, new float[] {-0.69f, -0.7f, -0.71f, -0.6f, -0.8f, -0.9f},
                new float[] {3.5f, -1e-7f}, 42, new double[] {17.0, 9.5}, new int[] {17, 10}, 3,
                new RunningMeanStd.State(new double[] {0.5, -1, 2, 1e-9}, new double[] {1, 2, 3, 0}, 6),
                new RunningMeanStd.State(new double[] {-3.25}, new double[] {7.5}, 6));
    }

    @Test
    void rolloutsRoundTripWithEveryArray() {
        Rollout r = rollout();
        var back = roundTrip(new LearnerCommand.RolloutDone(runner, 12, r));
        assertEquals(runner, back.runner());
        assertEquals(12, back.round());
        Rollout b = back.rollout();
        assertEquals(r.numEnvs(), b.numEnvs());
        assertEquals(r.steps(), b.steps());
        assertEquals(r.obsSize(), b.obsSize());
        assertArrayEquals(r.observations(), b.observations());
        assertArrayEquals(r.actions(), b.actions());
        assertArrayEquals(r.rewards(), b.rewards());
        assertArrayEquals(r.dones(), b.dones());
        assertArrayEquals(r.values(), b.values());
        assertArrayEquals(r.logProbs(), b.logProbs());
        assertArrayEquals(r.lastValues(), b.lastValues());
        assertEquals(42, b.paramsVersion());
        assertArrayEquals(r.episodeReturns(), b.episodeReturns());
        assertArrayEquals(r.episodeLengths(), b.episodeLengths());
        assertEquals(3, b.envRestarts());
        assertEquals(r.seenObservations(), b.seenObservations());
        assertEquals(r.seenReturns(), b.seenReturns());
    }

    @Test
    void gradientsAndParametersRoundTripBitForBit() {
        float[] flat = new float[5000];
        for (int i = 0; i < flat.length; i++) {
            flat[i] = (float) (Math.cos(i * 0.37) / (1 + i));
        }
        flat[0] = -0.0f;
        flat[1] = Float.MAX_VALUE;
        A3cGradient g = new A3cGradient(7, flat, 64, new double[] {500.0}, new int[] {500},
                new A3cGradient.LossTerms(0.5, -0.25, 1.5, 0.69), 2);
        var back = roundTrip(new LearnerCommand.GradientDone(runner, g)).gradient();
        assertEquals(7, back.paramsVersion());
        assertArrayEquals(flat, back.gradient());
        assertEquals(Float.floatToRawIntBits(-0.0f), Float.floatToRawIntBits(back.gradient()[0]));
        assertEquals(64, back.transitions());
        assertArrayEquals(new double[] {500.0}, back.episodeReturns());
        assertArrayEquals(new int[] {500}, back.episodeLengths());
        assertEquals(g.stats(), back.stats());
        assertEquals(2, back.envRestarts());

        Normalizer normalizer = new Normalizer(10, 5, new RunningMeanStd.State(new double[] {0.25, -0.5},
                new double[] {2, 0.125}, 1e-4 + 3), null);
        var collect = roundTrip(new RunnerCommand.Collect(3, new ParamsSnapshot(9, flat), normalizer));
        assertEquals(3, collect.round());
        assertEquals(normalizer, collect.normalizer(), "statistics compare by value");
        assertEquals(9, collect.params().version());
        assertArrayEquals(flat, collect.params().flat());
        assertArrayEquals(flat, roundTrip(new RunnerCommand.ComputeGradient(new ParamsSnapshot(1, flat))).params().flat());
        assertInstanceOf(RunnerCommand.Stop.class, roundTrip(new RunnerCommand.Stop()));
    }

    @Test
    void runnerAnnouncementsKeepTheirActorRef() {
        var ready = new LearnerCommand.RunnerReady(runner, 7, 2, system.address().toString());
        assertEquals(ready, roundTrip(ready));
    }

    @Test
    void theRunSpecCarriesTheWholeConfigAsData() {
        TrainSettings settings = new TrainSettings("CartPole-v1",
                Map.of("max-episode-steps", 200, "scale", 0.5, "name", "x", "flag", true), 2, 30_000, 5, 1000, 2, 3,
                3, 5000);
        rlx.agents.pg.PgConfig ppo = ClusterTestConfigs.ppo(3);
        RunSpec spec = new RunSpec.PolicyGradient(PgAlgorithmKind.A3C, ppo, settings, 4, 2, layout(ppo, 4, 2), 1);
        var welcome = roundTrip(new WorkerCommand.Welcome(learner, spec, 6));
        assertEquals(learner, welcome.learner());
        assertEquals(6, welcome.firstIndex());
        assertEquals(spec, welcome.spec(), "config records compare by value");
        assertEquals(Integer.class, welcome.spec().settings().envKwargs().get("max-episode-steps").getClass());

        assertEquals(new NodeCommand.JoinRun(worker, 2), roundTrip(new NodeCommand.JoinRun(worker, 2)));
        assertEquals(new WorkerCommand.RunOver(true), roundTrip(new WorkerCommand.RunOver(true)));
    }

    @Test
    void aConvNetworkSpecRoundTrips() {
        rlx.agents.pg.PgConfig ppo = ClusterTestConfigs.ppo(2);
        var conv = new rlx.networks.config.ConvTorsoConfig(4, 10, 10,
                java.util.List.of(new rlx.networks.config.ConvLayerConfig(16, 3, 1, 0)),
                rlx.networks.config.ActivationKind.RELU);
        var config = new rlx.agents.pg.PgConfig(ppo.gamma(), ppo.gaeLambda(), ppo.rolloutSteps(), ppo.epochs(),
                ppo.minibatches(), ppo.clipRange(), ppo.valueClipRange(), ppo.entropyCoef(), ppo.valueCoef(),
                ppo.normalizeAdvantage(), ppo.annealLearningRate(), ppo.network().withConv(conv), ppo.runtime());
        TrainSettings settings = new TrainSettings("MinAtar/Breakout-v1", Map.of(), 4, 10_000, 5, 0, 2, 3, 3, 0);
        RunSpec spec = new RunSpec.PolicyGradient(PgAlgorithmKind.PPO, config, settings, 400, 6,
                layout(config, 400, 6), 0);
        RunSpec back = roundTrip(new WorkerCommand.Welcome(learner, spec, 0)).spec();
        assertEquals(spec, back);
        assertEquals(conv, ((RunSpec.PolicyGradient) back).config().network().conv());
        // the layout that crossed the wire evaluates the network as the learner's own copy does
        var network = rlx.networks.ac.ActorCriticNetwork.create(config.network(), config.losses(), 400, 6, 9);
        var remote = ((RunSpec.PolicyGradient) back).layout().forward();
        remote.load(network.params());
        var local = network.plainForward();
        float[] obs = new float[400];
        for (int i = 0; i < obs.length; i += 7) {
            obs[i] = 1;
        }
        float[] a = new float[6];
        float[] b = new float[6];
        assertEquals(local.forward(obs, 0, a, 0), remote.forward(obs, 0, b, 0), 0f);
        assertArrayEquals(a, b, 0f);
    }

    private static rlx.networks.ac.ActorCriticLayout layout(rlx.agents.pg.PgConfig config, int inputSize,
                                                          int numActions) {
        return rlx.networks.ac.ActorCriticNetwork.create(config.network(), config.losses(), inputSize, numActions, 0)
                .layout();
    }

    @Test
    void distributedDqnMessagesAndSpecRoundTrip() {
        var dqn = new rlx.agents.dqn.DqnConfig(0.99, 1000, 32, 100, 4, 1, 100, 1.0, true, 3,
                new rlx.agents.dqn.ExplorationConfig(rlx.agents.dqn.ExplorationConfig.Kind.LINEAR, 1.0, 0.05, 0.5, 0.999),
                new rlx.agents.dqn.PrioritizedConfig(true, 0.6, 0.4, 1.0, 1e-6),
                new rlx.networks.q.QNetworkConfig(rlx.networks.config.MlpConfig.relu(8), true,
                        rlx.networks.config.OptimizerConfig.adam(1e-3), rlx.networks.config.LossKind.HUBER, 1.0));
        var apex = new rlx.agents.dqn.ApexConfig(dqn, 3, 20, 0.4, 7, 2);
        TrainSettings settings = new TrainSettings("CartPole-v1", Map.of(), 2, 10_000, 5, 0, 2, 3, 3, 0);
        RunSpec spec = new RunSpec.ApexDqn(apex, settings, 4, 2, 0);
        assertEquals(spec, roundTrip(new WorkerCommand.Welcome(learner, spec, 3)).spec());

        var batch = new rlx.agents.replay.TransitionBatch(2, 2, new float[] {1, 2, 3, -0.0f}, new int[] {0, 1},
                new float[] {0.5f, -1}, new float[] {5, 6, 7, 8}, new float[] {0.99f, 0});
        var store = new rlx.trainers.actors.ReplayCommand.Store(runner, "pekko://rlx@127.0.0.1:1",
                new rlx.agents.dqn.DqnCollector.Collected(batch, 2, new double[] {9.5}, new int[] {10}, 1, 4));
        var back = roundTrip(store);
        assertEquals(runner, back.runner());
        assertArrayEquals(batch.obs(), back.batch().transitions().obs());
        assertArrayEquals(batch.discounts(), back.batch().transitions().discounts());
        assertArrayEquals(new double[] {9.5}, back.batch().episodeReturns());
        assertEquals(1, back.batch().envRestarts());
        var collect = roundTrip(new RunnerCommand.CollectTransitions(new ParamsSnapshot(2, new float[] {1.5f}), 20,
                system.ignoreRef()));
        assertEquals(20, collect.vectorSteps());
    }

    /** A Serializable that is no WireMessage: Java serialisation would take it, but it is off. */
    record NotOnTheWire(int x) implements Serializable {
    }

    @Test
    void javaSerializationStaysDisabled() {
        Exception e = assertThrows(Exception.class, () -> serialization.serialize(new NotOnTheWire(1)).get());
        assertTrue(String.valueOf(e.getMessage()).toLowerCase().contains("java serialization")
                || e instanceof java.io.NotSerializableException, e.toString());
    }
}
