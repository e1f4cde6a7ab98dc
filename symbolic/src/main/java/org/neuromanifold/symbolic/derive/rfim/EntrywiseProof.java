package org.neuromanifold.symbolic.derive.rfim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IExpr;
import org.neuromanifold.core.result.SymbolicOutcome;
import org.neuromanifold.core.result.SymbolicVerdict;
import org.neuromanifold.symbolic.symja.Assumptions;
import org.neuromanifold.symbolic.symja.SymjaEngine;
import org.neuromanifold.symbolic.symja.SymjaProver;
import org.neuromanifold.symbolic.symja.SymjaResult;

/**
 * Proves two tensors of Symja expressions equal entry by entry: each difference is first expanded as a
 * polynomial in its functions and exponentials ({@link PolynomialSkeleton}), then as it is (most
 * structural steps close there), then expanded inside exponents and arguments too (ExpandAll), then
 * put over a common denominator, and otherwise handed to the
 * {@link SymjaProver} (numeric witness, Simplify, Together, the exponential form, case split on kinks). Entries that are the same
 * expression before evaluation count as equal at once.
 */
final class EntrywiseProof {
    /** The limit of the quick attempts (Expand, Together) before the prover's full chain. */
    private static final java.time.Duration QUICK = java.time.Duration.ofSeconds(2);
    /** The name prefix of the symbols standing for non-polynomial subexpressions. */
    private static final String OPAQUE = "opaqueSubterm";

    private EntrywiseProof() {
    }

    /** Whether {@code e} is e^a with a compound exponent a (a sum or product that Expand does not distribute). */
    private static boolean compoundExponential(IExpr e) {
        return e.isPower() && e.base().equals(S.E) && !e.exponent().isAtom();
    }

    private static void remember(Set<IExpr> proved, IExpr residual) {
        if (residual != null) {
            proved.add(residual);
        }
    }

    /**
     * The verdict on {@code lhs = rhs}: proved when every entry is; refuted (naming the entry and the
     * prover's residual and point) when one entry is; undecided otherwise.
     *
     * @param where       the instance, for the verdict's text
     * @param assumptions hypotheses on the symbols (e.g. s &gt; 0)
     */
    static SymbolicVerdict equal(SymTensor lhs, SymTensor rhs, Assumptions assumptions, String where) {
        if (lhs.rank() != rhs.rank() || lhs.rows() != rhs.rows() || lhs.cols() != rhs.cols()) {
            return SymbolicVerdict.refuted("the shapes differ on " + where + ": " + lhs.shape() + " vs " + rhs.shape());
        }
        SymjaEngine engine = SymjaEngine.shared();
        SymjaProver prover = SymjaProver.shared();
        int same = 0;
        int skeleton = 0;
        int expanded = 0;
        int expandedAll = 0;
        int together = 0;
        int repeated = 0;
        int proved = 0;
        List<String> undecided = new ArrayList<>();
        // Expand's canonical form of each difference already proved zero, so that an entry whose difference expands
        // to the same expression (the transposed entry of a symmetric matrix, typically) is not proved twice
        Set<IExpr> provedResiduals = new HashSet<>();
        for (int i = 0; i < lhs.size(); i++) {
            if (lhs.get(i).equals(rhs.get(i))) {
                same++;
                continue;
            }
            IExpr d = F.Subtract(lhs.get(i), rhs.get(i));
            // first the polynomial skeleton (functions and exponentials as symbols): most steps are structural
            // and close there by polynomial arithmetic alone
            SymjaResult<IExpr> evaluated = engine.evaluate(d, QUICK);
            if (evaluated instanceof SymjaResult.Value<IExpr> e) {
                d = e.value();
                SymjaResult<IExpr> s = engine.evaluate(F.Expand(new PolynomialSkeleton(OPAQUE).of(d)), QUICK);
                if (d.isZero() || s instanceof SymjaResult.Value<IExpr> v && v.value().isZero()) {
                    skeleton++;
                    continue;
                }
            }
            SymjaResult<IExpr> r = engine.evaluate(F.Expand(d), QUICK);
            IExpr residual = r instanceof SymjaResult.Value<IExpr> v ? v.value() : null;
            if (residual != null && residual.isZero()) {
                expanded++;
                continue;
            }
            if (residual != null && provedResiduals.contains(residual)) {
                repeated++;
                continue;
            }
            // Expand leaves exponents alone (e^{2(b + wx)} and e^{2b + 2wx} stay distinct); ExpandAll expands them too
            IExpr expandable = residual != null ? residual : d;
            if (expandable.has(EntrywiseProof::compoundExponential, false)) {
                SymjaResult<IExpr> all = engine.evaluate(F.ExpandAll(expandable), QUICK);
                if (all instanceof SymjaResult.Value<IExpr> v && v.value().isZero()) {
                    expandedAll++;
                    remember(provedResiduals, residual);
                    continue;
                }
            }
            SymjaResult<IExpr> q = engine.evaluate(F.Together(d), QUICK);
            if (q instanceof SymjaResult.Value<IExpr> v && v.value().isZero()) {
                together++;
                remember(provedResiduals, residual);
                continue;
            }
            SymbolicVerdict v = prover.proveZero(d, assumptions);
            String entry = lhs.rank() == 2 ? "entry (" + i / lhs.cols() + ", " + i % lhs.cols() + ")"
                    : "entry " + i;
            if (v.outcome() == SymbolicOutcome.REFUTED) {
                return SymbolicVerdict.refuted(entry + " differs on " + where + ": " + v.detail());
            }
            if (v.outcome() == SymbolicOutcome.UNDECIDED) {
                undecided.add(entry + ": " + v.detail());
            } else {
                proved++;
                remember(provedResiduals, residual);
            }
        }
        if (!undecided.isEmpty()) {
            return SymbolicVerdict.undecided(undecided.size() + " of " + lhs.size() + " entries undecided on " + where
                    + "; first " + undecided.get(0));
        }
        return SymbolicVerdict.proved("entry by entry on " + where + " (" + lhs.size() + " entries: " + same
                + " identical, " + skeleton + " by Expand of the difference with its functions and exponentials as "
                + "symbols, " + expanded + " by Expand, " + expandedAll + " by ExpandAll, "
                + together + " by Together, " + proved + " by the prover, " + repeated
                + " with the expanded difference of an entry already proved)");
    }
}
