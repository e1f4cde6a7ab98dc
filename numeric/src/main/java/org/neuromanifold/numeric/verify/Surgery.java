package org.neuromanifold.numeric.verify;

import org.neuromanifold.core.loss.SoftmaxCrossEntropyLoss;
import org.neuromanifold.core.model.Dense;
import org.neuromanifold.core.model.Network;

/**
 * Structural edits of an instance that keep every other value: removing one unit of a layer and
 * keeping some rows of the data set. θ is in the {@code ParameterLayout} order (per layer W row-major,
 * {@code out × in}, then b).
 */
final class Surgery {
    private Surgery() {
    }

    /**
     * The instance without unit {@code j} at width position {@code p} ({@code 0} = input, {@code 1 … L} =
     * hidden layers, {@code L + 1} = output), or {@code null} when the position has one unit or the result
     * would leave a one-hot target without its 1.
     */
    static Instance removeUnit(Instance inst, int p, int j, VerificationConfig config, IdentityScan scan) {
        Network net = inst.network();
        int[] widths = net.widths();
        if (widths[p] <= 1) {
            return null;
        }
        int last = widths.length - 1;
        int[] w = widths.clone();
        w[p]--;
        Network smaller = config.network(w);
        double[] theta = new double[smaller.parameterCount()];
        int src = 0;
        int dst = 0;
        for (int t = 0; t < net.layers().size(); t++) {
            Dense d = net.layers().get(t);
            int dropRow = p == t + 1 ? j : -1; // this layer's output is position t + 1
            int dropCol = p == t ? j : -1; // its input is position t
            for (int r = 0; r < d.out(); r++) {
                for (int c = 0; c < d.in(); c++) {
                    if (r != dropRow && c != dropCol) {
                        theta[dst++] = inst.theta()[src + r * d.in() + c];
                    }
                }
            }
            src += d.out() * d.in();
            if (d.bias()) {
                for (int r = 0; r < d.out(); r++) {
                    if (r != dropRow) {
                        theta[dst++] = inst.theta()[src + r];
                    }
                }
                src += d.out();
            }
        }
        double[] x = inst.x();
        double[] dataX = inst.dataX();
        double[] y = inst.y();
        double[] dataY = inst.dataY();
        if (p == 0) {
            x = x == null ? null : dropColumn(x, widths[0], j);
            dataX = dataX == null ? null : dropColumn(dataX, widths[0], j);
        }
        if (p == last) {
            y = y == null ? null : dropColumn(y, widths[last], j);
            dataY = dataY == null ? null : dropColumn(dataY, widths[last], j);
            if (config.loss() instanceof SoftmaxCrossEntropyLoss && (!oneHot(y, w[last])
                    || scan.dataTargets() && !oneHot(dataY, w[last]))) {
                return null;
            }
        }
        return inst.withNetwork(smaller, theta, x, y, dataX, dataY);
    }

    /** The instance with only the given data rows, in that order. */
    static Instance keepRows(Instance inst, int[] rows) {
        int d = inst.network().inputDim();
        int k = inst.network().outputDim();
        double[] dataX = new double[rows.length * d];
        double[] dataY = new double[rows.length * k];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(inst.dataX(), rows[i] * d, dataX, i * d, d);
            System.arraycopy(inst.dataY(), rows[i] * k, dataY, i * k, k);
        }
        return inst.withNetwork(inst.network(), inst.theta().clone(), clone(inst.x()), clone(inst.y()), dataX, dataY);
    }

    /** Row-major rows of width {@code w} without column {@code j}. */
    private static double[] dropColumn(double[] a, int w, int j) {
        int rows = a.length / w;
        double[] out = new double[rows * (w - 1)];
        int q = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < w; c++) {
                if (c != j) {
                    out[q++] = a[r * w + c];
                }
            }
        }
        return out;
    }

    /** Whether every row of width k (if any) has entries summing to 1 (a one-hot row after a removal). */
    private static boolean oneHot(double[] a, int k) {
        if (a == null) {
            return true;
        }
        for (int r = 0; r < a.length / k; r++) {
            double s = 0;
            for (int c = 0; c < k; c++) {
                s += a[r * k + c];
            }
            if (s != 1) {
                return false;
            }
        }
        return true;
    }

    private static double[] clone(double[] a) {
        return a == null ? null : a.clone();
    }
}
