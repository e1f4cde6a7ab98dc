package org.neuromanifold.symbolic.derive.conditioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.neuromanifold.core.result.SymbolicOutcome;
import org.neuromanifold.symbolic.symja.Assumptions;
import org.neuromanifold.symbolic.symja.SymjaProver;

class VectorSpanTest {
    private static void assertZero(IExpr e) {
        assertEquals(SymbolicOutcome.PROVED, SymjaProver.shared().proveZero(e, Assumptions.none()).outcome(),
                e.toMMA());
    }

    @Test
    void rankOnePlusIdentityActsOnItsDirectionAndItsComplement() {
        VectorSpan span = new VectorSpan(List.of("mu", "u"), Map.of("mu,mu", SymjaOps.parse("m^2"), "mu,u", F.C0,
                "u,u", F.C1));
        IExpr c = SymjaOps.parse("c");
        VectorSpan.Vec mu = span.named("mu");
        VectorSpan.Vec u = span.named("u");
        VectorSpan.Vec y = span.plus(span.times(SymjaOps.parse("a"), mu), span.times(SymjaOps.parse("b"), u));
        VectorSpan.Vec hy = span.apply(c, mu, mu, y);
        // (cI + μμᵀ)(aμ + bu) = a(c + m²)μ + bc·u when ⟨μ, u⟩ = 0
        assertZero(SymjaOps.eval("%s - a*(c + m^2)", span.coefficient(hy, "mu")));
        assertZero(SymjaOps.eval("%s - b*c", span.coefficient(hy, "u")));
        assertZero(SymjaOps.eval("%s - (a^2*m^2 + b^2)", span.inner(y, y)));
    }

    @Test
    void withoutOrthogonalityUIsNoEigenvector() {
        VectorSpan span = new VectorSpan(List.of("mu", "u"), Map.of("mu,mu", SymjaOps.parse("m^2"), "mu,u",
                SymjaOps.parse("g"), "u,u", F.C1));
        VectorSpan.Vec hu = span.apply(SymjaOps.parse("c"), span.named("mu"), span.named("mu"), span.named("u"));
        assertEquals(SymbolicOutcome.REFUTED, SymjaProver.shared().proveZero(span.coefficient(hu, "mu"),
                Assumptions.none()).outcome());
    }

    @Test
    void aMissingInnerProductIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new VectorSpan(List.of("mu", "u"),
                Map.of("mu,mu", F.C1, "u,u", F.C1)));
    }
}
