/**
 * Actor-critic networks: optional convolutions shared by both heads, a shared dense torso or separate dense towers,
 * then a policy-logits head and a scalar value head in one DL4J graph; the policy-gradient and value losses of A2C,
 * A3C and PPO, flat gradients for an external optimiser, and a plain-Java forward pass for acting.
 */
package rlx.networks.ac;
