package org.neuromanifold.symbolic.latex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.neuromanifold.core.activation.Activations;
import org.neuromanifold.core.scalar.Term;
import org.neuromanifold.core.scalar.TermParser;
import org.matheclipse.core.interfaces.IExpr;
import org.neuromanifold.symbolic.symja.SymbolTable;
import org.neuromanifold.symbolic.symja.SymjaEngine;
import org.neuromanifold.symbolic.symja.SymjaResult;
import org.neuromanifold.symbolic.symja.SymjaTerms;

/** Scalars through Symja's TeXForm with the quirks fixed. */
class TermLatexTest {
    private final TermLatex latex = TermLatex.shared();

    @Nested
    class Activations_ {
        @Test
        void smoothActivations() {
            assertEquals("\\tanh (z)", latex.render(Activations.named("tanh").symbolic()));
            assertEquals("\\log (e^{z} + 1)", latex.render(Activations.named("softplus").symbolic()));
            assertEquals("\\omega \\cdot \\log (e^{\\frac{\\iota \\cdot z}{\\omega}} + e^{\\frac{z}{\\omega}})",
                    latex.render(Activations.named("prelu-smooth").symbolic()));
        }

        @Test
        void logisticSigmoidIsSigmNotSigma() {
            // TeXForm prints LogisticSigmoid as \sigma, the same as a symbol named sigma
            assertEquals("\\operatorname{sigm}(z)", latex.render(Activations.named("sigmoid").symbolic()));
        }

        @Test
        void piecewiseIsCases() {
            assertEquals("\\begin{cases} 0 & \\text{if } z < 0 \\\\ z & \\text{otherwise} \\end{cases}",
                    latex.render(Activations.named("relu").symbolic()));
            assertEquals("\\begin{cases} \\iota \\cdot z & \\text{if } z < 0 \\\\ z & \\text{otherwise} \\end{cases}",
                    latex.render(Activations.named("leaky-relu").symbolic()));
            assertEquals("\\begin{cases} \\alpha \\cdot \\left( e^{z}-1\\right) & \\text{if } z < 0 \\\\ z & \\text{otherwise} \\end{cases}",
                    latex.render(Activations.named("elu").symbolic()));
        }

        @Test
        void reservedSymbolNamesComeBackAsTheCoreName() {
            // beta is Symja's Beta function: it travels as vbeta and is printed as \beta again
            Term t = TermParser.parse("test", "beta*z", Set.of("beta", "z"));
            assertEquals("\\beta \\cdot z", latex.render(t));
        }
    }

    @Nested
    class SymjaFormulas {
        @Test
        void sechIsAnOperatorName() {
            assertEquals("\\frac{{\\operatorname{sech} (t)}^{2}}{1 + \\tanh (t)}",
                    latex.renderSymjaInput("Sech[t]^2/(1 + Tanh[t])"));
        }

        @Test
        void exponentialsLoseRedundantParentheses() {
            assertEquals("\\frac{1}{1 + e^{- t}}", latex.renderSymjaInput("1/(1+E^(-t))"));
            assertEquals("e^{2 \\cdot t} \\cdot \\frac{{\\alpha}^{2}}{{s}^{2}}", latex.renderSymjaInput("E^(2*t)*alpha^2/s^2"));
            assertEquals("\\sqrt{{x}^{2} + 1}", latex.renderSymjaInput("Sqrt[x^2+1]"));
        }

        @Test
        void gammaFunctionIsCapitalGamma() {
            // TeXForm prints Gamma[n] as \gamma(n), the same as a symbol named gamma
            assertEquals("\\Gamma(n) + \\gamma", latex.renderSymjaInput("Gamma[n] + gamma"));
        }

        @Test
        void networkSymbols() {
            assertEquals("W^{0}_{1,2} \\cdot x_{1} + b^{0}_{1}", latex.renderSymjaInput("W0x1x2*x1 + b0x1"));
            assertEquals("\\iota^{(1)} + \\sigma_{2}", latex.renderSymjaInput("iotaL1 + sigma2"));
        }

        @Test
        void printedAsWrittenNotEvaluated() {
            assertEquals("x + x", latex.renderSymjaInput("x + x"));
            assertEquals("\\operatorname{sigm}(t) \\cdot \\left( 1 - \\operatorname{sigm}(t)\\right)",
                    latex.renderSymjaInput("LogisticSigmoid[t]*(1-LogisticSigmoid[t])"));
        }

        @Test
        void piecewiseInsideAnExpression() {
            assertEquals("\\frac{\\begin{cases} {\\iota}^{2} \\cdot {x_{1}}^{2} & \\text{if } t < 0 \\\\ {x_{1}}^{2} & \\text{otherwise} \\end{cases}}{{s}^{2}}",
                    latex.renderSymjaInput("Piecewise[{{iota^2*x1^2, t < 0}}, x1^2]/s^2"));
        }

        @Test
        void inputThatDoesNotParseIsShownVerbatim() {
            assertEquals("\\text{\\texttt{Tanh[t}}", latex.renderSymjaInput("Tanh[t"));
        }
    }

    @Nested
    class Fallback {
        /** A Symja side that is always undecided, as it is when the time limit runs out. */
        private final TermLatex.SymjaRenderer timingOut = new TermLatex.SymjaRenderer() {
            @Override
            public SymjaResult<String> render(IExpr expr, SymbolTable symbols) {
                return new SymjaResult.Undecided<>(SymjaResult.Reason.TIMEOUT, "no result within 1 ms", 1, List.of());
            }

            @Override
            public SymjaResult<String> renderInput(String input, SymbolTable symbols) {
                return render(null, symbols);
            }
        };

        @Test
        void whenSymjaIsUndecidedTheJavaPrinterAnswers() {
            TermLatex hurried = new TermLatex(timingOut);
            Term relu = Activations.named("relu").symbolic();
            assertEquals(TermLatexPrinter.print(relu), hurried.render(relu));
            assertEquals("\\text{\\texttt{Sech[t]\\textasciicircum{}2}}", hurried.renderSymjaInput("Sech[t]^2"));
            // a Symja expression is read back as a term and printed in Java; an unsupported one verbatim
            SymbolTable names = SymbolTable.create();
            IExpr tanh = SymjaTerms.toSymja(Activations.named("tanh").symbolic(), names);
            assertEquals("\\tanh\\left(z\\right)", hurried.render(tanh, names));
            IExpr gamma = SymjaEngine.shared().parse("Gamma[z]").valueOrThrow();
            assertEquals("\\text{\\texttt{Gamma[z]}}", hurried.render(gamma, names));
        }

        @Test
        void aRealTimeoutFallsBackToo() {
            // a limit of 1 ns is nearly always missed; whichever way it goes, the answer is valid LaTeX of relu
            TermLatex hurried = TermLatex.withSymja(SymjaEngine.create(Duration.ofNanos(1)));
            Term relu = Activations.named("relu").symbolic();
            String latex = hurried.render(relu);
            assertTrue(latex.equals(TermLatexPrinter.print(relu)) || latex.equals(TermLatex.shared().render(relu)), latex);
        }

        @Test
        void javaOnlyNeverTouchesSymja() {
            assertEquals("\\tanh\\left(z\\right)", TermLatex.javaOnly().render(Activations.named("tanh").symbolic()));
        }
    }
}
