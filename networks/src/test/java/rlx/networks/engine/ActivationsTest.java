package rlx.networks.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ActivationsTest {

    @Test
    void rationalTanhIsWithinAFewUlpsOfMathTanh() {
        double worst = 0;
        for (int i = -2_000_000; i <= 2_000_000; i++) {
            float x = i * 1e-5f;
            float exact = (float) Math.tanh(x);
            float approx = Activations.tanh(x);
            worst = Math.max(worst, Math.abs(approx - exact) / Math.ulp(Math.max(Math.abs(exact), 1e-30f)));
        }
        assertTrue(worst <= 8, "worst error " + worst + " ulps");
        assertEquals(1f, Activations.tanh(50f));
        assertEquals(-1f, Activations.tanh(-50f));
        assertEquals(0f, Activations.tanh(0f));
    }
}
