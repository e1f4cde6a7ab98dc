package org.neuromanifold.symbolic.latex;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/**
 * Text and numbers for LaTeX: escaping of plain text (special characters, and the Unicode mathematics
 * that appears in rule names and assumptions, such as σ, θ, ∇, ≤, ⊗, which pdflatex cannot typeset
 * from UTF-8 without extra packages), and number formatting.
 */
public final class LatexText {
    /** Unicode characters with their LaTeX math-mode equivalents (emitted inside {@code $…$} in text). */
    private static final Map<Character, String> MATH_CHARACTERS = Map.ofEntries(
            Map.entry('α', "\\alpha"), Map.entry('β', "\\beta"), Map.entry('γ', "\\gamma"), Map.entry('δ', "\\delta"),
            Map.entry('ε', "\\varepsilon"), Map.entry('ζ', "\\zeta"), Map.entry('η', "\\eta"), Map.entry('θ', "\\theta"),
            Map.entry('ι', "\\iota"), Map.entry('κ', "\\kappa"), Map.entry('λ', "\\lambda"), Map.entry('μ', "\\mu"),
            Map.entry('ν', "\\nu"), Map.entry('ξ', "\\xi"), Map.entry('π', "\\pi"), Map.entry('ρ', "\\rho"),
            Map.entry('σ', "\\sigma"), Map.entry('τ', "\\tau"), Map.entry('φ', "\\varphi"), Map.entry('χ', "\\chi"),
            Map.entry('ψ', "\\psi"), Map.entry('ω', "\\omega"), Map.entry('Γ', "\\Gamma"), Map.entry('Δ', "\\Delta"),
            Map.entry('Θ', "\\Theta"), Map.entry('Λ', "\\Lambda"), Map.entry('Σ', "\\Sigma"), Map.entry('Φ', "\\Phi"),
            Map.entry('Ψ', "\\Psi"), Map.entry('Ω', "\\Omega"), Map.entry('∇', "\\nabla"), Map.entry('∂', "\\partial"),
            Map.entry('≤', "\\le"), Map.entry('≥', "\\ge"), Map.entry('≠', "\\ne"), Map.entry('≈', "\\approx"),
            Map.entry('∈', "\\in"), Map.entry('∉', "\\notin"), Map.entry('⊗', "\\otimes"), Map.entry('⊕', "\\oplus"),
            Map.entry('×', "\\times"), Map.entry('·', "\\cdot"), Map.entry('∑', "\\sum"), Map.entry('∏', "\\prod"),
            Map.entry('∫', "\\int"), Map.entry('∞', "\\infty"), Map.entry('→', "\\to"), Map.entry('↦', "\\mapsto"),
            Map.entry('⇒', "\\Rightarrow"), Map.entry('⇔', "\\Leftrightarrow"), Map.entry('∀', "\\forall"),
            Map.entry('∃', "\\exists"), Map.entry('⟨', "\\langle"), Map.entry('⟩', "\\rangle"), Map.entry('‖', "\\|"),
            Map.entry('√', "\\surd"), Map.entry('±', "\\pm"), Map.entry('∘', "\\circ"), Map.entry('ℓ', "\\ell"),
            Map.entry('ℝ', "\\mathbb{R}"), Map.entry('ᵀ', "^{\\top}"),
            Map.entry('²', "^{2}"), Map.entry('³', "^{3}"), Map.entry('¹', "^{1}"), Map.entry('⁰', "^{0}"),
            Map.entry('⁴', "^{4}"), Map.entry('⁵', "^{5}"), Map.entry('⁶', "^{6}"), Map.entry('⁷', "^{7}"),
            Map.entry('⁸', "^{8}"), Map.entry('⁹', "^{9}"), Map.entry('⁺', "^{+}"), Map.entry('ⁿ', "^{n}"),
            Map.entry('⁻', "^{-}"), Map.entry('₀', "_{0}"), Map.entry('₁', "_{1}"), Map.entry('₂', "_{2}"),
            Map.entry('₃', "_{3}"), Map.entry('₄', "_{4}"),
            Map.entry('ᵢ', "_{i}"), Map.entry('ⱼ', "_{j}"), Map.entry('′', "'"), Map.entry('−', "-"));

    /** Unicode text characters with their LaTeX text-mode equivalents. */
    private static final Map<Character, String> TEXT_CHARACTERS = Map.ofEntries(
            Map.entry('–', "--"), Map.entry('—', "---"), Map.entry('‘', "`"), Map.entry('’', "'"),
            Map.entry('“', "``"), Map.entry('”', "''"), Map.entry('…', "\\ldots{}"), Map.entry('é', "\\'e"),
            Map.entry('è', "\\`e"), Map.entry('ä', "\\\"a"), Map.entry('ö', "\\\"o"), Map.entry('ü', "\\\"u"),
            Map.entry('\u00a0', "~"));

    private LatexText() {
    }

    /**
     * Plain text as LaTeX text-mode source: {@code # $ % & _ { } ~ ^ \} are escaped, known Unicode
     * mathematics becomes inline math ({@code σ} → {@code $\sigma$}), and any other non-ASCII character is
     * written as {@code [U+XXXX]} (pdflatex would stop on it).
     */
    public static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        int[] cps = text.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            String accent = i + 1 < cps.length ? TEXT_ACCENTS.get(cps[i + 1]) : null;
            if (accent != null && cps[i] < 128 && Character.isLetter(cps[i])) {
                b.append(accent).append('{').appendCodePoint(cps[i]).append('}');
                i++;
            } else if (isMathCharacter(cps[i])) {
                // a run of mathematical characters is one formula: 10⁻³ → 10$^{-3}$, never $…$$…$
                int end = i;
                while (end + 1 < cps.length && isMathCharacter(cps[end + 1])) {
                    end++;
                }
                b.append('$').append(mathUnicode(new String(cps, i, end - i + 1))).append('$');
                i = end;
            } else {
                append(b, cps[i]);
            }
        }
        return b.toString();
    }

    /** Combining accents (U+0303 tilde, U+0302 hat, U+0304 bar) in text and in math mode. */
    private static final Map<Integer, String> TEXT_ACCENTS = Map.of(0x0303, "\\~", 0x0302, "\\^", 0x0304, "\\=");
    private static final Map<Integer, String> MATH_ACCENTS = Map.of(0x0303, "\\tilde", 0x0302, "\\hat", 0x0304,
            "\\bar");

    private static void append(StringBuilder b, int cp) {
        switch (cp) {
            case '#', '$', '%', '&', '_', '{', '}' -> b.append('\\').appendCodePoint(cp);
            case '~' -> b.append("\\textasciitilde{}");
            case '^' -> b.append("\\textasciicircum{}");
            case '\\' -> b.append("\\textbackslash{}");
            case '<' -> b.append("\\textless{}");
            case '>' -> b.append("\\textgreater{}");
            case '|' -> b.append("\\textbar{}");
            default -> {
                if (cp < 128) {
                    b.appendCodePoint(cp);
                } else if (cp <= 0xFFFF && TEXT_CHARACTERS.containsKey((char) cp)) {
                    b.append(TEXT_CHARACTERS.get((char) cp));
                } else {
                    b.append(String.format(Locale.ROOT, "[U+%04X]", cp));
                }
            }
        }
    }

    /**
     * A sentence that may contain mathematics (an assumption, a rule) as LaTeX text-mode source; see
     * {@link LatexSentence#render}.
     */
    public static String sentence(String text) {
        return LatexSentence.render(text);
    }

    /** Whether {@code cp} is a character with a math-mode macro in the Unicode table. */
    static boolean isMathCharacter(int cp) {
        return cp == 0x1D53C || cp <= 0xFFFF && MATH_CHARACTERS.containsKey((char) cp);
    }

    /**
     * Unicode mathematics inside a math-mode string replaced by macros ({@code σ} → {@code \sigma }); other
     * characters are kept.
     */
    public static String mathUnicode(String math) {
        StringBuilder b = new StringBuilder(math.length() + 16);
        int[] cps = math.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            int cp = cps[i];
            String accent = i + 1 < cps.length ? MATH_ACCENTS.get(cps[i + 1]) : null;
            if (accent != null && cp < 128 && Character.isLetter(cp)) {
                b.append(accent).append('{').appendCodePoint(cp).append('}');
                i++;
                continue;
            }
            if (cp < 128) {
                b.appendCodePoint(cp);
                continue;
            }
            String macro = cp == 0x1D53C ? "\\mathbb{E}"
                    : cp <= 0xFFFF && MATH_CHARACTERS.containsKey((char) cp) ? MATH_CHARACTERS.get((char) cp) : null;
            if (macro == null) {
                b.append(String.format(Locale.ROOT, "\\text{[U+%04X]}", cp));
                continue;
            }
            if (script(macro) != 0) {
                // a run of Unicode super- or subscripts is one script: 10⁻³ → 10^{-3}, not 10^{-}^{3}
                StringBuilder group = new StringBuilder(macro.substring(2, macro.length() - 1));
                while (i + 1 < cps.length && cps[i + 1] <= 0xFFFF
                        && script(MATH_CHARACTERS.get((char) cps[i + 1])) == macro.charAt(0)) {
                    String next = MATH_CHARACTERS.get((char) cps[++i]);
                    group.append(next, 2, next.length() - 1);
                }
                b.append(macro.charAt(0)).append('{').append(group).append('}');
                continue;
            }
            b.append(macro);
            // a control word swallows the letters after it: separate them
            boolean word = Character.isLetter(macro.charAt(macro.length() - 1));
            if (word && i + 1 < cps.length && cps[i + 1] < 128 && Character.isLetter(cps[i + 1])) {
                b.append(' ');
            }
        }
        return b.toString();
    }

    /** {@code ^} or {@code _} when {@code macro} is a braced super- or subscript like {@code ^{2}}, else 0. */
    private static char script(String macro) {
        return macro != null && macro.length() > 3 && (macro.charAt(0) == '^' || macro.charAt(0) == '_')
                && macro.charAt(1) == '{' && macro.endsWith("}") ? macro.charAt(0) : 0;
    }

    /**
     * A number for math mode: integers without a decimal point, {@link Math#PI} as {@code \pi}, other
     * values by their shortest decimal expansion, with {@code \times 10^{k}} instead of an exponent
     * ({@code 1.0E-5} → {@code 1 \times 10^{-5}}); infinities as {@code \infty}.
     */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "\\mathrm{NaN}";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "\\infty" : "-\\infty";
        }
        if (v == Math.PI) {
            return "\\pi";
        }
        if (v == -Math.PI) {
            return "-\\pi";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = Double.toString(v);
        int e = s.indexOf('E');
        if (e < 0) {
            return s;
        }
        String mantissa = new BigDecimal(s.substring(0, e)).stripTrailingZeros().toPlainString();
        return mantissa + " \\times 10^{" + s.substring(e + 1) + "}";
    }

    /** A measured quantity with three significant digits, e.g. {@code 3.14 \times 10^{-16}} (math mode). */
    public static String scientific(double v) {
        if (!Double.isFinite(v)) {
            return number(v);
        }
        if (v == 0) {
            return "0";
        }
        String s = String.format(Locale.ROOT, "%.2e", v);
        int e = s.indexOf('e');
        String mantissa = s.substring(0, e);
        int exponent = Integer.parseInt(s.substring(e + 1));
        return exponent == 0 ? mantissa : mantissa + " \\times 10^{" + exponent + "}";
    }
}
