package org.neuromanifold.numeric.verify;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.neuromanifold.core.activation.Activation;
import org.neuromanifold.core.activation.Activations;
import org.neuromanifold.core.activation.IdentityActivation;
import org.neuromanifold.core.data.Dataset;
import org.neuromanifold.core.data.InputDistribution;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;
import org.neuromanifold.core.expr.Identity;
import org.neuromanifold.core.expr.Precondition;
import org.neuromanifold.core.loss.BinaryCrossEntropyLoss;
import org.neuromanifold.core.loss.HingeLoss;
import org.neuromanifold.core.loss.Loss;
import org.neuromanifold.core.loss.SoftmaxCrossEntropyLoss;
import org.neuromanifold.core.loss.SquareLoss;
import org.neuromanifold.core.model.Dense;
import org.neuromanifold.core.model.Initialization;
import org.neuromanifold.core.model.Network;
import org.neuromanifold.core.model.OutputHead;

/**
 * What a numeric verification runs: the identity, the architecture of the random networks, the loss,
 * the number of trials, the seed and the tolerance. Every value is checked when the configuration is
 * built; a bad one is a {@link SpecificationException} naming the argument.
 *
 * <p>The random networks are multilayer perceptrons with {@code depth} hidden layers of {@code width}
 * units ({@code depth + 1} weight matrices, as in the catalogue), input width {@code inputDim} and output
 * width {@code outputDim}. The hidden layers apply {@code activation}; the output layer applies
 * {@code outputActivation}, by default the identity (a linear read-out, so the output is a real number or
 * a logit, as the losses expect). Seed 000 allows an activation σ_{L+1} on the output layer too
 * (O^t = σ_t(N^t) on every layer): set {@code outputActivation} to the hidden activation for that.
 *
 * <p>Alternatively the random instances share one given {@code architecture}: any core {@link Network}
 * (its own widths, per-layer activations and biases, a softmax head). Then {@code depth}, {@code inputDim},
 * {@code outputDim} are the architecture's, and {@code activation}, {@code outputActivation}, {@code width},
 * {@code bias} summarise it for reports (first hidden activation, last layer's activation, widest hidden
 * layer — the output width when there is none —, whether any layer has a bias). The shrinker keeps the
 * architecture's layers: a network with fewer layers keeps the first hidden layers and the output layer,
 * each with its activation and bias choice.
 *
 * <p>By default every input (x, and each row of a data set) is drawn N(0, 1) per coordinate and a data set
 * is drawn afresh per trial. {@code inputs} draws them from an input distribution instead; {@code data}
 * fixes the data set of every trial (θ, x, y are still drawn per trial). The shrinker respects both: inputs
 * drawn from a distribution are narrowed only by removing coordinates (a draw from the marginal) and are
 * not replaced by simpler values, which could lie outside its support; a given data set is part of the
 * model, so its rows and values and the input and output widths stay as they are.
 *
 * @param identity          the identity to check
 * @param activation        the activation of the hidden layers
 * @param outputActivation  the activation of the output layer
 * @param depth             L, the number of hidden layers (≥ 0)
 * @param width             the hidden width (≥ 1)
 * @param inputDim          the input width (≥ 1)
 * @param outputDim         the output width (≥ 1)
 * @param bias              whether every layer has a bias
 * @param loss              the per-sample loss, or {@code null} when the identity does not use one
 * @param dataSize          N, the number of rows of the data set of identities that average over data (≥ 1)
 * @param trials            the number of random instances (1 … {@link #MAX_TRIALS})
 * @param seed              the seed; trial i draws from the stream (seed, i) only
 * @param tolerance         the relative tolerance (finite, ≥ 0); see {@link Verifier} for the rule
 * @param zScore            the z of the Monte Carlo allowance z·SE, or {@code null} for the Bonferroni
 *                          choice described in {@link Verifier}
 * @param initialization    how θ is drawn
 * @param threads           worker threads (≥ 1); the results do not depend on it
 * @param architecture      the network every trial uses, or {@code null} for the MLP described by the
 *                          values above
 * @param inputs            the distribution of x and of the data rows, or {@code null} for N(0, I)
 * @param data              the data set of every trial, or {@code null} to draw {@code dataSize} rows per
 *                          trial; when given, {@code dataSize} is its size
 */
public record VerificationConfig(Identity identity, Activation activation, Activation outputActivation, int depth,
        int width, int inputDim, int outputDim, boolean bias, Loss loss, int dataSize, int trials, long seed,
        double tolerance, Double zScore, Initialization initialization, int threads, Network architecture,
        InputDistribution inputs, Dataset data) {

    /** The largest number of trials of one run (the per-trial errors are kept in memory). */
    public static final int MAX_TRIALS = 10_000_000;
    /** The default relative tolerance of exact evaluations. */
    public static final double DEFAULT_TOLERANCE = 1e-12;
    /** σ_w² of the default initialisation (He): weights N(0, 2/fan-in), outputs of order 1 at any depth. */
    public static final double DEFAULT_WEIGHT_SCALE = 2.0;
    /** σ_b² of the default initialisation when the layers have biases. */
    public static final double DEFAULT_BIAS_VARIANCE = 0.5;

    public VerificationConfig {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(outputActivation, "outputActivation");
        Objects.requireNonNull(initialization, "initialization");
        atLeast("depth", depth, 0);
        atLeast("width", width, 1);
        atLeast("inputDim", inputDim, 1);
        atLeast("outputDim", outputDim, 1);
        atLeast("dataSize", dataSize, 1);
        atLeast("trials", trials, 1);
        if (trials > MAX_TRIALS) {
            throw SpecificationException.expected(ErrorCode.OUT_OF_RANGE, "trials",
                    "at most " + MAX_TRIALS + " trials per run", trials);
        }
        atLeast("threads", threads, 1);
        if (!Double.isFinite(tolerance) || tolerance < 0) {
            throw SpecificationException.expected(Double.isFinite(tolerance) ? ErrorCode.OUT_OF_RANGE
                    : ErrorCode.NOT_FINITE, "tolerance", "a finite number >= 0", tolerance);
        }
        if (zScore != null && (!Double.isFinite(zScore) || zScore < 0)) {
            throw SpecificationException.expected(Double.isFinite(zScore) ? ErrorCode.OUT_OF_RANGE
                    : ErrorCode.NOT_FINITE, "zScore", "a finite number >= 0", zScore);
        }
        IdentityScan scan = IdentityScan.of(identity);
        if (scan.loss() && loss == null) {
            throw new SpecificationException(ErrorCode.UNSUPPORTED, "loss",
                    "loss: the identity " + identity.id() + " uses a loss, but none was given");
        }
        if (scan.model() && loss.statisticalModel().isEmpty()) {
            throw new SpecificationException(ErrorCode.UNSUPPORTED, "loss", "loss: the identity " + identity.id()
                    + " (" + identity.title() + ") integrates over the model's output distribution, but the loss "
                    + loss.name() + " is not the negative log-likelihood of a statistical model; use square, bce "
                    + "or softmax-ce");
        }
        if (architecture != null) {
            sameAs("depth", depth, architecture.depth());
            sameAs("inputDim", inputDim, architecture.inputDim());
            sameAs("outputDim", outputDim, architecture.outputDim());
        } else {
            // the architecture must be buildable (e.g. not more parameters than one double[] holds)
            network(depth, width, inputDim, outputDim, bias, activation, outputActivation);
        }
        if (inputs != null && inputs.dim() != inputDim) {
            throw SpecificationException.expected(ErrorCode.SHAPE_MISMATCH, "inputs",
                    "dimension " + inputDim + " (the network's input width)", inputs.dim() + " (" + inputs + ")");
        }
        if (data != null) {
            checkData(identity, scan, data, inputDim, outputDim, dataSize);
        }
    }

    /**
     * The same configuration as a record of the first sixteen components: random MLPs, inputs N(0, I), a data
     * set drawn per trial.
     */
    public VerificationConfig(Identity identity, Activation activation, Activation outputActivation, int depth,
            int width, int inputDim, int outputDim, boolean bias, Loss loss, int dataSize, int trials, long seed,
            double tolerance, Double zScore, Initialization initialization, int threads) {
        this(identity, activation, outputActivation, depth, width, inputDim, outputDim, bias, loss, dataSize, trials,
                seed, tolerance, zScore, initialization, threads, null, null, null);
    }

    private static void checkData(Identity identity, IdentityScan scan, Dataset data, int inputDim, int outputDim,
            int dataSize) {
        if (data.inputDim() != inputDim) {
            throw SpecificationException.expected(ErrorCode.SHAPE_MISMATCH, "data",
                    "inputs of width " + inputDim + " (the network's input width)", data.inputDim() + " (" + data + ")");
        }
        if (data.targetDim() != 0 && data.targetDim() != outputDim) {
            throw SpecificationException.expected(ErrorCode.SHAPE_MISMATCH, "data",
                    "targets of width " + outputDim + " (the network's output width) or none",
                    data.targetDim() + " (" + data + ")");
        }
        if (data.targetDim() == 0 && scan.dataTargets()) {
            throw new SpecificationException(ErrorCode.SHAPE_MISMATCH, "data", "data: the identity " + identity.id()
                    + " reads the targets of the data rows, but " + data + " has none");
        }
        if (dataSize != data.size()) {
            throw SpecificationException.expected(ErrorCode.SHAPE_MISMATCH, "dataSize",
                    data.size() + " (the rows of the given data set)", dataSize);
        }
    }

    private static void sameAs(String argument, int value, int architecture) {
        if (value != architecture) {
            throw SpecificationException.expected(ErrorCode.SHAPE_MISMATCH, argument,
                    architecture + " (the architecture's)", value);
        }
    }

    /** A builder with the defaults for {@code identity} (see {@link Builder}). */
    public static Builder builder(Identity identity) {
        return new Builder(identity);
    }

    /** The network every trial uses (θ, x, y are drawn per trial). */
    public Network network() {
        return architecture != null ? architecture
                : network(depth, width, inputDim, outputDim, bias, activation, outputActivation);
    }

    /**
     * A network of this configuration's kind with the given widths (input, hidden…, output), as the shrinker
     * builds them: an MLP with the configured activations and bias choice; for an {@code architecture}, hidden
     * layer t keeps the activation and bias of the architecture's hidden layer t, the last layer those of its
     * output layer, and the head is kept. {@code widths} has at most the architecture's depth + 2 entries.
     */
    Network network(int[] widths) {
        if (architecture == null) {
            return Network.mlp(widths, activation, outputActivation, bias);
        }
        List<Dense> template = architecture.layers();
        int layers = widths.length - 1;
        List<Dense> out = new ArrayList<>(layers);
        for (int t = 0; t < layers; t++) {
            Dense like = t + 1 == layers ? template.get(template.size() - 1) : template.get(t);
            out.add(new Dense(widths[t], widths[t + 1], like.bias(), like.activation()));
        }
        return new Network(widths[0], out, architecture.head());
    }

    /** The widths {@code [inputDim, width × depth, outputDim]}. */
    public int[] widths() {
        int[] w = new int[depth + 2];
        w[0] = inputDim;
        for (int t = 1; t <= depth; t++) {
            w[t] = width;
        }
        w[depth + 1] = outputDim;
        return w;
    }

    /**
     * The activation label: the hidden activation, with the output layer's when it is not the identity
     * ({@code tanh}, {@code tanh, output tanh}).
     */
    public String activationLabel() {
        if (architecture != null) {
            return activationLabel(architecture);
        }
        return outputActivation instanceof IdentityActivation ? activation.label()
                : activation.label() + ", output " + outputActivation.label();
    }

    /**
     * The activation label of a given network: the distinct hidden activations joined by {@code /}, then
     * the output layer's when it is not the identity, then the softmax head ({@code relu/tanh, output
     * sigmoid, softmax}); a network without hidden layers shows its one layer's activation.
     */
    public static String activationLabel(Network network) {
        List<Dense> layers = network.layers();
        Activation output = layers.get(layers.size() - 1).activation();
        Set<String> hidden = new LinkedHashSet<>();
        for (int t = 0; t + 1 < layers.size(); t++) {
            hidden.add(layers.get(t).activation().label());
        }
        String label = hidden.isEmpty() ? output.label() : String.join("/", hidden)
                + (output instanceof IdentityActivation ? "" : ", output " + output.label());
        return network.head() == OutputHead.SOFTMAX ? label + ", softmax" : label;
    }

    static Network network(int depth, int width, int inputDim, int outputDim, boolean bias, Activation hidden,
            Activation output) {
        int[] w = new int[depth + 2];
        w[0] = inputDim;
        for (int t = 1; t <= depth; t++) {
            w[t] = width;
        }
        w[depth + 1] = outputDim;
        return Network.mlp(w, hidden, output, bias);
    }

    private static void atLeast(String argument, int value, int min) {
        if (value < min) {
            throw SpecificationException.expected(min > 0 ? ErrorCode.NON_POSITIVE_SIZE : ErrorCode.OUT_OF_RANGE,
                    argument, "a value >= " + min, value);
        }
    }

    /** The loss an identity is checked with unless one is given: its required kind, else square loss, else none. */
    static Loss defaultLoss(Identity identity) {
        for (Precondition p : identity.preconditions()) {
            if (p instanceof Precondition.LossIs is) {
                Class<? extends Loss> kind = is.kind();
                if (kind == HingeLoss.class) {
                    return new HingeLoss();
                }
                if (kind == BinaryCrossEntropyLoss.class) {
                    return new BinaryCrossEntropyLoss();
                }
                if (kind == SoftmaxCrossEntropyLoss.class) {
                    return new SoftmaxCrossEntropyLoss();
                }
                return new SquareLoss();
            }
        }
        return IdentityScan.of(identity).loss() ? new SquareLoss() : null;
    }

    /**
     * Builds a {@link VerificationConfig}. Defaults: ReLU hidden layers and a linear output layer, depth 2,
     * width 8, input width =
     * width, output width 1 (3 for softmax cross-entropy), no biases, the identity's default loss (hinge for
     * an identity about the hinge loss, square loss for any other identity that uses a loss), N = 4 data
     * rows, 1000 trials, seed 0, tolerance {@value #DEFAULT_TOLERANCE}, Bonferroni z, He initialisation
     * (σ_w² = 2) with σ_b² = {@value #DEFAULT_BIAS_VARIANCE} when there are biases, one thread per processor.
     * With {@link #network(Network)} the architecture is given whole, and setting its shape as well
     * (activation, depth, width, input or output width, bias) is refused; with {@link #data(Dataset)} the
     * number of rows is the data set's.
     */
    public static final class Builder {
        private final Identity identity;
        private Activation activation = Activations.named("relu");
        private Activation outputActivation = new IdentityActivation();
        private boolean sameOnOutput;
        private int depth = 2;
        private int width = 8;
        private Integer inputDim;
        private Integer outputDim;
        private boolean bias;
        private Loss loss;
        private boolean lossSet;
        private int dataSize = 4;
        private int trials = 1000;
        private long seed;
        private double tolerance = DEFAULT_TOLERANCE;
        private Double zScore;
        private Initialization initialization;
        private int threads = Runtime.getRuntime().availableProcessors();
        private Network architecture;
        private InputDistribution inputs;
        private Dataset data;
        private boolean dataSizeSet;
        /** The shape setters called, to refuse them next to {@link #network(Network)}. */
        private final Set<String> shapeSetters = new LinkedHashSet<>();

        private Builder(Identity identity) {
            this.identity = Objects.requireNonNull(identity, "identity");
        }

        /** The activation of the hidden layers. */
        public Builder activation(Activation a) {
            this.activation = Objects.requireNonNull(a, "activation");
            shapeSetters.add("activation");
            return this;
        }

        /** The activation by its command-line name; hyperparameters may be {@code null} for their defaults. */
        public Builder activation(String name, Double iota, Double omega, Double alpha) {
            return activation(Activations.named(name, iota, omega, alpha));
        }

        /** The activation of the output layer (default: the identity, a linear read-out). */
        public Builder outputActivation(Activation a) {
            this.outputActivation = Objects.requireNonNull(a, "outputActivation");
            this.sameOnOutput = false;
            shapeSetters.add("outputActivation");
            return this;
        }

        /** The hidden activation on the output layer too (seed 000's O^t = σ(N^t) on every layer). */
        public Builder activationOnOutput() {
            this.outputActivation = null;
            this.sameOnOutput = true;
            shapeSetters.add("activationOnOutput");
            return this;
        }

        public Builder depth(int depth) {
            this.depth = depth;
            shapeSetters.add("depth");
            return this;
        }

        public Builder width(int width) {
            this.width = width;
            shapeSetters.add("width");
            return this;
        }

        public Builder inputDim(int inputDim) {
            this.inputDim = inputDim;
            shapeSetters.add("inputDim");
            return this;
        }

        public Builder outputDim(int outputDim) {
            this.outputDim = outputDim;
            shapeSetters.add("outputDim");
            return this;
        }

        public Builder bias(boolean bias) {
            this.bias = bias;
            shapeSetters.add("bias");
            return this;
        }

        /** The loss ({@code null} for the identity's default). */
        public Builder loss(Loss loss) {
            this.loss = loss;
            this.lossSet = loss != null;
            return this;
        }

        /** The loss by its command-line name. */
        public Builder loss(String name) {
            return loss(Loss.named(name));
        }

        public Builder dataSize(int n) {
            this.dataSize = n;
            this.dataSizeSet = true;
            return this;
        }

        /**
         * The network every trial uses, whole (its widths, per-layer activations and biases, head); the
         * shape setters above may then not be used.
         */
        public Builder network(Network network) {
            this.architecture = Objects.requireNonNull(network, "network");
            return this;
        }

        /** The distribution of x and of the data rows ({@code null}: N(0, I)). */
        public Builder inputs(InputDistribution distribution) {
            this.inputs = distribution;
            return this;
        }

        /** The data set of every trial ({@code null}: {@code dataSize} rows drawn per trial). */
        public Builder data(Dataset dataset) {
            this.data = dataset;
            return this;
        }

        public Builder trials(int trials) {
            this.trials = trials;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder tolerance(double tolerance) {
            this.tolerance = tolerance;
            return this;
        }

        /** The z of the Monte Carlo allowance ({@code null} for the Bonferroni default). */
        public Builder zScore(Double z) {
            this.zScore = z;
            return this;
        }

        public Builder initialization(Initialization init) {
            this.initialization = init;
            return this;
        }

        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        public VerificationConfig build() {
            Loss l = lossSet ? loss : defaultLoss(identity);
            int rows = data != null && !dataSizeSet ? data.size() : dataSize;
            if (architecture != null) {
                return withArchitecture(l, rows);
            }
            int out = outputDim != null ? outputDim : l instanceof SoftmaxCrossEntropyLoss ? 3 : 1;
            Initialization init = initialization != null ? initialization
                    : new Initialization.Scaled(DEFAULT_WEIGHT_SCALE, bias ? DEFAULT_BIAS_VARIANCE : 0.0);
            return new VerificationConfig(identity, activation, sameOnOutput ? activation : outputActivation, depth,
                    width, inputDim == null ? Math.max(width, 1) : inputDim, out, bias, l, rows, trials, seed,
                    tolerance, zScore, init, threads, null, inputs, data);
        }

        private VerificationConfig withArchitecture(Loss l, int rows) {
            if (!shapeSetters.isEmpty()) {
                throw new SpecificationException(ErrorCode.UNSUPPORTED, shapeSetters.iterator().next(),
                        shapeSetters + ": the network " + architecture + " already fixes the architecture; "
                                + "give either the network or its shape, not both");
            }
            List<Dense> layers = architecture.layers();
            int widest = layers.size() == 1 ? architecture.outputDim()
                    : layers.subList(0, layers.size() - 1).stream().mapToInt(Dense::out).max().orElseThrow();
            boolean anyBias = !architecture.biasFree();
            Initialization init = initialization != null ? initialization
                    : new Initialization.Scaled(DEFAULT_WEIGHT_SCALE, anyBias ? DEFAULT_BIAS_VARIANCE : 0.0);
            Activation output = layers.get(layers.size() - 1).activation();
            Activation hidden = layers.get(0).activation();
            return new VerificationConfig(identity, hidden, output, architecture.depth(), widest,
                    architecture.inputDim(), architecture.outputDim(), anyBias, l, rows, trials, seed, tolerance,
                    zScore, init, threads, architecture, inputs, data);
        }
    }
}
