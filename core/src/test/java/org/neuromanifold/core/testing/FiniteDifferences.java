package org.neuromanifold.core.testing;

import java.util.function.DoubleUnaryOperator;

/**
 * Central finite differences with the step chosen by balancing truncation against rounding.
 *
 * <p>{@code D_h f(z) = (f(z+h) − f(z−h)) / (2h)} differs from {@code f'(z)} by the truncation error
 * {@code h²·f'''(ξ)/6} and by the rounding error of the two evaluations, about
 * {@code u·ε·(|f(z+h)| + |f(z−h)|)/(2h)} when each evaluation is correct to {@code u} ulps
 * ({@code ε = 2⁻⁵²}). Balancing {@code h²} against {@code ε/h} gives {@code h ≈ ε^{1/3}}, scaled by
 * {@code max(1, |z|)} so that {@code z ± h} is a relative perturbation of {@code z}. With
 * {@code |f'''| ≤ 1} and {@code |f| ≤ 1} both terms are about {@code 4·10⁻¹¹}.
 */
public final class FiniteDifferences {
    /** Machine epsilon 2⁻⁵². */
    public static final double EPS = Math.ulp(1.0);
    /** Evaluation error assumed per function value, in ulps (composed elementary functions). */
    public static final double ULPS = 8;

    private FiniteDifferences() {
    }

    /** The step {@code ε^{1/3}·max(1, |z|)}. */
    public static double step(double z) {
        return Math.cbrt(EPS) * Math.max(1, Math.abs(z));
    }

    /** The central difference at {@code z}; the denominator is the exact distance of the rounded abscissae. */
    public static double central(DoubleUnaryOperator f, double z) {
        double h = step(z);
        double zp = z + h;
        double zm = z - h;
        return (f.applyAsDouble(zp) - f.applyAsDouble(zm)) / (zp - zm);
    }

    /**
     * A bound on {@code |central(f, z) − f'(z)|} given {@code |f'''| ≤ thirdDerivativeBound} on
     * {@code [z−h, z+h]}: truncation {@code h²·M/6} plus rounding {@code ULPS·ε·(|f(z+h)| + |f(z−h)|)/(2h)}.
     */
    public static double errorBound(DoubleUnaryOperator f, double z, double thirdDerivativeBound) {
        double h = step(z);
        double truncation = h * h * thirdDerivativeBound / 6;
        double rounding = ULPS * EPS * (Math.abs(f.applyAsDouble(z + h)) + Math.abs(f.applyAsDouble(z - h))) / (2 * h);
        return truncation + rounding;
    }
}
