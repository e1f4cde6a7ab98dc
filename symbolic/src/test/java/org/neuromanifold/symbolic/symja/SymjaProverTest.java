package org.neuromanifold.symbolic.symja;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.neuromanifold.core.activation.Activation;
import org.neuromanifold.core.activation.Activations;
import org.neuromanifold.core.result.SymbolicOutcome;
import org.neuromanifold.core.result.SymbolicVerdict;
import org.neuromanifold.core.scalar.Term;
import org.neuromanifold.core.scalar.TermDifferentiator;

class SymjaProverTest {
    private final SymjaProver prover = SymjaProver.shared();

    private static void assertOutcome(SymbolicOutcome expected, SymbolicVerdict v) {
        assertEquals(expected, v.outcome(), v.detail());
    }

    /** σ'(z)·z − σ(z) from the core activation, differentiated by the core differentiator. */
    private static Term eulerDefect(Activation a) {
        Term z = Term.variable(Activation.VARIABLE);
        Term s = a.symbolic();
        return Term.difference(Term.product(TermDifferentiator.derivative(s, Activation.VARIABLE), z), s);
    }

    @Nested
    class Equalities {
        @Test
        void softplusDerivativeIsTheSigmoid() {
            SymbolicVerdict v = prover.proveEqual("D[Log[1 + E^z], z]", "LogisticSigmoid[z]", Assumptions.none());
            assertOutcome(SymbolicOutcome.PROVED, v);
            assertTrue(v.detail().contains("exponential form"), v.detail());
        }

        @Test
        void tanhFisherInformationNeedsBothSidesSimplified() {
            // Simplify of the difference does not reach 0 here (stack notes §4); both sides separately do
            String fisher = "((1+Tanh[t])/2)*D[Log[(1+Tanh[t])/2],t]^2 + ((1-Tanh[t])/2)*D[Log[(1-Tanh[t])/2],t]^2";
            assertOutcome(SymbolicOutcome.PROVED, prover.proveEqual(fisher, "1 - Tanh[t]^2", Assumptions.none()));
        }

        @Test
        void sigmoidFisherInformationInExplicitFormClosesWithTogether() {
            String q = "(1/(1+Exp[-t]))";
            String fisher = q + "*D[Log[" + q + "],t]^2 + (1-" + q + ")*D[Log[1-" + q + "],t]^2";
            assertOutcome(SymbolicOutcome.PROVED, prover.proveEqual(fisher, q + "*(1-" + q + ")", Assumptions.none()));
        }

        @Test
        void smoothPreluDerivativeIsTheShiftedSigmoid() {
            // σ'(z) = ι + (1−ι)·sigm((1−ι)z/ω) for σ = ω ln(exp(ιz/ω) + exp(z/ω)) (seed 003, eq. 17 corrected)
            Activation smooth = Activations.named("prelu-smooth");
            SymbolTable table = SymbolTable.create();
            Term derivative = TermDifferentiator.derivative(smooth.symbolic(), Activation.VARIABLE);
            Term expected = Term.sum(Term.variable("iota"), Term.product(Term.difference(Term.ONE, Term.variable("iota")),
                    Term.apply(org.neuromanifold.core.scalar.Fn.SIGMOID, Term.quotient(Term.product(
                            Term.difference(Term.ONE, Term.variable("iota")), Term.variable("z")), Term.variable("omega")))));
            assertOutcome(SymbolicOutcome.PROVED, prover.proveEqual(derivative, expected, table,
                    Assumptions.of("omega > 0", "0 <= iota < 1")));
        }

        @Test
        void positiveHomogeneityOfKinkedActivationsIsProvedByCaseSplit() {
            for (String name : new String[] {"relu", "leaky-relu", "identity"}) {
                SymbolicVerdict v = prover.proveZero(eulerDefect(Activations.named(name)), SymbolTable.create(),
                        Assumptions.of("0 <= iota < 1"));
                assertOutcome(SymbolicOutcome.PROVED, v);
                if (!name.equals("identity")) {
                    assertTrue(v.detail().startsWith("case split on 1 condition(s) into 2 case(s)"), v.detail());
                }
            }
        }

        @Test
        void assumptionsAboutTermsMayUseCoreNamesThatSymjaReserves() {
            // beta is Symja's Beta function, so the term's beta travels as vbeta; "beta > 0" must follow it
            Term t = org.neuromanifold.core.scalar.TermParser.parse("test", "sqrt(beta^2) - beta", java.util.Set.of("beta"));
            assertOutcome(SymbolicOutcome.PROVED, prover.proveZero(t, SymbolTable.create(), Assumptions.of("beta > 0")));
            assertOutcome(SymbolicOutcome.REFUTED, prover.proveZero(t, SymbolTable.create(), Assumptions.of("beta < 0")));
        }

        @Test
        void nestedPiecewiseTermsSplitIntoConsistentCases() {
            // relu(relu(x) - 1) = relu(x - 1): cases x < 0 (then x - 1 < 0) and x >= 0 split again on x - 1
            SymbolicVerdict v = prover.proveEqual("Piecewise[{{0, Piecewise[{{0, x < 0}}, x] - 1 < 0}}, Piecewise[{{0, x < 0}}, x] - 1]",
                    "Piecewise[{{0, x - 1 < 0}}, x - 1]", Assumptions.none());
            assertOutcome(SymbolicOutcome.PROVED, v);
            assertTrue(v.detail().startsWith("case split"), v.detail());
        }

        @Test
        void homogeneityFailsForSmoothActivationsWithAPoint() {
            // negative controls: tanh, sigmoid, elu, softplus are not positively homogeneous
            for (String name : new String[] {"tanh", "sigmoid", "elu", "softplus"}) {
                SymbolicVerdict v = prover.proveZero(eulerDefect(Activations.named(name)), SymbolTable.create(),
                        Assumptions.of("alpha > 0"));
                assertOutcome(SymbolicOutcome.REFUTED, v);
                assertTrue(v.detail().contains("nonzero at {"), v.detail());
            }
        }

        @Test
        void aTrueIdentitySymjaCannotCloseIsUndecidedWithTheNumericEvidence() {
            // ArcCos[Cos[x]] = x on (0, π); Symja 3.0.0 simplifies it neither with nor without the bound
            SymbolicVerdict v = prover.proveZero("ArcCos[Cos[x]] - x", Assumptions.of("0 < x < 3"));
            assertOutcome(SymbolicOutcome.UNDECIDED, v);
            assertTrue(v.detail().startsWith("numerically zero at 16 point(s)"), v.detail());
            assertTrue(v.detail().contains("symbolic simplification did not close"), v.detail());
        }

        @Test
        void assumptionsDecideTheDomainOfTheNumericCheck() {
            // Sqrt[x^2] = x holds for x > 0 only: proved there, refuted without the assumption
            assertOutcome(SymbolicOutcome.PROVED, prover.proveEqual("Sqrt[x^2]", "x", Assumptions.of("x > 0")));
            SymbolicVerdict v = prover.proveEqual("Sqrt[x^2]", "x", Assumptions.none());
            assertOutcome(SymbolicOutcome.REFUTED, v);
            assertTrue(v.detail().contains("x -> -"), v.detail());
        }

        @Test
        void badInputAndTimeoutsAreUndecidedWithTheReason() {
            SymbolicVerdict syntax = prover.proveZero("Tanh[t", Assumptions.none());
            assertOutcome(SymbolicOutcome.UNDECIDED, syntax);
            assertTrue(syntax.detail().contains("syntax error"), syntax.detail());
            SymbolicVerdict badAssumption = prover.proveZero("x - x", Assumptions.of("x >"));
            assertOutcome(SymbolicOutcome.UNDECIDED, badAssumption);
            assertTrue(badAssumption.detail().startsWith("assumption 'x >'"), badAssumption.detail());
            SymjaProver hurried = prover.with(prover.options().withStepLimit(Duration.ofMillis(1)));
            SymbolicVerdict timeout = hurried.proveZero("Simplify[(x+y+z)^30 - Expand[(x+y+z)^30]]", Assumptions.none());
            assertOutcome(SymbolicOutcome.UNDECIDED, timeout);
            assertTrue(timeout.detail().contains("timeout"), timeout.detail());
        }
    }

    @Nested
    class Inequalities {
        @Test
        void bernoulliVarianceIsAtMostAQuarter() {
            assertOutcome(SymbolicOutcome.PROVED, prover.proveLessEqual("LogisticSigmoid[t]*(1 - LogisticSigmoid[t])",
                    "1/4", Assumptions.none()));
        }

        @Test
        void aPerfectSquareIsNonnegative() {
            assertOutcome(SymbolicOutcome.PROVED, prover.proveNonNegative("x^2 - 2*x*y + y^2", Assumptions.none()));
            assertOutcome(SymbolicOutcome.PROVED, prover.proveNonNegative("omega*Exp[z] + Sech[z]^2",
                    Assumptions.of("omega > 0")));
        }

        @Test
        void reluIsBelowAbsByCases() {
            SymbolicVerdict v = prover.proveLessEqual("Piecewise[{{0, z < 0}}, z]", "Abs[z]", Assumptions.none());
            assertOutcome(SymbolicOutcome.PROVED, v);
            assertTrue(v.detail().startsWith("case split"), v.detail());
        }

        @Test
        void aFalseInequalityIsRefutedWithAPoint() {
            SymbolicVerdict v = prover.proveLessEqual("x", "x^2", Assumptions.none());
            assertOutcome(SymbolicOutcome.REFUTED, v);
            assertTrue(v.detail().contains("is negative at {x -> 0."), v.detail());
        }

        @Test
        void aTrueInequalityWithoutASymbolicProofIsUndecided() {
            SymbolicVerdict v = prover.proveLessEqual("Log[x]", "x - 1", Assumptions.of("x > 0"));
            assertOutcome(SymbolicOutcome.UNDECIDED, v);
            assertTrue(v.detail().startsWith("nonnegative at 16 point(s)"), v.detail());
        }
    }
}
