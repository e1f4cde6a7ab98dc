package org.neuromanifold.numeric.expr;

import java.util.Arrays;

import org.neuromanifold.numeric.autodiff.AutoDiff;
import org.neuromanifold.numeric.autodiff.Tape;

/**
 * The n draws of one Monte Carlo expectation, recorded as (1/n) Σ w_i b_i with the weights w_i = 1/n
 * as tape leaves, and the standard error they cause in any result r computed from them.
 *
 * <p>Method: the infinitesimal jackknife (Jaeckel 1972; Efron 1982, ch. 6). With U_i = ∂r/∂w_i −
 * Σ_j w_j ∂r/∂w_j the influence of draw i, the variance of r is estimated by Σ_i U_i² / (n(n−1)). For
 * r = the mean itself this is exactly the sample variance over n; for any smooth function of it,
 * derivatives of it included, it is the first-order (delta-method) variance, because the weights
 * reach r along every path the draws do. Independent groups add their variances.
 */
record MonteCarloGroup(int[] weights) {
    /** The sampling variance that this group contributes to each entry of r. */
    double[] variance(Tape t, int r) {
        int n = weights.length;
        int size = t.size(r);
        double[] var = new double[size];
        double[] influence = new double[n];
        if (size <= n) {
            // one reverse sweep per entry of r gives ∂r_c/∂w_i for every draw
            for (int c = 0; c < size; c++) {
                int mark = t.mark();
                int[] cot = AutoDiff.vjp(t, r, t.basisLike(r, c), weights);
                for (int i = 0; i < n; i++) {
                    influence[i] = t.scalarValue(cot[i]);
                }
                t.rewind(mark);
                var[c] = jackknife(influence);
            }
        } else {
            // one forward sweep per draw gives ∂r/∂w_i for every entry
            double[][] d = new double[size][n];
            for (int i = 0; i < n; i++) {
                int mark = t.mark();
                int di = AutoDiff.jvp(t, r, weights[i], t.scalar(1.0));
                for (int c = 0; c < size; c++) {
                    d[c][i] = t.get(di, c);
                }
                t.rewind(mark);
            }
            for (int c = 0; c < size; c++) {
                var[c] = jackknife(d[c]);
            }
        }
        return var;
    }

    /** Σ_i (g_i − ḡ)² / (n(n−1)) for the derivatives g_i = ∂r/∂w_i (all w_i = 1/n). */
    private static double jackknife(double[] g) {
        int n = g.length;
        double mean = 0;
        for (double v : g) {
            mean += v;
        }
        mean /= n;
        double ss = 0;
        for (double v : g) {
            ss += (v - mean) * (v - mean);
        }
        return ss / ((double) n * (n - 1));
    }

    /** Whether r depends on any of the group's weights (a walk over r's ancestors). */
    boolean reaches(Tape t, int r) {
        int lo = Arrays.stream(weights).min().orElse(Integer.MAX_VALUE);
        if (lo > r) {
            return false;
        }
        boolean[] reached = new boolean[r - lo + 1];
        reached[r - lo] = true;
        for (int id = r; id >= lo; id--) {
            if (!reached[id - lo]) {
                continue;
            }
            for (int k = 0, a = t.arity(id); k < a; k++) {
                int in = t.input(id, k);
                if (in >= lo) {
                    reached[in - lo] = true;
                }
            }
        }
        for (int w : weights) {
            if (w <= r && reached[w - lo]) {
                return true;
            }
        }
        return false;
    }
}
