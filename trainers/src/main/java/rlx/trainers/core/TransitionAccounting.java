package rlx.trainers.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where every transition went: produced by runners (per node), consumed by the learner, or dropped (stale, late or
 * from a runner that is gone). A finished run has {@code produced == consumed + dropped}. Owned by one actor or
 * thread; the counters survive a resume through {@link #state()}.
 */
public final class TransitionAccounting {

    /** The counters as a checkpoint stores them. */
    public record State(long produced, long consumed, long dropped, long runnerRestarts, long envRestarts,
                        Map<String, Long> byNode) {
        public State {
            byNode = byNode == null ? Map.of() : Map.copyOf(byNode);
        }
    }

    private long produced;
    private long consumed;
    private long dropped;
    private long runnerRestarts;
    private long envRestarts;
    private final Map<String, Long> byNode = new TreeMap<>();

    public void produced(String node, long n) {
        produced += n;
        byNode.merge(node, n, Long::sum);
    }

    public void consumed(long n) {
        consumed += n;
    }

    public void dropped(long n) {
        dropped += n;
    }

    public void runnerRestarted() {
        runnerRestarts++;
    }

    /** Envs that threw and were rebuilt inside runners (their episodes count as truncated). */
    public void envRestarted(long n) {
        envRestarts += n;
    }

    public long envRestarts() {
        return envRestarts;
    }

    public long produced() {
        return produced;
    }

    public long consumed() {
        return consumed;
    }

    public long dropped() {
        return dropped;
    }

    public long runnerRestarts() {
        return runnerRestarts;
    }

    public State state() {
        return new State(produced, consumed, dropped, runnerRestarts, envRestarts, byNode);
    }

    public void restore(State s) {
        produced = s.produced();
        consumed = s.consumed();
        dropped = s.dropped();
        runnerRestarts = s.runnerRestarts();
        envRestarts = s.envRestarts();
        byNode.clear();
        byNode.putAll(s.byNode());
    }

    /** The summary.json entries: {@code transitions {produced, consumed, dropped, by_node}},
     * {@code runner_restarts} and {@code env_restarts}. */
    public Map<String, Object> toSummary() {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("produced", produced);
        t.put("consumed", consumed);
        t.put("dropped", dropped);
        t.put("by_node", new LinkedHashMap<>(byNode));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("transitions", t);
        out.put("runner_restarts", runnerRestarts);
        out.put("env_restarts", envRestarts);
        return out;
    }
}
