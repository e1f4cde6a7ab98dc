package org.neuromanifold.symbolic.latex;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.neuromanifold.core.scalar.Fn;
import org.neuromanifold.core.scalar.Term;

/**
 * Core {@link Term} → LaTeX in pure Java, without Symja: the fallback of {@link TermLatex}, and the
 * printer for terms that must be shown exactly as built. One method per node type; parentheses are
 * decided in one place ({@link #wrap}) from one precedence table ({@link #precedence}).
 *
 * <p>Conventions: products by juxtaposition ({@code \cdot} before a digit), quotients as
 * {@code \frac}, {@code exp(u)} as {@code e^{u}}, {@code tanh(u)^2} as {@code \tanh^{2}\left(u\right)},
 * the logistic function as {@code \operatorname{sigm}}, {@code sech} as {@code \operatorname{sech}}
 * (amsmath has no {@code \sech}), piecewise terms as {@code cases}.
 */
public final class TermLatexPrinter {
    static final int SUM = 1;
    static final int PRODUCT = 2;
    static final int UNARY = 3;
    static final int POWER = 4;
    static final int ATOM = 5;

    /** Functions written {@code \name^{n}(u)} when raised to a positive integer power. */
    private static final Set<Fn> POWER_BEFORE_ARGUMENT = Set.of(Fn.SIN, Fn.COS, Fn.TANH, Fn.SECH, Fn.SIGMOID, Fn.LOG);

    private final Function<String, String> symbols;

    private TermLatexPrinter(Function<String, String> symbols) {
        this.symbols = symbols;
    }

    /** {@code term} as LaTeX (math mode), symbols typeset by {@link LatexSymbols}. */
    public static String print(Term term) {
        return new TermLatexPrinter(LatexSymbols::of).render(term);
    }

    /** {@code term} as LaTeX, symbols typeset by {@code symbols}. */
    public static String print(Term term, Function<String, String> symbols) {
        return new TermLatexPrinter(symbols).render(term);
    }

    String render(Term term) {
        return switch (term) {
            case Term.Const c -> LatexText.number(c.value());
            case Term.Var v -> symbols.apply(v.name());
            case Term.Sum s -> sum(s);
            case Term.Product p -> product(p);
            case Term.Power p -> power(p);
            case Term.Apply a -> apply(a.fn(), a.argument());
            case Term.Piecewise pw -> piecewise(pw);
        };
    }

    /** Binding strength of the node at the top of {@code t}. */
    static int precedence(Term t) {
        return switch (t) {
            case Term.Sum s -> SUM;
            case Term.Product p -> leadingNegative(p) ? UNARY : PRODUCT;
            case Term.Power p -> isReciprocal(p) ? ATOM : isSquareRoot(p) ? ATOM : POWER;
            case Term.Const c -> c.value() < 0 ? UNARY : ATOM;
            case Term.Var v -> ATOM;
            case Term.Apply a -> a.fn() == Fn.EXP ? POWER : ATOM;
            case Term.Piecewise pw -> PRODUCT;
        };
    }

    /** Parentheses when {@code t} binds less strongly than its context requires. */
    private String wrap(Term t, int context) {
        String s = render(t);
        return precedence(t) < context ? "\\left(" + s + "\\right)" : s;
    }

    private String sum(Term.Sum s) {
        StringBuilder b = new StringBuilder(wrap(s.terms().get(0), SUM));
        for (Term t : s.terms().subList(1, s.terms().size())) {
            Term negated = negatedOrNull(t);
            if (negated != null) {
                b.append(" - ").append(wrap(negated, PRODUCT));
            } else {
                b.append(" + ").append(wrap(t, SUM + 1));
            }
        }
        return b.toString();
    }

    private String product(Term.Product p) {
        List<Term> numerator = new ArrayList<>();
        List<Term> denominator = new ArrayList<>();
        boolean negative = false;
        for (Term f : p.factors()) {
            if (f instanceof Term.Const c && c.value() < 0) {
                negative = !negative;
                if (c.value() != -1) {
                    numerator.add(Term.constant(-c.value()));
                }
            } else if (f instanceof Term.Power pw && pw.exponent() instanceof Term.Const e && e.value() < 0) {
                denominator.add(Term.power(pw.base(), Term.constant(-e.value())));
            } else {
                numerator.add(f);
            }
        }
        String top = numerator.isEmpty() ? "1" : juxtapose(numerator, !denominator.isEmpty());
        String body = denominator.isEmpty() ? top
                : "\\frac{" + top + "}{" + juxtapose(denominator, true) + "}";
        return negative ? "-" + body : body;
    }

    /** Factors side by side; inside a fraction bar sums need no parentheses when alone. */
    private String juxtapose(List<Term> factors, boolean inFraction) {
        if (factors.size() == 1 && inFraction) {
            return render(factors.get(0));
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < factors.size(); i++) {
            String s = wrap(factors.get(i), i == 0 ? PRODUCT : PRODUCT + 1);
            if (i > 0) {
                b.append(Character.isDigit(s.charAt(0)) ? " \\cdot " : " ");
            }
            b.append(s);
        }
        return b.toString();
    }

    private String power(Term.Power p) {
        if (isSquareRoot(p)) {
            return "\\sqrt{" + render(p.base()) + "}";
        }
        if (isReciprocal(p)) {
            return "\\frac{1}{" + render(p.base()) + "}";
        }
        if (p.base() instanceof Term.Apply a && POWER_BEFORE_ARGUMENT.contains(a.fn())
                && p.exponent() instanceof Term.Const e && e.value() > 0 && e.value() == Math.rint(e.value())) {
            return functionName(a.fn()) + "^{" + LatexText.number(e.value()) + "}\\left(" + render(a.argument())
                    + "\\right)";
        }
        return wrap(p.base(), ATOM) + "^{" + render(p.exponent()) + "}";
    }

    private String apply(Fn fn, Term u) {
        return switch (fn) {
            case EXP -> "e^{" + render(u) + "}";
            case SQRT -> "\\sqrt{" + render(u) + "}";
            case ABS -> "\\left|" + render(u) + "\\right|";
            default -> functionName(fn) + "\\left(" + render(u) + "\\right)";
        };
    }

    static String functionName(Fn fn) {
        return switch (fn) {
            case EXP -> "\\exp";
            case LOG -> "\\log";
            case SQRT -> "\\operatorname{sqrt}";
            case SIN -> "\\sin";
            case COS -> "\\cos";
            case TANH -> "\\tanh";
            case SECH -> "\\operatorname{sech}";
            case SIGMOID -> "\\operatorname{sigm}";
            case ARCCOS -> "\\arccos";
            case ABS -> "\\operatorname{abs}";
        };
    }

    private String piecewise(Term.Piecewise pw) {
        return "\\begin{cases} " + render(pw.whenNegative()) + " & \\text{if } " + condition(pw.condition())
                + " \\\\ " + render(pw.otherwise()) + " & \\text{otherwise} \\end{cases}";
    }

    /** {@code c < 0}, written {@code a < k} when {@code c = a − k} ends in a constant. */
    private String condition(Term c) {
        if (c instanceof Term.Sum s && s.terms().get(s.terms().size() - 1) instanceof Term.Const k) {
            Term rest = Term.sum(s.terms().subList(0, s.terms().size() - 1));
            return render(rest) + " < " + LatexText.number(-k.value());
        }
        return render(c) + " < 0";
    }

    private static boolean leadingNegative(Term.Product p) {
        return p.factors().stream().anyMatch(f -> f instanceof Term.Const c && c.value() < 0);
    }

    private static boolean isReciprocal(Term.Power p) {
        return p.exponent() instanceof Term.Const e && e.value() == -1;
    }

    private static boolean isSquareRoot(Term.Power p) {
        return p.exponent() instanceof Term.Const e && e.value() == 0.5;
    }

    private static Term negatedOrNull(Term t) {
        if (t instanceof Term.Product p && p.factors().get(0) instanceof Term.Const c && c.value() < 0) {
            List<Term> rest = new ArrayList<>(p.factors());
            rest.set(0, Term.constant(-c.value()));
            return Term.product(rest);
        }
        if (t instanceof Term.Const c && c.value() < 0) {
            return Term.constant(-c.value());
        }
        return null;
    }
}
