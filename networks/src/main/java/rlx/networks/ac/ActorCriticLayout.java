package rlx.networks.ac;

import java.util.List;
import rlx.networks.plain.ConvLayout;
import rlx.networks.plain.DenseLayout;
import rlx.networks.plain.PlainConv;

/**
 * Where every layer of an actor-critic network sits in its flat parameter vector: all a plain-Java
 * {@link ActorCriticForward} needs. It is data, so the learner can send it to runners in other JVMs, which then act
 * without building a DL4J graph and need no ND4J backend (the learner's JVM may run the CUDA one).
 *
 * @param conv        the conv layers, empty without a conv torso
 * @param valueTower  the value head's own dense layers, or null when it reads the policy's torso
 */
public record ActorCriticLayout(int numParams, int inputSize, List<ConvLayout> conv, List<DenseLayout> policyTower,
                                DenseLayout policyHead, List<DenseLayout> valueTower, DenseLayout valueHead) {

    public ActorCriticLayout {
        conv = List.copyOf(conv);
        policyTower = List.copyOf(policyTower);
        valueTower = valueTower == null ? null : List.copyOf(valueTower);
    }

    /** A new evaluator for this layout, its parameters all zero until {@link ActorCriticForward#load}. */
    public ActorCriticForward forward() {
        return new ActorCriticForward(numParams, inputSize, conv.isEmpty() ? null : new PlainConv(conv), policyTower,
                policyHead, valueTower, valueHead);
    }
}
