package rlx.agents.alphazero;

import java.util.ArrayList;
import java.util.List;
import rlx.envs.core.Rng;
import rlx.envs.games.Game;
import rlx.envs.games.GameState;

/**
 * Plays self-play games with one network for both sides, many at a time so that every evaluator call scores a leaf
 * from each of them. Moves are drawn in proportion to visit counts for the first {@code temperatureMoves} plies (for
 * opening variety) and the most visited after; each tree is kept across moves. Each position's value target is
 * the game's result from the mover's side, mixed with the search's root value by {@code qTargetWeight}.
 * Deterministic for a given seed.
 */
public final class SelfPlay {

    private final Game game;
    private final PuctConfig config;
    private final int concurrentGames;
    private final int temperatureMoves;
    private final double qTargetWeight;
    private final Rng rng;
    private final BatchedSearch search;

    /** AlphaZero's value target: the game's result alone. */
    public SelfPlay(Game game, PuctConfig config, int concurrentGames, int temperatureMoves, Rng rng,
                    BatchedSearch search) {
        this(game, config, concurrentGames, temperatureMoves, 0, rng, search);
    }

    public SelfPlay(Game game, PuctConfig config, int concurrentGames, int temperatureMoves, double qTargetWeight,
                    Rng rng, BatchedSearch search) {
        if (concurrentGames <= 0) {
            throw new IllegalArgumentException("concurrent games must be > 0, got " + concurrentGames);
        }
        if (temperatureMoves < 0) {
            throw new IllegalArgumentException("temperature moves must be >= 0, got " + temperatureMoves);
        }
        if (!(qTargetWeight >= 0 && qTargetWeight <= 1)) {
            throw new IllegalArgumentException("q-target weight must be in [0, 1], got " + qTargetWeight);
        }
        this.qTargetWeight = qTargetWeight;
        this.game = game;
        this.config = config;
        this.concurrentGames = concurrentGames;
        this.temperatureMoves = temperatureMoves;
        this.rng = rng;
        this.search = search;
    }

    private static final class Slot {
        final PuctTree tree;
        final List<float[]> observations = new ArrayList<>();
        final List<float[]> policies = new ArrayList<>();
        final List<Integer> players = new ArrayList<>();
        final List<Double> rootValues = new ArrayList<>();

        Slot(PuctTree tree) {
            this.tree = tree;
        }
    }

    /** Plays {@code games} games with {@code evaluator} and returns them in the order they finished. */
    public List<SelfPlayGame> play(int games, BatchEvaluator evaluator) {
        List<SelfPlayGame> done = new ArrayList<>();
        List<Slot> slots = new ArrayList<>();
        int started = 0;
        while (started < games && slots.size() < concurrentGames) {
            slots.add(newSlot());
            started++;
        }
        List<PuctTree> trees = new ArrayList<>();
        while (!slots.isEmpty()) {
            trees.clear();
            for (Slot s : slots) {
                trees.add(s.tree);
            }
            search.run(trees, config, evaluator);
            List<Slot> next = new ArrayList<>();
            for (Slot s : slots) {
                GameState state = s.tree.rootState();
                int[] visits = s.tree.rootVisits(game.numDistinctActions());
                float[] obs = new float[game.observationSize()];
                state.observationTensor(obs, 0);
                s.observations.add(obs);
                s.policies.add(VisitPolicy.distribution(visits));
                s.players.add(state.currentPlayer());
                s.rootValues.add(s.tree.rootValue());
                int action = state.moveCount() < temperatureMoves
                        ? VisitPolicy.sample(visits, rng) : VisitPolicy.mostVisited(visits);
                s.tree.advance(action);
                GameState after = s.tree.rootState();
                if (after.isTerminal()) {
                    done.add(finish(s, after));
                    if (started < games) {
                        next.add(newSlot());
                        started++;
                    }
                } else {
                    next.add(s);
                }
            }
            slots = next;
        }
        return done;
    }

    private Slot newSlot() {
        return new Slot(new PuctTree(game.newInitialState(), config, rng));
    }

    private SelfPlayGame finish(Slot s, GameState end) {
        double[] returns = end.returns();
        List<TrainingPosition> positions = new ArrayList<>(s.observations.size());
        for (int i = 0; i < s.observations.size(); i++) {
            double z = returns[s.players.get(i)];
            double value = (1 - qTargetWeight) * z + qTargetWeight * s.rootValues.get(i);
            positions.add(new TrainingPosition(s.observations.get(i), s.policies.get(i), (float) value));
        }
        return new SelfPlayGame(List.copyOf(positions), end.winner(), end.history());
    }
}
