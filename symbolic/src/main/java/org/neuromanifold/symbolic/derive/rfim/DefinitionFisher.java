package org.neuromanifold.symbolic.derive.rfim;

import java.util.ArrayList;
import java.util.List;

import org.neuromanifold.core.model.ParameterGroup;
import org.neuromanifold.core.scalar.Fn;
import org.neuromanifold.numeric.autodiff.AutoDiff;
import org.neuromanifold.numeric.autodiff.Tape;
import org.neuromanifold.numeric.model.NetworkGraph;

/**
 * The relative Fisher information computed from its definition, 𝔼_y[∇ ln p(y) ∇ ln p(y)ᵀ], with the
 * response model exactly as the seed states it (no relabelling): the log-likelihood of each outcome is
 * recorded on the numeric engine's tape from the declared network's last pre-activations and
 * differentiated by its autodiff; the expectation is exact —
 * <ul>
 * <li>Bernoulli: enumeration of the 2^k outcomes y ∈ {−1, 1}^k (tanh) or {0, 1}^k (sigmoid), weighted
 * by p(y) = Π p(y_l);</li>
 * <li>categorical: enumeration of the m classes, weighted by softmax(u)_i;</li>
 * <li>Gaussian: the tensor grid of the two-point Gauss–Hermite rule y_l = σ(u_l) ± s with weights ½ per
 * output, exact for polynomials of degree ≤ 3 in each y_l; the score is linear in y, so every entry of
 * its outer product has degree ≤ 2 in each y_l.</li>
 * </ul>
 * Parameters of a layer group come in the neuron-by-neuron order of {@link StochasticNetwork#neuronMajor}.
 */
public final class DefinitionFisher {
    /** The largest number of outputs enumerated (2^k outcomes). */
    static final int MAX_OUTPUTS = 12;

    private DefinitionFisher() {
    }

    /** θ as a function of other coordinates λ, recorded on the tape (the identity for the plain Fisher). */
    @FunctionalInterface
    public interface Coordinates {
        /** The node of θ given the node of λ. */
        int theta(Tape t, int lambda);

        /** θ = λ. */
        Coordinates IDENTITY = (t, lambda) -> lambda;
    }

    /** The relative Fisher information of {@code group} at θ and x. */
    public static double[][] fisher(StochasticNetwork net, double[] theta, double[] x, ParameterGroup group) {
        net.declared().layout().requireValid(theta);
        int[] idx = groupIndices(net, group);
        double[][] full = fisher(net, Coordinates.IDENTITY, theta, x, idx);
        return full;
    }

    /**
     * The Fisher information with respect to the coordinates λ (entries {@code select} of ∇_λ), where
     * θ = {@code coordinates}(λ) is the declared network's parameter vector.
     */
    public static double[][] fisher(StochasticNetwork net, Coordinates coordinates, double[] lambda, double[] x,
            int[] select) {
        int n = select.length;
        double[][] g = new double[n][n];
        for (Outcome o : outcomes(net, coordinates, lambda, x, null)) {
            double[] s = new double[n];
            for (int a = 0; a < n; a++) {
                s[a] = o.score[select[a]];
            }
            for (int a = 0; a < n; a++) {
                for (int c = 0; c < n; c++) {
                    g[a][c] += o.weight * s[a] * s[c];
                }
            }
        }
        return g;
    }

    /** ∇_λ of −ln p(y | x) at the observed response {@code y} (the gradient of the negative log-likelihood loss). */
    public static double[] lossGradient(StochasticNetwork net, Coordinates coordinates, double[] lambda, double[] x,
            double[] y) {
        List<Outcome> one = outcomes(net, coordinates, lambda, x, y);
        double[] g = one.get(0).score.clone();
        for (int i = 0; i < g.length; i++) {
            g[i] = -g[i];
        }
        return g;
    }

    /** The flat θ indices of {@code group}, layer groups in neuron-by-neuron order. */
    static int[] groupIndices(StochasticNetwork net, ParameterGroup group) {
        int[] layout = net.declared().layout().indices(group);
        if (!(group instanceof ParameterGroup.Layer l)) {
            return layout;
        }
        int[] order = net.neuronMajor(l.layer());
        int[] idx = new int[layout.length];
        for (int p = 0; p < idx.length; p++) {
            idx[p] = layout[order[p]];
        }
        return idx;
    }

    /** One outcome of the response: its probability weight and the score ∇_λ ln p(y). */
    private record Outcome(double weight, double[] score) {
    }

    /** Every outcome (or only {@code observed}, with weight 1) with its score. */
    private static List<Outcome> outcomes(StochasticNetwork net, Coordinates coordinates, double[] lambda,
            double[] x, double[] observed) {
        int k = net.outputs();
        if (k > MAX_OUTPUTS && observed == null) {
            throw new IllegalArgumentException("outputs: at most " + MAX_OUTPUTS + " responses are enumerated, got " + k);
        }
        Tape t = new Tape();
        int lam = t.vector(lambda);
        int theta = coordinates.theta(t, lam);
        int[] z = new int[net.layerCount()];
        NetworkGraph.forward(t, net.declared(), theta, t.vector(x), z);
        int u = z[z.length - 1];
        double[] uValue = t.toArray(u);
        List<Outcome> out = new ArrayList<>();
        int mark = t.mark();
        if (observed != null) {
            int lnp = logLikelihood(t, net.response(), u, observed);
            out.add(new Outcome(1.0, t.toArray(AutoDiff.grad(t, lnp, lam))));
            return out;
        }
        for (double[] y : responses(net.response(), uValue)) {
            int lnp = logLikelihood(t, net.response(), u, y);
            double weight = switch (net.response()) {
                case ResponseModel.Gaussian g -> Math.pow(0.5, k);
                default -> Math.exp(t.scalarValue(lnp));
            };
            out.add(new Outcome(weight, t.toArray(AutoDiff.grad(t, lnp, lam))));
            t.rewind(mark);
        }
        return out;
    }

    /** The outcomes to sum over (see the class comment). */
    private static List<double[]> responses(ResponseModel model, double[] u) {
        int k = u.length;
        List<double[]> ys = new ArrayList<>();
        if (model instanceof ResponseModel.Categorical) {
            for (int i = 0; i < k; i++) {
                double[] y = new double[k];
                y[i] = 1;
                ys.add(y);
            }
            return ys;
        }
        for (int mask = 0; mask < (1 << k); mask++) {
            double[] y = new double[k];
            for (int l = 0; l < k; l++) {
                boolean high = ((mask >>> l) & 1) == 1;
                y[l] = switch (model) {
                    case ResponseModel.TanhBernoulli b -> high ? 1 : -1;
                    case ResponseModel.SigmoidBernoulli b -> high ? 1 : 0;
                    case ResponseModel.Gaussian g -> g.activation().value(u[l]) + (high ? g.s() : -g.s());
                    case ResponseModel.Categorical c -> throw new IllegalStateException("enumerated above");
                };
            }
            ys.add(y);
        }
        return ys;
    }

    /** ln p(y | u) recorded on the tape, from the model as the seed states it. */
    private static int logLikelihood(Tape t, ResponseModel model, int u, double[] y) {
        int yn = t.vector(y);
        return switch (model) {
            case ResponseModel.TanhBernoulli b -> {
                // Σ ln((1 + y tanh u)/2), y ∈ {−1, 1}
                int p = t.scale(t.add(t.scalar(1), t.mul(yn, t.fn(Fn.TANH, u))), 0.5);
                yield t.sum(t.fn(Fn.LOG, p));
            }
            case ResponseModel.SigmoidBernoulli b -> {
                // Σ y ln sigm(u) + (1 − y) ln(1 − sigm(u))
                int p = t.fn(Fn.SIGMOID, u);
                int one = t.scalar(1);
                yield t.sum(t.add(t.mul(yn, t.fn(Fn.LOG, p)),
                        t.mul(t.sub(one, yn), t.fn(Fn.LOG, t.sub(one, p)))));
            }
            case ResponseModel.Gaussian g -> {
                // −Σ (y − σ(u))² / (2 s²) + const
                int r = t.sub(yn, t.activation(g.activation(), u));
                yield t.scale(t.sum(t.mul(r, r)), -1 / (2 * g.s() * g.s()));
            }
            case ResponseModel.Categorical c -> t.sub(t.dot(yn, u), t.logSumExp(u));
        };
    }
}
