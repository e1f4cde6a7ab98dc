package org.neuromanifold.symbolic.derive.conditioning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;
import org.neuromanifold.core.scalar.Term;
import org.neuromanifold.core.scalar.TermCompiler;
import org.neuromanifold.core.scalar.TermDifferentiator;
import org.neuromanifold.symbolic.symja.SymbolTable;
import org.neuromanifold.symbolic.symja.SymjaEngine;
import org.neuromanifold.symbolic.symja.SymjaTerms;

/**
 * Numeric values of the Symja expressions of a derivation at a point (symbol name → value), computed
 * without Symja: each expression is read back as a core {@link Term} and evaluated by
 * {@link TermCompiler}; the operations a derivation keeps unevaluated are carried out numerically:
 * <ul>
 * <li>{@code Integrate[f, {z, a, b}]}: one variable by {@link Quadrature#integrate} (panels of
 * Gauss–Legendre); several variables over ℝ (a Gaussian integral ∫…∫ g Π φ(z_k)) by the tensor
 * Gauss–Hermite rule applied to f/Π φ (exact when g is a polynomial of degree ≤ 2·{@value #HERMITE_NODES}
 * − 1 in each variable, which the derivations' integrands are);</li>
 * <li>{@code D[f, x]}, {@code D[f, {{x₁, …}}]} (gradient or Jacobian) and {@code D[f, {{x₁, …}, 2}]}
 * (Hessian) by the core {@link TermDifferentiator} — an implementation independent of Symja's;</li>
 * <li>{@code Sum[f, {j, lo, hi}]} term by term.</li>
 * </ul>
 * Lists (vectors, matrices) are flattened row by row.
 */
final class FormulaValues {
    /** Gauss–Hermite nodes per variable of a multiple Gaussian integral. */
    static final int HERMITE_NODES = 10;
    private static final SymbolTable NAMES = SymbolTable.create();
    /** Compiled terms by expression and variable order (derivations evaluate the same forms at many points). */
    private static final Map<Compiled, ToDoubleFunction<double[]>> CACHE =
            new ConcurrentHashMap<>();

    private record Compiled(IExpr expr, List<String> variables) {
    }

    private FormulaValues() {
    }

    /** The values of {@code expr} at {@code point}, flattened. */
    static double[] of(IExpr expr, Map<String, Double> point) {
        SymjaEngine.prepareThread();
        List<Double> out = new ArrayList<>();
        collect(expr, point, out);
        double[] values = new double[out.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = out.get(i);
        }
        return values;
    }

    /** A scalar expression's value. */
    static double scalar(IExpr expr, Map<String, Double> point) {
        double[] v = of(expr, point);
        if (v.length != 1) {
            throw new SpecificationException(ErrorCode.SHAPE_MISMATCH, "expression",
                    "expression: expected a scalar, got " + v.length + " values for " + expr.toMMA());
        }
        return v[0];
    }

    private static void collect(IExpr expr, Map<String, Double> point, List<Double> out) {
        if (expr.isList()) {
            IAST list = (IAST) expr;
            for (int i = 1; i <= list.argSize(); i++) {
                collect(list.get(i), point, out);
            }
        } else if (expr.isAST(S.D)) {
            for (double v : derivative((IAST) expr, point)) {
                out.add(v);
            }
        } else {
            out.add(value(expr, point));
        }
    }

    /** A scalar: special operations are replaced by placeholders bound to their numeric values. */
    private static double value(IExpr expr, Map<String, Double> point) {
        if (expr.isAST(S.Integrate)) {
            return integral((IAST) expr, point);
        }
        if (expr.isAST(S.Sum)) {
            return sum((IAST) expr, point);
        }
        if (expr.isAST(S.D)) {
            double[] d = derivative((IAST) expr, point);
            if (d.length != 1) {
                throw unsupported(expr, "a vector-valued derivative inside a scalar expression");
            }
            return d[0];
        }
        Map<String, Double> env = new HashMap<>(point);
        IExpr replaced = expr.replaceAll(sub -> {
            if (sub.isAST(S.Integrate) || sub.isAST(S.Sum) || sub.isAST(S.D)) {
                String name = "nmPlaceholder" + env.size();
                env.put(name, value(sub, point));
                return F.symbol(name);
            }
            return F.NIL;
        });
        IExpr plain = replaced.isPresent() ? replaced : expr;
        List<String> names = new ArrayList<>(new TreeSet<>(env.keySet()));
        double[] values = new double[names.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = env.get(names.get(i));
        }
        return compiled(plain, names).applyAsDouble(values);
    }

    /** {@code expr} as a function of {@code variables} (in that order), compiled once. */
    private static ToDoubleFunction<double[]> compiled(IExpr expr, List<String> variables) {
        return CACHE.computeIfAbsent(new Compiled(expr, List.copyOf(variables)),
                k -> TermCompiler.compile(SymjaTerms.toTerm(k.expr(), NAMES), k.variables(), Map.of()));
    }

    private static double integral(IAST integral, Map<String, Double> point) {
        if (integral.argSize() < 2) {
            throw unsupported(integral, "an integral without an integration range");
        }
        IExpr integrand = integral.arg1();
        List<String> variables = new ArrayList<>();
        double[] lo = new double[integral.argSize() - 1];
        double[] hi = new double[lo.length];
        for (int i = 2; i <= integral.argSize(); i++) {
            if (!(integral.get(i) instanceof IAST range) || !range.isList() || range.argSize() != 3
                    || !(range.arg1() instanceof ISymbol variable)) {
                throw unsupported(integral, "an integration range other than {variable, lower, upper}");
            }
            variables.add(variable.getSymbolName());
            lo[i - 2] = value(range.arg2(), point);
            hi[i - 2] = value(range.arg3(), point);
        }
        if (containsOperation(integrand)) {
            throw unsupported(integral, "an integrand that itself contains Integrate, D or Sum");
        }
        List<String> all = new ArrayList<>(variables);
        List<String> bound = new ArrayList<>(new TreeSet<>(point.keySet()));
        bound.removeAll(variables);
        all.addAll(bound);
        ToDoubleFunction<double[]> g = compiled(integrand, all);
        double[] args = new double[all.size()];
        for (int i = 0; i < bound.size(); i++) {
            args[variables.size() + i] = point.get(bound.get(i));
        }
        ToDoubleFunction<double[]> f = x -> {
            System.arraycopy(x, 0, args, 0, x.length);
            return g.applyAsDouble(args);
        };
        if (variables.size() == 1) {
            double[] arg = new double[1];
            return Quadrature.integrate(s -> {
                arg[0] = s;
                return f.applyAsDouble(arg);
            }, lo[0], hi[0]);
        }
        for (int k = 0; k < lo.length; k++) {
            if (lo[k] != Double.NEGATIVE_INFINITY || hi[k] != Double.POSITIVE_INFINITY) {
                throw unsupported(integral, "a multiple integral over a range other than the whole line");
            }
        }
        return gaussianTensor(f, variables.size());
    }

    /** ∫_{ℝ^k} f = E[f(Z)/Π φ(Z_i)] by the tensor Gauss–Hermite rule. */
    private static double gaussianTensor(ToDoubleFunction<double[]> f, int k) {
        Quadrature.Rule rule = Quadrature.gaussHermite(HERMITE_NODES);
        int m = rule.size();
        int[] index = new int[k];
        double[] z = new double[k];
        double sum = 0;
        while (true) {
            double weight = 1;
            double density = 1;
            for (int i = 0; i < k; i++) {
                z[i] = rule.nodes()[index[i]];
                weight *= rule.weights()[index[i]];
                density *= Quadrature.density(z[i]);
            }
            sum += weight * f.applyAsDouble(z) / density;
            int i = 0;
            while (i < k && ++index[i] == m) {
                index[i] = 0;
                i++;
            }
            if (i == k) {
                return sum;
            }
        }
    }

    private static double sum(IAST sum, Map<String, Double> point) {
        if (sum.argSize() != 2 || !(sum.arg2() instanceof IAST range) || !range.isList() || range.argSize() != 3
                || !(range.arg1() instanceof ISymbol index)) {
            throw unsupported(sum, "a sum other than Sum[f, {j, lo, hi}]");
        }
        long lo = Math.round(value(range.arg2(), point));
        long hi = Math.round(value(range.arg3(), point));
        Map<String, Double> env = new HashMap<>(point);
        double acc = 0;
        for (long j = lo; j <= hi; j++) {
            env.put(index.getSymbolName(), (double) j);
            acc += value(sum.arg1(), env);
        }
        return acc;
    }

    /** D[f, x], D[f, {{x₁, …}}] or D[f, {{x₁, …}, 2}], with f a scalar or a list of scalars. */
    private static double[] derivative(IAST d, Map<String, Double> point) {
        if (d.argSize() != 2) {
            throw unsupported(d, "a derivative other than D[f, spec]");
        }
        List<IExpr> components = new ArrayList<>();
        if (d.arg1().isList()) {
            IAST list = (IAST) d.arg1();
            for (int i = 1; i <= list.argSize(); i++) {
                components.add(list.get(i));
            }
        } else {
            components.add(d.arg1());
        }
        IExpr spec = d.arg2();
        List<String> variables = new ArrayList<>();
        int order = 1;
        if (spec instanceof ISymbol x) {
            variables.add(x.getSymbolName());
        } else if (spec instanceof IAST s && s.isList() && s.argSize() >= 1 && s.arg1().isList()) {
            IAST vars = (IAST) s.arg1();
            for (int i = 1; i <= vars.argSize(); i++) {
                variables.add(((ISymbol) vars.get(i)).getSymbolName());
            }
            if (s.argSize() == 2) {
                order = (int) Math.round(value(s.arg2(), point));
            }
            if (s.argSize() > 2 || order < 1 || order > 2 || order == 2 && components.size() > 1) {
                throw unsupported(d, "derivatives beyond gradients, Jacobians and Hessians of scalars");
            }
        } else {
            throw unsupported(d, "a derivative specification other than x, {{x1, ...}} or {{x1, ...}, 2}");
        }
        List<Double> out = new ArrayList<>();
        for (IExpr component : components) {
            if (containsOperation(component)) {
                throw unsupported(d, "differentiating an expression that contains Integrate, D or Sum");
            }
            Term f = SymjaTerms.toTerm(component, NAMES);
            for (String a : variables) {
                Term da = TermDifferentiator.derivative(f, a);
                if (order == 1) {
                    out.add(TermCompiler.evaluate(da, point));
                } else {
                    for (String b : variables) {
                        out.add(TermCompiler.evaluate(TermDifferentiator.derivative(da, b), point));
                    }
                }
            }
        }
        double[] values = new double[out.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = out.get(i);
        }
        return values;
    }

    private static boolean containsOperation(IExpr e) {
        return e.has(x -> x.isAST(S.Integrate) || x.isAST(S.D) || x.isAST(S.Sum), true);
    }

    private static SpecificationException unsupported(IExpr expr, String what) {
        return new SpecificationException(ErrorCode.UNSUPPORTED, "formula",
                "formula: numeric evaluation does not support " + what + ": " + expr.toMMA());
    }

    /** The value function of a formula, for {@code ChainBuilder} steps. */
    static Function<Map<String, Double>, double[]> valueFunction(IExpr expr) {
        return p -> of(expr, p);
    }
}
