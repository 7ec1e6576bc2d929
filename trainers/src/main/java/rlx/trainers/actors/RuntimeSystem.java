package rlx.trainers.actors;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.typed.DispatcherSelector;

/** The Pekko configuration of the actor runtime. */
public final class RuntimeSystem {

    /** Dispatcher of every actor that steps envs or touches DL4J. */
    public static final String COMPUTE_DISPATCHER = "rlx.compute-dispatcher";

    private RuntimeSystem() {
    }

    /** Selects {@value #COMPUTE_DISPATCHER} when spawning. */
    public static DispatcherSelector compute() {
        return DispatcherSelector.fromConfig(COMPUTE_DISPATCHER);
    }

    /**
     * {@code rlx-runtime.conf} over Pekko's defaults, with the compute pool sized to the machine (or to
     * {@code threads} when positive) and {@code overrides} on top.
     */
    public static Config config(int threads, Config overrides) {
        int pool = threads > 0 ? threads : Math.max(2, Runtime.getRuntime().availableProcessors());
        return overrides
                .withFallback(ConfigFactory.parseString(COMPUTE_DISPATCHER
                        + ".thread-pool-executor.fixed-pool-size = " + pool))
                .withFallback(ConfigFactory.parseResources("rlx-runtime.conf"))
                .withFallback(ConfigFactory.load())
                .resolve();
    }
}
