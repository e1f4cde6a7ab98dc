package org.neuromanifold.symbolic.derive.rfim;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.neuromanifold.core.activation.Activation;
import org.neuromanifold.core.activation.IdentityActivation;
import org.neuromanifold.core.loss.BinaryCrossEntropyLoss;
import org.neuromanifold.core.loss.Loss;
import org.neuromanifold.core.loss.SoftmaxCrossEntropyLoss;
import org.neuromanifold.core.loss.SquareLoss;
import org.neuromanifold.core.model.Dense;
import org.neuromanifold.core.model.Network;
import org.neuromanifold.core.model.OutputHead;

/**
 * A feed-forward network whose last layer's outputs are stochastic responses (seed 003, fig. 2): the
 * hidden layers are deterministic references, the last layer's pre-activations u are drawn into y by
 * {@link #response()}.
 *
 * <p>Its <em>engine form</em> is a core network and loss whose statistical model is the same response
 * up to a bijective relabelling of y, so that the numeric engine's Fisher information of any group of
 * the declared layers is the relative Fisher information (Fisher information does not change under a
 * bijection of the sample space):
 * <ul>
 * <li>tanh Bernoulli, y ∈ {−1, 1}: p(y = 1) = (1 + tanh u)/2 = sigm(2u), so the last layer is linear and
 * a fixed layer 2·I feeds binary cross-entropy on logits (y ↦ (y + 1)/2);</li>
 * <li>sigmoid Bernoulli: the last layer is linear and feeds binary cross-entropy on logits;</li>
 * <li>Gaussian N(σ(u), s²): a fixed layer I/s follows, with the square loss, i.e. N(σ(u)/s, 1) for y/s;</li>
 * <li>categorical: the last layer is linear with a softmax head and softmax cross-entropy.</li>
 * </ul>
 * The declared layers keep their indices, parameters and pre-activations in the engine form.
 *
 * @param declared the network as the seed states it (the last layer's activation is the response's)
 * @param response how the last layer's outputs are drawn
 */
public record StochasticNetwork(Network declared, ResponseModel response) {
    public StochasticNetwork {
        Objects.requireNonNull(declared, "declared");
        Objects.requireNonNull(response, "response");
    }

    /** One layer {@code in → out} with a bias and the response's activation. */
    public static StochasticNetwork layer(int in, int out, ResponseModel response) {
        return new StochasticNetwork(Network.of(in, List.of(new Dense(in, out, true, response.activation()))),
                response);
    }

    /**
     * The two-layer block of seed 003 §3.3: h = f(W x̃) with a bias, then outputs with pre-activations
     * u = C h (no bias), drawn by {@code response} (whose activation is f).
     */
    public static StochasticNetwork twoLayer(int in, int hidden, int out, ResponseModel response) {
        Activation f = response.activation();
        return new StochasticNetwork(Network.of(in, List.of(new Dense(in, hidden, true, f),
                new Dense(hidden, out, false, f))), response);
    }

    /** The number of declared layers. */
    public int layerCount() {
        return declared.layers().size();
    }

    /** The number of responses (the last layer's width). */
    public int outputs() {
        return declared.outputDim();
    }

    /** The engine form's network (see the class comment). */
    public Network engineNetwork() {
        List<Dense> layers = new ArrayList<>(declared.layers());
        Dense last = layers.get(layers.size() - 1);
        int k = last.out();
        Dense linearLast = new Dense(last.in(), k, last.bias(), new IdentityActivation());
        return switch (response) {
            case ResponseModel.TanhBernoulli b -> {
                layers.set(layers.size() - 1, linearLast);
                layers.add(new Dense(k, k, false, new IdentityActivation()));
                yield Network.of(declared.inputDim(), layers);
            }
            case ResponseModel.SigmoidBernoulli b -> {
                layers.set(layers.size() - 1, linearLast);
                yield Network.of(declared.inputDim(), layers);
            }
            case ResponseModel.Gaussian g -> {
                layers.add(new Dense(k, k, false, new IdentityActivation()));
                yield Network.of(declared.inputDim(), layers);
            }
            case ResponseModel.Categorical c -> {
                layers.set(layers.size() - 1, linearLast);
                yield new Network(declared.inputDim(), layers, OutputHead.SOFTMAX);
            }
        };
    }

    /** The engine form's loss (the negative log-likelihood of its statistical model). */
    public Loss engineLoss() {
        return switch (response) {
            case ResponseModel.TanhBernoulli b -> new BinaryCrossEntropyLoss();
            case ResponseModel.SigmoidBernoulli b -> new BinaryCrossEntropyLoss();
            case ResponseModel.Gaussian g -> new SquareLoss();
            case ResponseModel.Categorical c -> new SoftmaxCrossEntropyLoss();
        };
    }

    /** The engine form's θ: the declared θ followed by the fixed relabelling layer (2·I or I/s), if any. */
    public double[] engineTheta(double[] theta) {
        declared.layout().requireValid(theta);
        double scale = switch (response) {
            case ResponseModel.TanhBernoulli b -> 2.0;
            case ResponseModel.Gaussian g -> 1.0 / g.s();
            default -> Double.NaN;
        };
        if (Double.isNaN(scale)) {
            return theta.clone();
        }
        int k = outputs();
        double[] out = new double[theta.length + k * k];
        System.arraycopy(theta, 0, out, 0, theta.length);
        for (int i = 0; i < k; i++) {
            out[theta.length + i * k + i] = scale;
        }
        return out;
    }

    /**
     * For layer {@code layer}'s parameter group, position p of the neuron-by-neuron order (w₁, …, w_m),
     * w_i = (W_{i,:}, b_i) — the seed's stacking of the columns of W — maps to entry {@code order[p]} of
     * the group in layout order (W row-major, then b).
     */
    public int[] neuronMajor(int layer) {
        Dense d = declared.layers().get(layer);
        int width = d.in() + (d.bias() ? 1 : 0);
        int[] order = new int[d.out() * width];
        for (int i = 0; i < d.out(); i++) {
            for (int j = 0; j < d.in(); j++) {
                order[i * width + j] = i * d.in() + j;
            }
            if (d.bias()) {
                order[i * width + d.in()] = d.out() * d.in() + i;
            }
        }
        return order;
    }
}
