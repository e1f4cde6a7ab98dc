package org.neuromanifold.symbolic.derive.conditioning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Index-free linear algebra in ℝ^d for any d: vectors are linear combinations of a few named vectors
 * (e.g. μ and a vector u ⊥ μ) whose inner products are given (the Gram table), and the operators are of
 * the form cI + a bᵀ, acting by (cI + a bᵀ)y = c y + a⟨b, y⟩. Nothing refers to coordinates, so what is
 * computed holds in every dimension. Coefficients are Symja expressions, brought to one fraction by Symja
 * ({@code Together}).
 */
final class VectorSpan {
    private final List<String> basis;
    private final Map<String, IExpr> gram = new LinkedHashMap<>();

    /**
     * @param basis the named vectors
     * @param gram  ⟨p, q⟩ for each pair, keyed {@code "p,q"} (one order suffices; the table is symmetric)
     */
    VectorSpan(List<String> basis, Map<String, IExpr> gram) {
        this.basis = List.copyOf(basis);
        for (String p : basis) {
            for (String q : basis) {
                IExpr g = gram.containsKey(p + "," + q) ? gram.get(p + "," + q) : gram.get(q + "," + p);
                if (g == null) {
                    throw new IllegalArgumentException("gram: no inner product for " + p + ", " + q);
                }
                this.gram.put(p + "," + q, g);
            }
        }
    }

    /** A vector: coefficient per named vector. */
    record Vec(Map<String, IExpr> coefficients) {
    }

    /** The named vector {@code name}. */
    Vec named(String name) {
        Map<String, IExpr> c = zero();
        c.put(name, F.C1);
        return new Vec(c);
    }

    /** a + b. */
    Vec plus(Vec a, Vec b) {
        Map<String, IExpr> c = new LinkedHashMap<>();
        for (String p : basis) {
            c.put(p, simplify(F.Plus(a.coefficients().get(p), b.coefficients().get(p))));
        }
        return new Vec(c);
    }

    /** s·a for a scalar s. */
    Vec times(IExpr s, Vec a) {
        Map<String, IExpr> c = new LinkedHashMap<>();
        for (String p : basis) {
            c.put(p, simplify(F.Times(s, a.coefficients().get(p))));
        }
        return new Vec(c);
    }

    /** ⟨a, b⟩ = Σ_{p,q} a_p b_q ⟨p, q⟩. */
    IExpr inner(Vec a, Vec b) {
        List<IExpr> terms = new ArrayList<>();
        for (String p : basis) {
            for (String q : basis) {
                terms.add(F.Times(a.coefficients().get(p), b.coefficients().get(q), gram.get(p + "," + q)));
            }
        }
        return simplify(F.Plus(terms.toArray(IExpr[]::new)));
    }

    /** (cI + a bᵀ) y = c·y + a·⟨b, y⟩. */
    Vec apply(IExpr c, Vec a, Vec b, Vec y) {
        return plus(times(c, y), times(inner(b, y), a));
    }

    /** The coefficient of the named vector {@code name} in {@code y}. */
    IExpr coefficient(Vec y, String name) {
        return y.coefficients().get(name);
    }

    private Map<String, IExpr> zero() {
        Map<String, IExpr> c = new LinkedHashMap<>();
        for (String p : basis) {
            c.put(p, F.C0);
        }
        return c;
    }

    private static IExpr simplify(IExpr e) {
        return SymjaOps.eval("Together[%s]", e);
    }
}
