/**
 * Pekko Cluster (Artery TCP) for the actor runtime: one learner node ({@link rlx.trainers.cluster.ClusterPgTrainer},
 * {@code cluster.role = learner}) and any number of worker nodes ({@link rlx.trainers.cluster.ClusterWorker}) that
 * join it, receive the run's config as data ({@link rlx.trainers.cluster.RunSpec}) and run env runners for it.
 * Messages are Jackson CBOR; a worker that dies is downed by the split brain resolver and its runners written off.
 */
package rlx.trainers.cluster;
