package org.neuromanifold.numeric.model;

import java.util.ArrayList;
import java.util.List;

import org.neuromanifold.core.loss.Loss;
import org.neuromanifold.core.loss.SoftmaxCrossEntropyLoss;
import org.neuromanifold.core.model.Dense;
import org.neuromanifold.core.model.Network;
import org.neuromanifold.core.model.OutputHead;
import org.neuromanifold.numeric.autodiff.Tape;

/**
 * Records f_θ(x) of a core {@link Network} on a {@link Tape}, from a flat parameter node θ in
 * {@code ParameterLayout} order (per layer: W_t row-major, {@code out × in}, then b_t) and an input node
 * x. The weight matrices and biases are slices of θ (no copies), so derivatives with respect to θ
 * come out flat, in the same layout.
 *
 * <p>Layer t computes {@code h_t = σ_t(W_t h_{t−1} + b_t)}; with a softmax head the output is
 * {@code f = softmax(h_L)} and {@code h_L} are the logits.
 *
 * <p>Which node a loss reads: softmax cross-entropy is a loss on logits, so with a softmax head it
 * reads the logits {@code h_L}; every other combination reads the output {@code f}. That node is the
 * network output "f" of ∂ℓ/∂f.
 */
public final class NetworkGraph {
    private NetworkGraph() {
    }

    /**
     * The nodes of one forward pass.
     *
     * @param logits the last layer's activations h_L (equal to {@code output} without a softmax head)
     * @param output the network output f_θ(x)
     * @param layers the nodes of each layer, in order
     */
    public record Forward(int logits, int output, List<Layer> layers) {
        public Forward {
            layers = List.copyOf(layers);
        }
    }

    /**
     * The nodes of layer t in one forward pass: {@code output = σ_t(preActivation)},
     * {@code preActivation = weights · input + bias}.
     *
     * @param weights       W_t, a slice of θ ({@code out × in})
     * @param bias          b_t, a slice of θ, or −1 when the layer has no bias
     * @param input         the layer's input (x for layer 0, else the previous layer's output)
     * @param preActivation W_t h_{t−1} + b_t
     * @param output        h_t
     */
    public record Layer(int weights, int bias, int input, int preActivation, int output) {
    }

    /** Records the forward pass; θ and x are nodes (a vector of the parameter count, a vector of the input width). */
    public static Forward forward(Tape t, Network network, int theta, int x) {
        return forward(t, network, theta, x, null);
    }

    /**
     * Records the forward pass and, when {@code preActivations} is not null (one entry per layer), stores
     * in it the node of each layer's pre-activation z_t = W_t h_{t−1} + b_t.
     */
    public static Forward forward(Tape t, Network network, int theta, int x, int[] preActivations) {
        if (preActivations != null && preActivations.length != network.layers().size()) {
            throw new IllegalArgumentException("preActivations: expected one entry per layer ("
                    + network.layers().size() + "), got " + preActivations.length);
        }
        int h = x;
        int off = 0;
        List<Layer> layers = new ArrayList<>(network.layers().size());
        for (int layer = 0; layer < network.layers().size(); layer++) {
            Dense d = network.layers().get(layer);
            int w = t.slice(theta, off, 2, d.out(), d.in());
            off += d.out() * d.in();
            int z = t.matmul(w, h);
            int b = -1;
            if (d.bias()) {
                b = t.slice(theta, off, 1, d.out(), 1);
                z = t.add(z, b);
                off += d.out();
            }
            if (preActivations != null) {
                preActivations[layer] = z;
            }
            int out = t.activation(d.activation(), z);
            layers.add(new Layer(w, b, h, z, out));
            h = out;
        }
        int output = network.head() == OutputHead.SOFTMAX ? t.softmax(h) : h;
        return new Forward(h, output, layers);
    }

    /** Whether {@code loss} reads the logits rather than the output (softmax head with softmax cross-entropy). */
    public static boolean lossReadsLogits(Network network, Loss loss) {
        return network.head() == OutputHead.SOFTMAX && loss instanceof SoftmaxCrossEntropyLoss;
    }

    /** The node the loss reads (see the class comment). */
    public static int lossInput(Network network, Loss loss, Forward forward) {
        return lossReadsLogits(network, loss) ? forward.logits() : forward.output();
    }
}
