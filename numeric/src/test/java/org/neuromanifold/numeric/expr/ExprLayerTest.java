package org.neuromanifold.numeric.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuromanifold.core.expr.Exprs.directionalLayer;
import static org.neuromanifold.core.expr.Exprs.dot;
import static org.neuromanifold.core.expr.Exprs.jacobianTheta;
import static org.neuromanifold.core.expr.Exprs.layer;
import static org.neuromanifold.core.expr.Exprs.layerSum;
import static org.neuromanifold.core.expr.Exprs.loss;
import static org.neuromanifold.core.expr.Exprs.matmul;
import static org.neuromanifold.core.expr.Exprs.meanOverData;
import static org.neuromanifold.core.expr.Exprs.output;
import static org.neuromanifold.core.expr.Exprs.pow;
import static org.neuromanifold.core.expr.Exprs.theta;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.neuromanifold.core.activation.IdentityActivation;
import org.neuromanifold.core.activation.Relu;
import org.neuromanifold.core.activation.Tanh;
import org.neuromanifold.core.data.Dataset;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;
import org.neuromanifold.core.expr.Expr;
import org.neuromanifold.core.expr.Expr.LayerQuantity;
import org.neuromanifold.core.loss.SquareLoss;
import org.neuromanifold.core.model.Dense;
import org.neuromanifold.core.model.Network;
import org.neuromanifold.core.model.ParameterBlock;
import org.neuromanifold.numeric.random.Xoshiro256PlusPlus;

/**
 * The layer nodes (Σ_{t=0}^{L}, W^t, b^t, O^t, z^t, O^{t+1} and derivatives with respect to them)
 * against a plain-loop forward pass written here, and directional derivatives against central
 * differences of that forward pass (step ε^{1/3}, tolerance 10⁻⁶ relative).
 */
class ExprLayerTest {
    /** tanh, then a biased tanh layer, then a bias-free identity output: every quantity differs per layer. */
    static final Network NET = Network.of(3, List.of(new Dense(3, 4, false, new Tanh()),
            new Dense(4, 2, true, new Tanh()), new Dense(2, 2, false, new IdentityActivation())));
    static final double[] THETA = gaussian(Xoshiro256PlusPlus.of(3), NET.parameterCount());
    static final double[] X = {0.4, -0.9, 1.3};
    static final double[] Y = {0.2, -0.5};

    private final ExprEvaluator ev = new ExprEvaluator();

    private static double[] gaussian(Xoshiro256PlusPlus r, int n) {
        double[] v = new double[n];
        r.fillGaussian(v, 0, n, 0, 0.8);
        return v;
    }

    private double[] value(Expr e) {
        return ev.evaluate(e, EvalContext.builder(NET, THETA).loss(new SquareLoss()).input(X).target(Y).build())
                .value().toArray();
    }

    /** Per layer t: {O^t, z^t, O^{t+1}} by plain loops. */
    private static double[][][] layers(double[] theta, double[] x) {
        double[][][] out = new double[NET.layers().size()][][];
        double[] h = x;
        for (int t = 0; t < out.length; t++) {
            double[] z = preActivation(theta, t, h);
            double[] next = activate(t, z);
            out[t] = new double[][] {h, z, next};
            h = next;
        }
        return out;
    }

    private static double[] preActivation(double[] theta, int t, double[] h) {
        Dense d = NET.layers().get(t);
        ParameterBlock w = NET.layout().weight(t);
        ParameterBlock b = NET.layout().biasOrNull(t);
        double[] z = new double[d.out()];
        for (int i = 0; i < d.out(); i++) {
            double s = b == null ? 0 : theta[b.index(i, 0)];
            for (int j = 0; j < d.in(); j++) {
                s += theta[w.index(i, j)] * h[j];
            }
            z[i] = s;
        }
        return z;
    }

    private static double[] activate(int t, double[] z) {
        double[] o = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            o[i] = NET.layers().get(t).activation().value(z[i]);
        }
        return o;
    }

    /** f from layer t's pre-activation z^t upward. */
    private static double[] fromPreActivation(double[] theta, int t, double[] z) {
        double[] h = activate(t, z);
        for (int s = t + 1; s < NET.layers().size(); s++) {
            h = activate(s, preActivation(theta, s, h));
        }
        return h;
    }

    private static double[] scaled(double[] v, double c) {
        double[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= c;
        }
        return out;
    }

    @Test
    void layerValuesAreTheForwardPassOfEachLayer() {
        double[][][] ref = layers(THETA, X);
        double expected = 0;
        for (double[][] l : ref) {
            for (double[] v : l) {
                for (double e : v) {
                    expected += e * e;
                }
            }
        }
        Expr squares = layerSum(new Expr.Add(new Expr.Add(dot(layer(LayerQuantity.INPUT), layer(LayerQuantity.INPUT)),
                dot(layer(LayerQuantity.PRE_ACTIVATION), layer(LayerQuantity.PRE_ACTIVATION))),
                dot(layer(LayerQuantity.OUTPUT), layer(LayerQuantity.OUTPUT))));
        assertEquals(expected, value(squares)[0], 1e-13 * expected);
        // Σ_t ‖W^t‖²_F needs no input: the weights are slices of θ
        double norm = 0;
        for (int t = 0; t < NET.layers().size(); t++) {
            ParameterBlock w = NET.layout().weight(t);
            for (int k = 0; k < w.size(); k++) {
                norm += THETA[w.offset() + k] * THETA[w.offset() + k];
            }
        }
        double withoutInput = ev.evaluate(layerSum(new Expr.SumOf(pow(layer(LayerQuantity.WEIGHTS), 2))),
                EvalContext.builder(NET, THETA).build()).scalar();
        assertEquals(norm, withoutInput, 1e-13 * norm);
    }

    @Test
    void weightsTimesInputPlusBiasIsThePreActivation() {
        Expr residual = layerSum(new Expr.SumOf(pow(new Expr.Sub(layer(LayerQuantity.PRE_ACTIVATION),
                matmul(layer(LayerQuantity.WEIGHTS), layer(LayerQuantity.INPUT))), 2)));
        double[][][] ref = layers(THETA, X);
        ParameterBlock b1 = NET.layout().biasOrNull(1);
        double bias = 0;
        for (int i = 0; i < b1.size(); i++) {
            bias += THETA[b1.offset() + i] * THETA[b1.offset() + i];
        }
        // only layer 1 has a bias, so the residual is ‖b¹‖²
        assertEquals(bias, value(residual)[0], 1e-12);
        assertEquals(ref[1][1][0], value(layerSum(new Expr.Component(layer(LayerQuantity.PRE_ACTIVATION), 0)))[0]
                - ref[0][1][0] - ref[2][1][0], 1e-12);
    }

    @Test
    void directionalDerivativesWithRespectToLayerValuesAgainstCentralDifferences() {
        double h = Math.cbrt(Math.ulp(1.0)) * 1.1;
        double[][][] ref = layers(THETA, X);
        double[] sum = new double[2];
        for (int t = 0; t < NET.layers().size(); t++) {
            // d/dε f(z^t (1 + ε)) at ε = 0 is ⟨∂f/∂z^t, z^t⟩
            double[] z = ref[t][1];
            double[] up = fromPreActivation(THETA, t, scaled(z, 1 + h));
            double[] down = fromPreActivation(THETA, t, scaled(z, 1 - h));
            for (int k = 0; k < 2; k++) {
                sum[k] += (up[k] - down[k]) / (2 * h);
            }
        }
        double[] got = value(layerSum(directionalLayer(output(), LayerQuantity.PRE_ACTIVATION)));
        for (int k = 0; k < 2; k++) {
            assertEquals(sum[k], got[k], 1e-6 * Math.max(1, Math.abs(sum[k])));
        }
    }

    @Test
    void weightBlocksAndBiasesAddUpToTheFullDirectionalDerivative() {
        // ⟨∇_θ f, θ⟩ = Σ_t (⟨∇_{W^t} f, W^t⟩ + ⟨∇_{b^t} f, b^t⟩): an exact regrouping, whatever the activation
        Network biased = Network.mlp(new int[] {3, 4, 2, 2}, new Tanh(), new Tanh(), true);
        double[] th = gaussian(Xoshiro256PlusPlus.of(5), biased.parameterCount());
        EvalContext c = EvalContext.builder(biased, th).input(X).build();
        double[] full = ev.evaluate(matmul(jacobianTheta(output()), theta()), c).value().toArray();
        double[] blocks = ev.evaluate(layerSum(new Expr.Add(directionalLayer(output(), LayerQuantity.WEIGHTS),
                directionalLayer(output(), LayerQuantity.BIAS))), c).value().toArray();
        double[] weightsOnly = ev.evaluate(layerSum(directionalLayer(output(), LayerQuantity.WEIGHTS)), c).value()
                .toArray();
        for (int k = 0; k < 2; k++) {
            assertEquals(full[k], blocks[k], 1e-13 * Math.max(1, Math.abs(full[k])));
            // negative control: without the biases the sum misses their share
            assertTrue(Math.abs(full[k] - weightsOnly[k]) > 1e-3,
                    "bias share " + (full[k] - weightsOnly[k]));
        }
    }

    @Test
    void lossGradientWithRespectToTheLayerOutputInsideAnExpectationOverData() {
        Dataset data = Dataset.of(new double[][] {X, {-0.3, 0.8, 0.1}}, new double[][] {Y, {1.0, 0.4}});
        Expr perLayer = layerSum(dot(new Expr.Grad(loss(), new Expr.WrtLayer(LayerQuantity.OUTPUT)),
                layer(LayerQuantity.OUTPUT)));
        double mean = ev.evaluate(meanOverData(perLayer), EvalContext.builder(NET, THETA).loss(new SquareLoss())
                .data(data).build()).scalar();
        double expected = 0;
        double h = Math.cbrt(Math.ulp(1.0)) * 1.1;
        for (int i = 0; i < data.size(); i++) {
            double[][][] ref = layers(THETA, data.input(i));
            for (int t = 0; t < NET.layers().size(); t++) {
                // d/dε ℓ(f(O^{t+1}(1 + ε))) at 0, with O^{t+1} = σ(z^t) scaled after the activation
                double[] o = ref[t][2];
                expected += (lossAbove(t, scaled(o, 1 + h), data.target(i))
                        - lossAbove(t, scaled(o, 1 - h), data.target(i))) / (2 * h) / data.size();
            }
        }
        assertEquals(expected, mean, 1e-6 * Math.max(1, Math.abs(expected)));
    }

    private static double lossAbove(int t, double[] o, double[] y) {
        double[] h = o;
        for (int s = t + 1; s < NET.layers().size(); s++) {
            h = activate(s, preActivation(THETA, s, h));
        }
        return new SquareLoss().value(h, y);
    }

    @Test
    void layerValuesOutsideALayerSumAndMissingBiasesAreNamed() {
        SpecificationException unbound = assertThrows(SpecificationException.class,
                () -> value(layer(LayerQuantity.OUTPUT)));
        assertEquals(ErrorCode.UNSUPPORTED, unbound.code());
        assertEquals("LayerValue", unbound.argument());
        SpecificationException noBias = assertThrows(SpecificationException.class,
                () -> value(layerSum(new Expr.SumOf(layer(LayerQuantity.BIAS)))));
        assertEquals(ErrorCode.UNSUPPORTED, noBias.code());
        assertTrue(noBias.getMessage().contains("layer 0"), noBias.getMessage());
        Network relu = Network.mlp(new int[] {2, 2}, new Relu(), new Relu(), false);
        SpecificationException shape = assertThrows(SpecificationException.class, () -> ev.evaluate(
                layerSum(matmul(new Expr.Jacobian(output(), new Expr.WrtLayer(LayerQuantity.WEIGHTS)),
                        layer(LayerQuantity.OUTPUT))),
                EvalContext.builder(relu, new double[] {1, 2, 3, 4}).input(new double[] {1, 1}).build()));
        assertEquals(ErrorCode.SHAPE_MISMATCH, shape.code());
    }
}
