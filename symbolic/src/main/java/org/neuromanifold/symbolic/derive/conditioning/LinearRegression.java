package org.neuromanifold.symbolic.derive.conditioning;

import java.util.List;
import java.util.random.RandomGenerator;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.neuromanifold.core.activation.IdentityActivation;
import org.neuromanifold.core.data.Dataset;
import org.neuromanifold.core.loss.SquareLoss;
import org.neuromanifold.core.model.Dense;
import org.neuromanifold.core.model.Network;
import org.neuromanifold.numeric.model.NetworkEvaluator;
import org.neuromanifold.numeric.tensor.Tensor;

/**
 * The regression problem of seed 004, exercise 1, on the numeric engine: the network f(x) = wᵀg(x) (one
 * bias-free linear layer), the square loss ½(f − t)², x = μ + σz with z ~ N(0, I_d), and the target
 * t = vᵀx + c + sξ with ξ ~ N(0, 1) (c is a constant offset, s the noise level). The feature map g is the
 * identity (the raw model) or x ↦ x − μ (the centred model).
 *
 * <p>Expectations are exact: the loss is a polynomial of degree 2 in (z, ξ), integrated by the tensor
 * Gauss–Hermite rule with 3 nodes per variable (exact to degree 5); every value, gradient and Hessian
 * at a node comes from the engine's autodiff ({@link NetworkEvaluator}).
 */
final class LinearRegression {
    private static final int NODES = 3;

    private final int d;
    private final double[] mu;
    private final double sigma;
    private final double[] v;
    private final double offset;
    private final double noise;
    private final boolean centred;
    private final NetworkEvaluator engine;
    private final double[][] inputs;
    private final double[] targets;
    private final double[] weights;

    /**
     * @param mu      μ (its length is d)
     * @param sigma   σ &gt; 0
     * @param v       the true weights
     * @param offset  c, a constant added to the target
     * @param noise   s, the noise level (0 for none)
     * @param centred whether the model sees x − μ instead of x
     */
    LinearRegression(double[] mu, double sigma, double[] v, double offset, double noise, boolean centred) {
        this.d = mu.length;
        this.mu = mu.clone();
        this.sigma = sigma;
        this.v = v.clone();
        this.offset = offset;
        this.noise = noise;
        this.centred = centred;
        this.engine = new NetworkEvaluator(network(d), new SquareLoss());
        int vars = noise != 0 ? d + 1 : d;
        Quadrature.Rule rule = Quadrature.gaussHermite(NODES);
        int count = (int) Math.pow(NODES, vars);
        inputs = new double[count][];
        targets = new double[count];
        weights = new double[count];
        int[] index = new int[vars];
        for (int n = 0; n < count; n++) {
            double[] z = new double[d];
            double w = 1;
            for (int i = 0; i < vars; i++) {
                w *= rule.weights()[index[i]];
                if (i < d) {
                    z[i] = rule.nodes()[index[i]];
                }
            }
            double zeta = noise != 0 ? rule.nodes()[index[d]] : 0;
            double[] x = new double[d];
            for (int i = 0; i < d; i++) {
                x[i] = mu[i] + sigma * z[i];
            }
            inputs[n] = features(x);
            targets[n] = target(x, zeta);
            weights[n] = w;
            for (int i = 0; i < vars && ++index[i] == NODES; i++) {
                index[i] = 0;
            }
        }
    }

    /** The model's network: one bias-free linear layer ℝ^d → ℝ. */
    static Network network(int d) {
        return Network.of(d, List.of(new Dense(d, 1, false, new IdentityActivation())));
    }

    int dimension() {
        return d;
    }

    /** The same problem with the other model (raw ↔ centred). */
    LinearRegression withCentring(boolean c) {
        return new LinearRegression(mu, sigma, v, offset, noise, c);
    }

    /** J(w) = E[½(wᵀg(x) − t)²]. */
    double risk(double[] w) {
        double acc = 0;
        for (int n = 0; n < weights.length; n++) {
            acc += weights[n] * engine.loss(w, inputs[n], new double[] {targets[n]});
        }
        return acc;
    }

    /** ∇J(w). */
    double[] gradient(double[] w) {
        double[] g = new double[d];
        for (int n = 0; n < weights.length; n++) {
            double[] gn = engine.lossGradient(w, inputs[n], new double[] {targets[n]}).gradient();
            for (int i = 0; i < d; i++) {
                g[i] += weights[n] * gn[i];
            }
        }
        return g;
    }

    /** ∇²J(w), the dense Hessian. */
    double[][] hessian(double[] w) {
        double[][] h = new double[d][d];
        for (int n = 0; n < weights.length; n++) {
            Tensor hn = engine.hessian(w, inputs[n], new double[] {targets[n]});
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    h[i][j] += weights[n] * hn.get(i, j);
                }
            }
        }
        return h;
    }

    /** The minimiser of J: one Newton step from 0 (exact, J is quadratic), solved by LU. */
    double[] minimiser() {
        double[] zero = new double[d];
        double[] g = gradient(zero);
        double[] step = new LUDecomposition(new Array2DRowRealMatrix(hessian(zero))).getSolver()
                .solve(new ArrayRealVector(g)).toArray();
        for (int i = 0; i < d; i++) {
            step[i] = -step[i];
        }
        return step;
    }

    /** {@code n} samples (g(x_i), t_i) drawn with {@code rng}: per sample d + 1 standard normals. */
    Dataset sample(int n, RandomGenerator rng) {
        double[][] xs = new double[n][];
        double[][] ts = new double[n][];
        for (int k = 0; k < n; k++) {
            double[] x = new double[d];
            for (int i = 0; i < d; i++) {
                x[i] = mu[i] + sigma * rng.nextGaussian();
            }
            double zeta = rng.nextGaussian();
            xs[k] = features(x);
            ts[k] = new double[] {target(x, zeta)};
        }
        return Dataset.of(xs, ts);
    }

    /** The engine that evaluates the model (for per-sample quantities). */
    NetworkEvaluator engine() {
        return engine;
    }

    private double[] features(double[] x) {
        double[] g = x.clone();
        if (centred) {
            for (int i = 0; i < d; i++) {
                g[i] -= mu[i];
            }
        }
        return g;
    }

    private double target(double[] x, double zeta) {
        double t = offset + noise * zeta;
        for (int i = 0; i < d; i++) {
            t += v[i] * x[i];
        }
        return t;
    }
}
