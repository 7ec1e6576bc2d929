/**
 * Q-networks for value-based agents: a DL4J computation graph with optional dueling head, masked regression
 * training, save/load with updater state, and an allocation-free plain-Java forward pass for acting. The DQN learner
 * uses only {@link rlx.networks.q.QNetwork}, {@link rlx.networks.q.QNetworkConfig} and
 * {@link rlx.networks.q.PlainForward}.
 */
package rlx.networks.q;
