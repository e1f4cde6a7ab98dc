package org.neuromanifold.symbolic.symja;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IComplex;
import org.matheclipse.core.interfaces.IComplexNum;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IFraction;
import org.matheclipse.core.interfaces.IInteger;
import org.matheclipse.core.interfaces.INum;
import org.matheclipse.core.interfaces.ISymbol;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;
import org.neuromanifold.core.scalar.Fn;
import org.neuromanifold.core.scalar.Term;

/**
 * Translates core {@link Term}s to Symja expressions and back. Both directions are plain structural
 * walks, one case per node type; nothing is evaluated.
 *
 * <p>Term → Symja: {@code exp(u)} → {@code E^u}, {@code sigmoid} → {@code LogisticSigmoid}, {@code sech}
 * → {@code Sech}, a piecewise term (value {@code a} where {@code c < 0}, else {@code b}) →
 * {@code Piecewise[{{a, c < 0}}, b]} (the form Symja differentiates and simplifies by case). Constants
 * become exact numbers: integers, {@code Pi}, and otherwise the rational with the double's shortest
 * decimal expansion ({@code 0.1} → {@code 1/10}), so that Symja's algebra stays exact.
 *
 * <p>Symja → Term: {@code Plus}, {@code Times}, {@code Power} ({@code E^x} → {@code exp},
 * {@code x^(1/2)} → {@code sqrt}), {@code Log} (also with a base), {@code Exp}, {@code Sqrt},
 * {@code Sin}/{@code Cos}/{@code Tan}/{@code Sec}/{@code Csc}/{@code Cot}, {@code Tanh}, {@code Sech},
 * {@code Cosh}/{@code Sinh}/{@code Coth}/{@code Csch} (through {@code exp}), {@code LogisticSigmoid},
 * {@code ArcCos}, {@code Abs}, {@code Piecewise} with conditions {@code <, >, <=, >=},
 * {@code Max}/{@code Min} of two arguments, {@code UnitStep}, {@code Ramp}, integers, rationals, reals,
 * {@code E}, {@code Pi}, {@code ±Infinity}. Anything else is a {@link SpecificationException} with
 * {@link ErrorCode#UNSUPPORTED} that names the head.
 */
public final class SymjaTerms {
    /** The Symja heads {@link #toTerm} understands (for error messages). */
    static final List<String> SUPPORTED_HEADS = List.of("Plus", "Times", "Power", "Sqrt", "Exp", "Log", "Sin", "Cos",
            "Tan", "Sec", "Csc", "Cot", "Tanh", "Sech", "Cosh", "Sinh", "Coth", "Csch", "LogisticSigmoid", "ArcCos",
            "Abs", "Piecewise", "Max", "Min", "UnitStep", "Ramp");

    private SymjaTerms() {
    }

    // ---- Term → Symja ----------------------------------------------------------------------------

    /** The Symja expression of {@code term}, with symbols named through {@code symbols}. */
    public static IExpr toSymja(Term term, SymbolTable symbols) {
        Objects.requireNonNull(term, "term");
        Objects.requireNonNull(symbols, "symbols");
        SymjaRuntime.prepareThread();
        return convert(term, symbols);
    }

    /** {@link #toSymja} printed in Symja's input syntax, e.g. {@code Piecewise[{{0,z<0}},z]}. */
    public static String toInput(Term term, SymbolTable symbols) {
        return SymjaExprs.input(toSymja(term, symbols));
    }

    /**
     * The exact Symja number for a double: an integer, {@code Pi} for {@link Math#PI}, {@code ±Infinity},
     * or the rational with the double's shortest decimal expansion ({@code 0.1} → {@code 1/10}).
     */
    public static IExpr exact(double value) {
        if (Double.isNaN(value)) {
            throw new SpecificationException(ErrorCode.NOT_FINITE, "constant", "constant: expected a number, got NaN");
        }
        SymjaRuntime.prepareThread();
        if (Double.isInfinite(value)) {
            return value > 0 ? F.CInfinity : F.CNInfinity;
        }
        if (value == Math.rint(value) && Math.abs(value) < 0x1p53) {
            return F.ZZ((long) value);
        }
        if (value == Math.PI) {
            return S.Pi;
        }
        if (value == -Math.PI) {
            return F.Times(F.CN1, S.Pi);
        }
        BigDecimal decimal = new BigDecimal(Double.toString(value));
        if (decimal.scale() > 0) {
            return F.fraction(decimal.unscaledValue(), BigInteger.TEN.pow(decimal.scale()));
        }
        return F.ZZ(decimal.toBigIntegerExact());
    }

    private static IExpr convert(Term term, SymbolTable symbols) {
        return switch (term) {
            case Term.Const c -> exact(c.value());
            case Term.Var v -> symbols.symbol(v.name());
            case Term.Sum s -> F.Plus(s.terms().stream().map(t -> convert(t, symbols)).toArray(IExpr[]::new));
            case Term.Product p -> F.Times(p.factors().stream().map(t -> convert(t, symbols)).toArray(IExpr[]::new));
            case Term.Power p -> F.Power(convert(p.base(), symbols), convert(p.exponent(), symbols));
            case Term.Apply a -> apply(a.fn(), convert(a.argument(), symbols));
            case Term.Piecewise pw -> F.Piecewise(
                    F.list(F.list(convert(pw.whenNegative(), symbols), F.Less(convert(pw.condition(), symbols), F.C0))),
                    convert(pw.otherwise(), symbols));
        };
    }

    private static IExpr apply(Fn fn, IExpr u) {
        return switch (fn) {
            case EXP -> F.Power(S.E, u);
            case LOG -> F.Log(u);
            case SQRT -> F.Sqrt(u);
            case SIN -> F.Sin(u);
            case COS -> F.Cos(u);
            case TANH -> F.Tanh(u);
            case SECH -> F.Sech(u);
            case SIGMOID -> F.LogisticSigmoid(u);
            case ARCCOS -> F.ArcCos(u);
            case ABS -> F.Abs(u);
        };
    }

    // ---- Symja → Term ----------------------------------------------------------------------------

    /**
     * The core term of a Symja expression, with symbol names mapped back through {@code symbols}.
     *
     * @throws SpecificationException {@link ErrorCode#UNSUPPORTED} naming the first head or constant
     *                                that has no core equivalent
     */
    public static Term toTerm(IExpr expr, SymbolTable symbols) {
        Objects.requireNonNull(expr, "expr");
        Objects.requireNonNull(symbols, "symbols");
        return new Reader(expr, symbols).read(expr);
    }

    /** Reads one expression; keeps the whole input for error messages. */
    private record Reader(IExpr whole, SymbolTable symbols) {

        Term read(IExpr e) {
            if (e instanceof IInteger i) {
                return Term.constant(i.doubleValue());
            }
            if (e instanceof IFraction f) {
                return Term.constant(f.numerator().doubleValue() / f.denominator().doubleValue());
            }
            if (e instanceof INum n) {
                return Term.constant(n.doubleValue());
            }
            if (e instanceof IComplex || e instanceof IComplexNum) {
                throw unsupported("the complex number " + SymjaExprs.input(e));
            }
            if (e instanceof ISymbol s) {
                return symbol(s);
            }
            if (e instanceof IAST ast) {
                return ast(ast);
            }
            throw unsupported("the expression " + SymjaExprs.input(e));
        }

        private Term symbol(ISymbol s) {
            if (s.equals(S.E)) {
                return Term.apply(Fn.EXP, Term.ONE);
            }
            if (s.equals(S.Pi)) {
                return Term.constant(Math.PI);
            }
            if (s.isBuiltInSymbol()) {
                throw unsupported("the built-in constant '" + s.getSymbolName() + "'");
            }
            return Term.variable(symbols.coreName(s.getSymbolName()));
        }

        private Term ast(IAST ast) {
            if (!(ast.head() instanceof ISymbol head)) {
                throw unsupported("the head '" + SymjaExprs.input(ast.head()) + "'");
            }
            String name = head.getSymbolName();
            return switch (name) {
                case "Plus" -> Term.sum(args(ast));
                case "Times" -> Term.product(args(ast));
                case "Power" -> power(ast);
                case "Sqrt" -> unary(ast, Fn.SQRT);
                case "Exp" -> unary(ast, Fn.EXP);
                case "Log" -> log(ast);
                case "Sin" -> unary(ast, Fn.SIN);
                case "Cos" -> unary(ast, Fn.COS);
                case "Tan" -> Term.quotient(unary(ast, Fn.SIN), unary(ast, Fn.COS));
                case "Sec" -> Term.power(unary(ast, Fn.COS), Term.MINUS_ONE);
                case "Csc" -> Term.power(unary(ast, Fn.SIN), Term.MINUS_ONE);
                case "Cot" -> Term.quotient(unary(ast, Fn.COS), unary(ast, Fn.SIN));
                case "Tanh" -> unary(ast, Fn.TANH);
                case "Sech" -> unary(ast, Fn.SECH);
                case "Cosh" -> expCombination(ast, 1);
                case "Sinh" -> expCombination(ast, -1);
                case "Coth" -> Term.quotient(expCombination(ast, 1), expCombination(ast, -1));
                case "Csch" -> Term.power(expCombination(ast, -1), Term.MINUS_ONE);
                case "LogisticSigmoid" -> unary(ast, Fn.SIGMOID);
                case "ArcCos" -> unary(ast, Fn.ARCCOS);
                case "Abs" -> unary(ast, Fn.ABS);
                case "Piecewise" -> piecewise(ast);
                case "Max", "Min" -> maxMin(ast, name.equals("Max"));
                case "UnitStep" -> new Term.Piecewise(single(ast), Term.ZERO, Term.ONE);
                case "Ramp" -> {
                    Term u = single(ast);
                    yield new Term.Piecewise(u, Term.ZERO, u);
                }
                case "DirectedInfinity" -> infinity(ast);
                default -> throw unsupported("the head '" + name + "' in " + SymjaExprs.input(ast)
                        + "; supported heads: " + SUPPORTED_HEADS);
            };
        }

        private List<Term> args(IAST ast) {
            List<Term> out = new ArrayList<>(ast.argSize());
            for (int i = 1; i <= ast.argSize(); i++) {
                out.add(read(ast.get(i)));
            }
            return out;
        }

        private Term single(IAST ast) {
            if (ast.argSize() != 1) {
                throw unsupported("'" + SymjaExprs.input(ast.head()) + "' with " + ast.argSize()
                        + " arguments (expected 1) in " + SymjaExprs.input(ast));
            }
            return read(ast.arg1());
        }

        private Term unary(IAST ast, Fn fn) {
            return Term.apply(fn, single(ast));
        }

        private Term power(IAST ast) {
            IExpr base = ast.arg1();
            IExpr exponent = ast.arg2();
            if (base.equals(S.E)) {
                return Term.apply(Fn.EXP, read(exponent));
            }
            if (exponent.equals(F.C1D2)) {
                return Term.apply(Fn.SQRT, read(base));
            }
            if (exponent.equals(F.CN1D2)) {
                return Term.power(Term.apply(Fn.SQRT, read(base)), Term.MINUS_ONE);
            }
            return Term.power(read(base), read(exponent));
        }

        private Term log(IAST ast) {
            if (ast.argSize() == 2) {
                // Log[b, x] = log x / log b
                return Term.quotient(Term.apply(Fn.LOG, read(ast.arg2())), Term.apply(Fn.LOG, read(ast.arg1())));
            }
            return unary(ast, Fn.LOG);
        }

        /** (e^u + sign·e^{−u}) / 2: cosh for sign = 1, sinh for sign = −1. */
        private Term expCombination(IAST ast, int sign) {
            Term u = single(ast);
            return Term.product(Term.constant(0.5), Term.sum(Term.apply(Fn.EXP, u),
                    Term.product(Term.constant(sign), Term.apply(Fn.EXP, Term.negate(u)))));
        }

        private Term infinity(IAST ast) {
            if (ast.argSize() == 1 && ast.arg1().isOne()) {
                return Term.constant(Double.POSITIVE_INFINITY);
            }
            if (ast.argSize() == 1 && ast.arg1().isMinusOne()) {
                return Term.constant(Double.NEGATIVE_INFINITY);
            }
            throw unsupported("the infinity " + SymjaExprs.input(ast));
        }

        private Term maxMin(IAST ast, boolean max) {
            if (ast.argSize() != 2) {
                throw unsupported("'" + (max ? "Max" : "Min") + "' with " + ast.argSize() + " arguments (expected 2)");
            }
            Term a = read(ast.arg1());
            Term b = read(ast.arg2());
            Term c = Term.difference(a, b);
            return max ? new Term.Piecewise(c, b, a) : new Term.Piecewise(c, a, b);
        }

        /** {@code Piecewise[{{v1, c1}, …}, d]} as nested core piecewise terms (d = 0 when absent). */
        private Term piecewise(IAST ast) {
            if (ast.argSize() < 1 || ast.argSize() > 2 || !ast.arg1().isList()) {
                throw unsupported("the malformed Piecewise " + SymjaExprs.input(ast));
            }
            IAST pieces = (IAST) ast.arg1();
            Term result = ast.argSize() == 2 ? read(ast.arg2()) : Term.ZERO;
            for (int i = pieces.argSize(); i >= 1; i--) {
                IExpr piece = pieces.get(i);
                if (!piece.isList() || ((IAST) piece).argSize() != 2) {
                    throw unsupported("the malformed Piecewise piece " + SymjaExprs.input(piece));
                }
                Term value = read(((IAST) piece).arg1());
                result = condition(((IAST) piece).arg2(), value, result);
            }
            return result;
        }

        /** {@code value} where {@code condition} holds, else {@code rest}, as a core piecewise term. */
        private Term condition(IExpr condition, Term value, Term rest) {
            if (!(condition instanceof IAST c) || c.argSize() != 2 || !(c.head() instanceof ISymbol op)) {
                throw unsupported("the Piecewise condition " + SymjaExprs.input(condition)
                        + " (expected a comparison a < b, a > b, a <= b or a >= b)");
            }
            Term a = read(c.arg1());
            Term b = read(c.arg2());
            return switch (op.getSymbolName()) {
                // a < b ⇔ a − b < 0
                case "Less" -> new Term.Piecewise(Term.difference(a, b), value, rest);
                // a > b ⇔ b − a < 0
                case "Greater" -> new Term.Piecewise(Term.difference(b, a), value, rest);
                // a ≤ b ⇔ ¬(b − a < 0)
                case "LessEqual" -> new Term.Piecewise(Term.difference(b, a), rest, value);
                // a ≥ b ⇔ ¬(a − b < 0)
                case "GreaterEqual" -> new Term.Piecewise(Term.difference(a, b), rest, value);
                default -> throw unsupported("the Piecewise condition " + SymjaExprs.input(condition)
                        + " (expected a comparison a < b, a > b, a <= b or a >= b)");
            };
        }

        private SpecificationException unsupported(String what) {
            return new SpecificationException(ErrorCode.UNSUPPORTED, "Symja expression",
                    "Symja expression " + SymjaEngine.abbreviate(SymjaExprs.input(whole)) + ": " + what
                            + " has no core Term equivalent");
        }
    }
}
