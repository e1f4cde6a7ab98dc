package org.neuromanifold.bench.mlp;

import java.util.ArrayList;
import java.util.List;

import org.neuromanifold.core.activation.IdentityActivation;
import org.neuromanifold.core.activation.Relu;
import org.neuromanifold.core.data.Dataset;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;
import org.neuromanifold.core.model.Network;
import org.neuromanifold.core.model.ParameterBlock;
import org.neuromanifold.core.model.ParameterLayout;

/**
 * The deterministic problem every MLP-gradient benchmark solves: the mean softmax cross-entropy of a
 * ReLU MLP 784-64-64-64-10 with biases on a batch of 128 inputs, in double precision.
 *
 * <h2>Data convention</h2>
 * Every tensor is filled from the hash generator
 * <pre>
 *   t     = sin(k · 12.9898 + seed) · 43758.5453      (StrictMath.sin, so every JVM gives the same bits)
 *   value = scale · (2 · frac(t) − 1),   frac(t) = t − ⌊t⌋
 * </pre>
 * where {@code k = 0, 1, …} is the row-major flat index inside the tensor. The tensors, their seeds
 * and scales, in this order (tensor index = seed):
 * <table>
 *   <caption>tensors of the benchmark</caption>
 *   <tr><th>seed</th><th>tensor</th><th>shape</th><th>scale</th></tr>
 *   <tr><td>0</td><td>inputs X</td><td>128 × 784</td><td>1</td></tr>
 *   <tr><td>2t+1</td><td>weight W<sub>t</sub>, t = 0…3</td><td>out × in</td><td>√(6 / in) (He-uniform: variance 2/in)</td></tr>
 *   <tr><td>2t+2</td><td>bias b<sub>t</sub>, t = 0…3</td><td>out</td><td>0.1</td></tr>
 * </table>
 * Labels are {@code y_i = (7 i) mod 10}. Layer {@code t} computes {@code z = W_t h + b_t}, ReLU on
 * the hidden layers, identity on the last; the loss is {@code (1/B) Σ_i [logsumexp(z_i) − z_i[y_i]]}.
 * Weights are stored like core's {@link ParameterLayout}: {@code out × in}, row-major, so
 * {@link #theta()} is a parameter vector of {@link #network()}.
 */
public final class MlpBenchData {
    /** Batch size B. */
    public static final int BATCH = 128;
    /** Number of classes (the width of the last layer). */
    public static final int CLASSES = 10;
    /** Scale of every bias entry. */
    public static final double BIAS_SCALE = 0.1;
    /** Scale of every input entry. */
    public static final double INPUT_SCALE = 1.0;

    private static final int[] WIDTHS = {784, 64, 64, 64, 10};
    private static final double ANGLE_STEP = 12.9898;
    private static final double AMPLITUDE = 43758.5453;

    private final double[] inputs;
    private final double[][] weights;
    private final double[][] biases;
    private final int[] labels;

    private MlpBenchData() {
        int layers = WIDTHS.length - 1;
        inputs = tensor(BATCH * WIDTHS[0], 0, INPUT_SCALE);
        weights = new double[layers][];
        biases = new double[layers][];
        for (int t = 0; t < layers; t++) {
            weights[t] = tensor(WIDTHS[t + 1] * WIDTHS[t], 2 * t + 1, weightScale(t));
            biases[t] = tensor(WIDTHS[t + 1], 2 * t + 2, BIAS_SCALE);
        }
        labels = new int[BATCH];
        for (int i = 0; i < BATCH; i++) {
            labels[i] = (i * 7) % CLASSES;
        }
    }

    private static final class Holder {
        static final MlpBenchData STANDARD = new MlpBenchData();
    }

    /** The benchmark problem (built once, shared; every accessor returns a copy). */
    public static MlpBenchData standard() {
        return Holder.STANDARD;
    }

    /** Entry {@code k} of the tensor with the given seed and scale (see the class comment). */
    public static double value(long k, int seed, double scale) {
        double t = StrictMath.sin(k * ANGLE_STEP + seed) * AMPLITUDE;
        return scale * (2 * (t - Math.floor(t)) - 1);
    }

    /** The first {@code length} entries of the tensor with the given seed and scale. */
    public static double[] tensor(int length, int seed, double scale) {
        if (length < 0) {
            throw SpecificationException.expected(ErrorCode.OUT_OF_RANGE, "length", "a length >= 0", length);
        }
        double[] out = new double[length];
        for (int k = 0; k < length; k++) {
            out[k] = value(k, seed, scale);
        }
        return out;
    }

    /** The scale of weight {@code t}: √(6 / fan-in). */
    public static double weightScale(int t) {
        checkLayer(t);
        return Math.sqrt(6.0 / WIDTHS[t]);
    }

    /** Layer widths from input to output: {@code [784, 64, 64, 64, 10]}. */
    public static int[] widths() {
        return WIDTHS.clone();
    }

    /** Number of dense layers (4). */
    public static int layerCount() {
        return WIDTHS.length - 1;
    }

    /** Input width of layer {@code t}. */
    public static int in(int t) {
        checkLayer(t);
        return WIDTHS[t];
    }

    /** Output width of layer {@code t}. */
    public static int out(int t) {
        checkLayer(t);
        return WIDTHS[t + 1];
    }

    /** The inputs X, {@code 128 × 784} row-major (a copy). */
    public double[] inputs() {
        return inputs.clone();
    }

    /** Weight {@code W_t}, {@code out × in} row-major (a copy). */
    public double[] weight(int t) {
        checkLayer(t);
        return weights[t].clone();
    }

    /** Weight {@code W_t} transposed: {@code in × out} row-major (a copy). */
    public double[] weightTransposed(int t) {
        checkLayer(t);
        return transpose(weights[t], out(t), in(t));
    }

    /** Bias {@code b_t} of length {@code out(t)} (a copy). */
    public double[] bias(int t) {
        checkLayer(t);
        return biases[t].clone();
    }

    /** The labels {@code (7 i) mod 10} (a copy). */
    public int[] labels() {
        return labels.clone();
    }

    /** The labels one-hot encoded: {@code 128 × 10} row-major. */
    public double[] oneHotLabels() {
        double[] y = new double[BATCH * CLASSES];
        for (int i = 0; i < BATCH; i++) {
            y[i * CLASSES + labels[i]] = 1.0;
        }
        return y;
    }

    /** The network in core's IR: ReLU hidden layers, identity output, biases, no softmax head. */
    public static Network network() {
        return Network.mlp(WIDTHS, new Relu(), new IdentityActivation(), true);
    }

    /** The inputs with one-hot targets as a core {@link Dataset}. */
    public Dataset dataset() {
        return Dataset.ofFlat(inputs, WIDTHS[0], oneHotLabels(), CLASSES);
    }

    /** All parameters as one vector in the layout of {@link #network()} ({@code W0, b0, W1, b1, …}). */
    public double[] theta() {
        ParameterLayout layout = network().layout();
        double[] theta = new double[layout.size()];
        for (int t = 0; t < layerCount(); t++) {
            ParameterBlock w = layout.weight(t);
            ParameterBlock b = layout.biasOrNull(t);
            System.arraycopy(weights[t], 0, theta, w.offset(), w.size());
            System.arraycopy(biases[t], 0, theta, b.offset(), b.size());
        }
        return theta;
    }

    /** All parameter tensors in the order {@code W0, b0, W1, b1, …} (copies, layouts as above). */
    public List<double[]> parameters() {
        List<double[]> out = new ArrayList<>();
        for (int t = 0; t < layerCount(); t++) {
            out.add(weight(t));
            out.add(bias(t));
        }
        return out;
    }

    /** Transposes a {@code rows × cols} row-major matrix. */
    public static double[] transpose(double[] m, int rows, int cols) {
        if (m.length != rows * cols) {
            throw SpecificationException.expected(ErrorCode.SHAPE_MISMATCH, "matrix",
                    rows + " × " + cols + " = " + rows * cols + " values", m.length);
        }
        double[] t = new double[m.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = m[r * cols + c];
            }
        }
        return t;
    }

    private static void checkLayer(int t) {
        if (t < 0 || t >= WIDTHS.length - 1) {
            throw SpecificationException.expected(ErrorCode.OUT_OF_RANGE, "layer",
                    "an index in [0, " + (WIDTHS.length - 1) + ")", t);
        }
    }
}
