package org.neuromanifold.symbolic.derive.conditioning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.neuromanifold.core.data.Dataset;
import org.neuromanifold.core.expr.Relation;
import org.neuromanifold.core.result.NumericCertificate;
import org.neuromanifold.numeric.random.Xoshiro256PlusPlus;
import org.neuromanifold.numeric.tensor.Tensor;
import org.neuromanifold.symbolic.derive.DerivedResult.CrossCheck;
import org.neuromanifold.symbolic.derive.NumericComparison;

/**
 * The derived results of {@code mse-hessian} against the numeric engine computing the same objects from
 * their definitions, on random instances drawn from the request's seed:
 * <ul>
 * <li>the dense Hessian of the empirical J on a Gaussian sample (autodiff per sample) against the derived
 * σ²I + μμᵀ, judged in standard errors of the sample mean;</li>
 * <li>the eigenvalues of the exact Hessian (Commons Math) against the derived σ² + ‖μ‖² and σ² (d − 1 times),
 * and κ;</li>
 * <li>gradient descent with step 1/λ_max on the raw and on the centred problem: iterations to reduce the
 * distance to the minimiser by {@value #GD_REDUCTION}, against the count the spectrum predicts
 * (the μ-component vanishes in the first step, the rest contracts by 1 − 1/κ per step);</li>
 * <li>the optimal risks of the raw and the centred model (numerical minimisation) against the derived gap
 * ½(vᵀμ)².</li>
 * </ul>
 */
final class MseCrossChecks {
    static final double GD_REDUCTION = 1e-8;
    /** ‖μ‖/σ of the gradient-descent instance: κ = 1 + 3² = 10 on raw inputs. */
    static final double GD_MEAN_TO_SIGMA = 3;
    private static final int GD_MAX_ITERATIONS = 100_000;

    private MseCrossChecks() {
    }

    /** A random instance: μ ∈ [−1.5, 1.5]^d, σ ∈ [0.5, 1.5], v, w ∈ [−1, 1]^d. */
    record Instance(double[] mu, double sigma, double[] v, double[] w) {
        static Instance draw(long seed, long stream, int d) {
            Xoshiro256PlusPlus rng = Xoshiro256PlusPlus.of(seed, stream);
            double[] mu = new double[d];
            double[] v = new double[d];
            double[] w = new double[d];
            for (int k = 0; k < d; k++) {
                mu[k] = -1.5 + 3 * rng.nextDouble();
                v[k] = -1 + 2 * rng.nextDouble();
                w[k] = -1 + 2 * rng.nextDouble();
            }
            return new Instance(mu, 0.5 + rng.nextDouble(), v, w);
        }

        /** The same instance with μ rescaled to ‖μ‖ = ratio·σ. */
        Instance withMeanNorm(double ratio) {
            double scale = ratio * sigma / Math.sqrt(normSquared());
            double[] m = mu.clone();
            for (int k = 0; k < m.length; k++) {
                m[k] *= scale;
            }
            return new Instance(m, sigma, v, w);
        }

        LinearRegression model(boolean centred) {
            return new LinearRegression(mu, sigma, v, 0, 0.5, centred);
        }

        double normSquared() {
            double s = 0;
            for (double m : mu) {
                s += m * m;
            }
            return s;
        }
    }

    /**
     * The empirical Hessian of J on {@code n} samples (autodiff per sample) in dimension d against the
     * derived closed form evaluated at the instance.
     */
    static CrossCheck empiricalHessian(Function<Instance, double[]> closedForm, long seed, int n,
            int d) {
        Instance in = Instance.draw(seed, 1, d);
        LinearRegression model = in.model(false);
        Dataset data = model.sample(n, Xoshiro256PlusPlus.of(seed, 2));
        double[] mean = new double[d * d];
        double[] m2 = new double[d * d];
        for (int s = 0; s < n; s++) {
            Tensor h = model.engine().hessian(in.w(), data.input(s), data.target(s));
            for (int k = 0; k < d * d; k++) {
                double x = h.get(k / d, k % d);
                double delta = x - mean[k];
                mean[k] += delta / (s + 1);
                m2[k] += delta * (x - mean[k]);
            }
        }
        double[] se = new double[d * d];
        for (int k = 0; k < d * d; k++) {
            se[k] = Math.sqrt(m2[k] / (n - 1) / n);
        }
        double[] closed = closedForm.apply(in);
        double score = Statistics.maxScore(mean, se, closed);
        double threshold = Statistics.normalThreshold(d * d);
        return new CrossCheck(String.format(Locale.ROOT, "dense Hessian of the empirical J on %d Gaussian samples "
                + "(autodiff per sample, d = %d, σ = %.3g, ‖μ‖ = %.3g) vs the derived σ²I + μμᵀ: largest deviation "
                + "%.2f standard errors (SE %.1e to %.1e) against a threshold of %.2f (family-wise α = %.0e over "
                + "%d entries); errors below are in standard errors", n, d, in.sigma(), Math.sqrt(in.normSquared()),
                score, min(se), max(se), threshold, Statistics.FAMILY_ALPHA, d * d),
                Statistics.scoreCertificate(d * d, score, threshold));
    }

    /** σ²δ_ij + μ_iμ_j from the derived 2×2 block: the diagonal entry and the off-diagonal one, relabelled. */
    static double[] closedFormHessian(IExpr block, Instance in) {
        int d = in.mu().length;
        IExpr diagonal = ((IAST) ((IAST) block).arg1()).arg1();
        IExpr offDiagonal = ((IAST) ((IAST) block).arg1()).arg2();
        double[] out = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                Map<String, Double> p = Map.of("mu1", in.mu()[i], "mu2", in.mu()[j], "sigma", in.sigma());
                out[i * d + j] = FormulaValues.scalar(i == j ? diagonal : offDiagonal, p);
            }
        }
        return out;
    }

    /** Commons Math eigenvalues of the exact Hessian against the derived spectrum, for d = 2…5. */
    static CrossCheck spectrum(MseSpectrumChain.Spectrum spectrum, long seed) {
        List<double[]> numeric = new ArrayList<>();
        List<double[]> closed = new ArrayList<>();
        StringBuilder kappas = new StringBuilder();
        for (int d = 2; d <= 5; d++) {
            Instance in = Instance.draw(seed, 10 + d, d);
            double[] ev = MseSpectrumChain.eigenvalues(in.model(false).hessian(in.w()));
            Map<String, Double> p = Map.of("m", Math.sqrt(in.normSquared()), "sigma", in.sigma());
            double largest = FormulaValues.scalar(spectrum.largest(), p);
            double smallest = FormulaValues.scalar(spectrum.smallest(), p);
            double[] expected = new double[d];
            expected[0] = largest;
            for (int k = 1; k < d; k++) {
                expected[k] = smallest;
            }
            numeric.add(ev);
            closed.add(expected);
            kappas.append(String.format(Locale.ROOT, "%sd = %d: κ = %.4g (derived %.4g)", d == 2 ? "" : "; ", d,
                    ev[0] / ev[d - 1], largest / smallest));
        }
        return new CrossCheck("eigenvalues of the exact Hessian (autodiff, Gauss-Hermite quadrature) by Commons Math "
                + "vs the derived σ² + ‖μ‖² (once) and σ² (d − 1 times): " + kappas,
                NumericComparison.compare(Relation.EQ, numeric, closed, MseHessianChains.TOLERANCE));
    }

    /** Iterations of gradient descent, raw vs centred, against the counts the spectrum predicts. */
    static CrossCheck gradientDescent(long seed) {
        int d = 3;
        Instance in = Instance.draw(seed, 3, d).withMeanNorm(GD_MEAN_TO_SIGMA);
        Run raw = descend(in.model(false), in);
        Run centred = descend(in.model(true), in);
        NumericCertificate c = NumericComparison.compare(Relation.EQ,
                List.of(new double[] {raw.iterations()}, new double[] {centred.iterations()}),
                List.of(new double[] {raw.predicted()}, new double[] {centred.predicted()}), 0.02);
        return new CrossCheck(String.format(Locale.ROOT, "gradient descent from w = 0 with step 1/λ_max to a distance "
                + "%.0e × the initial one (gradients by autodiff on the exact J, d = %d, ‖μ‖ = 3σ): raw inputs "
                + "κ = %.4g, %d iterations (predicted %d); centred inputs κ = %.4g, %d iteration(s) (predicted %d); "
                + "compared as iteration counts, relative tolerance 2%%", GD_REDUCTION, d, raw.kappa(),
                raw.iterations(), raw.predicted(), centred.kappa(), centred.iterations(), centred.predicted()), c);
    }

    private record Run(double kappa, int iterations, int predicted) {
    }

    private static Run descend(LinearRegression model, Instance in) {
        int d = model.dimension();
        double[] zero = new double[d];
        double[] ev = MseSpectrumChain.eigenvalues(model.hessian(zero));
        double kappa = ev[0] / ev[d - 1];
        double eta = 1 / ev[0];
        double[] target = model.minimiser();
        double[] w = zero.clone();
        double start = distance(w, target);
        int iterations = 0;
        while (distance(w, target) > GD_REDUCTION * start && iterations < GD_MAX_ITERATIONS) {
            double[] g = model.gradient(w);
            for (int k = 0; k < d; k++) {
                w[k] -= eta * g[k];
            }
            iterations++;
        }
        // e₀ = −w*: its μ-component vanishes after one step, the part ⊥ μ contracts by (1 − 1/κ) per step
        double[] mu = in.mu();
        double[] perpendicular = target.clone();
        double dot = 0;
        for (int k = 0; k < d; k++) {
            dot += target[k] * mu[k];
        }
        for (int k = 0; k < d; k++) {
            perpendicular[k] -= dot / in.normSquared() * mu[k];
        }
        double rest = Math.sqrt(dot(perpendicular, perpendicular)) / start;
        int predicted = kappa - 1 < 1e-12 || rest <= GD_REDUCTION ? 1
                : Math.max(1, (int) Math.ceil(Math.log(GD_REDUCTION / rest) / Math.log(1 - 1 / kappa)));
        return new Run(kappa, iterations, predicted);
    }

    /** The derived gradient (d coordinates) against the engine's exact gradient at random instances. */
    static CrossCheck gradient(IExpr gradient, int d, long seed, int points) {
        List<double[]> numeric = new ArrayList<>();
        List<double[]> closed = new ArrayList<>();
        for (int i = 0; i < points; i++) {
            Instance in = Instance.draw(seed, 100 + i, d);
            numeric.add(in.model(false).gradient(in.w()));
            closed.add(FormulaValues.of(gradient, point(in)));
        }
        return new CrossCheck("the derived ∇J = (σ²I + μμᵀ)(w − v) vs the gradient of the exact J by autodiff "
                + "(Gauss-Hermite quadrature), d = " + d + ", " + points + " random instances",
                NumericComparison.compare(Relation.EQ, numeric, closed, MseHessianChains.TOLERANCE));
    }

    /** The instance as a point of the concrete chains (μ_k, σ, w_k, v_k, s = 0.5). */
    static Map<String, Double> point(Instance in) {
        Map<String, Double> p = new LinkedHashMap<>();
        for (int k = 0; k < in.mu().length; k++) {
            p.put("mu" + (k + 1), in.mu()[k]);
            p.put("w" + (k + 1), in.w()[k]);
            p.put("v" + (k + 1), in.v()[k]);
        }
        p.put("sigma", in.sigma());
        p.put("s", 0.5);
        return p;
    }

    /** The optimal risks of the raw and the centred model against the derived gap, for d = 2…5. */
    static CrossCheck optimalRiskGap(IExpr gap, long seed) {
        List<double[]> numeric = new ArrayList<>();
        List<double[]> closed = new ArrayList<>();
        StringBuilder numbers = new StringBuilder();
        for (int d = 2; d <= 5; d++) {
            Instance in = Instance.draw(seed, 20 + d, d);
            LinearRegression raw = in.model(false);
            LinearRegression centred = in.model(true);
            double rawRisk = raw.risk(raw.minimiser());
            double centredRisk = centred.risk(centred.minimiser());
            // the derived gap is in the coordinates of d = 2; for d > 2, μ₁v₁ + μ₂v₂ is read as vᵀμ
            Map<String, Double> p = d == 2
                    ? Map.of("mu1", in.mu()[0], "v1", in.v()[0], "mu2", in.mu()[1], "v2", in.v()[1])
                    : Map.of("mu1", dot(in.v(), in.mu()), "v1", 1.0, "mu2", 0.0, "v2", 0.0);
            double expected = FormulaValues.scalar(gap, p);
            numeric.add(new double[] {centredRisk - rawRisk});
            closed.add(new double[] {expected});
            numbers.append(String.format(Locale.ROOT, "%sd = %d: min J = %.4g, min J_c = %.4g, gap %.4g (derived "
                    + "½(vᵀμ)² = %.4g)", d == 2 ? "" : "; ", d, rawRisk, centredRisk, centredRisk - rawRisk, expected));
        }
        return new CrossCheck("optimal risks by numerical minimisation (autodiff, exact quadrature, Newton step by "
                + "LU), noise s = 0.5, so min J = s²/2: " + numbers,
                NumericComparison.compare(Relation.EQ, numeric, closed, MseHessianChains.TOLERANCE));
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += (a[k] - b[k]) * (a[k] - b[k]);
        }
        return Math.sqrt(s);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }

    private static double min(double[] a) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : a) {
            m = Math.min(m, x);
        }
        return m;
    }

    private static double max(double[] a) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : a) {
            m = Math.max(m, x);
        }
        return m;
    }
}
