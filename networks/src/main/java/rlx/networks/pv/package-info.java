/** AlphaZero's policy-value network for board games: a residual convolutional torso with policy and value heads. */
package rlx.networks.pv;
