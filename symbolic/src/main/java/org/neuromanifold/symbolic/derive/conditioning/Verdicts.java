package org.neuromanifold.symbolic.derive.conditioning;

import java.util.ArrayList;
import java.util.List;

import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.neuromanifold.core.result.SymbolicOutcome;
import org.neuromanifold.core.result.SymbolicVerdict;
import org.neuromanifold.symbolic.symja.Assumptions;
import org.neuromanifold.symbolic.symja.SymjaProver;

/**
 * Symbolic certificates made of several proofs: a step is proved when every part is, refuted when one
 * part is (the first refutation is reported), undecided otherwise.
 */
final class Verdicts {
    private Verdicts() {
    }

    /** One labelled part of a certificate. */
    record Part(String label, SymbolicVerdict verdict) {
    }

    /** The conjunction of {@code parts}. */
    static SymbolicVerdict all(List<Part> parts) {
        List<String> proved = new ArrayList<>();
        for (Part p : parts) {
            if (p.verdict().outcome() == SymbolicOutcome.REFUTED) {
                return SymbolicVerdict.refuted(p.label() + ": " + p.verdict().detail());
            }
        }
        for (Part p : parts) {
            if (p.verdict().outcome() == SymbolicOutcome.UNDECIDED) {
                return SymbolicVerdict.undecided(p.label() + ": " + p.verdict().detail());
            }
            proved.add(p.label());
        }
        return SymbolicVerdict.proved(String.join("; ", proved));
    }

    /** A part that is proved by computation (a value Symja returned), with what was computed. */
    static Part computed(String what) {
        return new Part(what, SymbolicVerdict.proved("computed by Symja"));
    }

    /**
     * {@code lhs = rhs} entry by entry (scalars, or lists of equal shape), each entry by
     * {@link SymjaProver#proveEqual}.
     */
    static Part entrywise(String label, IExpr lhs, IExpr rhs, Assumptions assumptions) {
        List<IExpr> a = flatten(lhs);
        List<IExpr> b = flatten(rhs);
        if (a.size() != b.size()) {
            return new Part(label,
                    SymbolicVerdict.refuted("shapes differ: " + a.size() + " vs " + b.size() + " entries"));
        }
        SymjaProver prover = SymjaProver.shared();
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            parts.add(new Part("entry " + (i + 1), prover.proveEqual(a.get(i), b.get(i), assumptions)));
        }
        SymbolicVerdict v = all(parts);
        String detail = v.outcome() == SymbolicOutcome.PROVED ? a.size() + (a.size() == 1 ? " entry" : " entries")
                : v.detail();
        return new Part(label, new SymbolicVerdict(v.outcome(), detail));
    }

    /** The entries of a (nested) list, row by row; a scalar is one entry. */
    static List<IExpr> flatten(IExpr e) {
        List<IExpr> out = new ArrayList<>();
        if (e.isList()) {
            IAST list = (IAST) e;
            for (int i = 1; i <= list.argSize(); i++) {
                out.addAll(flatten(list.get(i)));
            }
        } else {
            out.add(e);
        }
        return out;
    }
}
