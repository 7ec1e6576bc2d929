/**
 * Actor-critic networks: a shared torso with a softmax policy head and a scalar value head in one DL4J graph. Only
 * the builder lives here; the policy-gradient training code comes with the actor-critic agents.
 */
package rlx.networks.ac;
