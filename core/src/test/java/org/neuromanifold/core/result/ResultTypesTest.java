package org.neuromanifold.core.result;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.neuromanifold.core.expr.Exprs;
import org.neuromanifold.core.expr.Relation;
import org.neuromanifold.core.scalar.Term;

/** Verdicts, certificates and counterexamples. */
class ResultTypesTest {

    @Test
    void numericCertificateAgreesOnRelativeOrAbsoluteError() {
        assertTrue(new NumericCertificate(10, 1e-3, 1e-13, 1e-12).agrees(), "relative error within tolerance");
        assertTrue(new NumericCertificate(10, 1e-14, 0.5, 1e-12).agrees(), "absolute floor near zero");
        assertFalse(new NumericCertificate(10, 1e-3, 1e-3, 1e-12).agrees());
        assertFalse(new NumericCertificate(0, 0, 0, 1e-12).agrees(), "no points, no agreement");
        assertFalse(new NumericCertificate(5, Double.NaN, Double.NaN, 1e-12).agrees(), "NaN never agrees");
    }

    private static DerivationStep step(SymbolicVerdict s, NumericCertificate n) {
        return new DerivationStep(Relation.EQ, new Formula.OfTerm(Term.ONE), "rule", List.of("a"), s, n);
    }

    @Test
    void derivationSoundnessAndCounts() {
        NumericCertificate ok = new NumericCertificate(4, 0, 0, 1e-12);
        NumericCertificate bad = new NumericCertificate(4, 1, 1, 1e-12);
        DerivationStep proved = step(SymbolicVerdict.proved("case split"), ok);
        DerivationStep undecided = step(SymbolicVerdict.undecided("timeout"), ok);
        DerivationStep refuted = step(SymbolicVerdict.refuted("z"), ok);
        DerivationStep numericFail = step(SymbolicVerdict.proved(""), bad);
        assertFalse(proved.failed());
        assertFalse(undecided.failed(), "undecided is not failed when the numbers agree");
        assertTrue(refuted.failed());
        assertTrue(numericFail.failed());

        Formula start = new Formula.OfExpr(Exprs.output());
        Derivation d = new Derivation("euler", "t", null, start, List.of(proved, undecided), List.of());
        assertTrue(d.sound());
        assertEquals(1, d.provedSteps());
        assertEquals("", d.variant());
        assertEquals(undecided.expression(), d.result());
        assertFalse(new Derivation("euler", "t", "relu", start, List.of(proved, refuted), List.of()).sound());
        assertEquals(start, new Derivation("x", "t", "", start, List.of(), List.of()).result());
        assertEquals("proved", SymbolicOutcome.PROVED.word());
        assertEquals("", new SymbolicVerdict(SymbolicOutcome.UNDECIDED, null).detail());
    }

    @Test
    void derivationListsAreCopies() {
        List<String> assumptions = new ArrayList<>(List.of("bias-free"));
        Derivation d = new Derivation("x", "t", "", new Formula.OfSymja("x"), List.of(), assumptions);
        assumptions.add("more");
        assertEquals(List.of("bias-free"), d.assumptions());
        assertThrows(UnsupportedOperationException.class, () -> d.steps().add(null));
    }

    @Test
    void verificationResultAsPredicted() {
        var holdsAsExpected = new VerificationResult("euler", "relu", 2, 4, false, 10, true, true, 0, 0, 1e-12, null);
        var failsAsExpected = new VerificationResult("euler", "tanh", 2, 4, false, 10, false, false, 1, 1, 1e-12, null);
        var surprise = new VerificationResult("euler", "relu", 2, 4, false, 10, false, true, 1, 1, 1e-12, null);
        assertTrue(holdsAsExpected.asPredicted());
        assertTrue(failsAsExpected.asPredicted());
        assertFalse(surprise.asPredicted());
        assertThrows(NullPointerException.class,
                () -> new VerificationResult(null, "relu", 2, 4, false, 10, true, true, 0, 0, 1e-12, null));
    }

    @Test
    void counterexampleCopiesItsArrays() {
        double[] theta = {1, 2};
        double[] x = {3};
        Counterexample c = new Counterexample(new int[] {1, 2, 1}, "tanh", false, theta, List.of("W0[0,0]", "W1[0,0]"),
                x, new double[0], new double[] {0.5}, new double[] {0.7});
        theta[0] = 100;
        x[0] = 100;
        c.theta()[1] = 100;
        c.widths()[0] = 100;
        c.lhs()[0] = 100;
        assertArrayEquals(new double[] {1, 2}, c.theta());
        assertArrayEquals(new double[] {3}, c.x());
        assertArrayEquals(new int[] {1, 2, 1}, c.widths());
        assertArrayEquals(new double[] {0.5}, c.lhs());
        assertArrayEquals(new double[] {0.7}, c.rhs());
        assertArrayEquals(new double[0], c.y());
        assertTrue(c.toString().contains("theta=[1.0, 2.0]"), c.toString());
    }

    private static Counterexample counterexample(double theta0, double rhs) {
        return new Counterexample(new int[] {1, 2, 1}, "tanh", false, new double[] {theta0, 2},
                List.of("W0[0,0]", "W1[0,0]"), new double[] {3}, new double[0], new double[] {0.5},
                new double[] {rhs});
    }

    /** Two counterexamples with the same numbers are equal (arrays compared by content). */
    @Test
    void counterexampleEqualityIsByValue() {
        assertEquals(counterexample(1, 0.7), counterexample(1, 0.7));
        assertEquals(counterexample(1, 0.7).hashCode(), counterexample(1, 0.7).hashCode());
        assertNotEquals(counterexample(1, 0.7), counterexample(1.5, 0.7));
        assertNotEquals(counterexample(1, 0.7), counterexample(1, 0.8));
        var r1 = new VerificationResult("euler", "tanh", 1, 2, false, 5, false, false, 1, 1, 1e-12,
                counterexample(1, 0.7));
        var r2 = new VerificationResult("euler", "tanh", 1, 2, false, 5, false, false, 1, 1, 1e-12,
                counterexample(1, 0.7));
        assertEquals(r1, r2, "results holding equal counterexamples are equal");
    }
}
