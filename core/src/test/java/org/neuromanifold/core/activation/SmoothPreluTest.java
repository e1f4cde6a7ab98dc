package org.neuromanifold.core.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.neuromanifold.core.scalar.Fn;

/**
 * The smoothed PReLU σ_ω(z) = ω·ln(exp(ιz/ω) + exp(z/ω)) (seed 003, eq. 17 as corrected in the design
 * page) and its limit, the PReLU, as ω → 0⁺.
 */
class SmoothPreluTest {
    private static final double[] IOTAS = {0.0, 0.1, 0.5, 0.9};

    /**
     * σ_ω − PReLU_ι = ω·ln(1 + e^{−(1−ι)|z|/ω}) ∈ (0, ω ln 2], with the maximum at z = 0. So the
     * sup-distance to the PReLU is exactly ω ln 2 and goes to 0 linearly in ω.
     */
    @Test
    void convergesUniformlyToPreluAsOmegaShrinks() {
        for (double iota : IOTAS) {
            LeakyRelu prelu = new LeakyRelu(iota);
            for (double omega : new double[] {1.0, 1e-1, 1e-2, 1e-4, 1e-8}) {
                SmoothPrelu smooth = new SmoothPrelu(iota, omega);
                double sup = 0;
                for (int k = -400; k <= 400; k++) {
                    double z = k / 100.0;
                    double gap = smooth.value(z) - prelu.value(z);
                    assertTrue(gap > -1e-15 * Math.max(1, Math.abs(z)), "σ_ω ≥ PReLU at z = " + z);
                    double expected = omega * Math.log1p(Math.exp(-(1 - iota) * Math.abs(z) / omega));
                    assertEquals(expected, gap, 1e-15 * Math.max(1, Math.abs(z)), "gap at z = " + z);
                    sup = Math.max(sup, gap);
                }
                assertEquals(omega * Math.log(2), sup, 1e-15, "sup gap for iota=" + iota + ", omega=" + omega);
            }
        }
    }

    /**
     * σ'_ω(z) = ι + (1−ι)·sigm((1−ι)z/ω) tends to PReLU' (1 for z &gt; 0, ι for z &lt; 0); the distance is
     * (1−ι)·sigm(−(1−ι)|z|/ω) ≤ (1−ι)·e^{−(1−ι)|z|/ω}.
     */
    @Test
    void derivativeFollowsTheClosedFormAndTendsToPreluSlopes() {
        for (double iota : IOTAS) {
            for (double omega : new double[] {2.0, 0.5, 1e-2, 1e-6}) {
                SmoothPrelu smooth = new SmoothPrelu(iota, omega);
                for (int k = -50; k <= 50; k++) {
                    double z = k / 10.0;
                    double formula = iota + (1 - iota) * Fn.SIGMOID.apply((1 - iota) * z / omega);
                    assertEquals(formula, smooth.derivative(z), 1e-15, "σ'(" + z + ")");
                    if (z != 0) {
                        double limit = z > 0 ? 1 : iota;
                        double bound = (1 - iota) * Math.exp(-(1 - iota) * Math.abs(z) / omega);
                        assertTrue(Math.abs(smooth.derivative(z) - limit) <= bound + 1e-16,
                                "|σ'_ω − PReLU'| ≤ (1−ι)e^{−(1−ι)|z|/ω} at z = " + z + ", ω = " + omega);
                    }
                }
                assertEquals((1 + iota) / 2, smooth.derivative(0), 1e-16, "σ'(0) = (1+ι)/2 for every ω");
            }
        }
        assertEquals(0.1, new SmoothPrelu(0.1, 1e-6).derivative(-0.5), 1e-15);
        assertEquals(1.0, new SmoothPrelu(0.1, 1e-6).derivative(0.5), 1e-15);
    }

    /** ι = 0 is the softplus scaled by ω: σ_ω(z) = ω·softplus(z/ω). */
    @Test
    void iotaZeroIsScaledSoftplus() {
        Softplus softplus = new Softplus();
        for (double omega : new double[] {0.25, 1, 3}) {
            SmoothPrelu smooth = new SmoothPrelu(0, omega);
            for (int k = -30; k <= 30; k++) {
                double z = k / 3.0;
                double expected = omega * softplus.value(z / omega);
                assertEquals(expected, smooth.value(z), 1e-15 * Math.max(1, Math.abs(expected)));
                assertEquals(softplus.derivative(z / omega), smooth.derivative(z), 1e-16);
                assertEquals(softplus.secondDerivative(z / omega) / omega, smooth.secondDerivative(z),
                        1e-16 / omega);
            }
        }
    }

    /** Where exp(z/ω) overflows the naive formula, the value is still max(z, ιz) and σ' the PReLU slope. */
    @Test
    void valueIsStableWhereTheNaiveFormulaOverflows() {
        SmoothPrelu smooth = new SmoothPrelu(0.1, 1e-3);
        assertEquals(1000.0, smooth.value(1000), 1e-12);
        assertEquals(-100.0, smooth.value(-1000), 1e-12);
        assertEquals(1.0, smooth.derivative(1000), 0);
        assertEquals(0.1, smooth.derivative(-1000), 0);
        // z/ω overflows to ∞ here; the value is still finite and exact
        SmoothPrelu narrow = new SmoothPrelu(0.1, 0.1);
        assertEquals(1e308, narrow.value(1e308), 0);
        assertEquals(-1e307, narrow.value(-1e308), 1e292);
        assertEquals(Double.MAX_VALUE, narrow.value(Double.MAX_VALUE), 0);
    }
}
