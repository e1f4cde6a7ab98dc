package org.neuromanifold.symbolic.latex;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * A sentence that may contain mathematics — an assumption ("omega > 0", "every activation satisfies
 * \sigma(z) = \sigma'(z) z"), a rule ("σ'(z)z = σ(z)") — as LaTeX text-mode source.
 *
 * <ul>
 * <li>With {@code $…$}: the text outside is escaped, the parts inside are math (kept as written, Unicode
 * mathematics turned into macros).</li>
 * <li>Without: the words from the first to the last one that looks mathematical are set in math mode,
 * together with single letters and numbers right next to them; the rest is escaped text. A word looks
 * mathematical when it has a backslash macro, a relation ({@code = < >}), a sub- or superscript between
 * characters, a parenthesis, bar or arithmetic sign, a Greek name or Unicode mathematics, or is a number
 * or an elementary function name ({@code tanh}, {@code ln}, ...). Inside, {@code <=}, {@code >=},
 * {@code !=}, {@code &&} become ≤, ≥, ≠, ∧; Greek names become letters; function names become upright
 * operators; braces become literal set braces unless the math already uses macros.</li>
 * </ul>
 * A heuristic for short sentences; write {@code $…$} when it guesses wrong.
 */
final class LatexSentence {
    private static final String GREEK = "alpha|beta|gamma|delta|epsilon|zeta|eta|theta|iota|kappa|lambda|mu|nu|xi|rho"
            + "|sigma|tau|phi|chi|psi|omega";
    private static final String FUNCTIONS = "tanh|sinh|cosh|sin|cos|tan|exp|log|ln|sech|sigm|arccos|max|min";
    private static final Pattern GREEK_WORD = Pattern.compile("(?<![\\\\A-Za-z])(" + GREEK + ")(?![A-Za-z])");
    private static final Pattern FUNCTION_WORD = Pattern.compile("(?<![\\\\A-Za-z])(" + FUNCTIONS + ")(?![A-Za-z])");
    private static final Pattern MATH_WORD = Pattern.compile(
            ".*(\\\\[A-Za-z]+|[=<>()|+*/{}\\[\\]]|[A-Za-z0-9}][_^]-?[A-Za-z0-9{\\\\]).*|-|[0-9.]+");
    private static final Pattern SHORT_OPERAND = Pattern.compile("\\p{L}\\p{M}?|[0-9.]+[,;]?");

    private LatexSentence() {
    }

    static String render(String text) {
        if (text.indexOf('$') >= 0) {
            StringBuilder b = new StringBuilder();
            String[] parts = text.split("\\$", -1);
            for (int i = 0; i < parts.length; i++) {
                b.append(i % 2 == 0 ? LatexText.escape(parts[i]) : "$" + LatexText.mathUnicode(parts[i]) + "$");
            }
            return b.toString();
        }
        String[] words = text.split(" ", -1);
        int first = -1;
        int last = -1;
        for (int i = 0; i < words.length; i++) {
            if (mathematical(words[i])) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        if (first < 0) {
            return LatexText.escape(text);
        }
        while (first > 0 && SHORT_OPERAND.matcher(words[first - 1]).matches()) {
            first--;
        }
        while (last + 1 < words.length && SHORT_OPERAND.matcher(words[last + 1]).matches()) {
            last++;
        }
        String before = String.join(" ", Arrays.copyOfRange(words, 0, first));
        String math = String.join(" ", Arrays.copyOfRange(words, first, last + 1));
        String after = String.join(" ", Arrays.copyOfRange(words, last + 1, words.length));
        return (before.isEmpty() ? "" : LatexText.escape(before) + " ") + "$" + math(math) + "$"
                + (after.isEmpty() ? "" : " " + LatexText.escape(after));
    }

    private static boolean mathematical(String word) {
        if (word.isEmpty()) {
            return false;
        }
        if (MATH_WORD.matcher(word).matches() || GREEK_WORD.matcher(word).find() || FUNCTION_WORD.matcher(word).find()) {
            return true;
        }
        return word.codePoints().anyMatch(cp -> LatexText.isMathCharacter(cp) || Character.getType(cp) == Character.NON_SPACING_MARK);
    }

    private static String math(String text) {
        boolean usesMacros = text.contains("\\");
        String s = text.replace("<=", "\\le ").replace(">=", "\\ge ").replace("!=", "\\ne ").replace("&&", "\\wedge ")
                .replace("%", "\\%").replace("&", "\\&").replace("#", "\\#").replace("~", "\\sim ");
        if (!usesMacros) {
            s = s.replace("{", "\\{").replace("}", "\\}");
        }
        // a script of several letters or digits is one group (λ_max → λ_{max}, 10^-3 → 10^{-3}), so that a
        // macro made of it below (\\max) stays inside the braces
        s = s.replaceAll("(?<!\\\\)([_^])(-?[A-Za-z]{2,}|-?[0-9]{2,}|-[A-Za-z0-9])", "$1{$2}");
        s = GREEK_WORD.matcher(s).replaceAll("\\\\$1");
        s = FUNCTION_WORD.matcher(s).replaceAll(m -> switch (m.group(1)) {
            case "sech", "sigm" -> "\\\\operatorname{" + m.group(1) + "}";
            default -> "\\\\" + m.group(1);
        });
        s = bracedParenthesisedScripts(s);
        // a sub- or superscript mark with nothing to attach is a character, not markup (amsmath's \text)
        s = s.replaceAll("(?<!\\\\)\\^(?![A-Za-z0-9{\\\\])", "\\\\text{\\\\textasciicircum}")
                .replaceAll("(?<!\\\\)_(?![A-Za-z0-9{\\\\])", "\\\\text{\\\\_}");
        return LatexText.mathUnicode(s).replaceAll(" {2,}", " ").strip();
    }

    /** A script whose argument is a parenthesised group, as in Symja's {@code E^(2*t)}: {@code E^{2*t}}. */
    private static String bracedParenthesisedScripts(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int close = (c == '^' || c == '_') && (i == 0 || s.charAt(i - 1) != '\\') && i + 1 < s.length()
                    && s.charAt(i + 1) == '(' ? matchingParenthesis(s, i + 1) : -1;
            if (close < 0) {
                b.append(c);
                continue;
            }
            b.append(c).append('{').append(bracedParenthesisedScripts(s.substring(i + 2, close))).append('}');
            i = close;
        }
        return b.toString();
    }

    /** The index of the parenthesis closing the one at {@code open}, or −1. */
    private static int matchingParenthesis(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            if (s.charAt(i) == '(') {
                depth++;
            } else if (s.charAt(i) == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
