package org.neuromanifold.numeric.verify;

import org.neuromanifold.core.activation.Activation;
import org.neuromanifold.core.activation.IdentityActivation;
import org.neuromanifold.core.activation.Sigmoid;
import org.neuromanifold.core.activation.SmoothPrelu;
import org.neuromanifold.core.activation.Softplus;
import org.neuromanifold.core.activation.Tanh;
import org.neuromanifold.core.loss.HingeLoss;
import org.neuromanifold.core.loss.Loss;
import org.neuromanifold.core.model.Dense;
import org.neuromanifold.core.model.Network;

/**
 * Tells whether an instance sits on (or within rounding of) a kink, where identities that hold almost
 * everywhere say nothing and derivative conventions decide the outcome. The shrinker refuses such
 * instances, so a shrunk counterexample is a genuine one.
 *
 * <p>Kinks checked: a pre-activation z = Σ_j W_ij h_j + b_i of a layer whose activation is not smooth at
 * 0 (ReLU, leaky ReLU, ELU — whose second derivative jumps there even for α = 1 — and user-defined
 * activations, whose kinks are unknown, so 0 is avoided for them too); and, when the loss is the hinge
 * loss or the identity contains a Heaviside step, the hinge point y_c·f_c = 1 of every sample with a
 * target. "Within rounding" means |z| ≤ 10⁻⁹·(Σ_j |W_ij h_j| + |b_i|) (which includes z = 0 when every
 * term vanishes) and |1 − y f| ≤ 10⁻⁹·(1 + |y f|). The forward pass here is plain loops, independent of
 * the tape.
 */
final class KinkGuard {
    static final double MARGIN = 1e-9;

    private KinkGuard() {
    }

    /** Whether σ is smooth at 0 (the only place the built-in piecewise activations have a kink). */
    static boolean smoothAtZero(Activation a) {
        return a instanceof IdentityActivation || a instanceof Tanh || a instanceof Sigmoid || a instanceof Softplus
                || a instanceof SmoothPrelu;
    }

    /** Whether some sample of the instance is near a kink. */
    static boolean nearKink(Instance inst, Loss loss, IdentityScan scan) {
        Network net = inst.network();
        boolean hingePoint = loss instanceof HingeLoss || scan.step();
        int d = net.inputDim();
        int k = net.outputDim();
        if (inst.x() != null && nearKink(net, inst.theta(), inst.x(), 0, hingePoint ? inst.y() : null, 0)) {
            return true;
        }
        if (inst.dataX() != null) {
            double[] targets = hingePoint && scan.dataTargets() ? inst.dataY() : null;
            for (int i = 0, n = inst.dataSize(); i < n; i++) {
                if (nearKink(net, inst.theta(), inst.dataX(), i * d, targets, i * k)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean nearKink(Network net, double[] theta, double[] x, int xOff, double[] y, int yOff) {
        double[] h = new double[net.inputDim()];
        System.arraycopy(x, xOff, h, 0, h.length);
        int off = 0;
        for (Dense layer : net.layers()) {
            int in = layer.in();
            int out = layer.out();
            int biasOff = off + in * out;
            boolean kinked = !smoothAtZero(layer.activation());
            double[] next = new double[out];
            for (int i = 0; i < out; i++) {
                double z = 0;
                double terms = 0;
                for (int j = 0; j < in; j++) {
                    double p = theta[off + i * in + j] * h[j];
                    z += p;
                    terms += Math.abs(p);
                }
                if (layer.bias()) {
                    z += theta[biasOff + i];
                    terms += Math.abs(theta[biasOff + i]);
                }
                if (kinked && Math.abs(z) <= MARGIN * terms) {
                    return true;
                }
                next[i] = layer.activation().value(z);
            }
            off = biasOff + (layer.bias() ? out : 0);
            h = next;
        }
        if (y != null) {
            for (int c = 0; c < h.length; c++) {
                double yf = y[yOff + c] * h[c];
                if (Math.abs(1 - yf) <= MARGIN * (1 + Math.abs(yf))) {
                    return true;
                }
            }
        }
        return false;
    }
}
