package org.neuromanifold.symbolic.symja;

import java.util.Map;

import org.neuromanifold.core.scalar.Term;

/** Replaces symbols of a core {@link Term} by terms, rebuilding with the smart constructors (constants fold). */
public final class TermSubstitution {
    private TermSubstitution() {
    }

    /** {@code term} with every symbol named in {@code replacements} replaced. */
    public static Term substitute(Term term, Map<String, Term> replacements) {
        return switch (term) {
            case Term.Const c -> c;
            case Term.Var v -> replacements.getOrDefault(v.name(), v);
            case Term.Sum s -> Term.sum(s.terms().stream().map(t -> substitute(t, replacements)).toList());
            case Term.Product p -> Term.product(p.factors().stream().map(t -> substitute(t, replacements)).toList());
            case Term.Power p -> Term.power(substitute(p.base(), replacements), substitute(p.exponent(), replacements));
            case Term.Apply a -> Term.apply(a.fn(), substitute(a.argument(), replacements));
            case Term.Piecewise pw -> new Term.Piecewise(substitute(pw.condition(), replacements),
                    substitute(pw.whenNegative(), replacements), substitute(pw.otherwise(), replacements));
        };
    }
}
