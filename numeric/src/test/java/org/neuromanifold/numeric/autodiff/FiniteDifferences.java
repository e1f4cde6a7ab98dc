package org.neuromanifold.numeric.autodiff;

import java.util.function.Function;

/**
 * Central finite differences along a direction, the independent reference for the autodiff tests.
 *
 * <p>Step choice. For the central difference (φ(h) − φ(−h))/(2h) of φ(s) = F(x + s·u) the error is at
 * most h²/6·M₃ (truncation, M₃ = max|φ'''|) plus about ε·M₀/h (rounding of the two evaluations,
 * ε = 2⁻⁵², M₀ = max|φ|). The sum is smallest near h = ε^{1/3} ≈ 6.1·10⁻⁶ (times the scale of x), where
 * both terms are about ε^{2/3} ≈ 3.7·10⁻¹¹ times M₃ or M₀. The tests use unit-scale inputs with
 * |φ|, |φ'''| ≲ 10², so the error is ≲ 10⁻⁸; they assert a tolerance of 10⁻⁶ relative to
 * max(1, |derivative|), far above that bound and far below any real rule error (which is O(1)).
 */
final class FiniteDifferences {
    /** The machine epsilon of double, 2⁻⁵². */
    static final double EPS = Math.ulp(1.0);

    /** The tolerance the tests assert against a finite-difference estimate (see the class comment). */
    static final double TOLERANCE = 1e-6;

    private FiniteDifferences() {
    }

    /** h = ε^{1/3}·max(1, ‖x‖∞) for a unit direction. */
    static double step(double[] x) {
        double scale = 1;
        for (double v : x) {
            scale = Math.max(scale, Math.abs(v));
        }
        return Math.cbrt(EPS) * scale;
    }

    /** (F(x + h u) − F(x − h u)) / (2h), componentwise for a vector-valued F. */
    static double[] directional(Function<double[], double[]> f, double[] x, double[] u) {
        double h = step(x);
        double[] plus = f.apply(axpy(x, h, u));
        double[] minus = f.apply(axpy(x, -h, u));
        double[] d = new double[plus.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = (plus[i] - minus[i]) / (2 * h);
        }
        return d;
    }

    static double[] axpy(double[] x, double a, double[] u) {
        double[] r = x.clone();
        for (int i = 0; i < r.length; i++) {
            r[i] += a * u[i];
        }
        return r;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
