package rlx.trainers.cluster;

/**
 * The {@code cluster} section of an experiment config: whether this process is a cluster learner, where its node
 * listens, and how many worker nodes it waits for before the first round.
 *
 * @param hostname     the address other nodes reach this node at (Artery's canonical hostname); loopback by default
 * @param bindHostname the interface to bind; empty binds {@code hostname}. Binding elsewhere (e.g. 0.0.0.0 behind
 *                     NAT) must be asked for explicitly
 * @param port         the learner node's port (0: any free port, printed at start)
 * @param minWorkers   worker nodes that must have joined before training starts
 */
public record ClusterSettings(ClusterRole role, String hostname, String bindHostname, int port, int minWorkers) {

    public static final String LOOPBACK = "127.0.0.1";
    public static final int DEFAULT_PORT = 25520;
    /** Today's behaviour: no cluster. */
    public static final ClusterSettings NONE = new ClusterSettings(ClusterRole.NONE, LOOPBACK, "", DEFAULT_PORT, 0);

    public ClusterSettings {
        if (role == null) {
            throw new IllegalArgumentException("cluster.role must be none or learner");
        }
        if (hostname == null || hostname.isBlank()) {
            throw new IllegalArgumentException("cluster.hostname must not be empty (default " + LOOPBACK + ")");
        }
        bindHostname = bindHostname == null ? "" : bindHostname.strip();
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("cluster.port (" + port + ") must be in 0..65535");
        }
        if (minWorkers < 0) {
            throw new IllegalArgumentException("cluster.min-workers (" + minWorkers + ") must be >= 0");
        }
    }

    /** A learner node on {@code hostname:port} that waits for {@code minWorkers} workers. */
    public static ClusterSettings learner(String hostname, int port, int minWorkers) {
        return new ClusterSettings(ClusterRole.LEARNER, hostname, "", port, minWorkers);
    }

    public boolean isLearner() {
        return role == ClusterRole.LEARNER;
    }
}
