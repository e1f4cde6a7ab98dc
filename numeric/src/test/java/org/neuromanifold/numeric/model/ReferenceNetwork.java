package org.neuromanifold.numeric.model;

import org.neuromanifold.core.model.Dense;
import org.neuromanifold.core.model.Network;
import org.neuromanifold.core.model.OutputHead;
import org.neuromanifold.core.model.ParameterBlock;
import org.neuromanifold.core.model.ParameterLayout;

/**
 * An independent forward pass for the tests: plain loops over the matrices that core's
 * {@link ParameterLayout#unflatten} cuts out of θ (no tape, no kernels).
 */
public final class ReferenceNetwork {
    private ReferenceNetwork() {
    }

    /** The logits h_L (the last layer's activations). */
    public static double[] logits(Network net, double[] theta, double[] x) {
        ParameterLayout layout = net.layout();
        double[] h = x.clone();
        for (int t = 0; t < net.layers().size(); t++) {
            Dense d = net.layers().get(t);
            double[][] w = layout.unflatten(theta, layout.weight(t));
            ParameterBlock bb = layout.biasOrNull(t);
            double[][] b = bb == null ? null : layout.unflatten(theta, bb);
            double[] next = new double[d.out()];
            for (int i = 0; i < d.out(); i++) {
                double z = b == null ? 0 : b[i][0];
                for (int j = 0; j < d.in(); j++) {
                    z += w[i][j] * h[j];
                }
                next[i] = d.activation().value(z);
            }
            h = next;
        }
        return h;
    }

    /** f_θ(x), with the softmax head applied. */
    public static double[] output(Network net, double[] theta, double[] x) {
        double[] h = logits(net, theta, x);
        if (net.head() != OutputHead.SOFTMAX) {
            return h;
        }
        double m = Double.NEGATIVE_INFINITY;
        for (double v : h) {
            m = Math.max(m, v);
        }
        double s = 0;
        double[] p = new double[h.length];
        for (int i = 0; i < h.length; i++) {
            p[i] = Math.exp(h[i] - m);
            s += p[i];
        }
        for (int i = 0; i < h.length; i++) {
            p[i] /= s;
        }
        return p;
    }
}
