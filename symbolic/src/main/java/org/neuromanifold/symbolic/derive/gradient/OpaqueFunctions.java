package org.neuromanifold.symbolic.derive.gradient;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import org.neuromanifold.core.result.SymbolicVerdict;
import org.neuromanifold.symbolic.symja.Assumptions;
import org.neuromanifold.symbolic.symja.SymjaEngine;
import org.neuromanifold.symbolic.symja.SymjaExprs;
import org.neuromanifold.symbolic.symja.SymjaProver;
import org.neuromanifold.symbolic.symja.SymjaResult;

/**
 * Lemmas about an arbitrary differentiable function, such as "the rest of the network above layer t"
 * ({@code h}) or an arbitrary activation ({@code s}), proved by Symja.
 *
 * <p>Symja differentiates expressions with undefined functions by the chain rule
 * ({@code D[h[s[z1], s[z2]], z1]} gives {@code Derivative[1,0][h][s[z1], s[z2]] s'[z1]}), but such
 * results cannot be evaluated numerically, and the bridge reports surviving {@code Derivative} heads as
 * unevaluated. So after Symja has applied the chain rule, every value and derivative of an opaque
 * function at a point becomes a fresh real symbol — the lemma must then hold for every value of them,
 * which is exactly what "for an arbitrary function" means pointwise — and the ordinary
 * {@link SymjaProver} (numeric witness, simplification, case split) decides the rest.
 *
 * <p>Names: a function of several arguments must appear at one point only (the upstream network at the
 * layer's output); its value is {@code h}, its first partial derivatives {@code dh1, dh2, …}. A function
 * of one argument may appear at several points, numbered in order of appearance: values
 * {@code s1, s2, …}, derivatives {@code ds1, …}, {@code dds1, …}.
 */
final class OpaqueFunctions {
    private final Set<String> functions;
    private final Map<String, IExpr> symbols = new LinkedHashMap<>();
    private final Map<String, List<IExpr>> points = new HashMap<>();

    private OpaqueFunctions(Set<String> functions) {
        this.functions = Set.copyOf(functions);
    }

    /** The undefined functions named {@code functions} are opaque. */
    static OpaqueFunctions of(String... functions) {
        return new OpaqueFunctions(Set.of(functions));
    }

    /**
     * Proves {@code lhs = rhs} (Symja input syntax, evaluated so that {@code D} applies the chain rule)
     * for arbitrary opaque functions, under {@code assumptions}.
     */
    SymbolicVerdict proveEqual(String lhs, String rhs, Assumptions assumptions) {
        SymjaEngine engine = SymjaEngine.shared();
        SymjaResult<IExpr[]> sides = engine.run(session -> new IExpr[] {session.eval(lhs), session.eval(rhs)});
        if (sides instanceof SymjaResult.Undecided<IExpr[]> u) {
            return SymbolicVerdict.undecided("evaluating the lemma: " + u.explanation());
        }
        IExpr[] both = sides.valueOrThrow();
        IExpr a;
        IExpr b;
        try {
            number(both);
            a = opaque(both[0]);
            b = opaque(both[1]);
        } catch (IllegalStateException e) {
            return SymbolicVerdict.undecided(e.getMessage());
        }
        if (SymjaExprs.unevaluatedOperation(a).isPresent() || SymjaExprs.unevaluatedOperation(b).isPresent()) {
            return SymbolicVerdict.undecided("an operation stayed unevaluated in " + Verdicts.abbreviate(
                    SymjaExprs.input(a)) + " = " + Verdicts.abbreviate(SymjaExprs.input(b)));
        }
        return SymjaProver.shared().proveEqual(a, b, assumptions);
    }

    /**
     * Numbers the points at which each opaque function is applied in {@code exprs}, in the order of their
     * printed form (so that s1 is σ's value at z1, not at whichever point the traversal met first).
     */
    void number(IExpr... exprs) {
        Map<String, TreeMap<String, IExpr>> found = new HashMap<>();
        for (IExpr e : exprs) {
            collect(e, found);
        }
        found.forEach((f, byText) -> {
            List<IExpr> seen = points.computeIfAbsent(f, k -> new ArrayList<>());
            byText.values().stream().filter(p -> !seen.contains(p)).forEach(seen::add);
        });
    }

    private void collect(IExpr e, Map<String, TreeMap<String, IExpr>> found) {
        if (!(e instanceof IAST ast)) {
            return;
        }
        String f = applied(ast);
        if (f != null) {
            IExpr point = point(ast);
            found.computeIfAbsent(f, k -> new TreeMap<>()).put(point.toString(), point);
        }
        for (int i = 0; i <= ast.argSize(); i++) {
            collect(ast.get(i), found);
        }
    }

    /** The opaque function applied at the top of {@code ast} (its value or a derivative), or null. */
    private String applied(IAST ast) {
        if (ast.head() instanceof ISymbol f && functions.contains(f.getSymbolName())) {
            return f.getSymbolName();
        }
        if (ast.head() instanceof IAST applied && applied.head() instanceof IAST derivative
                && derivative.head().equals(S.Derivative) && applied.argSize() == 1
                && applied.arg1() instanceof ISymbol f && functions.contains(f.getSymbolName())) {
            return f.getSymbolName();
        }
        return null;
    }

    private static IExpr point(IAST application) {
        List<IExpr> args = new ArrayList<>();
        for (int i = 1; i <= application.argSize(); i++) {
            args.add(application.get(i));
        }
        return F.List(args.toArray(IExpr[]::new));
    }

    /** {@code e} with every value and derivative of an opaque function replaced by its symbol. */
    IExpr opaque(IExpr e) {
        SymjaEngine.prepareThread();
        IExpr r = e.replaceAll(x -> {
            if (!(x instanceof IAST ast)) {
                return F.NIL;
            }
            String f = applied(ast);
            if (f == null) {
                return F.NIL;
            }
            if (ast.head() instanceof ISymbol) {
                return symbol(f, new int[0], ast);
            }
            // Derivative[n1, …][f][args]: the head is Derivative[n1, …][f], whose head is Derivative[n1, …]
            IAST derivative = (IAST) ((IAST) ast.head()).head();
            int[] orders = new int[derivative.argSize()];
            for (int i = 0; i < orders.length; i++) {
                orders[i] = derivative.get(i + 1).toIntDefault();
            }
            return symbol(f, orders, ast);
        });
        return r.isPresent() ? r : e;
    }

    private IExpr symbol(String f, int[] orders, IAST application) {
        int arity = application.argSize();
        List<IExpr> seen = points.computeIfAbsent(f, k -> new ArrayList<>());
        IExpr point = point(application);
        int index = seen.indexOf(point);
        if (index < 0) {
            seen.add(point);
            index = seen.size() - 1;
        }
        String name;
        if (arity == 1) {
            int order = orders.length == 0 ? 0 : orders[0];
            name = "d".repeat(order) + f + (index + 1);
        } else {
            if (index > 0) {
                throw new IllegalStateException("the opaque function " + f + " of " + arity
                        + " arguments appears at two points; each lemma uses it at one point only");
            }
            name = partialName(f, orders);
        }
        return symbols.computeIfAbsent(name, F::symbol);
    }

    private static String partialName(String f, int[] orders) {
        int total = 0;
        StringBuilder which = new StringBuilder();
        for (int i = 0; i < orders.length; i++) {
            total += orders[i];
            for (int k = 0; k < orders[i]; k++) {
                which.append(i + 1);
            }
        }
        return total == 0 ? f : "d".repeat(total) + f + which;
    }
}
