package org.neuromanifold.symbolic.derive.rfim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.neuromanifold.core.result.SymbolicOutcome;
import org.neuromanifold.core.result.SymbolicVerdict;
import org.neuromanifold.symbolic.symja.Assumptions;
import org.neuromanifold.symbolic.symja.SymjaEngine;

/**
 * The entry-by-entry prover's quick paths: the polynomial skeleton, ExpandAll for exponentials of sums, and
 * the reuse of an expanded difference already proved; each must prove true identities and never a false one.
 */
class EntrywiseProofTest {
    private final SymjaEngine symja = SymjaEngine.shared();

    private IExpr parse(String s) {
        return symja.parse(s).valueOrThrow();
    }

    private SymTensor vector(String... entries) {
        return SymTensor.vector(List.of(entries).stream().map(this::parse).toList());
    }

    @Test
    void theSkeletonKeepsPolynomialStructureAndNamesEachSubexpressionOnce() {
        PolynomialSkeleton skeleton = new PolynomialSkeleton("opaqueTest");
        IExpr e = symja.evaluate("(1 + LogisticSigmoid[u])^2*x + E^(a + b)*LogisticSigmoid[u] + Sqrt[y]").valueOrThrow();
        IExpr s = skeleton.of(e);
        assertEquals(3, skeleton.opaqueCount(), s.toString());
        assertTrue(s.isFree(parse("LogisticSigmoid[u]"), true), s.toString());
        // the skeleton stands for the expression: substituting back gives it again
        IExpr back = symja.evaluate(F.Expand(F.Subtract(F.ReplaceAll(s, skeleton.restoringRules()), e))).valueOrThrow();
        assertTrue(back.isZero(), "substituted back: " + back);
    }

    @Test
    void structuralIdentitiesAreProvedByTheSkeletonOrExpandAll() {
        SymTensor lhs = vector("LogisticSigmoid[u]*(x + y)^2",
                "E^(2*(b + w*x))*c^2/(1 + E^(b + w*x))^2",
                "(Tanh[t] + 1)*(Tanh[t] - 1)");
        SymTensor rhs = vector("LogisticSigmoid[u]*x^2 + 2*x*y*LogisticSigmoid[u] + y^2*LogisticSigmoid[u]",
                "E^(2*b + 2*w*x)*c^2/(1 + E^(b + w*x))^2",
                "Tanh[t]^2 - 1");
        SymbolicVerdict v = EntrywiseProof.equal(lhs, rhs, Assumptions.none(), "a test");
        assertEquals(SymbolicOutcome.PROVED, v.outcome(), v.detail());
    }

    @Test
    void aFalseIdentityIsNotProvedByTheQuickPaths() {
        // negative controls: distinct subexpressions (σ(u), σ(v); e^{2b+2wx}, e^{2b+wx}) must not be confused
        SymTensor lhs = vector("LogisticSigmoid[u]*(1 + x)", "E^(2*(b + w*x))");
        SymTensor rhs = vector("LogisticSigmoid[u] + x*LogisticSigmoid[v]", "E^(2*b + w*x)");
        SymbolicVerdict v = EntrywiseProof.equal(lhs, rhs, Assumptions.none(), "a test");
        assertEquals(SymbolicOutcome.REFUTED, v.outcome(), v.detail());
        assertFalse(v.detail().isEmpty());
    }

    @Test
    void theTransposedEntryOfASymmetricMatrixReusesTheProof() {
        // entries (0, 1) and (1, 0) expand to the same difference; Together is needed for it
        String a = "j1*j2*(-1 + q)*q/(1 - q)";
        String b = "-q*j2*j1";
        SymTensor lhs = SymTensor.matrix(2, 2, new IExpr[] {parse("q"), parse(a), parse(a), parse("1")});
        SymTensor rhs = SymTensor.matrix(2, 2, new IExpr[] {parse("q"), parse(b), parse(b), parse("1")});
        SymbolicVerdict v = EntrywiseProof.equal(lhs, rhs, Assumptions.none(), "a test");
        assertEquals(SymbolicOutcome.PROVED, v.outcome(), v.detail());
        assertTrue(v.detail().contains("1 with the expanded difference of an entry already proved"), v.detail());
    }
}
