package rlx.networks.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import rlx.networks.config.OptimizerConfig;

class Dl4jMappingTest {

    @Test
    void updatersReceiveEveryHyperParameterInTheRightSlot() {
        Adam adam = assertInstanceOf(Adam.class,
                Dl4jMapping.updater(OptimizerConfig.adam(0.01).withBetas(0.8, 0.95).withEpsilon(1e-5)));
        assertEquals(0.01, adam.getLearningRate());
        assertEquals(0.8, adam.getBeta1());
        assertEquals(0.95, adam.getBeta2());
        assertEquals(1e-5, adam.getEpsilon());

        Nesterovs nesterovs = assertInstanceOf(Nesterovs.class,
                Dl4jMapping.updater(OptimizerConfig.momentum(0.02, 0.7)));
        assertEquals(0.02, nesterovs.getLearningRate());
        assertEquals(0.7, nesterovs.getMomentum());

        RmsProp rms = assertInstanceOf(RmsProp.class,
                Dl4jMapping.updater(OptimizerConfig.rmsprop(0.03).withRmsDecay(0.9).withEpsilon(1e-6)));
        assertEquals(0.03, rms.getLearningRate());
        assertEquals(0.9, rms.getRmsDecay());
        assertEquals(1e-6, rms.getEpsilon());

        Sgd sgd = assertInstanceOf(Sgd.class, Dl4jMapping.updater(OptimizerConfig.sgd(0.04)));
        assertEquals(0.04, sgd.getLearningRate());
    }

    @Test
    void versionIsReadFromTheDl4jJar() {
        assertEquals("1.0.0-M2.1", Dl4jMapping.dl4jVersion());
    }
}
