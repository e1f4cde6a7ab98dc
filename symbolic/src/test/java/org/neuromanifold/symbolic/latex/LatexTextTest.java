package org.neuromanifold.symbolic.latex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LatexTextTest {

    @Nested
    class Escaping {
        @Test
        void specialCharacters() {
            assertEquals("50\\% of \\#1 \\& \\$2\\_x \\{a\\}", LatexText.escape("50% of #1 & $2_x {a}"));
            assertEquals("\\textasciitilde{} \\textasciicircum{} \\textbackslash{}", LatexText.escape("~ ^ \\"));
            assertEquals("a \\textless{} b \\textgreater{} c \\textbar{} d", LatexText.escape("a < b > c | d"));
        }

        @Test
        void unicodeMathematicsBecomesInlineMath() {
            assertEquals("$\\sigma$'(z)z $\\le$ 1, $\\theta$ $\\in$ $\\mathbb{R}$", LatexText.escape("σ'(z)z ≤ 1, θ ∈ ℝ"));
            assertEquals("$\\mathbb{E}$[x]", LatexText.escape("𝔼[x]"));
            assertEquals("x$^{\\top}$ $\\otimes$ y", LatexText.escape("xᵀ ⊗ y"));
        }

        @Test
        void unknownNonAsciiIsNamedNotPassedThrough() {
            assertEquals("a [U+2605] b", LatexText.escape("a ★ b"));
        }

        @Test
        void unicodeInsideMath() {
            assertEquals("\\sigma(z) \\le 1", LatexText.mathUnicode("σ(z) ≤ 1"));
        }
    }

    @Nested
    class Numbers {
        @Test
        void exactNumbers() {
            assertEquals("2", LatexText.number(2.0));
            assertEquals("-3", LatexText.number(-3));
            assertEquals("0.25", LatexText.number(0.25));
            assertEquals("\\pi", LatexText.number(Math.PI));
            assertEquals("\\infty", LatexText.number(Double.POSITIVE_INFINITY));
        }

        @Test
        void exponentsAsPowersOfTen() {
            assertEquals("1 \\times 10^{-5}", LatexText.number(1e-5));
            assertEquals("1.5 \\times 10^{20}", LatexText.number(1.5e20));
        }

        @Test
        void measuredQuantities() {
            assertEquals("3.14 \\times 10^{-16}", LatexText.scientific(3.14159e-16));
            assertEquals("2.50", LatexText.scientific(2.5));
            assertEquals("0", LatexText.scientific(0));
        }
    }

    @Nested
    class Sentences {
        @Test
        void plainTextIsEscaped() {
            assertEquals("the network has no biases", LatexText.sentence("the network has no biases"));
        }

        @Test
        void mathematicsWithoutDollarsIsDetected() {
            assertEquals("every activation satisfies $\\sigma(z) = \\sigma'(z) z$",
                    LatexText.sentence("every activation satisfies \\sigma(z) = \\sigma'(z) z"));
            assertEquals("$\\omega > 0$", LatexText.sentence("omega > 0"));
            assertEquals("$0 \\le \\iota < 1$", LatexText.sentence("0 <= iota < 1"));
            assertEquals("$x > 0$", LatexText.sentence("x > 0"));
            assertEquals("$\\sigma(z) = \\sigma'(z)\\cdot z$ for all z", LatexText.sentence("σ(z) = σ'(z)·z for all z"));
        }

        @Test
        void functionNamesSetBracesAndAccents() {
            assertEquals("differentiate $\\ln p(y = \\pm1)$", LatexText.sentence("differentiate ln p(y = ±1)"));
            assertEquals("$y \\in \\{-1, 1\\}$", LatexText.sentence("y ∈ {−1, 1}"));
            assertEquals("$t = w^T \\tilde{x}$", LatexText.sentence("t = w^T x̃"));
            assertEquals("the input \\~{x}", LatexText.escape("the input x̃"));
        }

        @Test
        void explicitMathIsKept() {
            assertEquals("use $\\theta \\in \\mathbb{R}^d$ here, 5\\%", LatexText.sentence("use $\\theta \\in \\mathbb{R}^d$ here, 5%"));
        }

        @Test
        void multiLetterScriptsAndUnicodeExponentsAreOneGroup() {
            assertEquals("$\\lambda_{\\max} = 3$", LatexText.sentence("λ_max = 3"));
            assertEquals("$x_{ij} + y^{-1}$", LatexText.sentence("x_ij + y^-1"));
            assertEquals("error $< 10^{-3}$", LatexText.sentence("error < 10⁻³"));
            assertEquals("tolerance 10$^{-12}$, $\\sigma^{2}$", LatexText.escape("tolerance 10⁻¹², σ²"));
            assertEquals("10^{-3} \\|x\\|^{2}", LatexText.mathUnicode("10⁻³ ‖x‖²"));
            // Symja input syntax: a parenthesised exponent is one group; a bare mark is a character
            assertEquals("$a = \\alpha^2*E^{2*t}/s^2$", LatexText.sentence("a = alpha^2*E^(2*t)/s^2"));
            assertEquals("$x^{(y)} = a\\text{\\textasciicircum} +$ b\\_", LatexText.sentence("x^((y)) = a^ + b_"));
        }

        @Test
        void characterSoupStillCompiles() {
            assertEquals("x \\textasciitilde{} $N(0, 1)$ with 50\\% \\& more\\_",
                    LatexText.sentence("x ~ N(0, 1) with 50% & more_"));
        }
    }
}
