package org.neuromanifold.symbolic.derive.conditioning;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * The integration rules of the numeric certificates, independent of Symja (Commons Math rules):
 * <ul>
 * <li>{@link #gaussHermite}: E[g(Z)] for Z ~ N(0, 1) as Σ w_k g(z_k) (probabilists' nodes), exact for
 * polynomials g of degree ≤ 2m − 1;</li>
 * <li>{@link #integrate}: ∫_a^b f on panels of 32-point Gauss–Legendre with breakpoints at 0, ±½, ±1, ±2,
 * ±4, ±8, ±16, infinite ends cut at ±{@value #CUT} (the integrands are Gaussian-weighted: the tail beyond
 * is below e^{−800}). A kink at 0 (ReLU) falls on a breakpoint, so every panel integrand is smooth and
 * the rule is accurate to rounding.</li>
 * </ul>
 */
final class Quadrature {
    /** Where infinite integration ranges are cut. */
    static final double CUT = 40;
    private static final double[] BREAKS = {-CUT, -16, -8, -4, -2, -1, -0.5, 0, 0.5, 1, 2, 4, 8, 16, CUT};
    private static final int LEGENDRE_POINTS = 32;
    private static final double INV_SQRT_PI = 1 / Math.sqrt(Math.PI);
    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
    /** Caches the base rules; its rule lookups are synchronized. */
    private static final GaussIntegratorFactory RULES = new GaussIntegratorFactory();

    private Quadrature() {
    }

    /** Nodes z_k and weights w_k with Σ w_k g(z_k) = E[g(Z)], Z ~ N(0, 1). */
    record Rule(double[] nodes, double[] weights) {
        int size() {
            return nodes.length;
        }
    }

    /** The m-point probabilists' Gauss–Hermite rule (exact for polynomials of degree ≤ 2m − 1). */
    static Rule gaussHermite(int m) {
        // Commons Math gives the physicists' rule for the weight e^{-x²}: E[g(Z)] = π^{-1/2} Σ w g(√2 x)
        GaussIntegrator physicists = RULES.hermite(m);
        double[] z = new double[m];
        double[] w = new double[m];
        for (int k = 0; k < m; k++) {
            z[k] = Math.sqrt(2) * physicists.getPoint(k);
            w[k] = INV_SQRT_PI * physicists.getWeight(k);
        }
        return new Rule(z, w);
    }

    /** φ(z) = e^{−z²/2}/√(2π), the standard normal density. */
    static double density(double z) {
        return INV_SQRT_2PI * Math.exp(-0.5 * z * z);
    }

    /** ∫_a^b f(s) ds for a ≤ b, ends possibly infinite. */
    static double integrate(DoubleUnaryOperator f, double a, double b) {
        if (!(a <= b)) {
            throw new IllegalArgumentException("integration range: expected a <= b, got [" + a + ", " + b + "]");
        }
        double lo = Math.max(a, -CUT);
        double hi = Math.min(b, CUT);
        if (lo >= hi) {
            return 0;
        }
        List<Double> cuts = new ArrayList<>();
        cuts.add(lo);
        for (double c : BREAKS) {
            if (c > lo && c < hi) {
                cuts.add(c);
            }
        }
        cuts.add(hi);
        double sum = 0;
        for (int i = 0; i + 1 < cuts.size(); i++) {
            GaussIntegrator panel = RULES.legendre(LEGENDRE_POINTS, cuts.get(i), cuts.get(i + 1));
            sum += panel.integrate(f::applyAsDouble);
        }
        return sum;
    }
}
