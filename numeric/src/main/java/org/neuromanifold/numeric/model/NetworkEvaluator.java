package org.neuromanifold.numeric.model;

import java.util.Objects;

import org.neuromanifold.core.data.Dataset;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;
import org.neuromanifold.core.loss.Loss;
import org.neuromanifold.core.model.Network;
import org.neuromanifold.numeric.autodiff.AutoDiff;
import org.neuromanifold.numeric.autodiff.Tape;
import org.neuromanifold.numeric.tensor.Tensor;

/**
 * The network function f_θ(x), its loss ℓ(f_θ(x), y) and their derivatives with respect to a flat θ
 * (in {@code ParameterLayout} order), on the general tape engine: gradients, exact Hessian-vector
 * products, dense Hessians for small models, output Jacobians and per-sample gradients. Means over a
 * data set are exact averages of the per-sample quantities.
 *
 * <p>Every argument is checked: a θ with a NaN or infinite entry is refused naming the parameter
 * (e.g. {@code W1[0,2]}), an input of the wrong width naming the argument and both widths.
 *
 * <p>Reusable: the evaluator keeps one tape and resets it per call, so repeated calls allocate little.
 * Not thread-safe: one evaluator per thread. For training-size batches use {@link BatchedMlp}.
 */
public final class NetworkEvaluator {
    private final Network network;
    private final Loss loss;
    private final Tape tape = new Tape();

    /**
     * @param network the network
     * @param loss    the per-sample loss, or {@code null} when only outputs and output Jacobians are needed
     */
    public NetworkEvaluator(Network network, Loss loss) {
        this.network = Objects.requireNonNull(network, "network");
        this.loss = loss;
    }

    /** An evaluator of outputs only (no loss). */
    public NetworkEvaluator(Network network) {
        this(network, null);
    }

    public Network network() {
        return network;
    }

    /** The loss, or {@code null}. */
    public Loss loss() {
        return loss;
    }

    /** A loss value and its gradient ∇_θ ℓ. */
    public record LossGradient(double value, double[] gradient) {
    }

    /** f_θ(x). */
    public double[] output(double[] theta, double[] x) {
        ModelChecks.theta(network, theta);
        ModelChecks.input(network, x, "x");
        tape.reset();
        NetworkGraph.Forward fw = NetworkGraph.forward(tape, network, tape.vector(theta), tape.vector(x));
        return tape.toArray(fw.output());
    }

    /** f_θ(x_i) for every input row of {@code data}: one row per sample. */
    public double[][] outputs(double[] theta, Dataset data) {
        ModelChecks.theta(network, theta);
        requireInputWidth(data);
        double[][] out = new double[data.size()][];
        tape.reset();
        int th = tape.vector(theta);
        int mark = tape.mark();
        for (int i = 0; i < data.size(); i++) {
            tape.rewind(mark);
            out[i] = tape.toArray(NetworkGraph.forward(tape, network, th, tape.vector(data.input(i))).output());
        }
        return out;
    }

    /** ℓ(f_θ(x), y). */
    public double loss(double[] theta, double[] x, double[] y) {
        return tape.scalarValue(recordLoss(theta, x, y));
    }

    /** ℓ(f_θ(x), y) and ∇_θ ℓ (reverse mode). */
    public LossGradient lossGradient(double[] theta, double[] x, double[] y) {
        int l = recordLoss(theta, x, y);
        return new LossGradient(tape.scalarValue(l), tape.toArray(AutoDiff.grad(tape, l, 0)));
    }

    /** The mean loss (1/N) Σ ℓ(f_θ(x_i), y_i) over {@code data} and its gradient. */
    public LossGradient meanLossGradient(double[] theta, Dataset data) {
        Samples s = perSample(theta, data, Quantity.GRADIENT, null);
        return new LossGradient(s.meanLoss(), mean(s.rows(), theta.length));
    }

    /** ∇_θ ℓ(f_θ(x_i), y_i) for every sample: one row per sample. */
    public double[][] perSampleGradients(double[] theta, Dataset data) {
        return perSample(theta, data, Quantity.GRADIENT, null).rows();
    }

    /** The exact Hessian-vector product ∇²_θ ℓ(f_θ(x), y)·v (forward over reverse). */
    public double[] hessianVectorProduct(double[] theta, double[] x, double[] y, double[] v) {
        ModelChecks.direction(network, v, "v");
        int l = recordLoss(theta, x, y);
        return tape.toArray(AutoDiff.hvp(tape, l, 0, tape.vector(v)));
    }

    /** ∇²_θ of the mean loss over {@code data}, times v (exact). */
    public double[] meanHessianVectorProduct(double[] theta, Dataset data, double[] v) {
        ModelChecks.direction(network, v, "v");
        return mean(perSample(theta, data, Quantity.HVP, v).rows(), theta.length);
    }

    /** The dense Hessian ∇²_θ ℓ(f_θ(x), y) ({@code P × P}; for small models). */
    public Tensor hessian(double[] theta, double[] x, double[] y) {
        int l = recordLoss(theta, x, y);
        return tape.value(AutoDiff.hessian(tape, l, 0));
    }

    /** The dense Hessian of the mean loss over {@code data}. */
    public Tensor meanHessian(double[] theta, Dataset data) {
        double[] h = mean(perSample(theta, data, Quantity.HESSIAN, null).rows(), theta.length * theta.length);
        return Tensor.matrix(theta.length, theta.length, h);
    }

    /** The Jacobian ∂f_θ(x)/∂θ ({@code outputs × P}). */
    public Tensor outputJacobian(double[] theta, double[] x) {
        ModelChecks.theta(network, theta);
        ModelChecks.input(network, x, "x");
        tape.reset();
        int th = tape.vector(theta);
        NetworkGraph.Forward fw = NetworkGraph.forward(tape, network, th, tape.vector(x));
        return tape.value(AutoDiff.jacobian(tape, fw.output(), th));
    }

    // ---- internals ----------------------------------------------------------------------------------

    private enum Quantity {
        GRADIENT, HVP, HESSIAN
    }

    private record Samples(double meanLoss, double[][] rows) {
    }

    private Samples perSample(double[] theta, Dataset data, Quantity q, double[] v) {
        ModelChecks.theta(network, theta);
        ModelChecks.dataset(network, data, "data");
        requireLoss();
        tape.reset();
        int th = tape.vector(theta);
        int dir = v == null ? -1 : tape.vector(v);
        int mark = tape.mark();
        double[][] out = new double[data.size()][];
        double lossSum = 0;
        for (int i = 0; i < data.size(); i++) {
            tape.rewind(mark);
            NetworkGraph.Forward fw = NetworkGraph.forward(tape, network, th, tape.vector(data.input(i)));
            int l = tape.loss(loss, NetworkGraph.lossInput(network, loss, fw), tape.vector(data.target(i)));
            lossSum += tape.scalarValue(l);
            int r = switch (q) {
                case GRADIENT -> AutoDiff.grad(tape, l, th);
                case HVP -> AutoDiff.hvp(tape, l, th, dir);
                case HESSIAN -> AutoDiff.hessian(tape, l, th);
            };
            out[i] = tape.toArray(r);
        }
        return new Samples(lossSum / data.size(), out);
    }

    private static double[] mean(double[][] rows, int n) {
        double[] m = new double[n];
        for (double[] r : rows) {
            for (int j = 0; j < n; j++) {
                m[j] += r[j];
            }
        }
        for (int j = 0; j < n; j++) {
            m[j] /= rows.length;
        }
        return m;
    }

    /** Records θ (node 0), x, the forward pass and the loss on a fresh tape; returns the loss node. */
    private int recordLoss(double[] theta, double[] x, double[] y) {
        requireLoss();
        ModelChecks.theta(network, theta);
        ModelChecks.input(network, x, "x");
        ModelChecks.target(network, y, "y");
        tape.reset();
        int th = tape.vector(theta);
        NetworkGraph.Forward fw = NetworkGraph.forward(tape, network, th, tape.vector(x));
        return tape.loss(loss, NetworkGraph.lossInput(network, loss, fw), tape.vector(y));
    }

    private void requireLoss() {
        if (loss == null) {
            throw new SpecificationException(ErrorCode.UNSUPPORTED, "loss",
                    "loss: this evaluator was built without a loss; pass one to the constructor");
        }
    }

    private void requireInputWidth(Dataset data) {
        if (data.inputDim() != network.inputDim()) {
            throw SpecificationException.expected(ErrorCode.SHAPE_MISMATCH, "data inputs",
                    "width " + network.inputDim() + " (the network's input width)", "width " + data.inputDim());
        }
    }
}
