package rlx.trainers.cluster;

/**
 * How a worker node's part in a run ended.
 *
 * @param finished   the learner's run ended normally (exit 0); otherwise {@code message} says why not
 * @param node       this node's address
 * @param learner    the learner node's address, or empty if none was found
 * @param firstIndex index of this node's first runner, or -1 if it never ran any
 */
public record WorkerResult(boolean finished, String message, String node, String learner, int runners,
                           int firstIndex) {
}
