package rlx.networks.pv;

import rlx.networks.config.Checks;
import rlx.networks.config.OptimizerConfig;

/**
 * The AlphaZero network (Silver et al. 2017, "Mastering the game of Go without human knowledge", Methods): a 3x3
 * convolution stem, {@code blocks} residual blocks of two 3x3 convolutions with batch normalisation, a policy head
 * (1x1 convolution to 2 planes, then a softmax over the actions) and a value head (1x1 convolution to 1 plane, a
 * hidden layer, then tanh).
 *
 * @param filters     channels of every 3x3 convolution, &gt; 0
 * @param blocks      residual blocks after the stem, &gt;= 0
 * @param valueHidden units of the value head's hidden layer, &gt; 0
 * @param optimizer   update rule; its {@code l2} is the paper's weight decay {@code c}
 */
public record PolicyValueConfig(int filters, int blocks, int valueHidden, OptimizerConfig optimizer) {

    public PolicyValueConfig {
        Checks.positive("filters", filters);
        Checks.nonNegative("blocks", blocks);
        Checks.positive("valueHidden", valueHidden);
        Checks.notNull("optimizer", optimizer);
    }
}
