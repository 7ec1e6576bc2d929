/**
 * Optimisers over a network's flat parameter vector, as PyTorch defines them: used where the gradient is computed in
 * one place and applied in another (A3C's shared RMSProp) or must be clipped by its global norm.
 */
package rlx.networks.optim;
