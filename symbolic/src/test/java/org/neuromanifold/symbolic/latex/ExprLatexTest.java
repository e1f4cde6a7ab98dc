package org.neuromanifold.symbolic.latex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.neuromanifold.core.expr.Exprs.component;
import static org.neuromanifold.core.expr.Exprs.constant;
import static org.neuromanifold.core.expr.Exprs.depth;
import static org.neuromanifold.core.expr.Exprs.directionalLayer;
import static org.neuromanifold.core.expr.Exprs.div;
import static org.neuromanifold.core.expr.Exprs.dot;
import static org.neuromanifold.core.expr.Exprs.grad;
import static org.neuromanifold.core.expr.Exprs.gradInput;
import static org.neuromanifold.core.expr.Exprs.gradOutput;
import static org.neuromanifold.core.expr.Exprs.gradTheta;
import static org.neuromanifold.core.expr.Exprs.hessianTheta;
import static org.neuromanifold.core.expr.Exprs.input;
import static org.neuromanifold.core.expr.Exprs.jacobianLayer;
import static org.neuromanifold.core.expr.Exprs.jacobianTheta;
import static org.neuromanifold.core.expr.Exprs.layer;
import static org.neuromanifold.core.expr.Exprs.layerSum;
import static org.neuromanifold.core.expr.Exprs.loss;
import static org.neuromanifold.core.expr.Exprs.matmul;
import static org.neuromanifold.core.expr.Exprs.meanOverData;
import static org.neuromanifold.core.expr.Exprs.meanOverModel;
import static org.neuromanifold.core.expr.Exprs.minus;
import static org.neuromanifold.core.expr.Exprs.neg;
import static org.neuromanifold.core.expr.Exprs.outer;
import static org.neuromanifold.core.expr.Exprs.output;
import static org.neuromanifold.core.expr.Exprs.params;
import static org.neuromanifold.core.expr.Exprs.plus;
import static org.neuromanifold.core.expr.Exprs.pow;
import static org.neuromanifold.core.expr.Exprs.step;
import static org.neuromanifold.core.expr.Exprs.target;
import static org.neuromanifold.core.expr.Exprs.theta;
import static org.neuromanifold.core.expr.Exprs.times;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.neuromanifold.core.catalogue.CatalogueIdentities;
import org.neuromanifold.core.data.InputDistribution;
import org.neuromanifold.core.expr.Expr;
import org.neuromanifold.core.model.ParameterGroup;
import org.neuromanifold.core.scalar.Fn;

class ExprLatexTest {
    private static String latex(Expr e) {
        return ExprLatex.print(e);
    }

    @Nested
    class Leaves {
        @Test
        void modelQuantities() {
            assertEquals("f_{\\theta}(x)", latex(output()));
            assertEquals("x", latex(input()));
            assertEquals("y", latex(target()));
            assertEquals("\\ell", latex(loss()));
            assertEquals("L", latex(depth()));
        }

        @Test
        void parameterGroups() {
            assertEquals("\\theta", latex(theta()));
            assertEquals("\\theta^{(1)}", latex(params(new ParameterGroup.Layer(1))));
            assertEquals("w^{(0)}_{2}", latex(params(new ParameterGroup.Neuron(0, 2))));
        }

        @Test
        void constantsAndIdentity() {
            assertEquals("2", latex(constant(2)));
            assertEquals("0.5", latex(constant(0.5)));
            assertEquals("I", latex(new Expr.IdentityMatrix(0)));
            assertEquals("I_{3}", latex(new Expr.IdentityMatrix(3)));
        }
    }

    @Nested
    class Derivatives {
        @Test
        void gradients() {
            assertEquals("\\nabla_{\\theta} f_{\\theta}(x)", latex(gradTheta(output())));
            assertEquals("\\nabla_{x} \\ell", latex(gradInput(loss())));
            assertEquals("\\nabla_{\\theta^{(0)}} \\ell", latex(grad(loss(), new ParameterGroup.Layer(0))));
            assertEquals("\\frac{\\partial \\ell}{\\partial f}", latex(gradOutput(loss())));
            assertEquals("\\nabla_{f} \\left(\\ell + y\\right)", latex(gradOutput(plus(loss(), target()))));
        }

        @Test
        void hessiansAndJacobians() {
            assertEquals("\\nabla^{2}_{\\theta} \\ell", latex(hessianTheta(loss())));
            assertEquals("\\frac{\\partial f_{\\theta}(x)}{\\partial \\theta}", latex(jacobianTheta(output())));
            assertEquals("\\left(\\nabla_{\\theta} \\ell\\right)^{\\top}", latex(new Expr.Transpose(gradTheta(loss()))));
        }

        @Test
        void jacobianTimesItsOwnVariablesIsTheDirectionalDerivative() {
            assertEquals("\\left\\langle \\nabla_{\\theta} f_{\\theta}(x), \\theta \\right\\rangle",
                    latex(matmul(jacobianTheta(output()), theta())));
            assertEquals("\\frac{\\partial f_{\\theta}(x)}{\\partial \\theta} x", latex(matmul(jacobianTheta(output()), input())));
        }
    }

    @Nested
    class LinearAlgebra {
        @Test
        void innerAndOuterProducts() {
            assertEquals("\\left\\langle x, \\theta \\right\\rangle", latex(dot(input(), theta())));
            assertEquals("x x^{\\top}", latex(outer(input(), input())));
            assertEquals("\\nabla_{\\theta} \\ell \\otimes \\nabla_{\\theta} \\ell", latex(outer(gradTheta(loss()), gradTheta(loss()))));
            assertEquals("\\left(x + y\\right) \\otimes x", latex(outer(plus(input(), target()), input())));
        }

        @Test
        void traceTransposeComponentsAndSums() {
            assertEquals("\\operatorname{tr}\\left(\\nabla^{2}_{\\theta} \\ell\\right)", latex(new Expr.Trace(hessianTheta(loss()))));
            assertEquals("x^{\\top}", latex(new Expr.Transpose(input())));
            assertEquals("\\left[f_{\\theta}(x)\\right]_{1}", latex(component(output(), 1)));
            assertEquals("\\sum_{i} \\left[x\\right]_{i}", latex(new Expr.SumOf(input())));
        }

        @Test
        void matrixProducts() {
            assertEquals("\\nabla^{2}_{\\theta} \\ell \\theta", latex(matmul(hessianTheta(loss()), theta())));
            assertEquals("\\left(x + y\\right) x^{\\top}", latex(matmul(plus(input(), target()), new Expr.Transpose(input()))));
        }
    }

    @Nested
    class ArithmeticAndParentheses {
        @Test
        void depthPlusOneIsParenthesisedInProducts() {
            assertEquals("L + 1", latex(plus(depth(), constant(1))));
            assertEquals("\\left(L + 1\\right) f_{\\theta}(x)", latex(times(plus(depth(), constant(1)), output())));
            assertEquals("\\left(L + 1\\right)^{2}", latex(pow(plus(depth(), constant(1)), 2)));
        }

        @Test
        void subtractionAndNegation() {
            assertEquals("x - y", latex(minus(input(), target())));
            assertEquals("x - \\left(y - 1\\right)", latex(minus(input(), minus(target(), constant(1)))));
            assertEquals("x - y", latex(plus(input(), neg(target()))));
            assertEquals("x - 2", latex(plus(input(), constant(-2))));
            assertEquals("-\\left(x + y\\right)", latex(neg(plus(input(), target()))));
            assertEquals("-x y", latex(times(neg(input()), target())));
        }

        @Test
        void productsQuotientsPowers() {
            assertEquals("2 x", latex(times(constant(2), input())));
            assertEquals("x \\cdot 2", latex(times(input(), constant(2))));
            assertEquals("\\frac{x + 1}{y}", latex(div(plus(input(), constant(1)), target())));
            assertEquals("\\left(x - y\\right)^{2}", latex(pow(minus(input(), target()), 2)));
            assertEquals("\\left(-x\\right)^{2}", latex(pow(neg(input()), 2)));
        }

        @Test
        void functionsAndTheStep() {
            assertEquals("\\tanh\\left(x\\right)", latex(new Expr.Apply(Fn.TANH, input())));
            assertEquals("\\operatorname{sigm}\\left(f_{\\theta}(x)\\right)", latex(new Expr.Apply(Fn.SIGMOID, output())));
            assertEquals("e^{-x}", latex(new Expr.Apply(Fn.EXP, neg(input()))));
            assertEquals("\\left(e^{x}\\right)^{2}", latex(pow(new Expr.Apply(Fn.EXP, input()), 2)));
            assertEquals("\\mathbf{1}\\left[x > 0\\right]", latex(step(input())));
        }
    }

    @Nested
    class Probability {
        @Test
        void expectationsNameTheirMeasure() {
            assertEquals("\\mathbb{E}_{(x,y) \\sim \\hat{\\mathcal{D}}}\\left[\\ell\\right]", latex(meanOverData(loss())));
            assertEquals("\\mathbb{E}_{y \\sim p_{\\theta}(\\cdot \\mid x)}\\left[\\ell\\right]", latex(meanOverModel(loss())));
            assertEquals("\\mathbb{E}_{x \\sim \\mathcal{N}\\left(0, I\\right)}\\left[x x^{\\top}\\right]",
                    latex(new Expr.Expectation(new Expr.OverInputs(InputDistribution.Gaussian.standard(3)),
                            outer(input(), input()))));
            assertEquals("\\mathbb{E}_{x \\sim \\mathcal{N}\\left(\\mu, 0.5^{2} I\\right)}\\left[x\\right]",
                    latex(new Expr.Expectation(new Expr.OverInputs(new InputDistribution.Gaussian(new double[] {1, 2}, 0.5)),
                            input())));
            assertEquals("\\mathbb{E}_{x \\sim \\mathcal{U}\\left[-1, 1\\right]^{2}}\\left[x\\right]",
                    latex(new Expr.Expectation(new Expr.OverInputs(new InputDistribution.Uniform(-1, 1, 2)), input())));
        }

        @Test
        void fisherInformation() {
            assertEquals("\\mathcal{I}\\left(\\theta\\right)", latex(new Expr.FisherInformation(ParameterGroup.ALL)));
            assertEquals("\\mathcal{I}\\left(w^{(1)}_{0}\\right)",
                    latex(new Expr.FisherInformation(new ParameterGroup.Neuron(1, 0))));
        }
    }

    @Nested
    class Layers {
        @Test
        void layerValuesUseTheSeedsNames() {
            assertEquals("W^{t}", latex(layer(Expr.LayerQuantity.WEIGHTS)));
            assertEquals("b^{t}", latex(layer(Expr.LayerQuantity.BIAS)));
            assertEquals("O^{t}", latex(layer(Expr.LayerQuantity.INPUT)));
            assertEquals("z^{t}", latex(layer(Expr.LayerQuantity.PRE_ACTIVATION)));
            assertEquals("O^{t+1}", latex(layer(Expr.LayerQuantity.OUTPUT)));
            assertEquals("W^{t} O^{t}", latex(matmul(layer(Expr.LayerQuantity.WEIGHTS), layer(Expr.LayerQuantity.INPUT))));
        }

        @Test
        void sumsOverLayersAndDerivativesWithRespectToLayerValues() {
            assertEquals("\\sum_{t=0}^{L} \\left\\langle \\nabla_{W^{t}} f_{\\theta}(x), W^{t} \\right\\rangle",
                    latex(layerSum(directionalLayer(output(), Expr.LayerQuantity.WEIGHTS))));
            assertEquals("\\frac{\\partial f_{\\theta}(x)}{\\partial z^{t}}",
                    latex(jacobianLayer(output(), Expr.LayerQuantity.PRE_ACTIVATION)));
            assertEquals("\\frac{\\partial f_{\\theta}(x)}{\\partial z^{t}} \\left(W^{t} O^{t}\\right)",
                    latex(matmul(jacobianLayer(output(), Expr.LayerQuantity.PRE_ACTIVATION),
                            matmul(layer(Expr.LayerQuantity.WEIGHTS), layer(Expr.LayerQuantity.INPUT)))));
            assertEquals("\\nabla_{O^{t+1}} \\ell", latex(new Expr.Grad(loss(), new Expr.WrtLayer(Expr.LayerQuantity.OUTPUT))));
            // a sum in the body is parenthesised; the layer sum itself is, inside a product
            assertEquals("\\sum_{t=0}^{L} \\left(\\left\\langle \\nabla_{W^{t}} f_{\\theta}(x), W^{t} \\right\\rangle "
                    + "+ \\left\\langle \\nabla_{b^{t}} f_{\\theta}(x), b^{t} \\right\\rangle\\right)",
                    latex(layerSum(plus(directionalLayer(output(), Expr.LayerQuantity.WEIGHTS),
                            directionalLayer(output(), Expr.LayerQuantity.BIAS)))));
            assertEquals("\\left(\\sum_{t=0}^{L} f_{\\theta}(x)\\right) x", latex(times(layerSum(output()), input())));
        }
    }

    @Nested
    class CatalogueStatements {
        @Test
        void euler() {
            assertEquals("\\left\\langle \\nabla_{\\theta} f_{\\theta}(x), \\theta \\right\\rangle",
                    latex(CatalogueIdentities.EULER.lhs()));
            assertEquals("\\left(L + 1\\right) f_{\\theta}(x)", latex(CatalogueIdentities.EULER.rhs()));
        }

        @Test
        void fisherRao() {
            assertEquals("\\left\\langle \\theta, \\mathbb{E}_{(x,y) \\sim \\hat{\\mathcal{D}}}\\left[\\nabla_{\\theta} \\ell "
                    + "\\otimes \\nabla_{\\theta} \\ell\\right] \\theta \\right\\rangle", latex(CatalogueIdentities.FISHER_RAO.lhs()));
            assertEquals("\\left(L + 1\\right)^{2} \\mathbb{E}_{(x,y) \\sim \\hat{\\mathcal{D}}}\\left[\\left\\langle "
                    + "\\frac{\\partial \\ell}{\\partial f}, f_{\\theta}(x) \\right\\rangle^{2}\\right]",
                    latex(CatalogueIdentities.FISHER_RAO.rhs()));
        }

        @Test
        void hingeGradient() {
            assertEquals("-y \\mathbf{1}\\left[1 - y f_{\\theta}(x) > 0\\right]", latex(CatalogueIdentities.HINGE_GRAD.rhs()));
        }
    }
}
