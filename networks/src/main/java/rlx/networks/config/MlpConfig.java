package rlx.networks.config;

import java.util.List;

/**
 * A stack of fully connected hidden layers.
 *
 * @param hidden     widths of the hidden layers, input side first; empty means the heads read the input directly
 * @param activation activation of every hidden layer (heads are linear)
 * @param weightInit initialisation of every weight matrix, heads included
 */
public record MlpConfig(List<Integer> hidden, ActivationKind activation, WeightInitKind weightInit) {

    /** Validates every width and copies the list. */
    public MlpConfig {
        hidden = Checks.copyOf("hidden", hidden);
        for (int i = 0; i < hidden.size(); i++) {
            Checks.positive("hidden[" + i + "]", hidden.get(i));
        }
        Checks.notNull("activation", activation);
        Checks.notNull("weightInit", weightInit);
    }

    /** Hidden widths with ReLU and He initialisation. */
    public static MlpConfig relu(int... hidden) {
        return new MlpConfig(java.util.Arrays.stream(hidden).boxed().toList(), ActivationKind.RELU, WeightInitKind.HE);
    }
}
