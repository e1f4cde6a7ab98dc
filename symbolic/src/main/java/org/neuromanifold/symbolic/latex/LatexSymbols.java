package org.neuromanifold.symbolic.latex;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a symbol name is typeset. One table for every printer:
 * <ul>
 * <li>Greek names become letters: {@code iota} → {@code \iota}, {@code Sigma} → {@code \Sigma};</li>
 * <li>a trailing number is a subscript: {@code x1} → {@code x_{1}}, {@code sigma2} → {@code \sigma_{2}};</li>
 * <li>parameter symbols of a network: {@code W0x1x2} → {@code W^{0}_{1,2}}, {@code b1x0} → {@code b^{1}_{0}};</li>
 * <li>a per-layer hyperparameter {@code iotaL1} → {@code \iota^{(1)}};</li>
 * <li>{@code a_b} → {@code a_{b}} (each part typeset by these rules);</li>
 * <li>single letters stay; any other multi-letter name is {@code \mathit{name}}.</li>
 * </ul>
 */
public final class LatexSymbols {
    private static final Set<String> GREEK = Set.of("alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta",
            "eta", "theta", "vartheta", "iota", "kappa", "lambda", "mu", "nu", "xi", "pi", "varpi", "rho", "varrho",
            "sigma", "varsigma", "tau", "upsilon", "phi", "varphi", "chi", "psi", "omega", "Gamma", "Delta", "Theta",
            "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega");
    private static final Pattern WEIGHT = Pattern.compile("([A-Za-z])(\\d+)x(\\d+)x(\\d+)");
    private static final Pattern BIAS = Pattern.compile("([A-Za-z])(\\d+)x(\\d+)");
    private static final Pattern LAYER_SUFFIX = Pattern.compile("([A-Za-z]+)L(\\d+)");
    private static final Pattern TRAILING_NUMBER = Pattern.compile("([A-Za-z]+)(\\d+)");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

    private LatexSymbols() {
    }

    /** The LaTeX (math mode) of a symbol name. */
    public static String of(String name) {
        int underscore = name.indexOf('_');
        if (underscore > 0 && underscore < name.length() - 1) {
            return of(name.substring(0, underscore)) + "_{" + of(name.substring(underscore + 1)) + "}";
        }
        Matcher m = WEIGHT.matcher(name);
        if (m.matches()) {
            return m.group(1) + "^{" + m.group(2) + "}_{" + m.group(3) + "," + m.group(4) + "}";
        }
        m = BIAS.matcher(name);
        if (m.matches()) {
            return m.group(1) + "^{" + m.group(2) + "}_{" + m.group(3) + "}";
        }
        m = LAYER_SUFFIX.matcher(name);
        if (m.matches() && GREEK.contains(m.group(1))) {
            return "\\" + m.group(1) + "^{(" + m.group(2) + ")}";
        }
        m = TRAILING_NUMBER.matcher(name);
        if (m.matches()) {
            return word(m.group(1)) + "_{" + m.group(2) + "}";
        }
        if (IDENTIFIER.matcher(name).matches()) {
            return word(name);
        }
        return "\\mathit{" + LatexText.escape(name) + "}";
    }

    private static String word(String letters) {
        if (GREEK.contains(letters)) {
            return "\\" + letters;
        }
        return letters.length() == 1 ? letters : "\\mathit{" + letters + "}";
    }
}
