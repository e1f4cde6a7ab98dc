package org.neuromanifold.symbolic.latex;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.matheclipse.core.expression.F;
import org.matheclipse.core.form.tex.TeXFormFactory;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import org.neuromanifold.symbolic.symja.SymbolTable;
import org.neuromanifold.symbolic.symja.SymjaEngine;
import org.neuromanifold.symbolic.symja.SymjaResult;

/**
 * Symja expression → LaTeX through Symja's {@code TeXForm} printer, run on an engine thread under the
 * engine's time limit, with its quirks fixed:
 * <ul>
 * <li>{@code \sech}, {@code \csch}, {@code \arcsinh}, ... are not LaTeX macros: written
 * {@code \operatorname{sech}} etc.;</li>
 * <li>{@code LogisticSigmoid} (printed {@code \sigma}, the same as a symbol named sigma) →
 * {@code \operatorname{sigm}}; {@code Gamma[n]} (printed {@code \gamma(n)}) → {@code \Gamma(n)};</li>
 * <li>{@code Piecewise} (printed {@code \text{Piecewise}(\{\{…\}\},…)}) → a {@code cases} environment;</li>
 * <li>symbols are typeset by {@link LatexSymbols} after mapping back to core names ({@code W0x1x2} →
 * {@code W^{0}_{1,2}}, {@code x1} → {@code x_{1}});</li>
 * <li>{@code {e}^{\left( u\right) }} → {@code e^{u}}.</li>
 * </ul>
 * The expression is printed as given, not evaluated: {@code x + x} stays {@code x + x}.
 */
public final class SymjaLatex implements TermLatex.SymjaRenderer {
    private static final Pattern NON_STANDARD_FUNCTIONS = Pattern.compile(
            "\\\\(sech|csch|arcsinh|arccosh|arctanh|arccoth|arcsech|arccsch|arccot|arcsec|arccsc)(?![A-Za-z])");
    private static final Map<String, String> FUNCTIONS = Map.of("LogisticSigmoid", "\\operatorname{sigm}", "Gamma",
            "\\Gamma", "Erf", "\\operatorname{erf}", "Erfc", "\\operatorname{erfc}");

    private final SymjaEngine engine;

    public SymjaLatex(SymjaEngine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    /** {@code expr} as LaTeX, symbols mapped back to core names through {@code symbols}. */
    @Override
    public SymjaResult<String> render(IExpr expr, SymbolTable symbols) {
        Objects.requireNonNull(expr, "expr");
        Objects.requireNonNull(symbols, "symbols");
        return engine.run(session -> new Placeholders(symbols).latex(expr));
    }

    /** Parses {@code input} (Symja syntax) without evaluating it and renders it. */
    @Override
    public SymjaResult<String> renderInput(String input, SymbolTable symbols) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(symbols, "symbols");
        return engine.run(session -> new Placeholders(symbols).latex(session.parse(input)));
    }

    /**
     * Replaces what {@code TeXForm} prints badly by placeholder symbols, prints, then substitutes the
     * placeholders' LaTeX.
     */
    private static final class Placeholders {
        private final SymbolTable symbols;
        private final Map<String, String> latex = new LinkedHashMap<>();
        private final Map<ISymbol, ISymbol> symbolPlaceholders = new LinkedHashMap<>();

        Placeholders(SymbolTable symbols) {
            this.symbols = symbols;
        }

        String latex(IExpr expr) {
            StringBuilder b = new StringBuilder();
            new TeXFormFactory().convert(b, prepare(expr), 0);
            String s = b.toString();
            // a placeholder's LaTeX contains only placeholders made before it: substitute newest first
            List<Map.Entry<String, String>> entries = new ArrayList<>(latex.entrySet());
            for (int i = entries.size() - 1; i >= 0; i--) {
                var e = entries.get(i);
                s = s.replace("\\text{" + e.getKey() + "}", e.getValue()).replace(e.getKey(), e.getValue());
            }
            return cleanup(s);
        }

        private IExpr prepare(IExpr e) {
            if (e instanceof ISymbol s) {
                if (s.isBuiltInSymbol() || e.isNumber()) {
                    return e;
                }
                return symbolPlaceholders.computeIfAbsent(s, k -> placeholder(
                        LatexSymbols.of(symbols.coreName(k.getSymbolName()))));
            }
            if (!(e instanceof IAST ast)) {
                return e;
            }
            if (ast.head() instanceof ISymbol head) {
                String name = head.getSymbolName();
                if (name.equals("Piecewise")) {
                    return placeholder(cases(ast));
                }
                String function = FUNCTIONS.get(name);
                if (function != null && head.isBuiltInSymbol()) {
                    IAST call = ast.apply(placeholder(function));
                    IAST mapped = call.map(this::prepare);
                    return mapped.isPresent() ? mapped : call;
                }
            }
            IAST mapped = ast.map(this::prepare);
            IAST withArgs = mapped.isPresent() ? mapped : ast;
            if (withArgs.head() instanceof IAST) {
                return withArgs.apply(prepare(withArgs.head()));
            }
            return withArgs;
        }

        private ISymbol placeholder(String tex) {
            String name = "nmq" + latex.size() + "q";
            latex.put(name, tex);
            return F.symbol(name);
        }

        /** {@code \begin{cases} v & \text{if } c \\ … \\ d & \text{otherwise} \end{cases}}. */
        private String cases(IAST piecewise) {
            StringBuilder b = new StringBuilder("\\begin{cases} ");
            if (piecewise.argSize() >= 1 && piecewise.arg1() instanceof IAST pieces && pieces.isList()) {
                for (int i = 1; i <= pieces.argSize(); i++) {
                    if (pieces.get(i) instanceof IAST piece && piece.isList() && piece.argSize() == 2) {
                        b.append(sub(piece.arg1())).append(" & \\text{if } ").append(sub(piece.arg2())).append(" \\\\ ");
                    }
                }
            }
            b.append(piecewise.argSize() >= 2 ? sub(piecewise.arg2()) : "0").append(" & \\text{otherwise} \\end{cases}");
            return b.toString();
        }

        private String sub(IExpr e) {
            StringBuilder b = new StringBuilder();
            new TeXFormFactory().convert(b, prepare(e), 0);
            return b.toString();
        }
    }

    /** Fixes of {@code TeXForm}'s output that need no structure. */
    static String cleanup(String tex) {
        String s = NON_STANDARD_FUNCTIONS.matcher(tex).replaceAll(m -> Matcher.quoteReplacement(
                "\\operatorname{" + m.group(1) + "}"));
        s = unwrap(s, "^{\\left( ");
        s = unwrap(s, "\\sqrt{\\left( ");
        s = s.replace("{e}^", "e^");
        return s.replaceAll(" {2,}", " ").strip();
    }

    /**
     * {@code ^{\left( u\right) }} → {@code ^{u}} (and the same after {@code \sqrt{}}): parentheses that
     * fill a whole brace group are redundant. {@code open} ends with the opening parenthesis.
     */
    static String unwrap(String s, String open) {
        String prefix = open.substring(0, open.indexOf('{') + 1);
        StringBuilder out = new StringBuilder();
        int from = 0;
        while (true) {
            int i = s.indexOf(open, from);
            if (i < 0) {
                out.append(s, from, s.length());
                return out.toString();
            }
            int start = i + open.length();
            int depth = 1;
            int j = start;
            int close = -1;
            while (j < s.length()) {
                if (s.startsWith("\\left", j)) {
                    depth++;
                    j += 5;
                } else if (s.startsWith("\\right", j)) {
                    depth--;
                    if (depth == 0) {
                        close = j;
                        break;
                    }
                    j += 6;
                } else {
                    j++;
                }
            }
            int afterClose = close + "\\right)".length();
            int brace = afterClose;
            while (close >= 0 && brace < s.length() && s.charAt(brace) == ' ') {
                brace++;
            }
            if (close >= 0 && s.startsWith("\\right)", close) && brace < s.length() && s.charAt(brace) == '}') {
                out.append(s, from, i).append(prefix).append(unwrap(s.substring(start, close), open).strip()).append('}');
                from = brace + 1;
            } else {
                out.append(s, from, start);
                from = start;
            }
        }
    }
}
