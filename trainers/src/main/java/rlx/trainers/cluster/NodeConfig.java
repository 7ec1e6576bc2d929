package rlx.trainers.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.util.List;
import rlx.trainers.actors.RuntimeSystem;

/**
 * The Pekko configuration of a cluster node: {@code rlx-cluster.conf} over the actor runtime's, then the user's
 * {@code -Dconfig.file} / {@code -D} settings (TLS, failure detection), then this node's address, seed and role.
 */
public final class NodeConfig {

    /** Every node's actor system has this name; it is part of the node addresses. */
    public static final String SYSTEM_NAME = "rlx";
    /** Cluster role of the node that owns the learner. */
    public static final String LEARNER_ROLE = "learner";
    /** Cluster role of nodes that only run env runners. */
    public static final String WORKER_ROLE = "worker";

    private NodeConfig() {
    }

    /**
     * The learner node: listens on {@code cluster.hostname:cluster.port}. It has no seed nodes: {@link LearnerNode}
     * joins it to itself, which also works for port 0 (any free port).
     */
    public static Config learner(ClusterSettings s) {
        return node(s.hostname(), s.bindHostname(), s.port(), List.of(), LEARNER_ROLE);
    }

    /** A worker node on {@code hostname:port} (0: any free port) that joins the learner node at {@code join}. */
    public static Config worker(NodeAddress join, String hostname, String bindHostname, int port) {
        return node(hostname, bindHostname, port, List.of(join.pekkoAddress()), WORKER_ROLE);
    }

    private static Config node(String hostname, String bindHostname, int port, List<String> seeds, String role) {
        Config node = ConfigFactory.empty()
                .withValue("pekko.remote.artery.canonical.hostname", ConfigValueFactory.fromAnyRef(hostname))
                .withValue("pekko.remote.artery.canonical.port", ConfigValueFactory.fromAnyRef(port))
                .withValue("pekko.cluster.seed-nodes", ConfigValueFactory.fromIterable(seeds))
                .withValue("pekko.cluster.roles", ConfigValueFactory.fromIterable(List.of(role)));
        if (bindHostname != null && !bindHostname.isBlank()) {
            node = node.withValue("pekko.remote.artery.bind.hostname", ConfigValueFactory.fromAnyRef(bindHostname));
        }
        Config user = ConfigFactory.defaultOverrides().withFallback(ConfigFactory.defaultApplication());
        return RuntimeSystem.config(0, node
                .withFallback(user)
                .withFallback(ConfigFactory.parseResources("rlx-cluster.conf")));
    }
}
