package org.neuromanifold.symbolic.derive.conditioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QuadratureTest {
    private static double expectation(Quadrature.Rule rule, int power) {
        double s = 0;
        for (int k = 0; k < rule.size(); k++) {
            s += rule.weights()[k] * Math.pow(rule.nodes()[k], power);
        }
        return s;
    }

    @Test
    void gaussHermiteIsExactUpToDegreeTwoMMinusOne() {
        Quadrature.Rule three = Quadrature.gaussHermite(3);
        // E[Z^k] = (k − 1)!! for even k, 0 for odd k
        assertEquals(1, expectation(three, 0), 1e-14);
        assertEquals(0, expectation(three, 3), 1e-14);
        assertEquals(3, expectation(three, 4), 1e-13);
        assertEquals(0, expectation(three, 5), 1e-13);
        // degree 6 > 2·3 − 1: the 3-point rule gives 9, not 15
        assertTrue(Math.abs(expectation(three, 6) - 15) > 1, "a 3-point rule cannot integrate z^6");
        assertEquals(15, expectation(Quadrature.gaussHermite(4), 6), 1e-12);
    }

    @Test
    void panelsIntegrateGaussianMomentsAndKinks() {
        assertEquals(1, Quadrature.integrate(Quadrature::density, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY),
                1e-14);
        assertEquals(0.5, Quadrature.integrate(s -> s * s * Quadrature.density(s), 0, Double.POSITIVE_INFINITY), 1e-14);
        // |x| on [−1, 1] has its kink on a breakpoint: exact
        assertEquals(1, Quadrature.integrate(Math::abs, -1, 1), 1e-15);
        assertEquals(Math.sqrt(2 / Math.PI), Quadrature.integrate(s -> Math.abs(s) * Quadrature.density(s),
                Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY), 1e-14);
        assertEquals(0, Quadrature.integrate(s -> 1, 3, 3));
        assertThrows(IllegalArgumentException.class, () -> Quadrature.integrate(s -> 1, 1, 0));
    }
}
