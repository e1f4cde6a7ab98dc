package org.neuromanifold.symbolic.latex;

import java.util.List;
import java.util.Objects;

import org.neuromanifold.core.expr.Relation;
import org.neuromanifold.core.result.Derivation;
import org.neuromanifold.core.result.DerivationStep;
import org.neuromanifold.core.result.NumericCertificate;
import org.neuromanifold.core.result.SymbolicOutcome;
import org.neuromanifold.core.result.SymbolicVerdict;

/**
 * A {@link Derivation} → LaTeX body text (no section heading): an {@code align*} block with e₀ on the
 * first line and {@code R eᵢ} on each following line, the rule of each step as a numbered
 * {@code \text{[i] rule}} justification column; then the assumptions as a list; then one
 * footnote-size paragraph with both certificates of every step (symbolic outcome with its detail,
 * numeric points and max abs error).
 *
 * <p>A failed step ({@link DerivationStep#failed()}) stays in the chain: its relation is crossed
 * ({@code \overset{\times}{=}}) and its justification says {@code failed}. Needs amsmath (and nothing
 * else).
 *
 * <pre>{@code
 * String body = new DerivationLatex(FormulaLatex.standard()).render(derivation);
 * }</pre>
 */
public final class DerivationLatex {
    /** Longest symbolic detail shown in the certificate line; longer ones are cut with an ellipsis. */
    static final int MAX_DETAIL = 200;

    private final FormulaLatex formulas;

    public DerivationLatex(FormulaLatex formulas) {
        this.formulas = Objects.requireNonNull(formulas, "formulas");
    }

    /** The derivation's body text. */
    public String render(Derivation d) {
        Objects.requireNonNull(d, "derivation");
        StringBuilder b = new StringBuilder();
        b.append(chain(d)).append('\n');
        b.append(assumptions(d.assumptions()));
        if (!d.steps().isEmpty()) {
            b.append(certificates(d)).append('\n');
        }
        return b.toString();
    }

    /** The {@code align*} block alone. */
    public String chain(Derivation d) {
        StringBuilder b = new StringBuilder("\\begin{align*}\n  & ").append(formulas.render(d.start()));
        List<DerivationStep> steps = d.steps();
        for (int i = 0; i < steps.size(); i++) {
            DerivationStep s = steps.get(i);
            b.append(" \\\\\n  &").append(relation(s)).append(' ').append(formulas.render(s.expression()))
                    .append(" && \\text{[").append(i + 1).append("] ").append(LatexText.sentence(s.rule()));
            if (s.failed()) {
                b.append(" --- \\textbf{failed}");
            }
            b.append('}');
        }
        return b.append("\n\\end{align*}").toString();
    }

    private static String relation(DerivationStep s) {
        String r = s.relation() == Relation.EQ ? "=" : "\\le";
        return s.failed() ? "\\mathrel{\\overset{\\times}{" + r + "}}" : r;
    }

    /** The assumptions as an itemised list (or a sentence saying there are none). */
    static String assumptions(List<String> assumptions) {
        if (assumptions.isEmpty()) {
            return "\\noindent Assumptions: none.\n";
        }
        StringBuilder b = new StringBuilder("\\noindent Assumptions:\n\\begin{itemize}\n");
        for (String a : assumptions) {
            b.append("  \\item ").append(LatexText.sentence(a)).append('\n');
        }
        return b.append("\\end{itemize}\n").toString();
    }

    /** One footnote-size paragraph: per step, the symbolic verdict and the numeric certificate. */
    static String certificates(Derivation d) {
        StringBuilder b = new StringBuilder("{\\footnotesize\\noindent Certificates. ");
        List<DerivationStep> steps = d.steps();
        for (int i = 0; i < steps.size(); i++) {
            DerivationStep s = steps.get(i);
            b.append(i == 0 ? "" : " ").append('[').append(i + 1).append("] symbolic: ").append(symbolic(s.symbolic()))
                    .append("; numeric: ").append(numeric(s.numeric()));
            List<String> extra = s.assumptions().stream().filter(a -> !d.assumptions().contains(a)).toList();
            if (!extra.isEmpty()) {
                b.append("; assuming ").append(String.join(", ", extra.stream().map(LatexText::sentence).toList()));
            }
            b.append('.');
        }
        return b.append("\\par}").toString();
    }

    private static String symbolic(SymbolicVerdict v) {
        String word = v.outcome() == SymbolicOutcome.REFUTED ? "\\textbf{refuted}" : v.outcome().word();
        if (v.detail().isBlank()) {
            return word;
        }
        String detail = v.detail().length() <= MAX_DETAIL ? v.detail() : v.detail().substring(0, MAX_DETAIL) + "…";
        return word + " (" + LatexText.escape(detail) + ")";
    }

    private static String numeric(NumericCertificate c) {
        if (c.points() == 0) {
            return "not checked";
        }
        String s = c.points() + " point" + (c.points() == 1 ? "" : "s") + ", max abs error $"
                + LatexText.scientific(c.maxAbsError()) + "$";
        return c.agrees() ? s : "\\textbf{disagrees}, " + s + " (tolerance $" + LatexText.scientific(c.tolerance()) + "$)";
    }
}
