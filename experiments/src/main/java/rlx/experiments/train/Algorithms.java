package rlx.experiments.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The algorithms {@code rlx train} knows, by their config name. */
public final class Algorithms {

    private static final Map<String, Algorithm<?>> ALL = new LinkedHashMap<>();

    static {
        register(new DqnAlgorithm());
        register(new Rl4jDqnAlgorithm());
        register(new Rl4jA3cAlgorithm());
        register(new PgAlgorithm(rlx.trainers.pg.PgAlgorithmKind.PPO));
        register(new PgAlgorithm(rlx.trainers.pg.PgAlgorithmKind.A2C));
        register(new PgAlgorithm(rlx.trainers.pg.PgAlgorithmKind.A3C));
        register(new ApexDqnAlgorithm());
        register(new AlphaZeroAlgorithm());
    }

    private Algorithms() {
    }

    private static void register(Algorithm<?> algorithm) {
        ALL.put(algorithm.name(), algorithm);
    }

    public static Algorithm<?> byName(String name) {
        Algorithm<?> algorithm = ALL.get(name);
        if (algorithm == null) {
            throw new IllegalArgumentException("unknown algorithm '" + name + "'; known: " + String.join(", ", names()));
        }
        return algorithm;
    }

    public static List<String> names() {
        return List.copyOf(ALL.keySet());
    }
}
