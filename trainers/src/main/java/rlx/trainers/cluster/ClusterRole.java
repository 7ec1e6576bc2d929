package rlx.trainers.cluster;

/** What this process is in a cluster run: {@code cluster.role} of the experiment config. */
public enum ClusterRole {
    /** No cluster: runners live in this JVM only (the default). */
    NONE,
    /** The node that owns the learner; worker nodes join it and run env runners for it. */
    LEARNER
}
