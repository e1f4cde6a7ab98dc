package org.neuromanifold.symbolic.derive.rfim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;

import org.neuromanifold.core.data.Dataset;
import org.neuromanifold.core.model.Dense;
import org.neuromanifold.numeric.expr.EvalContext;
import org.neuromanifold.numeric.random.Xoshiro256PlusPlus;

/**
 * One random instance a numeric certificate evaluates at: a stochastic network with parameters θ, an
 * input x and, for statements about a sample, the inputs x₁ … x_n of the sample.
 *
 * @param net   the network and its response model
 * @param theta the declared network's parameters (layout order)
 * @param x     the input
 * @param data  the sample's inputs (x is the first), or an empty array
 */
public record RfimPoint(StochasticNetwork net, double[] theta, double[] x, double[][] data) {
    /** Pre-activations closer to 0 than this are redrawn: kinked activations are not differentiable there. */
    static final double KINK_MARGIN = 0.05;

    public RfimPoint {
        Objects.requireNonNull(net, "net");
        theta = net.declared().layout().requireValid(theta).clone();
        x = x.clone();
        data = java.util.Arrays.stream(data).map(double[]::clone).toArray(double[][]::new);
    }

    /** A point without a sample. */
    public RfimPoint(StochasticNetwork net, double[] theta, double[] x) {
        this(net, theta, x, new double[0][]);
    }

    @Override
    public double[][] data() {
        return java.util.Arrays.stream(data).map(double[]::clone).toArray(double[][]::new);
    }

    @Override
    public double[] theta() {
        return theta.clone();
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    /** The evaluation context of the network's engine form at θ and x. */
    public EvalContext context() {
        EvalContext.Builder b = EvalContext.builder(net.engineNetwork(), net.engineTheta(theta)).loss(net.engineLoss())
                .input(x);
        if (data.length > 0) {
            // expectations over the sample need only its inputs; the targets are placeholders
            b.data(Dataset.of(data, new double[data.length][net.outputs()]));
        }
        return b.build();
    }

    /**
     * {@code count} points, point i on the network {@code shapes.apply(i)}, with θ and x standard normal from
     * stream i of {@code seed}; a draw with a pre-activation within {@link #KINK_MARGIN} of 0 is redrawn.
     */
    static List<RfimPoint> random(long seed, int count, IntFunction<StochasticNetwork> shapes) {
        List<RfimPoint> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StochasticNetwork net = shapes.apply(i);
            Xoshiro256PlusPlus rng = Xoshiro256PlusPlus.of(seed, i);
            double[] theta = new double[net.declared().parameterCount()];
            double[] x = new double[net.declared().inputDim()];
            do {
                rng.fillGaussian(theta, 0, theta.length, 0, 1);
                rng.fillGaussian(x, 0, x.length, 0, 1);
            } while (nearKink(net, theta, x));
            out.add(new RfimPoint(net, theta, x));
        }
        return List.copyOf(out);
    }

    /**
     * {@code count} points with a sample of {@code n} inputs each (the network's θ and the inputs standard
     * normal from stream i of {@code seed}, no pre-activation within {@link #KINK_MARGIN} of 0).
     */
    static List<RfimPoint> randomWithSample(long seed, int count, IntFunction<StochasticNetwork> shapes, int n) {
        List<RfimPoint> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StochasticNetwork net = shapes.apply(i);
            Xoshiro256PlusPlus rng = Xoshiro256PlusPlus.of(seed, i);
            double[] theta = new double[net.declared().parameterCount()];
            double[][] xs = new double[n][net.declared().inputDim()];
            boolean near;
            do {
                rng.fillGaussian(theta, 0, theta.length, 0, 1);
                near = false;
                for (double[] x : xs) {
                    rng.fillGaussian(x, 0, x.length, 0, 1);
                    near |= nearKink(net, theta, x);
                }
            } while (near);
            out.add(new RfimPoint(net, theta, xs[0], xs));
        }
        return List.copyOf(out);
    }

    /** Whether some pre-activation lies within {@link #KINK_MARGIN} of 0. */
    static boolean nearKink(StochasticNetwork net, double[] theta, double[] x) {
        double[] h = x;
        int off = 0;
        for (Dense d : net.declared().layers()) {
            double[] z = new double[d.out()];
            for (int i = 0; i < d.out(); i++) {
                double acc = 0;
                for (int j = 0; j < d.in(); j++) {
                    acc += theta[off + i * d.in() + j] * h[j];
                }
                z[i] = acc;
            }
            off += d.out() * d.in();
            if (d.bias()) {
                for (int i = 0; i < d.out(); i++) {
                    z[i] += theta[off + i];
                }
                off += d.out();
            }
            if (Arrays.stream(z).anyMatch(v -> Math.abs(v) < KINK_MARGIN)) {
                return true;
            }
            h = Arrays.stream(z).map(d.activation()::value).toArray();
        }
        return false;
    }

    @Override
    public String toString() {
        return "RfimPoint(" + net.declared() + ", theta=" + Arrays.toString(theta) + ", x=" + Arrays.toString(x)
                + (data.length == 0 ? "" : ", sample of " + data.length) + ")";
    }
}
