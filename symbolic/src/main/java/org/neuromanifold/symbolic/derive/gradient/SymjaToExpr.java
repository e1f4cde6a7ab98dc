package org.neuromanifold.symbolic.derive.gradient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;
import org.neuromanifold.core.expr.Expr;
import org.neuromanifold.core.scalar.Fn;

/**
 * Reads a scalar closed form computed by Symja back into the tensor language, applied elementwise: each
 * Symja symbol stands for an {@link Expr} ({@code f} ↦ f_θ(x), {@code y} ↦ y, {@code L} ↦ the depth, …),
 * so a per-component result such as {@code f*(1 + L)} or {@code (1 - LogisticSigmoid[f])*LogisticSigmoid[f]}
 * becomes the same formula for the whole output vector.
 *
 * <p>Supported: numbers, mapped symbols, {@code Plus}, {@code Times}, integer {@code Power}s,
 * {@code E^u}, {@code Log}, {@code Tanh}, {@code Sech}, {@code LogisticSigmoid}, and {@code Piecewise}
 * with one comparison, read as the indicator {@code 1[u > 0]} of the condition (equal almost everywhere:
 * the value on the boundary u = 0 may differ). For readability scalar factors are written first and
 * constants last in sums ({@code (L + 1) f}).
 */
final class SymjaToExpr {
    private final Map<String, Expr> symbols;

    private SymjaToExpr(Map<String, Expr> symbols) {
        this.symbols = Map.copyOf(symbols);
    }

    /** A reader with the given meaning of each Symja symbol. */
    static SymjaToExpr with(Map<String, Expr> symbols) {
        return new SymjaToExpr(symbols);
    }

    /** {@code e} as an expression of the tensor language. */
    Expr read(IExpr e) {
        if (e.isNumber()) {
            if (!e.isReal()) {
                throw unsupported(e, "a complex number");
            }
            return new Expr.Const(e.evalf());
        }
        if (e instanceof ISymbol s) {
            if (s.equals(S.E)) {
                return new Expr.Apply(Fn.EXP, new Expr.Const(1));
            }
            Expr mapped = symbols.get(s.getSymbolName());
            if (mapped == null) {
                throw unsupported(e, "the symbol " + s.getSymbolName() + " (known: " + symbols.keySet() + ")");
            }
            return mapped;
        }
        if (!(e instanceof IAST ast)) {
            throw unsupported(e, "this kind of expression");
        }
        if (ast.isPlus()) {
            return sum(ast);
        }
        if (ast.isTimes()) {
            return product(ast);
        }
        if (ast.isPower()) {
            return power(ast.arg1(), ast.arg2());
        }
        if (ast.isAST(S.Piecewise, 3) || ast.isAST(S.Piecewise, 2)) {
            return piecewise(ast);
        }
        Fn fn = function(ast);
        if (fn != null && ast.argSize() == 1) {
            return new Expr.Apply(fn, read(ast.arg1()));
        }
        throw unsupported(e, "the head " + ast.head());
    }

    private Expr sum(IAST ast) {
        List<Expr> terms = new ArrayList<>();
        List<Expr> constants = new ArrayList<>();
        for (int i = 1; i <= ast.argSize(); i++) {
            Expr t = read(ast.get(i));
            (t instanceof Expr.Const ? constants : terms).add(t);
        }
        terms.addAll(constants);
        Expr acc = terms.get(0);
        for (int i = 1; i < terms.size(); i++) {
            Expr t = terms.get(i);
            acc = t instanceof Expr.Neg n ? new Expr.Sub(acc, n.a())
                    : t instanceof Expr.Const c && c.value() < 0 ? new Expr.Sub(acc, new Expr.Const(-c.value()))
                            : new Expr.Add(acc, t);
        }
        return acc;
    }

    private Expr product(IAST ast) {
        boolean negative = false;
        List<Expr> scalars = new ArrayList<>();
        List<Expr> others = new ArrayList<>();
        List<Expr> denominators = new ArrayList<>();
        for (int i = 1; i <= ast.argSize(); i++) {
            IExpr f = ast.get(i);
            if (f.isMinusOne()) {
                negative = !negative;
            } else if (f.isPower() && f.exponent().isInteger() && f.exponent().isNegative()) {
                denominators.add(power(f.base(), f.exponent().negate()));
            } else {
                Expr x = read(f);
                (scalarFactor(x) ? scalars : others).add(x);
            }
        }
        List<Expr> factors = new ArrayList<>(scalars);
        factors.addAll(others);
        Expr acc = factors.isEmpty() ? new Expr.Const(1) : factors.get(0);
        for (int i = 1; i < factors.size(); i++) {
            acc = new Expr.Mul(acc, factors.get(i));
        }
        for (Expr d : denominators) {
            acc = new Expr.Div(acc, d);
        }
        return negative ? new Expr.Neg(acc) : acc;
    }

    /** Constants and sums/products of the depth: written before the vector factors. */
    private static boolean scalarFactor(Expr x) {
        return switch (x) {
            case Expr.Const c -> true;
            case Expr.Depth d -> true;
            case Expr.Add a -> scalarFactor(a.a()) && scalarFactor(a.b());
            case Expr.Sub s -> scalarFactor(s.a()) && scalarFactor(s.b());
            case Expr.Mul m -> scalarFactor(m.a()) && scalarFactor(m.b());
            case Expr.Pow p -> scalarFactor(p.a());
            default -> false;
        };
    }

    private Expr power(IExpr base, IExpr exponent) {
        if (base.equals(S.E)) {
            return new Expr.Apply(Fn.EXP, read(exponent));
        }
        if (!exponent.isInteger()) {
            throw unsupported(exponent, "a non-integer power");
        }
        int n = exponent.toIntDefault();
        if (n == Integer.MIN_VALUE) {
            throw unsupported(exponent, "a power this large");
        }
        Expr b = read(base);
        if (n == 1) {
            return b;
        }
        if (n == -1) {
            return new Expr.Div(new Expr.Const(1), b);
        }
        return n >= 0 ? new Expr.Pow(b, n) : new Expr.Div(new Expr.Const(1), new Expr.Pow(b, -n));
    }

    /** {@code Piecewise[{{v, a R b}}, d]} → v·1[u > 0] + d·(1 − 1[u > 0]) with u = b − a or a − b. */
    private Expr piecewise(IAST ast) {
        IExpr cases = ast.arg1();
        if (!(cases instanceof IAST list) || list.argSize() != 1 || !(list.arg1() instanceof IAST pair)
                || pair.argSize() != 2) {
            throw unsupported(ast, "a Piecewise with more than one case");
        }
        Expr value = read(pair.arg1());
        Expr indicator = new Expr.Step(positivePart(pair.arg2()));
        Expr otherwise = ast.argSize() == 2 ? read(ast.arg2()) : new Expr.Const(0);
        Expr selected = new Expr.Mul(value, indicator);
        return otherwise instanceof Expr.Const c && c.value() == 0 ? selected
                : new Expr.Add(selected, new Expr.Mul(otherwise, new Expr.Sub(new Expr.Const(1), indicator)));
    }

    /** For a condition {@code a < b} (or ≤, >, ≥): the u with condition ⇔ u > 0 (up to u = 0). */
    private Expr positivePart(IExpr condition) {
        if (!(condition instanceof IAST c) || c.argSize() != 2) {
            throw unsupported(condition, "a condition other than one comparison");
        }
        Expr a = read(c.arg1());
        Expr b = read(c.arg2());
        if (c.isAST(S.Less) || c.isAST(S.LessEqual)) {
            return difference(b, a);
        }
        if (c.isAST(S.Greater) || c.isAST(S.GreaterEqual)) {
            return difference(a, b);
        }
        throw unsupported(condition, "the condition head " + c.head());
    }

    private static Expr difference(Expr a, Expr b) {
        return b instanceof Expr.Const z && z.value() == 0 ? a : new Expr.Sub(a, b);
    }

    private static Fn function(IAST ast) {
        if (ast.isAST(S.Log)) {
            return Fn.LOG;
        }
        if (ast.isAST(S.Tanh)) {
            return Fn.TANH;
        }
        if (ast.isAST(S.Sech)) {
            return Fn.SECH;
        }
        if (ast.isAST(S.LogisticSigmoid)) {
            return Fn.SIGMOID;
        }
        if (ast.isAST(S.Exp)) {
            return Fn.EXP;
        }
        return null;
    }

    private static SpecificationException unsupported(IExpr e, String what) {
        return new SpecificationException(ErrorCode.UNSUPPORTED, "Symja result",
                "Symja result: cannot read " + what + " into the tensor language, in " + Verdicts.abbreviate(
                        e.toMMA()));
    }
}
