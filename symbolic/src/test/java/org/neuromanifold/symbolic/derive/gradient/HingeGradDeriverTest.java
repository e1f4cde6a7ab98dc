package org.neuromanifold.symbolic.derive.gradient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;
import org.neuromanifold.core.result.Formula;
import org.neuromanifold.core.result.SymbolicOutcome;
import org.neuromanifold.core.scalar.TermCompiler;
import org.neuromanifold.symbolic.derive.DeriveRequest;
import org.neuromanifold.symbolic.derive.DerivedResult;
import org.neuromanifold.symbolic.symja.Assumptions;
import org.neuromanifold.symbolic.symja.SymbolTable;
import org.neuromanifold.symbolic.symja.SymjaEngine;
import org.neuromanifold.symbolic.symja.SymjaProver;
import org.neuromanifold.symbolic.symja.SymjaTerms;

class HingeGradDeriverTest {
    private static final HingeGradDeriver DERIVER = new HingeGradDeriver();
    private static DerivedResult result;

    private static synchronized DerivedResult result() {
        if (result == null) {
            result = DERIVER.derive(DeriveRequest.defaults(5));
        }
        return result;
    }

    /** The statement's closed form, written here: −y where y t &lt; 1, 0 where y t &gt; 1. */
    private static double expected(double t, double y) {
        return y * t < 1 ? -y : 0;
    }

    @Test
    void derivationIsSoundAndProvedForGeneralYAndPerLabel() {
        DerivedResult r = result();
        assertTrue(r.sound(), () -> r.derivation().steps().toString());
        assertEquals(2, r.derivation().provedSteps());
        String first = r.derivation().steps().get(0).symbolic().detail();
        assertTrue(first.contains("general y: proved") && first.contains("y = 1 (∂ℓ/∂t = Piecewise[{{0,t>1}},-1]): proved")
                && first.contains("y = -1 (∂ℓ/∂t = Piecewise[{{0,t<-1}},1]): proved"), first);
        assertEquals("Piecewise[{{-y,t*y<=1}},0]", r.symjaResult().orElseThrow());
        assertTrue(r.crossChecks().stream().allMatch(c -> c.certificate().agrees()), r.crossChecks().toString());
        assertTrue(r.seedFormula().orElseThrow().agrees(), r.seedFormula().toString());
        assertTrue(((Formula.OfSymja) r.derivation().start()).input().startsWith("D["));
    }

    /** The derived closed form at random (t, y), in double precision and by Symja's exact substitution. */
    @Test
    void closedFormAgreesWithTheStatementAtRandomPointsOffTheKink() {
        IExpr closed = SymjaEngine.shared().parse(result().symjaResult().orElseThrow()).valueOrThrow();
        SymbolTable names = SymbolTable.create();
        var term = SymjaTerms.toTerm(closed, names);
        for (Map<String, Double> p : HingeGradDeriver.points(99, 40)) {
            double t = p.get("t");
            double y = p.get("y");
            assertEquals(expected(t, y), TermCompiler.evaluate(term, p), 0.0, p.toString());
            IExpr exact = SymjaEngine.shared().evaluate(F.N(F.ReplaceAll(closed, F.list(F.Rule(F.symbol("t"),
                    SymjaTerms.exact(t)), F.Rule(F.symbol("y"), SymjaTerms.exact(y)))))).valueOrThrow();
            assertEquals(expected(t, y), exact.evalf(), 1e-15, p.toString());
            assertTrue(Math.abs(1 - y * t) >= HingeGradDeriver.KINK_MARGIN);
        }
        // both labels and real labels are drawn
        List<Map<String, Double>> pts = HingeGradDeriver.points(99, 40);
        assertTrue(pts.stream().anyMatch(p -> p.get("y") == 1.0) && pts.stream().anyMatch(p -> p.get("y") == -1.0)
                && pts.stream().anyMatch(p -> Math.abs(p.get("y")) != 1.0));
    }

    /** Negative control: swapping the cases without negating the condition is refuted, symbolically and numerically. */
    @Test
    void aWronglySwappedCaseIsRefuted() {
        SymjaEngine.shared();
        String derivative = ((Formula.OfSymja) result().derivation().steps().get(0).expression()).input();
        var v = SymjaProver.shared().proveEqual(derivative, "Piecewise[{{-y, t*y > 1}}, 0]", Assumptions.none());
        assertEquals(SymbolicOutcome.REFUTED, v.outcome(), v.detail());
        IExpr wrong = SymjaEngine.shared().parse("Piecewise[{{-y, t*y > 1}}, 0]").valueOrThrow();
        var cert = Certificates.equal(HingeGradDeriver.points(3, 16), HingeGradDeriver::autodiff,
                p -> new double[] {TermCompiler.evaluate(SymjaTerms.toTerm(wrong, SymbolTable.create()), p)}, 1e-12);
        assertTrue(!cert.agrees(), cert.toString());
    }

    @Test
    void onlyTheHingeVariantExists() {
        assertEquals(List.of("hinge"), DERIVER.variants());
        SpecificationException e = assertThrows(SpecificationException.class,
                () -> DERIVER.derive(DeriveRequest.defaults(1).withVariant("relu")));
        assertEquals(ErrorCode.UNSUPPORTED, e.code());
        assertEquals("variant", e.argument());
    }

    @Test
    void derivationCompilesWithPdflatex() {
        GradientTestSupport.assertCompiles(List.of(result().derivation()));
    }
}
