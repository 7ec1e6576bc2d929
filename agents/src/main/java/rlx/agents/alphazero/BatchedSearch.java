package rlx.agents.alphazero;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import rlx.envs.core.Rng;
import rlx.envs.games.Game;
import rlx.envs.games.GameState;

/**
 * Runs the searches of many trees together: each round takes up to {@link PuctConfig#leavesPerTree} leaves from
 * every tree still short of its budget, scores the distinct new positions among them with one evaluator call, and
 * backs them up. Scores are cached by position hash until {@link #clearCache()} (call it when the network changes):
 * openings repeat across self-play games, and transpositions within a tree.
 */
public final class BatchedSearch {

    private final int obsSize;
    private final int numActions;
    private final int cacheCapacity;
    private final Map<Long, Scored> cache;
    private float[] boards = new float[0];
    private float[] policy = new float[0];
    private float[] values = new float[0];
    private long evaluations;

    private record Scored(float[] policy, float value) {
    }

    public BatchedSearch(Game game, int cacheCapacity) {
        this.obsSize = game.observationSize();
        this.numActions = game.numDistinctActions();
        this.cacheCapacity = cacheCapacity;
        this.cache = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Scored> eldest) {
                return size() > BatchedSearch.this.cacheCapacity;
            }
        };
    }

    /**
     * Searches each of {@code states} afresh, all in one batch, and returns each root's visit counts over all
     * distinct actions. Root noise, if {@code config} has any, is drawn from {@code rng}.
     */
    public int[][] searchVisits(List<? extends GameState> states, PuctConfig config, BatchEvaluator evaluator,
                                Rng rng) {
        List<PuctTree> trees = new ArrayList<>(states.size());
        for (GameState s : states) {
            trees.add(new PuctTree(s, config, rng));
        }
        run(trees, config, evaluator);
        int[][] visits = new int[trees.size()][];
        for (int i = 0; i < visits.length; i++) {
            visits[i] = trees.get(i).rootVisits(numActions);
        }
        return visits;
    }

    /** Runs every tree in {@code trees} to its simulation budget. */
    void run(List<PuctTree> trees, PuctConfig config, BatchEvaluator evaluator) {
        List<PuctTree.Leaf> batch = new ArrayList<>();
        Map<Long, Integer> rowOf = new HashMap<>();
        List<PuctTree.Leaf> waiting = new ArrayList<>();
        boolean active = true;
        while (active) {
            active = false;
            batch.clear();
            rowOf.clear();
            waiting.clear();
            for (PuctTree tree : trees) {
                for (int k = 0; k < config.leavesPerTree() && !tree.budgetReached(); k++) {
                    PuctTree.Leaf leaf = tree.descend();
                    if (leaf == null) {
                        if (tree.budgetReached()) {
                            break;
                        }
                        continue; // a terminal leaf, backed up already; or a collision, undone
                    }
                    Scored hit = cacheCapacity > 0 ? cache.get(leaf.node().state.hash()) : null;
                    if (hit != null) {
                        tree.complete(leaf, hit.policy(), 0, hit.value());
                        continue;
                    }
                    long hash = leaf.node().state.hash();
                    if (!rowOf.containsKey(hash)) {
                        rowOf.put(hash, batch.size());
                        batch.add(leaf);
                    } else {
                        waiting.add(leaf);
                    }
                }
                active |= !tree.finished();
            }
            if (!batch.isEmpty()) {
                score(batch, evaluator);
                for (int r = 0; r < batch.size(); r++) {
                    PuctTree.Leaf leaf = batch.get(r);
                    leaf.tree().complete(leaf, policy, r * numActions, values[r]);
                }
                for (PuctTree.Leaf leaf : waiting) {
                    int r = rowOf.get(leaf.node().state.hash());
                    leaf.tree().complete(leaf, policy, r * numActions, values[r]);
                }
                active = true;
            } else if (!waiting.isEmpty()) {
                throw new IllegalStateException("leaves waiting on an empty batch");
            }
        }
    }

    private void score(List<PuctTree.Leaf> batch, BatchEvaluator evaluator) {
        int n = batch.size();
        if (boards.length < n * obsSize) {
            boards = new float[n * obsSize];
            policy = new float[n * numActions];
            values = new float[n];
        }
        for (int r = 0; r < n; r++) {
            batch.get(r).node().state.observationTensor(boards, r * obsSize);
        }
        evaluator.evaluate(boards, n, policy, values);
        evaluations += n;
        if (cacheCapacity > 0) {
            for (int r = 0; r < n; r++) {
                float[] p = new float[numActions];
                System.arraycopy(policy, r * numActions, p, 0, numActions);
                cache.put(batch.get(r).node().state.hash(), new Scored(p, values[r]));
            }
        }
    }

    /** Forgets cached scores: the network changed. */
    public void clearCache() {
        cache.clear();
    }

    /** Positions sent to the evaluator so far. */
    public long evaluations() {
        return evaluations;
    }
}
