package org.neuromanifold.symbolic.derive.conditioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neuromanifold.core.activation.Relu;
import org.neuromanifold.core.activation.Tanh;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;
import org.neuromanifold.core.expr.Relation;
import org.neuromanifold.core.result.SymbolicOutcome;
import org.neuromanifold.symbolic.derive.DeriveRequest;
import org.neuromanifold.symbolic.derive.DerivedResult;
import org.neuromanifold.symbolic.derive.DerivedResult.CrossCheck;
import org.neuromanifold.symbolic.derive.Derivers;

class VarianceInitDeriversTest {
    private static void assertSound(DerivedResult r, int steps, int proved) {
        assertTrue(r.derivation().sound(), () -> r.derivation().steps().toString());
        assertEquals(steps, r.derivation().steps().size());
        assertEquals(proved, r.derivation().provedSteps(), () -> r.derivation().steps().toString());
        for (CrossCheck c : r.crossChecks()) {
            assertTrue(c.certificate().agrees(), c.description() + " " + c.certificate());
        }
    }

    @Test
    void bothAreRegistered() {
        assertInstanceOf(HeInitDeriver.class, Derivers.require("he-init"));
        assertInstanceOf(XavierInitDeriver.class, Derivers.require("xavier-init"));
    }

    @Test
    void heKeepsTheVarianceAndReluHalvesTheSecondMoment() {
        DerivedResult r = Fixtures.he();
        assertSound(r, 4, 4);
        assertEquals(3, r.crossChecks().size());
        // the one-step map is the identity q ↦ q (hand reference: 2/n · n · q/2)
        assertEquals(1.7, FormulaValues.scalar(SymjaOps.parse(r.symjaResult().orElseThrow()), Map.of("q", 1.7)), 0);
        assertTrue(r.seedFormula().orElseThrow().agrees(), r.seedFormula().toString());
    }

    @Test
    void withVarianceOneOverNReluHalvesThePreActivationVariance() {
        // negative control: the same derivation with Var(W) = 1/n gives q/2, and Monte Carlo on such networks
        // contradicts He's prediction (constant variance) by far
        HeInitDeriver.Result control = HeInitDeriver.derive(Fixtures.request("relu"), "relu", 1);
        assertTrue(control.derivation().sound());
        assertEquals(0.85, FormulaValues.scalar(control.map(), Map.of("q", 1.7)), 1e-15);
        DeepNetVariance.Setting s = new DeepNetVariance.Setting(new Relu(), 1, 64, 6, 6, 8, 3);
        CrossCheck wrong = VarianceRecurrence.monteCarlo("control against He's prediction", s, 2, q -> q);
        assertFalse(wrong.certificate().agrees(), wrong.description());
    }

    @Test
    void xavierIsAFirstOrderChoiceAndTanhDecays() {
        DerivedResult r = Fixtures.xavier();
        assertSound(r, 3, 3);
        assertEquals(Relation.LE, r.derivation().steps().get(1).relation());
        assertEquals(0.8 * 0.8 * 1.3, FormulaValues.scalar(SymjaOps.parse(r.symjaResult().orElseThrow()),
                Map.of("alpha", 0.8, "q", 1.3)), 1e-15);
        assertTrue(r.seedFormula().orElseThrow().agrees(), r.seedFormula().toString());
        String decay = r.crossChecks().get(0).description();
        assertTrue(decay.contains("Var(z^2) = 0.3943"), decay);
    }

    @Test
    void tanhNetworksContradictTheLinearisedConstantVariance() {
        // negative control: the linearised map q ↦ q (constant variance) is refuted by Monte Carlo
        DeepNetVariance.Setting s = new DeepNetVariance.Setting(new Tanh(), 1, 64, 6, 6, 8, 3);
        CrossCheck c = VarianceRecurrence.monteCarlo("tanh against the linearised map", s, 1, q -> q);
        assertFalse(c.certificate().agrees(), c.description());
    }

    @Test
    void theSquareBoundFailsForAnActivationAboveItsLinearisation() {
        // sinh²u ≥ u²: the proof that σ² ≤ (linearisation)² must not go through
        var v = XavierInitDeriver.squareBound(SymjaOps.parse("Sinh[u]"), SymjaOps.parse("u"));
        assertNotEquals(SymbolicOutcome.PROVED, v.outcome(), v.detail());
        assertEquals(SymbolicOutcome.PROVED, XavierInitDeriver.squareBound(SymjaOps.parse("Tanh[u]"),
                SymjaOps.parse("u")).outcome());
    }

    @Test
    void badRequestsAreRefused() {
        SpecificationException he = assertThrows(SpecificationException.class,
                () -> new HeInitDeriver().derive(DeriveRequest.defaults(1).withVariant("tanh")));
        assertEquals(ErrorCode.UNSUPPORTED, he.code());
        SpecificationException width = assertThrows(SpecificationException.class, () -> new XavierInitDeriver()
                .derive(new DeriveRequest("", Map.of("width", 2.5), 1, 4)));
        assertEquals(ErrorCode.OUT_OF_RANGE, width.code());
    }
}
