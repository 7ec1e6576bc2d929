package rlx.agents.mcts;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import rlx.envs.core.Rng;
import rlx.envs.games.Game;
import rlx.envs.games.GameState;

/**
 * The search itself, shared by {@link Mcts} (a fresh tree per move) and {@link MctsTree} (a kept tree): UCB1
 * selection, one new child per simulation, a leaf {@link Evaluator}, backup of each player's value and, with the
 * solver, of proven values. With {@link MctsConfig#threads()} > 1, that many threads run simulations on the one
 * tree; each in-flight simulation adds a virtual loss to every node on its path below the root, so that the other
 * threads spread out instead of all descending the same line (Chaslot, Winands and van den Herik, "Parallel
 * Monte-Carlo Tree Search", CG 2008), and takes it back on backup. None on the root: it would only nudge the root's
 * log N, for one more write per simulation to the line both threads contend for most.
 */
final class TreeSearch {

    /** One search thread's own random stream, evaluator and path buffer. */
    private record Worker(Rng rng, Evaluator evaluator, List<Node> path) {
    }

    /**
     * Simulations a thread claims from the shared count at once: one contended update per batch rather than per
     * simulation; the last batches leave the threads at most this many simulations apart.
     */
    private static final int CLAIM = 16;

    private final int numDistinctActions;
    private final MctsConfig config;
    private final Worker[] workers;

    private TreeSearch(Game game, MctsConfig config, Worker[] workers) {
        this.numDistinctActions = game.numDistinctActions();
        this.config = config;
        this.workers = workers;
    }

    /** One thread: {@code evaluator} and {@code rng} as given. */
    static TreeSearch of(Game game, MctsConfig config, Evaluator evaluator, Rng rng) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(evaluator, "evaluator");
        Objects.requireNonNull(rng, "rng");
        if (config.threads() > 1) {
            throw new IllegalArgumentException("threads = " + config.threads()
                    + " needs one evaluator per thread: use perThread");
        }
        return new TreeSearch(game, config, new Worker[] {new Worker(rng, evaluator, new ArrayList<>())});
    }

    /**
     * Thread 0 uses {@code rng} and {@code evaluators.apply(rng)}, so one thread searches exactly as
     * {@link #of(Game, MctsConfig, Evaluator, Rng)} does; each other thread gets an {@link Rng} seeded from
     * {@code rng} and its own evaluator.
     */
    static TreeSearch of(Game game, MctsConfig config, Function<Rng, Evaluator> evaluators, Rng rng) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(evaluators, "evaluators");
        Objects.requireNonNull(rng, "rng");
        Worker[] workers = new Worker[config.threads()];
        for (int k = 0; k < workers.length; k++) {
            Rng r = k == 0 ? rng : new Rng(rng.nextLong());
            workers[k] = new Worker(r, Objects.requireNonNull(evaluators.apply(r), "evaluator"), new ArrayList<>());
        }
        return new TreeSearch(game, config, workers);
    }

    Node newRoot(GameState state) {
        if (state.isTerminal()) {
            throw new IllegalArgumentException("cannot search a terminal state: " + state.history());
        }
        return new Node(state, -1, numDistinctActions);
    }

    Node newChild(Node parent, int action) {
        return new Node(parent.state.child(action), parent.state.currentPlayer(), numDistinctActions);
    }

    /** Runs one search's budget from {@code root} and returns the result. */
    SearchResult search(Node root) {
        long deadline = config.timeLimitMillis() > 0
                ? System.nanoTime() + config.timeLimitMillis() * 1_000_000L : Long.MAX_VALUE;
        int simulations = workers.length == 1 ? runAlone(root, deadline) : runThreads(root, deadline);
        return result(root, simulations);
    }

    private boolean done(Node root) {
        return config.solver() && root.proven();
    }

    private int runAlone(Node root, long deadline) {
        Worker w = workers[0];
        int sims = 0;
        while (sims < config.simulations() && !done(root)) {
            if (sims > 0 && deadline != Long.MAX_VALUE && System.nanoTime() >= deadline) {
                break;
            }
            simulate(root, w, false);
            sims++;
        }
        return sims;
    }

    private int runThreads(Node root, long deadline) {
        // Simulations are claimed from a shared counter, so the total is exact.
        AtomicLong claimed = new AtomicLong();
        int[] counts = new int[workers.length];
        Throwable[] failures = new Throwable[workers.length];
        Thread[] threads = new Thread[workers.length - 1];
        for (int k = 1; k < workers.length; k++) {
            int id = k;
            threads[k - 1] = new Thread(() -> runWorker(root, id, claimed, deadline, counts, failures),
                    "mcts-search-" + k);
            threads[k - 1].setDaemon(true);
            threads[k - 1].start();
        }
        runWorker(root, 0, claimed, deadline, counts, failures);
        boolean interrupted = false;
        for (Thread t : threads) {
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    // the workers stop on their own within one simulation of the budget; keep the flag for later
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        for (Throwable f : failures) {
            if (f instanceof RuntimeException e) {
                throw e;
            }
            if (f instanceof Error e) {
                throw e;
            }
            if (f != null) {
                throw new IllegalStateException("a search thread failed", f); // a checked exception thrown sneakily
            }
        }
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        return total;
    }

    private void runWorker(Node root, int id, AtomicLong claimed, long deadline, int[] counts,
                           Throwable[] failures) {
        Worker w = workers[id];
        int sims = 0;
        long next = 0;
        long end = 0;
        try {
            while (!done(root)) {
                if (next == end) {
                    next = claimed.getAndAdd(CLAIM);
                    end = Math.min(next + CLAIM, config.simulations());
                    if (next >= end) {
                        break;
                    }
                }
                if (next > 0 && deadline != Long.MAX_VALUE && System.nanoTime() >= deadline) {
                    break;
                }
                next++;
                if (simulate(root, w, true)) {
                    sims++;
                }
            }
        } catch (Throwable t) {
            failures[id] = t;
            claimed.set(Long.MAX_VALUE / 2); // stop the others
        }
        counts[id] = sims;
    }

    /** One simulation; false if there was nothing to simulate, the root having been proven meanwhile. */
    private boolean simulate(Node root, Worker w, boolean concurrent) {
        List<Node> path = w.path();
        path.clear();
        Node node = root;
        path.add(node);
        while (!node.state.isTerminal() && !(config.solver() && node.proven())) {
            Node child = concurrent ? expandConcurrent(node, w.rng()) : expand(node, w.rng());
            if (child != null) {
                path.add(child);
                node = child;
                break;
            }
            node = select(node, concurrent);
            if (concurrent) {
                node.addVirtualLoss();
            }
            path.add(node);
        }
        Node leaf = node;
        if (leaf == root) {
            // only when another thread proved the root after this one checked it: nothing is left to search
            return false;
        }
        double[] values;
        if (leaf.proven()) {
            // A proven value is exact: no need to spend an evaluation on it.
            values = new double[2];
            values[leaf.mover] = leaf.provenValue();
            values[1 - leaf.mover] = -leaf.provenValue();
        } else {
            values = w.evaluator().evaluate(leaf.state);
        }
        for (int i = path.size() - 1; i >= 0; i--) {
            Node n = path.get(i);
            if (concurrent) {
                n.updateConcurrent(values, n != root);
            } else {
                n.update(values);
            }
            if (config.solver() && !n.proven() && i < path.size() - 1) {
                prove(n);
            }
        }
        return true;
    }

    /** A new child of {@code node}, or null if every legal action has one. */
    private Node expand(Node node, Rng rng) {
        if (!node.hasUntried()) {
            return null;
        }
        int a = config.solver() ? node.takeImmediateWin() : -1;
        if (a < 0) {
            a = node.takeUntried(rng);
        }
        Node child = newChild(node, a);
        node.setChild(a, child);
        return child;
    }

    /**
     * {@link #expand} under the node's monitor, the child published with this simulation's virtual loss already on
     * it. Null only once every child is published, so that {@link #select} sees them all.
     */
    private Node expandConcurrent(Node node, Rng rng) {
        if (node.allPublished()) {
            return null;
        }
        synchronized (node) {
            if (!node.hasUntried()) {
                return null;
            }
            int a = config.solver() ? node.takeImmediateWin() : -1;
            if (a < 0) {
                a = node.takeUntried(rng);
            }
            Node child = newChild(node, a);
            child.addVirtualLoss();
            node.setChild(a, child);
            node.countPublished();
            return child;
        }
    }

    /**
     * UCB1 over the children; proven losses for the side to move are skipped while anything else remains. In a
     * multi-threaded search each virtual loss counts as one more visit that lost.
     */
    private Node select(Node node, boolean concurrent) {
        long counts = node.counts();
        double logN = Math.log(Node.visitsOf(counts) + (concurrent ? Node.virtualLossOf(counts) : 0));
        Node best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        Node fallback = null;
        for (int a = 0; a < numDistinctActions; a++) {
            Node child = node.child(a);
            if (child == null) {
                continue;
            }
            boolean proven = config.solver() && child.proven();
            if (proven && child.provenValue() < 0) {
                fallback = child;
                continue;
            }
            double n;
            double q;
            if (concurrent) {
                long c = child.counts();
                int virtualLoss = Node.virtualLossOf(c);
                // n >= 1: a child is published with its creator's virtual loss on it
                n = Node.visitsOf(c) + virtualLoss;
                q = (child.valueSum() - virtualLoss) / n;
            } else {
                n = child.visits();
                q = child.valueSum() / n;
            }
            if (proven) {
                q = child.provenValue();
            }
            double score = q + config.explorationConstant() * Math.sqrt(logN / n);
            if (score > bestScore) {
                bestScore = score;
                best = child;
            }
        }
        return best != null ? best : fallback;
    }

    /**
     * MCTS-Solver's backup rule, with draws, from the perspective of {@code node}'s mover; every game here
     * alternates moves (a pass is a move), so a child's mover is the side to move at {@code node}.
     */
    private void prove(Node node) {
        double best = Double.NEGATIVE_INFINITY;
        int provenChildren = 0;
        for (int a = 0; a < numDistinctActions; a++) {
            Node child = node.child(a);
            if (child == null || !child.proven()) {
                continue;
            }
            if (child.provenValue() > 0) {
                node.prove(-1);
                return;
            }
            best = Math.max(best, child.provenValue());
            provenChildren++;
        }
        if (provenChildren == node.numLegalActions()) {
            node.prove(0.0 - best); // not -best: a proven draw must read 0.0, not -0.0
        }
    }

    /**
     * The move to play: a proven win if there is one; else the most visited child that is not a proven loss, a tie
     * going to the higher mean value (the same evidence, a better estimate); else the most visited child.
     */
    private SearchResult result(Node root, int simulations) {
        double[] policy = new double[numDistinctActions];
        long total = 0;
        double valueSum = 0;
        int provenWin = -1;
        int best = -1;
        int bestNonLosing = -1;
        for (int a = 0; a < numDistinctActions; a++) {
            Node child = root.child(a);
            if (child == null) {
                continue;
            }
            policy[a] = child.visits();
            total += child.visits();
            valueSum += child.valueSum();
            boolean proven = config.solver() && child.proven();
            if (proven && child.provenValue() > 0 && provenWin < 0) {
                provenWin = a;
            }
            if (best < 0 || better(child, root.child(best))) {
                best = a;
            }
            boolean losing = proven && child.provenValue() < 0;
            if (!losing && (bestNonLosing < 0 || better(child, root.child(bestNonLosing)))) {
                bestNonLosing = a;
            }
        }
        for (int a = 0; a < policy.length; a++) {
            policy[a] /= total;
        }
        int action = provenWin >= 0 ? provenWin : bestNonLosing >= 0 ? bestNonLosing : best;
        double rootValue = config.solver() && root.proven() ? 0.0 - root.provenValue() : valueSum / total;
        return new SearchResult(action, policy, rootValue, simulations);
    }

    private static boolean better(Node a, Node b) {
        if (a.visits() != b.visits()) {
            return a.visits() > b.visits();
        }
        return a.valueSum() > b.valueSum(); // equal visits: the higher sum is the higher mean
    }
}
