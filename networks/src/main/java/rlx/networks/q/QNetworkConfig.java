package rlx.networks.q;

import com.fasterxml.jackson.annotation.JsonCreator;
import rlx.networks.config.Checks;
import rlx.networks.config.ConvTorsoConfig;
import rlx.networks.config.LossKind;
import rlx.networks.config.MlpConfig;
import rlx.networks.config.OptimizerConfig;

/**
 * A Q-network: optional convolutions, a dense torso, then either one linear layer of Q-values or a dueling head
 * ({@code Q = V + A - mean(A)}, Wang et al. 2016), trained with a masked regression loss.
 *
 * @param torso      hidden dense layers (after the convolutions, if any)
 * @param dueling    whether to use separate value and advantage heads
 * @param optimizer  optimiser of all parameters
 * @param loss       regression loss on the masked Q-values
 * @param huberDelta Huber threshold, &gt; 0 when {@code loss} is HUBER; otherwise only required to be finite
 * @param conv       convolutions in front of the torso, or null for a plain MLP
 */
public record QNetworkConfig(MlpConfig torso, boolean dueling, OptimizerConfig optimizer, LossKind loss,
                             double huberDelta, ConvTorsoConfig conv) {

    /** Validates every field. */
    @JsonCreator
    public QNetworkConfig {
        Checks.notNull("torso", torso);
        Checks.notNull("optimizer", optimizer);
        Checks.notNull("loss", loss);
        if (loss == LossKind.HUBER) {
            Checks.positive("huberDelta", huberDelta);
        } else if (!Double.isFinite(huberDelta)) {
            throw new IllegalArgumentException("huberDelta (" + huberDelta + ") must be finite");
        }
    }

    /** An MLP Q-network without convolutions. */
    public QNetworkConfig(MlpConfig torso, boolean dueling, OptimizerConfig optimizer, LossKind loss,
                          double huberDelta) {
        this(torso, dueling, optimizer, loss, huberDelta, null);
    }

    /** A copy with convolutions in front of the torso. */
    public QNetworkConfig withConv(ConvTorsoConfig value) {
        return new QNetworkConfig(torso, dueling, optimizer, loss, huberDelta, value);
    }

    /** A copy with another optimiser. */
    public QNetworkConfig withOptimizer(OptimizerConfig value) {
        return new QNetworkConfig(torso, dueling, value, loss, huberDelta, conv);
    }
}
