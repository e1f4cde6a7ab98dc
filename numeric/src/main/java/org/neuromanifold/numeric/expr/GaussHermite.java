package org.neuromanifold.numeric.expr;

import org.apache.commons.math3.linear.EigenDecomposition;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;

/**
 * Gauss–Hermite quadrature for the standard normal: E[g(Z)] ≈ Σ_i w_i g(z_i) with m nodes, exact when
 * g is a polynomial of degree ≤ 2m − 1. Nodes and weights come from the Golub–Welsch algorithm: the
 * nodes are the eigenvalues of the Jacobi matrix of the probabilists' Hermite polynomials (zero
 * diagonal, off-diagonal √1, √2, …, √(m−1)) and the weights the squared first components of its unit
 * eigenvectors (Golub and Welsch, Math. Comp. 23, 1969).
 */
final class GaussHermite {
    /** The largest rule provided (degree 79 polynomials). */
    static final int MAX_NODES = 40;

    private static final double[][] NODES = new double[MAX_NODES + 1][];
    private static final double[][] WEIGHTS = new double[MAX_NODES + 1][];

    private GaussHermite() {
    }

    /** The m nodes, ascending. */
    static double[] nodes(int m) {
        ensure(m);
        return NODES[m];
    }

    /** The m weights (summing to 1), in the order of {@link #nodes}. */
    static double[] weights(int m) {
        ensure(m);
        return WEIGHTS[m];
    }

    /** The number of nodes that integrates polynomials of degree {@code degree} exactly. */
    static int nodesForDegree(int degree) {
        return degree / 2 + 1;
    }

    private static synchronized void ensure(int m) {
        if (m < 1 || m > MAX_NODES) {
            throw SpecificationException.expected(ErrorCode.OUT_OF_RANGE, "Gauss-Hermite nodes",
                    "between 1 and " + MAX_NODES, m);
        }
        if (NODES[m] != null) {
            return;
        }
        double[] z = new double[m];
        double[] w = new double[m];
        if (m == 1) {
            w[0] = 1;
        } else {
            double[] diagonal = new double[m];
            double[] offDiagonal = new double[m - 1];
            for (int i = 0; i < m - 1; i++) {
                offDiagonal[i] = Math.sqrt(i + 1);
            }
            EigenDecomposition eig = new EigenDecomposition(diagonal, offDiagonal);
            double[] values = eig.getRealEigenvalues();
            Integer[] order = new Integer[m];
            for (int i = 0; i < m; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
            for (int i = 0; i < m; i++) {
                int k = order[i];
                double v0 = eig.getEigenvector(k).getEntry(0);
                z[i] = values[k];
                w[i] = v0 * v0;
            }
            // the rule is symmetric: enforce it exactly, so odd moments vanish to the last bit
            for (int i = 0; i < m / 2; i++) {
                double node = 0.5 * (z[m - 1 - i] - z[i]);
                double weight = 0.5 * (w[i] + w[m - 1 - i]);
                z[i] = -node;
                z[m - 1 - i] = node;
                w[i] = weight;
                w[m - 1 - i] = weight;
            }
            if (m % 2 == 1) {
                z[m / 2] = 0;
            }
        }
        NODES[m] = z;
        WEIGHTS[m] = w;
    }
}
