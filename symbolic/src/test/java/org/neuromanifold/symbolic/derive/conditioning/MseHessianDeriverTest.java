package org.neuromanifold.symbolic.derive.conditioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.matheclipse.core.interfaces.IExpr;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;
import org.neuromanifold.core.expr.Relation;
import org.neuromanifold.core.result.Derivation;
import org.neuromanifold.core.result.DerivationStep;
import org.neuromanifold.core.result.SymbolicOutcome;
import org.neuromanifold.symbolic.derive.DeriveRequest;
import org.neuromanifold.symbolic.derive.DerivedResult;
import org.neuromanifold.symbolic.derive.DerivedResult.CrossCheck;
import org.neuromanifold.symbolic.derive.Derivers;
import org.neuromanifold.symbolic.symja.Assumptions;

class MseHessianDeriverTest {
    private static final Map<String, Double> POINT = Map.of("mu1", 0.9, "mu2", -1.4, "mu3", 0.35, "sigma", 0.75,
            "m", 1.3);

    private static void assertSound(DerivedResult r, int steps, int proved) {
        Derivation d = r.derivation();
        assertTrue(d.sound(), () -> d.steps().toString());
        assertEquals(steps, d.steps().size(), () -> d.steps().toString());
        assertEquals(proved, d.provedSteps(), () -> d.steps().toString());
        for (CrossCheck c : r.crossChecks()) {
            assertTrue(c.certificate().agrees(), c.description() + " " + c.certificate());
        }
    }

    /** σ²δ_ij + μ_iμ_j written by hand: the independent reference. */
    private static double hand(int i, int j) {
        double[] mu = {POINT.get("mu1"), POINT.get("mu2"), POINT.get("mu3")};
        double s = POINT.get("sigma");
        return (i == j ? s * s : 0) + mu[i] * mu[j];
    }

    @Test
    void isRegisteredWithItsVariants() {
        assertInstanceOf(MseHessianDeriver.class, Derivers.require("mse-hessian"));
        assertEquals(List.of("hessian", "d2", "d3", "spectrum", "centering"), new MseHessianDeriver().variants());
    }

    @Test
    void theGeneralHessianIsSigmaSquaredIPlusMuMuTransposed() {
        DerivedResult r = Fixtures.mse("hessian");
        assertSound(r, 3, 3);
        assertEquals(4, r.crossChecks().size());
        double[] block = FormulaValues.of(SymjaOps.parse(r.symjaResult().orElseThrow()), POINT);
        assertEquals(hand(0, 0), block[0], 1e-14);
        assertEquals(hand(0, 1), block[1], 1e-14);
        assertEquals(hand(1, 1), block[3], 1e-14);
        assertTrue(r.seedFormula().orElseThrow().agrees(), r.seedFormula().toString());
    }

    @Test
    void everyCoordinateSymbolicWithGradient() {
        DerivedResult r = Fixtures.mse("d3");
        assertSound(r, 3, 3);
        double[] m = FormulaValues.of(SymjaOps.parse(r.symjaResult().orElseThrow()), POINT);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(hand(i, j), m[3 * i + j], 1e-14, "entry " + i + "," + j);
            }
        }
        assertTrue(r.crossChecks().get(0).description().contains("∇J"), r.crossChecks().get(0).description());
        assertTrue(r.seedFormula().orElseThrow().agrees());
    }

    @Test
    void theConditionNumberIsOnePlusNormSquaredOverSigmaSquared() {
        DerivedResult r = Fixtures.mse("spectrum");
        assertSound(r, 2, 2);
        double sigma = POINT.get("sigma");
        double m = POINT.get("m");
        assertEquals(1 + m * m / (sigma * sigma), FormulaValues.scalar(SymjaOps.parse(r.symjaResult().orElseThrow()),
                POINT), 1e-14);
        assertTrue(r.seedFormula().orElseThrow().agrees());
        String gd = r.crossChecks().get(1).description();
        assertTrue(gd.contains("centred inputs κ = 1.000, 1 iteration"), gd);
    }

    @Test
    void centringCostsHalfTheSquareOfVTransposedMu() {
        DerivedResult r = Fixtures.mse("centering");
        assertSound(r, 2, 2);
        Map<String, Double> p = Map.of("mu1", 0.9, "mu2", -1.4, "v1", 0.3, "v2", 1.1);
        double vmu = 0.9 * 0.3 - 1.4 * 1.1;
        assertEquals(vmu * vmu / 2, FormulaValues.scalar(SymjaOps.parse(r.symjaResult().orElseThrow()), p), 1e-14);
    }

    @Test
    void aSecondMomentWithoutSigmaSquaredIIsRefuted() {
        // negative control: the step e₀ → μμᵀ (dropping σ²I) must fail both certificates
        IExpr derived = SymjaOps.parse(Fixtures.mse("hessian").symjaResult().orElseThrow());
        IExpr wrong = SymjaOps.parse("{{mu1^2, mu1*mu2}, {mu1*mu2, mu2^2}}");
        List<Map<String, Double>> points = List.of(Map.of("mu1", 0.5, "mu2", 1.2, "sigma", 0.8, "w1", 0.1, "w2", -0.3,
                "v1", 0.4, "v2", 0.2, "r", 0.7));
        Derivation d = Chain.start("mse-hessian", "negative control", "", points, 1e-9, SymjaOps.parse("H"),
                p -> MseHessianChains.flatten(new LinearRegression(new double[] {p.get("mu1"), p.get("mu2")},
                        p.get("sigma"), new double[] {p.get("v1"), p.get("v2")}, -p.get("r"), 0, false)
                        .hessian(new double[] {p.get("w1"), p.get("w2")})))
                .step(Relation.EQ, wrong, "a wrong second moment",
                        () -> Verdicts.all(List.of(Verdicts.entrywise("vs derived", derived, wrong,
                                Assumptions.of("sigma > 0")))))
                .build();
        DerivationStep step = d.steps().get(0);
        assertTrue(step.failed());
        assertEquals(SymbolicOutcome.REFUTED, step.symbolic().outcome(), step.symbolic().detail());
        assertFalse(step.numeric().agrees(), step.numeric().toString());
    }

    @Test
    void theMonteCarloHessianRejectsTheWrongSecondMoment() {
        CrossCheck c = MseCrossChecks.empiricalHessian(in -> {
            double[] out = new double[9];
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    out[3 * i + j] = in.mu()[i] * in.mu()[j];
                }
            }
            return out;
        }, Fixtures.SEED, 4000, 3);
        assertFalse(c.certificate().agrees(), c.description());
    }

    @Test
    void badRequestsAreRefused() {
        MseHessianDeriver d = new MseHessianDeriver();
        SpecificationException variant = assertThrows(SpecificationException.class,
                () -> d.derive(DeriveRequest.defaults(1).withVariant("d7")));
        assertEquals(ErrorCode.UNSUPPORTED, variant.code());
        SpecificationException samples = assertThrows(SpecificationException.class,
                () -> d.derive(new DeriveRequest("", Map.of("samples", 10.0), 1, 4)));
        assertEquals(ErrorCode.OUT_OF_RANGE, samples.code());
    }
}
