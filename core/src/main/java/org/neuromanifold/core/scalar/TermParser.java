package org.neuromanifold.core.scalar;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;

/**
 * Parses formulas such as {@code "z*sigmoid(z)"} or {@code "max(0.1*z, z)"} into {@link Term}s.
 *
 * <p>Grammar (usual precedence, {@code ^} binds tighter than unary minus and is right-associative):
 * <pre>
 * sum     := product (('+' | '-') product)*
 * product := unary (('*' | '/') unary)*
 * unary   := '-' unary | power
 * power   := atom ('^' unary)?
 * atom    := number | symbol | function '(' sum (',' sum)* ')' | '(' sum ')'
 * </pre>
 * Functions: those of {@link Fn} ({@code ln} = {@code log}), {@code max(a,b)}, {@code min(a,b)},
 * {@code relu(a)} and {@code piecewise(c, a, b)} (= a where c &lt; 0, else b). Constants: {@code pi},
 * {@code e}. Every other identifier must be one of the allowed symbols.
 */
public final class TermParser {
    /** The function names a formula may call, for error messages. */
    private static final List<String> FUNCTIONS = functionNames();

    private final String source;
    private final Set<String> symbols;
    private final String argument;
    private int pos;

    private TermParser(String argument, String source, Set<String> symbols) {
        this.argument = argument;
        this.source = source;
        this.symbols = symbols;
    }

    /**
     * Parses {@code formula}.
     *
     * @param argument what the formula is (named in errors), e.g. {@code "activation formula"}
     * @param formula  the text
     * @param symbols  the identifiers the formula may use
     * @throws SpecificationException {@link ErrorCode#FORMULA_SYNTAX} or {@link ErrorCode#UNKNOWN_SYMBOL}
     */
    public static Term parse(String argument, String formula, Set<String> symbols) {
        if (formula == null || formula.isBlank()) {
            throw new SpecificationException(ErrorCode.FORMULA_SYNTAX, argument,
                    argument + ": expected a formula, got an empty string");
        }
        TermParser p = new TermParser(argument, formula, Set.copyOf(symbols));
        Term t = p.sum();
        p.skipSpace();
        if (p.pos < formula.length()) {
            throw p.error("expected an operator or the end of the formula");
        }
        return t;
    }

    private Term sum() {
        List<Term> terms = new ArrayList<>();
        terms.add(product());
        while (true) {
            skipSpace();
            if (accept('+')) {
                terms.add(product());
            } else if (accept('-')) {
                terms.add(Term.negate(product()));
            } else {
                return Term.sum(terms);
            }
        }
    }

    private Term product() {
        List<Term> factors = new ArrayList<>();
        factors.add(unary());
        while (true) {
            skipSpace();
            if (accept('*')) {
                factors.add(unary());
            } else if (accept('/')) {
                factors.add(Term.power(unary(), Term.MINUS_ONE));
            } else {
                return Term.product(factors);
            }
        }
    }

    private Term unary() {
        skipSpace();
        if (accept('-')) {
            return Term.negate(unary());
        }
        if (accept('+')) {
            return unary();
        }
        return power();
    }

    private Term power() {
        Term base = atom();
        skipSpace();
        if (accept('^')) {
            return Term.power(base, unary());
        }
        return base;
    }

    private Term atom() {
        skipSpace();
        if (pos >= source.length()) {
            throw error("expected a number, symbol or '('");
        }
        char c = source.charAt(pos);
        if (accept('(')) {
            Term inner = sum();
            expect(')');
            return inner;
        }
        if (Character.isDigit(c) || c == '.') {
            return number();
        }
        if (Character.isLetter(c) || c == '_') {
            int start = pos;
            String name = identifier();
            skipSpace();
            if (accept('(')) {
                return call(name, start);
            }
            return symbol(name, start);
        }
        throw error("unexpected character '" + c + "'");
    }

    private Term number() {
        int start = pos;
        while (pos < source.length() && (Character.isDigit(source.charAt(pos)) || source.charAt(pos) == '.')) {
            pos++;
        }
        if (pos < source.length() && (source.charAt(pos) == 'e' || source.charAt(pos) == 'E')) {
            int mark = pos;
            pos++;
            if (pos < source.length() && (source.charAt(pos) == '+' || source.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < source.length() && Character.isDigit(source.charAt(pos))) {
                while (pos < source.length() && Character.isDigit(source.charAt(pos))) {
                    pos++;
                }
            } else {
                pos = mark;
            }
        }
        String text = source.substring(start, pos);
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            pos = start;
            throw error("malformed number '" + text + "'");
        }
        if (Double.isInfinite(value)) {
            pos = start;
            throw error("number '" + text + "' is too large for a double (max " + Double.MAX_VALUE + ")");
        }
        return Term.constant(value);
    }

    private String identifier() {
        int start = pos;
        while (pos < source.length()
                && (Character.isLetterOrDigit(source.charAt(pos)) || source.charAt(pos) == '_')) {
            pos++;
        }
        return source.substring(start, pos);
    }

    private Term symbol(String name, int start) {
        if (symbols.contains(name)) {
            return Term.variable(name);
        }
        if (name.equals("pi")) {
            return Term.constant(Math.PI);
        }
        if (name.equals("e")) {
            return Term.apply(Fn.EXP, Term.ONE);
        }
        pos = start;
        throw new SpecificationException(ErrorCode.UNKNOWN_SYMBOL, argument,
                argument + ": unknown symbol '" + name + "' at position " + (start + 1) + " of \"" + source
                        + "\"; expected one of " + new java.util.TreeSet<>(symbols) + ", pi, e or a function call");
    }

    private Term call(String name, int start) {
        List<Term> args = new ArrayList<>();
        skipSpace();
        if (!accept(')')) {
            args.add(sum());
            skipSpace();
            while (accept(',')) {
                args.add(sum());
                skipSpace();
            }
            expect(')');
        }
        switch (name) {
            case "max" -> {
                arity(name, args, 2, start);
                return new Term.Piecewise(Term.difference(args.get(0), args.get(1)), args.get(1), args.get(0));
            }
            case "min" -> {
                arity(name, args, 2, start);
                return new Term.Piecewise(Term.difference(args.get(0), args.get(1)), args.get(0), args.get(1));
            }
            case "relu" -> {
                arity(name, args, 1, start);
                return new Term.Piecewise(args.get(0), Term.ZERO, args.get(0));
            }
            case "piecewise" -> {
                arity(name, args, 3, start);
                return new Term.Piecewise(args.get(0), args.get(1), args.get(2));
            }
            default -> {
                Fn fn = Fn.byFormulaName(name).orElseThrow(() -> {
                    pos = start;
                    return error("unknown function '" + name + "'; expected one of " + FUNCTIONS);
                });
                arity(name, args, 1, start);
                return Term.apply(fn, args.get(0));
            }
        }
    }

    private static List<String> functionNames() {
        List<String> names = new ArrayList<>();
        for (Fn fn : Fn.values()) {
            names.add(fn.formulaName());
        }
        names.addAll(List.of("ln", "max", "min", "relu", "piecewise"));
        return List.copyOf(names);
    }

    private void arity(String name, List<Term> args, int n, int start) {
        if (args.size() != n) {
            pos = start;
            throw error("function '" + name + "' takes " + n + " argument" + (n == 1 ? "" : "s") + ", got "
                    + args.size());
        }
    }

    private void skipSpace() {
        while (pos < source.length() && Character.isWhitespace(source.charAt(pos))) {
            pos++;
        }
    }

    private boolean accept(char c) {
        skipSpace();
        if (pos < source.length() && source.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!accept(c)) {
            throw error("expected '" + c + "'");
        }
    }

    private SpecificationException error(String what) {
        return new SpecificationException(ErrorCode.FORMULA_SYNTAX, argument,
                argument + ": " + what + " at position " + (pos + 1) + " of \"" + source + "\"");
    }
}
