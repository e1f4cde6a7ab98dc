package org.neuromanifold.symbolic.derive.conditioning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;

import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.neuromanifold.core.activation.Activation;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;
import org.neuromanifold.symbolic.derive.DeriveRequest;
import org.neuromanifold.symbolic.derive.DerivedResult.CrossCheck;
import org.neuromanifold.symbolic.symja.SymbolTable;
import org.neuromanifold.symbolic.symja.SymjaExprs;
import org.neuromanifold.symbolic.symja.SymjaTerms;

/**
 * What the {@code he-init} and {@code xavier-init} derivations share (seed 004, exercise 2): the
 * variance recurrence of a bias-free layer, its start, its random points, and the Monte Carlo check on
 * deep wide networks.
 *
 * <p>The recurrence: for z_i^{(l)} = Σ_j W_ij a_j^{(l−1)} with W_ij ~ N(0, c/n) independent of a^{(l−1)},
 * b = 0 and E[W] = 0 (the seed's hints), Var(z_i^{(l)}) = Σ_j Var(W_ij) E[(a_j^{(l−1)})²]. With a_j = σ(z_j),
 * z_j = √q s and s ~ N(0, 1) (q = Var(z^{(l−1)})), the start of both chains is
 * Σ_{j=1}^{n} (c/n) ∫ σ(√q s)² φ(s) ds, built from the activation's symbolic form.
 */
final class VarianceRecurrence {
    static final double TOLERANCE = 1e-9;
    /** Default Monte Carlo setting: width, depth, independent networks, inputs per network. */
    static final int WIDTH = 512;
    static final int DEPTH = 20;
    static final int NETWORKS = 8;
    static final int INPUTS = 8;

    private VarianceRecurrence() {
    }

    /** σ(√q s), from the activation's symbolic form. */
    static IExpr activationAt(Activation activation, String argument) {
        SymbolTable names = SymbolTable.create();
        IExpr sigma = SymjaTerms.toSymja(activation.symbolic(), names);
        return SymjaOps.substitute(sigma, Map.of(names.symjaName(Activation.VARIABLE), SymjaOps.parse(argument)));
    }

    /** ∫_lo^hi integrand φ(s) ds, unevaluated. */
    static IExpr gaussianIntegral(IExpr integrand, String lo, String hi) {
        return SymjaOps.parse("Integrate[(" + SymjaExprs.input(integrand) + ")*"
                + SymjaExprs.input(GaussianMoments.density("s")) + ", {s, " + lo + ", " + hi + "}]");
    }

    /** Σ_{j=1}^{n} (weight/n) ∫ σ(√q s)² φ(s) ds, unevaluated; {@code weight} is c (a number or a symbol). */
    static IExpr start(Activation activation, String weight) {
        IExpr integral = gaussianIntegral(SymjaOps.eval("%s^2", activationAt(activation, "Sqrt[q]*s")),
                "-Infinity", "Infinity");
        return SymjaOps.parse("Sum[(" + weight + "/n)*" + SymjaExprs.input(integral) + ", {j, 1, n}]");
    }

    /**
     * The sum over j evaluated by Symja with the integral held as a placeholder (its terms do not depend on
     * j), then put back: (c/n)·n·I = c·I.
     */
    static IExpr sumOverUnits(IExpr sum) {
        IAST s = (IAST) sum;
        IExpr summand = s.arg1();
        Map<String, IExpr> hold = new LinkedHashMap<>();
        IExpr held = summand.replaceAll(e -> {
            if (e.isAST(S.Integrate)) {
                String name = "nmIntegral" + hold.size();
                hold.put(name, e);
                return SymjaOps.symbol(name);
            }
            return F.NIL;
        });
        IExpr evaluated = SymjaOps.eval("Sum[%s, " + SymjaExprs.input(s.arg2()) + "]",
                held.isPresent() ? held : summand);
        return SymjaOps.substitute(evaluated, hold);
    }

    /**
     * Var(z^{(1)}) = Σ_j (c/n) E[x_j²] with E[x_j²] = 1 (whitened input, no activation before the first
     * layer), summed by Symja and evaluated at width n.
     */
    static double firstLayer(String weight, int width) {
        IExpr v = SymjaOps.eval("Sum[(" + weight + "/n)*1, {j, 1, n}]");
        return FormulaValues.scalar(v, Map.of("n", (double) width));
    }

    /** Random points: n a whole number in 1…64, q ∈ [0.05, 5], alpha ∈ [0.5, 2]. */
    static List<Map<String, Double>> points(DeriveRequest request) {
        SplittableRandom rng = new SplittableRandom(request.seed());
        List<Map<String, Double>> out = new ArrayList<>();
        for (int i = 0; i < request.points(); i++) {
            Map<String, Double> p = new LinkedHashMap<>();
            p.put("n", (double) (1 + rng.nextInt(64)));
            p.put("q", 0.05 + 4.95 * rng.nextDouble());
            p.put("alpha", 0.5 + 1.5 * rng.nextDouble());
            out.add(Map.copyOf(p));
        }
        return out;
    }

    /**
     * The Monte Carlo setting from the request's options {@code width}, {@code depth}, {@code networks} and
     * {@code inputs}.
     */
    static DeepNetVariance.Setting setting(DeriveRequest request, Activation activation, double weightScale) {
        return new DeepNetVariance.Setting(activation, weightScale, whole(request, "width", WIDTH, 1, 8192),
                whole(request, "depth", DEPTH, 1, 1000), whole(request, "networks", NETWORKS, 2, 10_000),
                whole(request, "inputs", INPUTS, 1, 100_000), request.seed());
    }

    private static int whole(DeriveRequest request, String name, int fallback, int lo, int hi) {
        double v = request.option(name, fallback);
        if (v != Math.rint(v) || v < lo || v > hi) {
            throw SpecificationException.expected(ErrorCode.OUT_OF_RANGE, name,
                    "a whole number between " + lo + " and " + hi, v);
        }
        return (int) v;
    }

    /**
     * The Monte Carlo profile against a predicted one (q_1 and the one-step map), in standard errors with
     * Student's t over the networks and a Bonferroni threshold over the layers.
     */
    static CrossCheck monteCarlo(String what, DeepNetVariance.Setting s, double q1, DoubleUnaryOperator map) {
        return monteCarlo(what, s, q1, map, predicted -> "");
    }

    /**
     * As {@link #monteCarlo(String, DeepNetVariance.Setting, double, DoubleUnaryOperator)}, with a remark on
     * the prediction (computed from the predicted profile) appended to the description.
     */
    static CrossCheck monteCarlo(String what, DeepNetVariance.Setting s, double q1, DoubleUnaryOperator map,
            Function<double[], String> remark) {
        DeepNetVariance.Profile p = DeepNetVariance.run(s);
        double[] predicted = new double[s.depth()];
        predicted[0] = q1;
        for (int l = 1; l < s.depth(); l++) {
            predicted[l] = map.applyAsDouble(predicted[l - 1]);
        }
        double score = Statistics.maxScore(p.mean(), p.standardError(), predicted);
        double threshold = Statistics.tThreshold(s.networks() - 1, s.depth());
        return new CrossCheck(String.format(Locale.ROOT, "%s: Monte Carlo on %d random networks of width %d and depth "
                + "%d (%d whitened Gaussian inputs each; mean ± SE over networks) vs the derived recurrence: %s; "
                + "largest deviation %.2f SE against a threshold of %.2f (Student t, %d dof, family-wise α = %.0e over "
                + "%d layers)%s; errors below are in standard errors", what, s.networks(), s.width(), s.depth(),
                s.inputs(), table(p, predicted), score, threshold, s.networks() - 1, Statistics.FAMILY_ALPHA,
                s.depth(), remark.apply(predicted)), Statistics.scoreCertificate(s.depth(), score, threshold));
    }

    /** Layers 1, 2, 5, 10, 15, 20, … and the last: "l: mean ± se (predicted p)". */
    private static String table(DeepNetVariance.Profile p, double[] predicted) {
        List<String> rows = new ArrayList<>();
        for (int l = 1; l <= p.depth(); l++) {
            if (l <= 2 || l % 5 == 0 || l == p.depth()) {
                rows.add(String.format(Locale.ROOT, "Var(z^%d) = %.4g ± %.2g (predicted %.4g)", l, p.mean()[l - 1],
                        p.standardError()[l - 1], predicted[l - 1]));
            }
        }
        return String.join(", ", rows);
    }
}
