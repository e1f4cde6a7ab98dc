package org.neuromanifold.core.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.neuromanifold.core.scalar.Term;
import org.neuromanifold.core.scalar.TermCompiler;
import org.neuromanifold.core.scalar.TermDifferentiator;
import org.neuromanifold.core.testing.FiniteDifferences;

/**
 * Every activation family against independent references: closed forms written here without the
 * implementation's stabilisations, central finite differences of the value (for σ') and of σ' (for
 * σ''), the compiled symbolic form and its symbolic derivatives, and asymptotes at extreme inputs.
 */
class ActivationFamiliesTest {

    /**
     * One family under test.
     *
     * @param activation the activation
     * @param closedForm σ written naively from its textbook definition
     * @param m3         a bound on |σ'''| away from kinks (for the finite difference of σ)
     * @param m4         a bound on |σ''''| away from kinks (for the finite difference of σ')
     * @param asymptote  σ at |z| ≥ 10³, where the exponentially small corrections underflow or vanish
     * @param slopeAtInf σ' at |z| ≥ 10³
     */
    record Family(Activation activation, DoubleUnaryOperator closedForm, double m3, double m4,
            DoubleUnaryOperator asymptote, DoubleUnaryOperator slopeAtInf) {
    }

    private static DoubleUnaryOperator positiveOr(double negativeSlope) {
        return z -> z > 0 ? z : negativeSlope * z;
    }

    private static DoubleUnaryOperator slopes(double positive, double negative) {
        return z -> z > 0 ? positive : negative;
    }

    /*
     * Derivative bounds (maxima over ℝ, computed from the closed forms): sigm''' ≤ 0.125, sigm'''' ≤ 0.128,
     * sigm'' ≤ 0.0963; tanh''' ≤ 2, tanh'''' ≤ 4.09; swish''' ≤ 0.31, swish'''' ≤ 0.5. Smoothed PReLU:
     * σ^(k) = (1−ι)^(k−1)/ω^(k−2) · sigm^(k−1)(u), u = (1−ι)z/ω. ELU: α e^z on z < 0.
     */
    static List<Family> families() {
        List<Family> out = new ArrayList<>();
        out.add(new Family(new IdentityActivation(), z -> z, 0, 0, z -> z, z -> 1));
        out.add(new Family(new Relu(), positiveOr(0), 0, 0, positiveOr(0), slopes(1, 0)));
        for (double iota : new double[] {0.0, 0.1, 0.7}) {
            out.add(new Family(new LeakyRelu(iota), positiveOr(iota), 0, 0, positiveOr(iota), slopes(1, iota)));
        }
        for (double[] p : new double[][] {{0.1, 0.5}, {0.0, 1.0}, {0.25, 0.2}}) {
            double iota = p[0];
            double omega = p[1];
            double c = 1 - iota;
            out.add(new Family(new SmoothPrelu(iota, omega),
                    z -> omega * Math.log(Math.exp(iota * z / omega) + Math.exp(z / omega)),
                    c * c * c / (omega * omega) * 0.0963, c * c * c * c / (omega * omega * omega) * 0.128,
                    positiveOr(iota), slopes(1, iota)));
        }
        out.add(new Family(new Tanh(), z -> (Math.exp(2 * z) - 1) / (Math.exp(2 * z) + 1), 2, 4.09,
                z -> Math.signum(z), z -> 0));
        out.add(new Family(new Sigmoid(), z -> 1 / (1 + Math.exp(-z)), 0.125, 0.128, z -> z > 0 ? 1 : 0, z -> 0));
        for (double alpha : new double[] {1.0, 0.5, 2.0}) {
            out.add(new Family(new Elu(alpha), z -> z >= 0 ? z : alpha * (Math.exp(z) - 1), alpha, alpha,
                    z -> z > 0 ? z : -alpha, slopes(1, 0)));
        }
        out.add(new Family(new Softplus(), z -> Math.log(1 + Math.exp(z)), 0.0963, 0.125, positiveOr(0),
                slopes(1, 0)));
        out.add(new Family(CustomActivation.of("swish", "z*sigmoid(z)"), z -> z / (1 + Math.exp(-z)), 0.31, 0.5,
                positiveOr(0), slopes(1, 0)));
        out.add(new Family(CustomActivation.of("leaky-max", "max(0.1*z, z)", Map.of(), true), positiveOr(0.1), 0,
                0, positiveOr(0.1), slopes(1, 0.1)));
        out.add(new Family(CustomActivation.of("scaled-swish", "z*sigmoid(beta*z)", Map.of("beta", 2.0), false),
                z -> z / (1 + Math.exp(-2 * z)), 4 * 0.31, 8 * 0.5, positiveOr(0), slopes(1, 0)));
        return out;
    }

    static Stream<Arguments> cases() {
        return families().stream().map(f -> Arguments.of(Named.of(f.activation().label(), f)));
    }

    /** Fixed points on both sides of 0 plus seeded random ones in [−6, 6], all at least 10⁻³ from the kink at 0. */
    static double[] points() {
        List<Double> zs = new ArrayList<>(List.of(-6.0, -3.0, -1.0, -0.5, -0.01, -0.001, 0.001, 0.01, 0.5, 1.0,
                3.0, 6.0));
        SplittableRandom random = new SplittableRandom(20261122L);
        while (zs.size() < 60) {
            double z = random.nextDouble(-6, 6);
            if (Math.abs(z) >= 1e-3) {
                zs.add(z);
            }
        }
        return zs.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * Closed forms evaluated naively lose at most about ε/|2z| relative accuracy near 0 (tanh's
     * e^{2z} − 1) and ε/σ at σ ≪ 1 (softplus's 1 + e^z); on |z| ∈ [10⁻³, 6] that is below 10⁻¹³ in
     * absolute terms, so the comparison uses 10⁻¹³·max(1, |σ|).
     */
    @ParameterizedTest
    @MethodSource("cases")
    void valueMatchesClosedForm(Family f) {
        for (double z : points()) {
            double expected = f.closedForm().applyAsDouble(z);
            assertEquals(expected, f.activation().value(z), 1e-13 * Math.max(1, Math.abs(expected)), "σ(" + z + ")");
        }
    }

    /**
     * σ' against the central difference of σ. Tolerance: ten times the bound of
     * {@link FiniteDifferences#errorBound} (truncation h²·max|σ'''|/6 plus rounding) plus a few ulps of σ'
     * itself. At these points the tolerance stays below 2·10⁻⁸, so a derivative that is wrong in the
     * eighth digit is caught.
     */
    @ParameterizedTest
    @MethodSource("cases")
    void derivativeMatchesFiniteDifferenceOfValue(Family f) {
        Activation a = f.activation();
        for (double z : points()) {
            double exact = a.derivative(z);
            double tol = 10 * (FiniteDifferences.errorBound(a::value, z, f.m3())
                    + FiniteDifferences.ULPS * FiniteDifferences.EPS * Math.abs(exact));
            assertTrue(tol < 2e-8, "tolerance " + tol + " too loose at z = " + z);
            assertEquals(FiniteDifferences.central(a::value, z), exact, tol, "σ'(" + z + ")");
        }
    }

    /** σ'' against the central difference of σ', with the same reasoning and max|σ''''| as the bound. */
    @ParameterizedTest
    @MethodSource("cases")
    void secondDerivativeMatchesFiniteDifferenceOfDerivative(Family f) {
        Activation a = f.activation();
        for (double z : points()) {
            double exact = a.secondDerivative(z);
            double tol = 10 * (FiniteDifferences.errorBound(a::derivative, z, f.m4())
                    + FiniteDifferences.ULPS * FiniteDifferences.EPS * Math.abs(exact));
            assertTrue(tol < 2e-8, "tolerance " + tol + " too loose at z = " + z);
            assertEquals(FiniteDifferences.central(a::derivative, z), exact, tol, "σ''(" + z + ")");
        }
    }

    /**
     * The symbolic form, compiled with the hyperparameters, equals the numeric value. The two are
     * different formulas (e.g. log(1 + e^z) against max(z, 0) + log1p(e^{−|z|})), so they agree to
     * rounding: 10⁻¹²·max(1, |σ|) on |z| ≤ 6.
     */
    @ParameterizedTest
    @MethodSource("cases")
    void symbolicFormEqualsValue(Family f) {
        Activation a = f.activation();
        DoubleUnaryOperator compiled = TermCompiler.compile(a.symbolic(), Activation.VARIABLE, a.hyperparameters());
        for (double z : points()) {
            double v = a.value(z);
            assertEquals(v, compiled.applyAsDouble(z), 1e-12 * Math.max(1, Math.abs(v)), "symbolic σ(" + z + ")");
        }
    }

    /** Symbolic differentiation of the symbolic form reproduces σ' and σ'' (away from kinks). */
    @ParameterizedTest
    @MethodSource("cases")
    void symbolicDerivativesEqualNumericDerivatives(Family f) {
        Activation a = f.activation();
        Term d1 = TermDifferentiator.derivative(a.symbolic(), Activation.VARIABLE);
        Term d2 = TermDifferentiator.derivative(d1, Activation.VARIABLE);
        DoubleUnaryOperator c1 = TermCompiler.compile(d1, Activation.VARIABLE, a.hyperparameters());
        DoubleUnaryOperator c2 = TermCompiler.compile(d2, Activation.VARIABLE, a.hyperparameters());
        for (double z : points()) {
            double e1 = a.derivative(z);
            double e2 = a.secondDerivative(z);
            assertEquals(e1, c1.applyAsDouble(z), 1e-12 * Math.max(1, Math.abs(e1)), "symbolic σ'(" + z + ")");
            assertEquals(e2, c2.applyAsDouble(z), 1e-12 * Math.max(1, Math.abs(e2)), "symbolic σ''(" + z + ")");
        }
    }

    /**
     * At |z| ∈ {10³, 10³⁰⁰, Double.MAX_VALUE} every family is mathematically finite; the value, σ' and σ''
     * must be finite
     * and equal to the asymptote (the exponentially small corrections are below the double range or
     * below half an ulp of the asymptote), to 10⁻¹⁵ relative.
     */
    @ParameterizedTest
    @MethodSource("cases")
    void extremeInputsGiveFiniteAsymptoticValues(Family f) {
        Activation a = f.activation();
        for (double z : new double[] {1e3, -1e3, 1e300, -1e300, Double.MAX_VALUE, -Double.MAX_VALUE}) {
            double v = a.value(z);
            double d1 = a.derivative(z);
            double d2 = a.secondDerivative(z);
            assertTrue(Double.isFinite(v) && Double.isFinite(d1) && Double.isFinite(d2),
                    a.label() + " at " + z + ": σ=" + v + ", σ'=" + d1 + ", σ''=" + d2);
            double av = f.asymptote().applyAsDouble(z);
            double ad = f.slopeAtInf().applyAsDouble(z);
            assertEquals(av, v, 1e-15 * Math.abs(av), "σ(" + z + ")");
            assertEquals(ad, d1, 1e-15 * Math.abs(ad), "σ'(" + z + ")");
            assertEquals(0.0, d2, 0.0, "σ''(" + z + ")");
        }
    }

    @Test
    void goldenValues() {
        assertEquals(Math.log(2), new Softplus().value(0), Math.ulp(Math.log(2)));
        assertEquals(0.5, new Softplus().derivative(0), 0);
        assertEquals(0.5, new Sigmoid().value(0), 0);
        assertEquals(0.25, new Sigmoid().derivative(0), 0);
        assertEquals(0.0, new Sigmoid().secondDerivative(0), 0);
        assertEquals(0.0, new Tanh().value(0), 0);
        assertEquals(1.0, new Tanh().derivative(0), 0);
        assertEquals(0.5 * Math.log(2), new SmoothPrelu(0.1, 0.5).value(0), 1e-16);
        assertEquals(0.1 + 0.9 * 0.5, new SmoothPrelu(0.1, 0.5).derivative(0), 1e-16);
        assertEquals(2 * (Math.exp(-1) - 1), new Elu(2).value(-1), 1e-15);
        assertEquals(-0.3, new LeakyRelu(0.1).value(-3), 1e-16);
        assertEquals(0.0, new Relu().value(-3), 0);
    }

    /** The conventions at the kinks, as each class documents them. */
    @Test
    void derivativeConventionsAtKinks() {
        assertEquals(0.0, new Relu().derivative(0), 0);
        assertEquals(0.2, new LeakyRelu(0.2).derivative(0), 0);
        assertEquals(1.0, new Elu(0.5).derivative(0), 0);
        assertEquals(0.0, new Elu(0.5).secondDerivative(0), 0);
    }
}
