package org.neuromanifold.symbolic.symja;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.Test;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.neuromanifold.core.activation.Activation;
import org.neuromanifold.core.activation.Activations;
import org.neuromanifold.core.activation.CustomActivation;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;
import org.neuromanifold.core.scalar.Term;
import org.neuromanifold.core.scalar.TermCompiler;
import org.neuromanifold.core.scalar.TermParser;

class SymjaTermsTest {
    private final SymjaEngine symja = SymjaEngine.shared();

    private static List<Activation> activations() {
        List<Activation> all = new ArrayList<>(Activations.all());
        all.add(Activations.named("leaky-relu", 0.25, null, null));
        all.add(Activations.named("prelu-smooth", 0.2, 0.3, null));
        all.add(Activations.named("elu", null, null, 1.7));
        // swish with a hyperparameter whose name Symja reserves (beta → Beta)
        all.add(CustomActivation.of("swish", "z*sigmoid(beta*z)", Map.of("beta", 1.5), false));
        return all;
    }

    // ---- Term → Symja ------------------------------------------------------------------------------

    @Test
    void constantsBecomeExactNumbers() {
        SymjaRuntime.prepareThread();
        assertEquals("1/10", SymjaExprs.input(SymjaTerms.exact(0.1)));
        assertEquals("-3/4", SymjaExprs.input(SymjaTerms.exact(-0.75)));
        assertEquals("2", SymjaExprs.input(SymjaTerms.exact(2.0)));
        assertEquals("1/100000", SymjaExprs.input(SymjaTerms.exact(1e-5)));
        assertEquals("Pi", SymjaExprs.input(SymjaTerms.exact(Math.PI)));
        assertEquals("Infinity", SymjaExprs.input(SymjaTerms.exact(Double.POSITIVE_INFINITY)));
    }

    @Test
    void activationsTranslateToTheirSymjaForms() {
        SymbolTable table = SymbolTable.create();
        assertEquals("Piecewise[{{0,z<0}},z]", SymjaTerms.toInput(Activations.named("relu").symbolic(), table));
        assertEquals("LogisticSigmoid[z]", SymjaTerms.toInput(Activations.named("sigmoid").symbolic(), table));
        assertEquals("Tanh[z]", SymjaTerms.toInput(Activations.named("tanh").symbolic(), table));
        assertEquals("Log[E^z+1]", SymjaTerms.toInput(Activations.named("softplus").symbolic(), table)
                .replace(" ", ""));
        assertEquals("Piecewise[{{iota*z,z<0}},z]", SymjaTerms.toInput(Activations.named("leaky-relu").symbolic(), table)
                .replace(" ", ""));
        Term sechSquared = TermParser.parse("test", "sech(t)^2", java.util.Set.of("t"));
        assertEquals("Sech[t]^2", SymjaTerms.toInput(sechSquared, table));
    }

    @Test
    void reservedNamesAreRenamedAndMappedBack() {
        SymbolTable table = SymbolTable.create();
        assertEquals("W0x1x2", table.symjaName("W0[1,2]"));
        assertEquals("b1x0", table.symjaName("b1[0]"));
        assertEquals("vbeta", table.symjaName("beta"));
        assertEquals("vE", table.symjaName("E"));
        assertEquals("vI", table.symjaName("I"));
        assertEquals("v1a", table.symjaName("1a"));
        assertEquals("iota", table.symjaName("iota"));
        // a second core name that sanitises to the same text gets a suffix
        assertEquals("W0x1x22", table.symjaName("W0x1x2"));
        assertEquals("W0[1,2]", table.coreName("W0x1x2"));
        assertEquals("beta", table.coreName("vbeta"));
        assertEquals("unregistered", table.coreName("unregistered"));
    }

    // ---- Symja → Term ------------------------------------------------------------------------------

    @Test
    void symjaResultsReadBackToTermsThatEvaluateAlike() {
        SymbolTable table = SymbolTable.create();
        SplittableRandom random = new SplittableRandom(11);
        String[] inputs = {"Cosh[x]/Sinh[2*x] + Coth[x] - Csch[x]", "Sqrt[x^2 + 1] + x^(-1/2) + Log[2, x]",
                "Tan[x] + Sec[x] + Cot[x] + Csc[x]", "Max[x, 1/2] + Min[x, -1] + UnitStep[x - 1] + Ramp[x - 2]",
                "Piecewise[{{1, x > 2}, {x^2, x <= 1/2}}] + Piecewise[{{-x, x >= 1}}, 3*x]", "E^x * Pi + Abs[x - 3]"};
        List<DoubleUnaryOperator> expected = List.of(
                x -> Math.cosh(x) / Math.sinh(2 * x) + 1 / Math.tanh(x) - 1 / Math.sinh(x),
                x -> Math.sqrt(x * x + 1) + 1 / Math.sqrt(x) + Math.log(x) / Math.log(2),
                x -> Math.tan(x) + 1 / Math.cos(x) + Math.cos(x) / Math.sin(x) + 1 / Math.sin(x),
                x -> Math.max(x, 0.5) + Math.min(x, -1) + (x - 1 >= 0 ? 1 : 0) + Math.max(x - 2, 0),
                x -> (x > 2 ? 1 : x <= 0.5 ? x * x : 0) + (x >= 1 ? -x : 3 * x),
                x -> Math.exp(x) * Math.PI + Math.abs(x - 3));
        for (int k = 0; k < inputs.length; k++) {
            IExpr parsed = symja.parse(inputs[k]).valueOrThrow();
            Term term = SymjaTerms.toTerm(parsed, table);
            DoubleUnaryOperator f = TermCompiler.compile(term, "x", Map.of());
            double[] points = {0.5, 1.0, 2.0, 0.3 + 3 * random.nextDouble(), 0.1 + random.nextDouble()};
            for (double x : points) {
                double want = expected.get(k).applyAsDouble(x);
                double got = f.applyAsDouble(x);
                assertEquals(want, got, 1e-12 * Math.max(1, Math.abs(want)), inputs[k] + " at x = " + x);
            }
        }
    }

    @Test
    void anUnsupportedHeadIsAClearError() {
        IExpr gamma = symja.parse("1 + Gamma[x]").valueOrThrow();
        SpecificationException e = assertThrows(SpecificationException.class,
                () -> SymjaTerms.toTerm(gamma, SymbolTable.create()));
        assertEquals(ErrorCode.UNSUPPORTED, e.code());
        assertTrue(e.getMessage().contains("'Gamma'"), e.getMessage());
        IExpr complex = symja.evaluate("Sqrt[-4]").valueOrThrow();
        assertEquals(ErrorCode.UNSUPPORTED,
                assertThrows(SpecificationException.class, () -> SymjaTerms.toTerm(complex, SymbolTable.create())).code());
    }

    // ---- round trip through Symja's D ---------------------------------------------------------------

    /**
     * For every activation: σ → Symja → D[·, z] → Term, compiled by the core compiler, equals the
     * activation's own numeric σ' (an independent hand-written formula) at random points. The points avoid
     * z = 0, where the kinked activations' derivative is a convention.
     */
    @Test
    void everyActivationsDerivativeRoundTripsThroughSymja() {
        SplittableRandom random = new SplittableRandom(2024);
        for (Activation a : activations()) {
            SymbolTable table = SymbolTable.create();
            IExpr sigma = SymjaTerms.toSymja(a.symbolic(), table);
            IExpr z = table.symbol(Activation.VARIABLE);
            IExpr derivative = symja.evaluate(F.D(sigma, z)).valueOrThrow();
            Term back = SymjaTerms.toTerm(derivative, table);
            Term valueBack = SymjaTerms.toTerm(symja.evaluate(sigma).valueOrThrow(), table);
            DoubleUnaryOperator d = TermCompiler.compile(back, Activation.VARIABLE, a.hyperparameters());
            DoubleUnaryOperator v = TermCompiler.compile(valueBack, Activation.VARIABLE, a.hyperparameters());
            for (int i = 0; i < 25; i++) {
                double x = (random.nextBoolean() ? 1 : -1) * (0.05 + 3.95 * random.nextDouble());
                // relative 1e-12: both sides are a few correctly rounded elementary operations
                assertEquals(a.derivative(x), d.applyAsDouble(x), 1e-12 * Math.max(1, Math.abs(a.derivative(x))),
                        a.label() + "' at " + x + " from " + SymjaExprs.input(derivative));
                assertEquals(a.value(x), v.applyAsDouble(x), 1e-12 * Math.max(1, Math.abs(a.value(x))),
                        a.label() + " at " + x);
            }
        }
    }

    @Test
    void aDerivativeOfTheWrongFunctionIsCaughtByTheSameComparison() {
        // negative control: tanh's Symja derivative compared with sigmoid's numeric derivative must differ
        SymbolTable table = SymbolTable.create();
        IExpr tanh = SymjaTerms.toSymja(Activations.named("tanh").symbolic(), table);
        Term back = SymjaTerms.toTerm(symja.evaluate(F.D(tanh, table.symbol("z"))).valueOrThrow(), table);
        DoubleUnaryOperator d = TermCompiler.compile(back, "z", Map.of());
        Activation sigmoid = Activations.named("sigmoid");
        assertTrue(Math.abs(d.applyAsDouble(0.7) - sigmoid.derivative(0.7)) > 0.1);
    }
}
