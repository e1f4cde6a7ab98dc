package org.neuromanifold.numeric.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The quadrature rules integrate the standard normal's moments exactly up to degree 2m − 1. */
class GaussHermiteTest {
    @Test
    void momentsOfTheStandardNormalAreExactUpToDegreeTwoMMinusOne() {
        for (int m = 1; m <= 12; m++) {
            double[] z = GaussHermite.nodes(m);
            double[] w = GaussHermite.weights(m);
            for (int degree = 0; degree <= 2 * m - 1; degree++) {
                double q = 0;
                double scale = 0; // Σ w|z|^d bounds the rounding of the sum (odd moments cancel large terms)
                for (int i = 0; i < m; i++) {
                    q += w[i] * Math.pow(z[i], degree);
                    scale += w[i] * Math.pow(Math.abs(z[i]), degree);
                }
                double exact = degree % 2 == 1 ? 0 : doubleFactorial(degree - 1);
                assertEquals(exact, q, 1e-13 * Math.max(1, scale), "m = " + m + ", E[Z^" + degree + "]");
            }
        }
    }

    @Test
    void nodesNeededForADegree() {
        assertEquals(1, GaussHermite.nodesForDegree(0));
        assertEquals(1, GaussHermite.nodesForDegree(1));
        assertEquals(2, GaussHermite.nodesForDegree(2));
        assertEquals(2, GaussHermite.nodesForDegree(3));
        assertEquals(3, GaussHermite.nodesForDegree(4));
    }

    /** (n)!! with (−1)!! = 1. */
    private static double doubleFactorial(int n) {
        double r = 1;
        for (int k = n; k > 1; k -= 2) {
            r *= k;
        }
        return r;
    }
}
