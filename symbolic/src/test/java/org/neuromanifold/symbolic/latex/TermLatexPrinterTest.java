package org.neuromanifold.symbolic.latex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.neuromanifold.core.scalar.Term;
import org.neuromanifold.core.scalar.TermParser;

class TermLatexPrinterTest {
    private static final Set<String> SYMBOLS = Set.of("x", "y", "z", "t", "a", "b", "c", "iota", "x1", "W0x1x2");

    private static String latex(String formula) {
        return TermLatexPrinter.print(TermParser.parse("test", formula, SYMBOLS));
    }

    @Nested
    class Numbers {
        @Test
        void constants() {
            assertEquals("2", TermLatexPrinter.print(Term.constant(2)));
            assertEquals("-0.5", TermLatexPrinter.print(Term.constant(-0.5)));
            assertEquals("\\pi", latex("pi"));
        }
    }

    @Nested
    class Arithmetic {
        @Test
        void sumsAndDifferences() {
            assertEquals("a - b + c", latex("a - b + c"));
            assertEquals("a - 2 b", latex("a - 2*b"));
        }

        @Test
        void productsByJuxtaposition() {
            assertEquals("2 x y", latex("2*x*y"));
            assertEquals("-x y", latex("-x*y"));
            assertEquals("x \\left(y + 1\\right)", latex("x*(y + 1)"));
        }

        @Test
        void quotientsAsFractions() {
            assertEquals("\\frac{x}{y + 1}", latex("x/(1 + y)"));
            assertEquals("\\frac{1}{x}", latex("1/x"));
            assertEquals("\\frac{x}{y z}", latex("x/y/z"));
            assertEquals("-\\frac{x}{y}", latex("-x/y"));
        }

        @Test
        void powers() {
            assertEquals("x^{2}", latex("x^2"));
            assertEquals("\\left(x + 1\\right)^{2}", latex("(x + 1)^2"));
            assertEquals("x^{-2}", latex("x^-2"));
            assertEquals("\\sqrt{x}", latex("x^0.5"));
            assertEquals("\\left(e^{z}\\right)^{2}", latex("exp(z)^2"));
        }
    }

    @Nested
    class Functions {
        @Test
        void elementaryFunctions() {
            assertEquals("e^{-z}", latex("exp(-z)"));
            assertEquals("\\log\\left(e^{z} + 1\\right)", latex("log(1 + exp(z))"));
            assertEquals("\\sqrt{x}", latex("sqrt(x)"));
            assertEquals("\\left|x\\right|", latex("abs(x)"));
            assertEquals("\\arccos\\left(c\\right)", latex("arccos(c)"));
        }

        @Test
        void nonStandardNamesUseOperatorname() {
            assertEquals("\\operatorname{sigm}\\left(z\\right)", latex("sigmoid(z)"));
            assertEquals("\\operatorname{sech}^{2}\\left(t\\right)", latex("sech(t)^2"));
        }

        @Test
        void powerOfAFunctionGoesBeforeTheArgument() {
            assertEquals("-\\tanh^{2}\\left(z\\right) + 1", latex("1 - tanh(z)^2"));
        }
    }

    @Nested
    class Piecewise {
        @Test
        void kinksAsCases() {
            assertEquals("\\begin{cases} 0 & \\text{if } z < 0 \\\\ z & \\text{otherwise} \\end{cases}", latex("relu(z)"));
            assertEquals("\\begin{cases} 1 & \\text{if } z < 1 \\\\ z & \\text{otherwise} \\end{cases}", latex("max(z, 1)"));
        }
    }

    @Nested
    class Symbols {
        @Test
        void namesGoThroughTheSymbolTable() {
            assertEquals("\\iota z", latex("iota*z"));
            assertEquals("x_{1} + W^{0}_{1,2}", latex("x1 + W0x1x2"));
        }
    }
}
