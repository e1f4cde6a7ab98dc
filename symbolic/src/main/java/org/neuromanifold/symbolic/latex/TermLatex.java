package org.neuromanifold.symbolic.latex;

import java.util.Objects;

import org.matheclipse.core.interfaces.IExpr;
import org.neuromanifold.core.error.SpecificationException;
import org.neuromanifold.core.scalar.Term;
import org.neuromanifold.symbolic.symja.SymbolTable;
import org.neuromanifold.symbolic.symja.SymjaEngine;
import org.neuromanifold.symbolic.symja.SymjaResult;
import org.neuromanifold.symbolic.symja.SymjaTerms;

/**
 * Scalar closed forms → LaTeX. Core {@link Term}s and Symja expressions go through Symja's
 * {@code TeXForm} ({@link SymjaLatex}, quirks fixed); when Symja is undecided (time limit, exception),
 * terms fall back to the pure Java {@link TermLatexPrinter}, so rendering always produces LaTeX.
 *
 * <pre>{@code
 * TermLatex latex = TermLatex.shared();
 * latex.render(Activations.named("tanh").symbolic());   // "\tanh (z)"
 * latex.renderSymjaInput("Sech[t]^2/(1 + Tanh[t])");     // "\frac{{\operatorname{sech}(t)}^{2}}{1 + \tanh (t)}"
 * }</pre>
 */
public final class TermLatex {
    /** What renders through Symja ({@link SymjaLatex}); an interface so the fallback path can be tested. */
    interface SymjaRenderer {
        SymjaResult<String> render(IExpr expr, SymbolTable symbols);

        SymjaResult<String> renderInput(String input, SymbolTable symbols);
    }

    private final SymjaRenderer symja;

    TermLatex(SymjaRenderer symja) {
        this.symja = symja;
    }

    /** Renders through {@code engine}'s {@code TeXForm}, falling back to the Java printer. */
    public static TermLatex withSymja(SymjaEngine engine) {
        return new TermLatex(new SymjaLatex(engine));
    }

    /** Renders through the shared engine's {@code TeXForm}, falling back to the Java printer. */
    public static TermLatex shared() {
        return withSymja(SymjaEngine.shared());
    }

    /** Renders with the pure Java printer only (no Symja). */
    public static TermLatex javaOnly() {
        return new TermLatex(null);
    }

    /** {@code term} as LaTeX (math mode). */
    public String render(Term term) {
        return render(term, SymbolTable.create());
    }

    /** {@code term} as LaTeX, with Symja names mapped back to core names through {@code symbols}. */
    public String render(Term term, SymbolTable symbols) {
        Objects.requireNonNull(term, "term");
        if (symja == null) {
            return TermLatexPrinter.print(term);
        }
        SymjaResult<String> r;
        try {
            r = symja.render(SymjaTerms.toSymja(term, symbols), symbols);
        } catch (RuntimeException e) {
            return TermLatexPrinter.print(term);
        }
        return r instanceof SymjaResult.Value<String> v ? v.value() : TermLatexPrinter.print(term);
    }

    /**
     * A Symja expression as LaTeX. When Symja is undecided, the expression is read back as a core term
     * and printed in Java; if that is impossible too, its input text is shown verbatim.
     */
    public String render(IExpr expr, SymbolTable symbols) {
        Objects.requireNonNull(expr, "expr");
        if (symja != null && symja.render(expr, symbols) instanceof SymjaResult.Value<String> v) {
            return v.value();
        }
        try {
            return TermLatexPrinter.print(SymjaTerms.toTerm(expr, symbols));
        } catch (SpecificationException e) {
            return verbatim(expr.toMMA());
        }
    }

    /**
     * A formula in Symja input syntax (e.g. a {@code Formula.OfSymja}) as LaTeX, printed as written (not
     * evaluated). Input that does not parse is shown verbatim.
     */
    public String renderSymjaInput(String input) {
        Objects.requireNonNull(input, "input");
        if (symja == null) {
            return verbatim(input);
        }
        SymbolTable symbols = SymbolTable.create();
        if (symja.renderInput(input, symbols) instanceof SymjaResult.Value<String> v) {
            return v.value();
        }
        return verbatim(input);
    }

    /** Text shown as typed, in typewriter type, inside math mode. */
    static String verbatim(String text) {
        return "\\text{\\texttt{" + LatexText.escape(text) + "}}";
    }
}
