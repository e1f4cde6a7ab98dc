package org.neuromanifold.core.scalar;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/** The elementary functions a {@link Term} may apply, with their numeric values. */
public enum Fn {
    EXP("exp"),
    /** Natural logarithm. */
    LOG("log"),
    SQRT("sqrt"),
    SIN("sin"),
    COS("cos"),
    TANH("tanh"),
    /** Hyperbolic secant, {@code 1/cosh}. */
    SECH("sech"),
    /** The logistic function {@code 1/(1+e^{-t})}. */
    SIGMOID("sigmoid"),
    ARCCOS("arccos"),
    ABS("abs");

    private final String formulaName;

    Fn(String formulaName) {
        this.formulaName = formulaName;
    }

    /** The name used in formulas ({@link TermParser}) and in {@link TermPrinter} output. */
    public String formulaName() {
        return formulaName;
    }

    /** Looks a function up by its formula name; {@code ln} is accepted for {@link #LOG}. */
    public static Optional<Fn> byFormulaName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("ln")) {
            return Optional.of(LOG);
        }
        if (n.equals("logistic") || n.equals("sigm")) {
            return Optional.of(SIGMOID);
        }
        return Arrays.stream(values()).filter(f -> f.formulaName.equals(n)).findFirst();
    }

    /**
     * The value at a constant argument when it is exact (an integer result such as {@code exp(0) = 1} or
     * {@code |-2| = 2}), so that folding never turns an exact symbolic constant into a rounded one.
     *
     * <p>A rounded result that happens to be an integer does not count: {@code tanh(20)} and
     * {@code exp(-800)} round to 1 and 0 but are not. Every finite double is rational, and by
     * Lindemann–Weierstrass exp, sin, cos, tanh and sech of a nonzero rational are irrational, while
     * log x and arccos x are integers only at x = 1; so those fold only at 0 (respectively 1), sqrt
     * only where the square of the result is exactly the argument, and abs always.
     */
    OptionalDouble exactValueAt(double x) {
        double v = apply(x);
        if (!(Double.isFinite(v) && v == Math.rint(v) && Math.abs(v) < 1e15)) {
            return OptionalDouble.empty();
        }
        boolean exact = switch (this) {
            case ABS -> true;
            case SQRT -> Math.fma(v, v, -x) == 0;
            case LOG, ARCCOS -> x == 1;
            case EXP, SIN, COS, TANH, SECH, SIGMOID -> x == 0;
        };
        return exact ? OptionalDouble.of(v) : OptionalDouble.empty();
    }

    /** The numeric value. Kept in one place so every interpreter agrees. */
    public double apply(double x) {
        return switch (this) {
            case EXP -> Math.exp(x);
            case LOG -> Math.log(x);
            case SQRT -> Math.sqrt(x);
            case SIN -> Math.sin(x);
            case COS -> Math.cos(x);
            case TANH -> Math.tanh(x);
            case SECH -> 1.0 / Math.cosh(x);
            case SIGMOID -> x >= 0 ? 1.0 / (1.0 + Math.exp(-x)) : Math.exp(x) / (1.0 + Math.exp(x));
            case ARCCOS -> Math.acos(x);
            case ABS -> Math.abs(x);
        };
    }
}
