package org.neuromanifold.core.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.Test;

/**
 * Relative accuracy of σ' and σ'' far from 0, where they are exponentially small but still normal
 * doubles. Formulas such as s(1 − s) or 1 − tanh² cancel to exactly 0 there (sigm'(40) would be 0
 * instead of 4.2·10⁻¹⁸); the references below are written in the non-cancelling form e/(1 + e)² with
 * e = e^{−|z|}, or with cosh, and agree to a few ulps.
 */
class DerivativeTailsTest {
    private static final double[] POINTS = {0.5, 5, 20, 40, 100, 300, 700};
    /** A few ulps of relative error from exp, cosh and four arithmetic operations. */
    private static final double REL = 1e-14;

    /** sigm'(z) = e/(1 + e)², e = e^{−|z|} (sigm' is even). */
    private static double sigmoidPrime(double z) {
        double e = Math.exp(-Math.abs(z));
        return e / ((1 + e) * (1 + e));
    }

    /** sigm''(z) = −sign(z)·e(1 − e)/(1 + e)³ (sigm'' is odd). */
    private static double sigmoidSecond(double z) {
        double e = Math.exp(-Math.abs(z));
        return -Math.signum(z) * e * (1 - e) / ((1 + e) * (1 + e) * (1 + e));
    }

    private static void assertRelative(DoubleUnaryOperator expected, DoubleUnaryOperator actual, String what) {
        for (double p : POINTS) {
            for (double z : new double[] {p, -p}) {
                double e = expected.applyAsDouble(z);
                assertEquals(e, actual.applyAsDouble(z), REL * Math.abs(e), what + " at z = " + z);
            }
        }
    }

    @Test
    void sigmoid() {
        Sigmoid s = new Sigmoid();
        assertRelative(DerivativeTailsTest::sigmoidPrime, s::derivative, "sigm'");
        assertRelative(DerivativeTailsTest::sigmoidSecond, s::secondDerivative, "sigm''");
    }

    @Test
    void tanh() {
        Tanh t = new Tanh();
        assertRelative(z -> 1 / Math.cosh(z) / Math.cosh(z), t::derivative, "tanh'");
        assertRelative(z -> -2 * Math.tanh(z) / Math.cosh(z) / Math.cosh(z), t::secondDerivative, "tanh''");
    }

    @Test
    void softplus() {
        Softplus s = new Softplus();
        assertRelative(z -> 1 / (1 + Math.exp(-z)), s::derivative, "softplus'");
        assertRelative(DerivativeTailsTest::sigmoidPrime, s::secondDerivative, "softplus''");
    }

    @Test
    void smoothPrelu() {
        for (double[] p : new double[][] {{0.1, 0.5}, {0.0, 1.0}, {0.5, 3.0}}) {
            double iota = p[0];
            double omega = p[1];
            SmoothPrelu sp = new SmoothPrelu(iota, omega);
            double c = 1 - iota;
            assertRelative(z -> c * c / omega * sigmoidPrime(c * z / omega), sp::secondDerivative, sp.label() + "''");
        }
    }
}
