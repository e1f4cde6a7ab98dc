package org.neuromanifold.symbolic.symja;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import org.neuromanifold.core.error.SpecificationException;
import org.neuromanifold.core.scalar.Term;
import org.neuromanifold.core.scalar.TermCompiler;

/**
 * Random points that satisfy a set of conditions, and the values of expressions at them. Used by
 * {@link SymjaProver} to refute (a point where the difference is clearly nonzero) or to back an
 * undecided verdict (zero at every point).
 *
 * <p>Sampling: a variable bounded by the conditions ({@code omega > 0}, {@code 0 <= iota < 1}) is drawn
 * inside its bounds (a one-sided bound gives an interval of length 3 next to it); a free variable is
 * drawn from [−2.5, 2.5]. Every other condition filters the points. Expressions are evaluated in double
 * precision by the core term compiler when they translate to core terms, otherwise by Symja
 * ({@code N[expr /. point]}).
 */
final class NumericProbe {
    private static final double FREE_HALF_WIDTH = 2.5;
    private static final double ONE_SIDED_WIDTH = 3.0;
    private static final int TRIES_PER_POINT = 200;

    private final SymjaEngine engine;
    private final List<String> variables;
    private final List<double[]> points;
    private final Map<String, Interval> intervals;

    /** Bounds of one variable: open or closed at either end; infinite when absent. */
    record Interval(double lo, boolean loClosed, double hi, boolean hiClosed) {
        static final Interval FREE = new Interval(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false);

        Interval withLower(double value, boolean closed) {
            return value > lo || (value == lo && !closed) ? new Interval(value, closed, hi, hiClosed) : this;
        }

        Interval withUpper(double value, boolean closed) {
            return value < hi || (value == hi && !closed) ? new Interval(lo, loClosed, value, closed) : this;
        }

        boolean nonnegative() {
            return lo >= 0;
        }

        boolean positive() {
            return lo > 0 || (lo == 0 && !loClosed);
        }

        boolean nonpositive() {
            return hi <= 0;
        }

        boolean negative() {
            return hi < 0 || (hi == 0 && !hiClosed);
        }

        double sample(SplittableRandom random) {
            double u = random.nextDouble();
            if (Double.isInfinite(lo) && Double.isInfinite(hi)) {
                return -FREE_HALF_WIDTH + 2 * FREE_HALF_WIDTH * u;
            }
            if (Double.isInfinite(hi)) {
                return lo + 0.01 + (ONE_SIDED_WIDTH - 0.01) * u;
            }
            if (Double.isInfinite(lo)) {
                return hi - 0.01 - (ONE_SIDED_WIDTH - 0.01) * u;
            }
            return lo + (hi - lo) * u;
        }

        boolean contains(double x) {
            return (loClosed ? x >= lo : x > lo) && (hiClosed ? x <= hi : x < hi);
        }
    }

    private NumericProbe(SymjaEngine engine, List<String> variables, List<double[]> points,
            Map<String, Interval> intervals) {
        this.engine = engine;
        this.variables = variables;
        this.points = points;
        this.intervals = intervals;
    }

    /**
     * Draws up to {@code count} points of the variables that satisfy every condition.
     *
     * @param variables  Symja names of the variables (every symbol of the expressions and conditions)
     * @param conditions parsed conditions
     */
    static NumericProbe sample(SymjaEngine engine, List<String> variables, List<IExpr> conditions, int count,
            long seed) {
        Map<String, Interval> intervals = new LinkedHashMap<>();
        variables.forEach(v -> intervals.put(v, Interval.FREE));
        List<IExpr> filters = new ArrayList<>();
        for (IExpr c : conditions) {
            collectBounds(c, intervals, filters);
        }
        List<Predicate<double[]>> predicates = new ArrayList<>();
        List<IExpr> symjaFilters = new ArrayList<>();
        for (IExpr f : filters) {
            try {
                predicates.add(compilePredicate(f, variables));
            } catch (SpecificationException e) {
                symjaFilters.add(f);
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<double[]> candidates = new ArrayList<>();
        int tries = 0;
        while (candidates.size() < count && tries < count * TRIES_PER_POINT) {
            tries++;
            double[] p = new double[variables.size()];
            for (int i = 0; i < p.length; i++) {
                p[i] = intervals.get(variables.get(i)).sample(random);
            }
            if (predicates.stream().allMatch(q -> q.test(p))) {
                candidates.add(p);
            }
        }
        List<double[]> points = candidates;
        if (!symjaFilters.isEmpty() && !candidates.isEmpty()) {
            points = filterWithSymja(engine, variables, symjaFilters, candidates);
        }
        return new NumericProbe(engine, List.copyOf(variables), List.copyOf(points), intervals);
    }

    /** The points drawn (each in the order of {@link #variables()}). */
    List<double[]> points() {
        return points;
    }

    List<String> variables() {
        return variables;
    }

    /** The sampling interval of each variable, from the bounds found in the conditions. */
    Map<String, Interval> intervals() {
        return intervals;
    }

    /** {@code {x -> 0.53, y -> -1.2}}: a point in Symja's rule syntax. */
    String describe(double[] point) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < point.length; i++) {
            b.append(i == 0 ? "" : ", ").append(variables.get(i)).append(" -> ").append(point[i]);
        }
        return b.append('}').toString();
    }

    /**
     * Values of {@code expr} at every point (NaN where it is not a finite real number there) with their
     * scales (the size of the numbers the value is computed from, for tolerances).
     */
    Values evaluate(IExpr expr) {
        double[] values = new double[points.size()];
        double[] scales = new double[points.size()];
        try {
            Term term = SymjaTerms.toTerm(expr, SymbolTable.create());
            ToDoubleFunction<double[]> f = TermCompiler.compile(term, variables, Map.of());
            for (int k = 0; k < points.size(); k++) {
                values[k] = f.applyAsDouble(points.get(k));
                scales[k] = magnitude(term, points.get(k));
            }
            return new Values(values, scales);
        } catch (SpecificationException e) {
            return evaluateWithSymja(expr);
        }
    }

    /**
     * Values and scales at the points.
     *
     * @param values the expression's values (NaN where undefined)
     * @param scales the sizes of the numbers each value was computed from
     */
    record Values(double[] values, double[] scales) {
    }

    private Values evaluateWithSymja(IExpr expr) {
        List<IExpr> parts = expr.isPlus() ? args((IAST) expr) : List.of(expr);
        SymjaResult<double[][]> r = engine.run(session -> {
            double[][] out = new double[2][points.size()];
            for (int k = 0; k < points.size(); k++) {
                IAST rules = rules(points.get(k));
                out[0][k] = number(session.eval(F.N(F.ReplaceAll(expr, rules))));
                double scale = 0;
                for (IExpr part : parts) {
                    scale += Math.abs(number(session.eval(F.N(F.ReplaceAll(part, rules)))));
                }
                out[1][k] = scale;
            }
            return out;
        });
        if (r instanceof SymjaResult.Value<double[][]> v) {
            return new Values(v.value()[0], v.value()[1]);
        }
        double[] nan = new double[points.size()];
        java.util.Arrays.fill(nan, Double.NaN);
        return new Values(nan, nan.clone());
    }

    private IAST rules(double[] point) {
        var list = F.ListAlloc(point.length);
        for (int i = 0; i < point.length; i++) {
            list.append(F.Rule(F.symbol(variables.get(i)), F.num(point[i])));
        }
        return list;
    }

    private static double number(IExpr e) {
        if (e.isReal() || e.isInteger() || e.isFraction()) {
            return e.evalf();
        }
        return Double.NaN;
    }

    /** Σ|parts| for sums, Π|factors| for products, |value| for everything else: the rounding-error scale. */
    private double magnitude(Term term, double[] point) {
        return valueAndMagnitude(term, point)[1];
    }

    private double[] valueAndMagnitude(Term term, double[] point) {
        return switch (term) {
            case Term.Const c -> new double[] {c.value(), Math.abs(c.value())};
            case Term.Var v -> {
                double x = point[variables.indexOf(v.name())];
                yield new double[] {x, Math.abs(x)};
            }
            case Term.Sum s -> {
                double value = 0;
                double size = 0;
                for (Term t : s.terms()) {
                    double[] vm = valueAndMagnitude(t, point);
                    value += vm[0];
                    size += vm[1];
                }
                yield new double[] {value, size};
            }
            case Term.Product p -> {
                double value = 1;
                double size = 1;
                for (Term t : p.factors()) {
                    double[] vm = valueAndMagnitude(t, point);
                    value *= vm[0];
                    size *= vm[1];
                }
                yield new double[] {value, size};
            }
            case Term.Power p -> {
                double value = Math.pow(valueAndMagnitude(p.base(), point)[0], valueAndMagnitude(p.exponent(), point)[0]);
                yield new double[] {value, Math.abs(value)};
            }
            case Term.Apply a -> {
                double value = a.fn().apply(valueAndMagnitude(a.argument(), point)[0]);
                yield new double[] {value, Math.abs(value)};
            }
            case Term.Piecewise pw -> valueAndMagnitude(pw.condition(), point)[0] < 0
                    ? valueAndMagnitude(pw.whenNegative(), point) : valueAndMagnitude(pw.otherwise(), point);
        };
    }

    /** The arguments of an AST (without its head). */
    static List<IExpr> args(IAST ast) {
        List<IExpr> out = new ArrayList<>(ast.argSize());
        for (int i = 1; i <= ast.argSize(); i++) {
            out.add(ast.get(i));
        }
        return out;
    }

    // ---- conditions ------------------------------------------------------------------------------

    private static void collectBounds(IExpr c, Map<String, Interval> intervals, List<IExpr> filters) {
        if (c.isAST(S.And)) {
            for (IExpr arg : args((IAST) c)) {
                collectBounds(arg, intervals, filters);
            }
            return;
        }
        if (c.isAST(S.Element) || c.isTrue()) {
            return;
        }
        if (c instanceof IAST ast && ast.argSize() == 2 && ast.head() instanceof ISymbol op
                && comparison(op.getSymbolName()) != null) {
            String name = op.getSymbolName();
            if (bound(ast.arg1(), name, ast.arg2(), intervals)) {
                return;
            }
        }
        if (c.isAST(S.Inequality) && ((IAST) c).argSize() == 5) {
            IAST in = (IAST) c;
            // Inequality[a, op1, x, op2, b]
            if (in.arg1().isNumber() && in.get(5).isNumber() && in.get(3) instanceof ISymbol
                    && in.get(2) instanceof ISymbol op1 && in.get(4) instanceof ISymbol op2
                    && bound(in.arg1(), op1.getSymbolName(), in.get(3), intervals)
                    && bound(in.get(3), op2.getSymbolName(), in.get(5), intervals)) {
                return;
            }
        }
        filters.add(c);
    }

    /** Records {@code a op b} as a bound when one side is a variable and the other a number. */
    private static boolean bound(IExpr a, String op, IExpr b, Map<String, Interval> intervals) {
        if (a instanceof ISymbol s && intervals.containsKey(s.getSymbolName()) && b.isReal()) {
            String v = s.getSymbolName();
            double x = b.evalf();
            switch (op) {
                case "Less" -> intervals.put(v, intervals.get(v).withUpper(x, false));
                case "LessEqual" -> intervals.put(v, intervals.get(v).withUpper(x, true));
                case "Greater" -> intervals.put(v, intervals.get(v).withLower(x, false));
                case "GreaterEqual" -> intervals.put(v, intervals.get(v).withLower(x, true));
                default -> {
                    return false;
                }
            }
            return true;
        }
        if (b instanceof ISymbol && a.isReal()) {
            String mirrored = switch (op) {
                case "Less" -> "Greater";
                case "LessEqual" -> "GreaterEqual";
                case "Greater" -> "Less";
                case "GreaterEqual" -> "LessEqual";
                default -> null;
            };
            return mirrored != null && bound(b, mirrored, a, intervals);
        }
        return false;
    }

    /** A Java predicate for a condition built from comparisons, And, Or, Not. */
    private static Predicate<double[]> compilePredicate(IExpr c, List<String> variables) {
        if (c.isTrue() || c.isAST(S.Element)) {
            return p -> true;
        }
        if (c.isFalse()) {
            return p -> false;
        }
        if (c.isAST(S.And) || c.isAST(S.Or)) {
            List<Predicate<double[]>> parts = new ArrayList<>();
            for (IExpr arg : args((IAST) c)) {
                parts.add(compilePredicate(arg, variables));
            }
            boolean and = c.isAST(S.And);
            return p -> and ? parts.stream().allMatch(q -> q.test(p)) : parts.stream().anyMatch(q -> q.test(p));
        }
        if (c.isAST(S.Not, 2)) {
            return compilePredicate(((IAST) c).arg1(), variables).negate();
        }
        if (c.isAST(S.Inequality)) {
            IAST in = (IAST) c;
            List<Predicate<double[]>> links = new ArrayList<>();
            for (int i = 1; i + 2 <= in.argSize(); i += 2) {
                if (!(in.get(i + 1) instanceof ISymbol op)) {
                    throw unsupportedCondition(c);
                }
                links.add(comparisonPredicate(op.getSymbolName(), in.get(i), in.get(i + 2), variables, c));
            }
            return p -> links.stream().allMatch(q -> q.test(p));
        }
        if (c instanceof IAST ast && ast.head() instanceof ISymbol op && comparison(op.getSymbolName()) != null
                && ast.argSize() >= 2) {
            List<Predicate<double[]>> links = new ArrayList<>();
            for (int i = 1; i < ast.argSize(); i++) {
                links.add(comparisonPredicate(op.getSymbolName(), ast.get(i), ast.get(i + 1), variables, c));
            }
            return p -> links.stream().allMatch(q -> q.test(p));
        }
        throw unsupportedCondition(c);
    }

    private static Predicate<double[]> comparisonPredicate(String op, IExpr a, IExpr b, List<String> variables,
            IExpr whole) {
        String kind = comparison(op);
        if (kind == null) {
            throw unsupportedCondition(whole);
        }
        SymbolTable identity = SymbolTable.create();
        ToDoubleFunction<double[]> d = TermCompiler.compile(
                Term.difference(SymjaTerms.toTerm(a, identity), SymjaTerms.toTerm(b, identity)), variables, Map.of());
        return switch (kind) {
            case "<" -> p -> d.applyAsDouble(p) < 0;
            case "<=" -> p -> d.applyAsDouble(p) <= 0;
            case ">" -> p -> d.applyAsDouble(p) > 0;
            default -> p -> d.applyAsDouble(p) >= 0;
        };
    }

    private static String comparison(String head) {
        return switch (head) {
            case "Less" -> "<";
            case "LessEqual" -> "<=";
            case "Greater" -> ">";
            case "GreaterEqual" -> ">=";
            default -> null;
        };
    }

    private static SpecificationException unsupportedCondition(IExpr c) {
        return new SpecificationException(org.neuromanifold.core.error.ErrorCode.UNSUPPORTED, "condition",
                "condition " + SymjaExprs.input(c) + " is not a comparison");
    }

    private static List<double[]> filterWithSymja(SymjaEngine engine, List<String> variables, List<IExpr> filters,
            List<double[]> candidates) {
        IExpr all = filters.size() == 1 ? filters.get(0) : F.And(filters.toArray(IExpr[]::new));
        SymjaResult<List<double[]>> r = engine.run(session -> {
            List<double[]> kept = new ArrayList<>();
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < variables.size(); i++) {
                index.put(variables.get(i), i);
            }
            for (double[] p : candidates) {
                var rules = F.ListAlloc(p.length);
                for (int i = 0; i < p.length; i++) {
                    rules.append(F.Rule(F.symbol(variables.get(i)), F.num(p[i])));
                }
                if (session.eval(F.ReplaceAll(all, rules)).isTrue()) {
                    kept.add(p);
                }
            }
            return kept;
        });
        return r.asOptional().orElse(List.of());
    }
}
