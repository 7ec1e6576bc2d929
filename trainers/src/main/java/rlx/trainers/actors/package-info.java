/**
 * The actor runtime (Apache Pekko typed): env runner actors collect rollouts or compute A3C gradients with their own
 * copies of the network, a learner actor owns the training network and hands out versioned parameters. Messages are
 * records under sealed protocols ({@link rlx.trainers.actors.LearnerCommand}, {@link rlx.trainers.actors.RunnerCommand})
 * serialised with Jackson CBOR when they cross JVMs; DL4J work runs on {@value rlx.trainers.actors.RuntimeSystem#COMPUTE_DISPATCHER}.
 */
package rlx.trainers.actors;
