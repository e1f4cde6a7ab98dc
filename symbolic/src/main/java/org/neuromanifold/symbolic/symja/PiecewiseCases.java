package org.neuromanifold.symbolic.symja;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Splits an expression with {@code Piecewise} parts into cases without them: in each case every
 * {@code Piecewise} is replaced by the piece its conditions select, and the case records the conditions
 * it assumed. Symja's {@code Simplify} cannot see through a {@code Piecewise} whose condition is not a
 * plain bound on one symbol (e.g. {@code W0x0x0*x1 + W0x0x1*x2 < 0} in a ReLU network), so identities
 * with kinks are proved case by case.
 *
 * <p>Conditions are comparisons {@code a < b, a <= b, a > b, a >= b}, normalised to {@code u R 0} with
 * {@code u = Expand[a - b]} (or {@code Expand[b - a]} with the relation mirrored, whichever prints first),
 * so that the same condition written differently in two places is decided once: when a case assumes
 * {@code u < 0}, every {@code Piecewise} that tests {@code u < 0}, {@code u >= 0}, {@code -u > 0}, ... is
 * resolved at once. Cases whose assumptions contradict each other are dropped.
 */
final class PiecewiseCases {

    /** {@code u R 0}. */
    enum Rel {
        NEG, NONPOS, POS, NONNEG;

        Rel negation() {
            return switch (this) {
                case NEG -> NONNEG;
                case NONPOS -> POS;
                case POS -> NONPOS;
                case NONNEG -> NEG;
            };
        }

        Rel mirrored() {
            return switch (this) {
                case NEG -> POS;
                case NONPOS -> NONNEG;
                case POS -> NEG;
                case NONNEG -> NONPOS;
            };
        }

        /** What a known {@code u this 0} says about {@code u query 0}: TRUE, FALSE or null (unknown). */
        Boolean implies(Rel query) {
            return switch (this) {
                case NEG -> query == NEG || query == NONPOS;
                case POS -> query == POS || query == NONNEG;
                case NONNEG -> query == NEG ? Boolean.FALSE : query == NONNEG ? Boolean.TRUE : null;
                case NONPOS -> query == POS ? Boolean.FALSE : query == NONPOS ? Boolean.TRUE : null;
            };
        }

        IExpr condition(IExpr u) {
            return switch (this) {
                case NEG -> F.Less(u, F.C0);
                case NONPOS -> F.LessEqual(u, F.C0);
                case POS -> F.Greater(u, F.C0);
                case NONNEG -> F.GreaterEqual(u, F.C0);
            };
        }
    }

    /** A normalised condition {@code u rel 0}. */
    record Atom(IExpr u, Rel rel) {
        Atom negation() {
            return new Atom(u, rel.negation());
        }

        IExpr condition() {
            return rel.condition(u);
        }

        /** What this atom, known to hold, says about {@code other}. */
        Boolean implies(Atom other) {
            return u.equals(other.u) ? rel.implies(other.rel) : null;
        }

        /** The truth of an atom whose {@code u} is a number, else null. */
        Boolean constantTruth() {
            if (!(u.isInteger() || u.isFraction() || u.isReal())) {
                return null;
            }
            double x = u.evalf();
            return switch (rel) {
                case NEG -> x < 0;
                case NONPOS -> x <= 0;
                case POS -> x > 0;
                case NONNEG -> x >= 0;
            };
        }
    }

    /**
     * One case.
     *
     * @param expr       the expression with every {@code Piecewise} resolved
     * @param conditions the conditions the case assumed, as Symja comparisons {@code u R 0}
     */
    record Case(IExpr expr, List<IExpr> conditions) {
    }

    /** The result of a split. */
    sealed interface Outcome {
    }

    /**
     * The cases.
     *
     * @param cases      every case, none with a {@code Piecewise} left
     * @param conditions how many distinct conditions were split on
     */
    record Split(List<Case> cases, int conditions) implements Outcome {
    }

    /** The split could not be done (the reason says why). */
    record Failed(String reason) implements Outcome {
    }

    private final SymjaSession session;
    private final Map<IExpr, Atom> canonical = new HashMap<>();

    private PiecewiseCases(SymjaSession session) {
        this.session = session;
    }

    /** Whether {@code expr} contains a {@code Piecewise}. */
    static boolean hasPiecewise(IExpr expr) {
        return SymjaExprs.containsHead(expr, S.Piecewise);
    }

    /** Splits {@code expr} inside a Symja task (normalising conditions needs {@code Expand}). */
    static Outcome split(SymjaSession session, IExpr expr, int maxCases) {
        return new PiecewiseCases(session).run(expr, maxCases);
    }

    private record Pending(IExpr expr, List<Atom> facts) {
    }

    private Outcome run(IExpr expr, int maxCases) {
        Deque<Pending> queue = new ArrayDeque<>();
        queue.add(new Pending(expr, List.of()));
        List<Case> leaves = new ArrayList<>();
        java.util.Set<IExpr> splitOn = new java.util.HashSet<>();
        while (!queue.isEmpty()) {
            Pending p = queue.poll();
            IExpr e;
            IAST piecewise;
            try {
                e = resolve(p.expr(), p.facts());
                piecewise = findSplittable(e).orElse(null);
            } catch (UnsupportedCondition u) {
                return new Failed(u.getMessage());
            }
            if (piecewise == null) {
                leaves.add(new Case(e, p.facts().stream().map(Atom::condition).toList()));
                continue;
            }
            List<IExpr> values = new ArrayList<>();
            List<Atom> atoms = new ArrayList<>();
            IExpr fallback = pieces(piecewise, values, atoms);
            atoms.forEach(a -> splitOn.add(a.u()));
            // branch i: pieces before i fail, piece i holds; the last branch: every piece fails
            List<Atom> earlierFail = new ArrayList<>();
            for (int i = 0; i <= atoms.size(); i++) {
                List<Atom> facts = new ArrayList<>(p.facts());
                facts.addAll(earlierFail);
                if (i < atoms.size()) {
                    facts.add(atoms.get(i));
                }
                if (consistent(facts)) {
                    IExpr chosen = i < atoms.size() ? values.get(i) : fallback;
                    queue.add(new Pending(replace(e, piecewise, chosen), dedupe(facts)));
                }
                if (i < atoms.size()) {
                    earlierFail.add(atoms.get(i).negation());
                }
            }
            if (leaves.size() + queue.size() > maxCases) {
                return new Failed("the case split needs more than " + maxCases + " cases");
            }
        }
        return new Split(List.copyOf(leaves), splitOn.size());
    }

    /** Fills {@code values} and {@code atoms} with the pieces of a Piecewise; returns its default. */
    private IExpr pieces(IAST piecewise, List<IExpr> values, List<Atom> atoms) {
        IAST list = (IAST) piecewise.arg1();
        for (int i = 1; i <= list.argSize(); i++) {
            IAST piece = (IAST) list.get(i);
            values.add(piece.arg1());
            atoms.add(atom(piece.arg2()));
        }
        return piecewise.argSize() >= 2 ? piecewise.arg2() : F.C0;
    }

    /** The normalised form of a comparison. */
    private Atom atom(IExpr condition) {
        Atom known = canonical.get(condition);
        if (known != null) {
            return known;
        }
        if (!(condition instanceof IAST c) || c.argSize() != 2 || !(c.head() instanceof ISymbol op)) {
            throw new UnsupportedCondition(condition);
        }
        Rel rel = switch (op.getSymbolName()) {
            case "Less" -> Rel.NEG;
            case "LessEqual" -> Rel.NONPOS;
            case "Greater" -> Rel.POS;
            case "GreaterEqual" -> Rel.NONNEG;
            default -> throw new UnsupportedCondition(condition);
        };
        IExpr u = session.eval(F.Expand(F.Subtract(c.arg1(), c.arg2())));
        IExpr minusU = session.eval(F.Expand(F.Negate(u)));
        Atom atom = SymjaExprs.input(u).compareTo(SymjaExprs.input(minusU)) <= 0 ? new Atom(u, rel)
                : new Atom(minusU, rel.mirrored());
        canonical.put(condition, atom);
        return atom;
    }

    private static boolean consistent(List<Atom> facts) {
        if (facts.stream().anyMatch(f -> Boolean.FALSE.equals(f.constantTruth()))) {
            return false;
        }
        for (int i = 0; i < facts.size(); i++) {
            for (int j = 0; j < facts.size(); j++) {
                if (i != j && Boolean.FALSE.equals(facts.get(i).implies(facts.get(j)))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static List<Atom> dedupe(List<Atom> facts) {
        return facts.stream().distinct().toList();
    }

    /** Replaces every Piecewise whose selected piece the facts decide, bottom-up. */
    private IExpr resolve(IExpr e, List<Atom> facts) {
        if (!(e instanceof IAST ast) || !hasPiecewise(e)) {
            return e;
        }
        IAST mapped = ast.map(child -> resolve(child, facts));
        IAST node = mapped.isPresent() ? mapped : ast;
        if (node.isAST(S.Piecewise) && node.argSize() >= 1 && node.arg1().isList()) {
            List<IExpr> values = new ArrayList<>();
            List<Atom> atoms = new ArrayList<>();
            IExpr fallback = pieces(node, values, atoms);
            for (int i = 0; i < atoms.size(); i++) {
                Boolean holds = decide(atoms.get(i), facts);
                if (holds == null) {
                    return node;
                }
                if (holds) {
                    return values.get(i);
                }
            }
            return fallback;
        }
        return node;
    }

    private static Boolean decide(Atom atom, List<Atom> facts) {
        Boolean constant = atom.constantTruth();
        if (constant != null) {
            return constant;
        }
        for (Atom f : facts) {
            Boolean b = f.implies(atom);
            if (b != null) {
                return b;
            }
        }
        return null;
    }

    /** A Piecewise none of whose conditions contains another Piecewise (depth first). */
    private static Optional<IAST> findSplittable(IExpr e) {
        if (!(e instanceof IAST ast) || !hasPiecewise(e)) {
            return Optional.empty();
        }
        if (ast.isAST(S.Piecewise)) {
            if (ast.argSize() < 1 || !ast.arg1().isList()) {
                throw new UnsupportedCondition(ast);
            }
            IAST list = (IAST) ast.arg1();
            boolean conditionsPlain = true;
            for (int i = 1; i <= list.argSize(); i++) {
                if (!(list.get(i) instanceof IAST piece) || !piece.isList() || piece.argSize() != 2) {
                    throw new UnsupportedCondition(list.get(i));
                }
                if (hasPiecewise(piece.arg2())) {
                    conditionsPlain = false;
                    Optional<IAST> inner = findSplittable(piece.arg2());
                    if (inner.isPresent()) {
                        return inner;
                    }
                }
            }
            if (conditionsPlain) {
                return Optional.of(ast);
            }
        }
        for (int i = 1; i <= ast.argSize(); i++) {
            Optional<IAST> found = findSplittable(ast.get(i));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static IExpr replace(IExpr e, IExpr target, IExpr replacement) {
        IExpr r = e.replaceAll(x -> x.equals(target) ? replacement : F.NIL);
        return r.isPresent() ? r : e;
    }

    /** A Piecewise condition that is not a single comparison. */
    private static final class UnsupportedCondition extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnsupportedCondition(IExpr condition) {
            super("the Piecewise condition " + SymjaExprs.input(condition)
                    + " is not a comparison a < b, a <= b, a > b or a >= b", null, false, false);
        }
    }
}
