package org.neuromanifold.core.scalar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.neuromanifold.core.testing.FiniteDifferences;

/** Symbolic derivatives against central finite differences and against hand-derived closed forms. */
class TermDifferentiatorTest {
    private static final Set<String> SYMBOLS = Set.of("z", "p");
    private static final Map<String, Double> BINDINGS = Map.of("p", 2.5);

    /**
     * Each formula on [lo, hi] (inside its domain, away from kinks), with a bound M on |f'''| there.
     * The finite-difference error is at most h²M/6 + rounding (see {@link FiniteDifferences}); the
     * comparison allows ten times that plus a few ulps of f', which stays below 10⁻⁶·max(1, |f'|) on
     * these intervals, so a wrong rule (a lost factor, a sign) is caught.
     */
    @ParameterizedTest(name = "d/dz {0}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
        "z^3; -2; 2; 6",
        "z^p; 0.3; 3; 10",
        "p^z; -2; 2; 20",
        "z^z; 0.3; 3; 600",
        "exp(2*z); -2; 2; 440",
        "log(z); 0.3; 3; 75",
        "sqrt(z); 0.3; 3; 15",
        "sin(z)*cos(z); -3; 3; 4",
        "tanh(z); -3; 3; 2",
        "sech(z); -3; 3; 6",
        "sigmoid(3*z); -3; 3; 3.4",
        "arccos(z/2); -1.5; 1.5; 40",
        "abs(z); 0.1; 3; 0",
        "abs(z); -3; -0.1; 0",
        "1/z; 0.3; 3; 750",
        "z/(1 + z^2); -3; 3; 6",
        "exp(-z^2/2)*cos(p*z); -3; 3; 60",
        "log(1 + exp(z)); -5; 5; 0.1",
        "max(z^2, 1); 1.1; 3; 0",
        "max(z^2, 1); -0.9; 0.9; 0",
        "min(z, 0.5) - relu(z - 1); -2; 3; 0",
        "piecewise(z - 1, z^2, 2*z - 1); -2; 3; 0",
    })
    void derivativeMatchesFiniteDifferences(String formula, double lo, double hi, double m3) {
        Term f = TermParser.parse("f", formula, SYMBOLS);
        DoubleUnaryOperator value = TermCompiler.compile(f, "z", BINDINGS);
        DoubleUnaryOperator derivative = TermCompiler.compile(TermDifferentiator.derivative(f, "z"), "z", BINDINGS);
        for (int k = 0; k <= 40; k++) {
            double z = lo + (hi - lo) * k / 40.0;
            if (Math.abs(z) < 1e-3 || Math.abs(z - 1) < 1e-3 || Math.abs(z - 0.5) < 1e-3) {
                continue; // kinks of the piecewise formulas
            }
            double exact = derivative.applyAsDouble(z);
            double tol = 10 * (FiniteDifferences.errorBound(value, z, m3)
                    + FiniteDifferences.ULPS * FiniteDifferences.EPS * Math.abs(exact));
            assertTrue(tol <= 1e-6 * Math.max(1, Math.abs(exact)), "tolerance " + tol + " at z = " + z);
            assertEquals(FiniteDifferences.central(value, z), exact, tol, formula + " at z = " + z);
        }
    }

    /** Closed forms derived by hand, compared at points. */
    @Test
    void closedForms() {
        assertDerivative("z^3", z -> 3 * z * z);
        assertDerivative("sigmoid(z)", z -> Math.exp(-z) / Math.pow(1 + Math.exp(-z), 2));
        assertDerivative("tanh(z)", z -> 1 / Math.pow(Math.cosh(z), 2));
        assertDerivative("sech(z)", z -> -Math.tanh(z) / Math.cosh(z));
        assertDerivative("arccos(z/4)", z -> -1 / Math.sqrt(16 - z * z));
        assertDerivative("p*z^2", z -> 5 * z);
        assertDerivative("exp(p*z)", z -> 2.5 * Math.exp(2.5 * z));
    }

    private static void assertDerivative(String formula, DoubleUnaryOperator expected) {
        Term d = TermDifferentiator.derivative(TermParser.parse("f", formula, SYMBOLS), "z");
        DoubleUnaryOperator c = TermCompiler.compile(d, "z", BINDINGS);
        for (double z : new double[] {-3.5, -1, -0.25, 0.3, 1, 2.75}) {
            double e = expected.applyAsDouble(z);
            assertEquals(e, c.applyAsDouble(z), 1e-14 * Math.max(1, Math.abs(e)), formula + " at " + z);
        }
    }

    @Test
    void structuralResults() {
        Term z = Term.variable("z");
        Term p = Term.variable("p");
        assertEquals(Term.ZERO, TermDifferentiator.derivative(Term.constant(4), "z"));
        assertEquals(Term.ZERO, TermDifferentiator.derivative(p, "z"));
        assertEquals(Term.ONE, TermDifferentiator.derivative(z, "z"));
        assertEquals(Term.ONE, TermDifferentiator.derivative(p, "p"));
        assertEquals(Term.product(Term.constant(2), z), TermDifferentiator.derivative(Term.square(z), "z"));
        assertEquals(p, TermDifferentiator.derivative(Term.product(p, z), "z"));
        // a piecewise whose branches have equal derivatives collapses
        assertEquals(Term.ONE, TermDifferentiator.derivative(new Term.Piecewise(z, Term.sum(z, Term.ONE), z), "z"));
        assertEquals(new Term.Piecewise(z, Term.ZERO, Term.ONE),
                TermDifferentiator.derivative(new Term.Piecewise(z, Term.ZERO, z), "z"));
    }

    @Test
    void dependsOn() {
        Term t = TermParser.parse("f", "exp(p) + piecewise(p, 1, sin(z))", SYMBOLS);
        assertTrue(TermDifferentiator.dependsOn(t, "z"));
        assertTrue(TermDifferentiator.dependsOn(t, "p"));
        assertFalse(TermDifferentiator.dependsOn(t, "q"));
        assertFalse(TermDifferentiator.dependsOn(Term.constant(1), "z"));
    }
}
