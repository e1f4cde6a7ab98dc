package org.neuromanifold.symbolic.derive.conditioning;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;

import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.neuromanifold.core.activation.Relu;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;
import org.neuromanifold.core.expr.Relation;
import org.neuromanifold.core.model.Initialization;
import org.neuromanifold.core.result.Derivation;
import org.neuromanifold.core.result.SymbolicOutcome;
import org.neuromanifold.core.result.SymbolicVerdict;
import org.neuromanifold.core.scalar.TermPrinter;
import org.neuromanifold.symbolic.derive.DeriveRequest;
import org.neuromanifold.symbolic.derive.DerivedResult;
import org.neuromanifold.symbolic.derive.DerivedResult.CrossCheck;
import org.neuromanifold.symbolic.derive.DerivedResult.SeedFormulaCheck;
import org.neuromanifold.symbolic.derive.Deriver;
import org.neuromanifold.symbolic.derive.NumericComparison;
import org.neuromanifold.symbolic.symja.Assumptions;
import org.neuromanifold.symbolic.symja.SymjaExprs;
import org.neuromanifold.symbolic.symja.SymjaProver;

/**
 * {@code he-init} (seed 004, exercise 2a): with ReLU, W ~ N(0, 2/n) and b = 0, Var(z^{(l)}) = Var(z^{(l−1)}),
 * so the pre-activation variance is the same in every layer (by induction; it equals 2·Var(x) from the
 * first layer on).
 *
 * <p>The chain starts from the recurrence Var(z^{(l)}) = Σ_j (2/n) E[relu(z_j^{(l−1)})²] (the seed's
 * independence hints), with z = √q s, q = Var(z^{(l−1)}), and ReLU's symbolic form from the core; Symja
 * sums over the n units, splits the integral at the kink of the piecewise form, integrates both pieces
 * against the Gaussian density (E[relu(z)²] = q/2 = ½Var(z)) and simplifies to q. The identity
 * E[relu(Y)²] = ½E[Y²] holds for every symmetric Y (the finite-width pre-activations are symmetric, not
 * exactly Gaussian), which a cross-check confirms numerically for non-Gaussian symmetric laws.
 *
 * <p>Cross-checks: Monte Carlo on deep wide networks (options {@code width}, {@code depth},
 * {@code networks}, {@code inputs}; defaults 512, 20, 8, 8): He keeps Var(z^{(l)}) flat; the negative
 * control Var(W) = 1/n with ReLU halves it per layer, as the same derivation with 1/n predicts.
 */
public final class HeInitDeriver implements Deriver {
    private static final List<String> VARIANTS = List.of("relu");

    @Override
    public String id() {
        return "he-init";
    }

    @Override
    public List<String> variants() {
        return VARIANTS;
    }

    /** A derivation of the one-step map q ↦ Var(z^{(l)}) for weight scale c, and what it derived. */
    record Result(Derivation derivation, IExpr map, IExpr secondMoment) {
    }

    @Override
    public DerivedResult derive(DeriveRequest request) {
        String variant = request.variantOr(VARIANTS.get(0));
        if (!variant.equals("relu")) {
            throw new SpecificationException(ErrorCode.UNSUPPORTED, "variant", "variant: he-init has no variant '"
                    + variant + "'; expected one of " + VARIANTS);
        }
        double he = new Initialization.He().weightVarianceScale();
        DeepNetVariance.Setting setting = VarianceRecurrence.setting(request, new Relu(), he);
        Result r = derive(request, variant, he);
        List<CrossCheck> checks = new ArrayList<>();
        if (r.map() == null) {
            checks.add(MseHessianDeriver.notRun("the Monte Carlo checks",
                    "the derivation did not reach the recurrence"));
            return new DerivedResult(r.derivation(), Optional.empty(), checks, Optional.empty());
        }
        checks.add(VarianceRecurrence.monteCarlo("He initialisation Var(W) = 2/n, ReLU", setting,
                VarianceRecurrence.firstLayer(TermPrinter.number(he), setting.width()), map(r.map(), setting),
                predicted -> "; the map is linear in q, so it holds in expectation at every width (no finite-width "
                        + "shift), and Var(z^1) = Σ_j (2/n)·E[x_j²] = 2 by Symja Sum"));
        Result control = derive(request, variant, new Initialization.Xavier().weightVarianceScale());
        if (control.map() != null) {
            checks.add(VarianceRecurrence.monteCarlo("negative control Var(W) = 1/n with ReLU (the derivation with 1/n "
                    + "gives Var(z^l) = " + control.map().toMMA() + ": halved per layer)",
                    setting.withWeightScale(1, request.seed() + 1), VarianceRecurrence.firstLayer("1", setting.width()),
                    map(control.map(), setting)));
        }
        checks.add(symmetricLaws(r.secondMoment()));
        return new DerivedResult(r.derivation(), Optional.of(SymjaExprs.input(r.map())), checks,
                Optional.of(seedHint(r.secondMoment())));
    }

    /** The chain for Var(W) = c/n. */
    static Result derive(DeriveRequest request, String variant, double c) {
        String weight = TermPrinter.number(c);
        IExpr e0 = VarianceRecurrence.start(new Relu(), weight);
        Chain chain = Chain.start("he-init", "He initialisation keeps the pre-activation variance"
                + (c == 2 ? "" : " (Var(W) = " + weight + "/n)"), variant, VarianceRecurrence.points(request),
                VarianceRecurrence.TOLERANCE, e0, FormulaValues.valueFunction(e0))
                .assume("width $n$, ReLU, $W_{ij} \\sim N(0, " + weight + "/n)$, $b = 0$; the input is centred and "
                        + "whitened, $𝔼[x_j] = 0$, $\\mathrm{Var}(x_j) = 1$")
                .assume("$\\mathrm{Var}(z_i^{(l)}) = ∑_j \\mathrm{Var}(W_{ij})\\, 𝔼[(a_j^{(l-1)})^2]$ with "
                        + "$a_j = \\mathrm{relu}(z_j)$: $W$ independent of $a$, $𝔼[W] = 0$, $b = 0$ (the seed's hints)")
                .assume("$z^{(l-1)}_j = \\sqrt{q}\\, s$, $s \\sim N(0, 1)$ with density "
                        + "$φ(s) = e^{-s^2/2}/\\sqrt{2π}$, $q = \\mathrm{Var}(z^{(l-1)}) > 0$; "
                        + "$𝔼[\\mathrm{relu}(Y)^2] = \\tfrac12 𝔼[Y^2]$ needs only a symmetric law");
        IExpr map = null;
        IExpr moment = null;
        try {
            IExpr e1 = VarianceRecurrence.sumOverUnits(e0);
            chain.step(Relation.EQ, e1, "Symja Sum over the $n$ identical terms",
                    () -> SymjaProver.shared().proveEqual(SymjaOps.eval("Sum[(" + weight + "/n)*I0, {j, 1, n}]"),
                            SymjaOps.parse(weight + "*I0"), Assumptions.none()));
            IExpr relu = VarianceRecurrence.activationAt(new Relu(), "Sqrt[q]*s");
            Split split = split(relu);
            IExpr below = SymjaOps.eval("%s^2", split.below());
            IExpr above = SymjaOps.eval("%s^2", split.above());
            IExpr e2 = F.Times(SymjaOps.parse(weight), F.Plus(
                    VarianceRecurrence.gaussianIntegral(below, "-Infinity", split.kink()),
                    VarianceRecurrence.gaussianIntegral(above, split.kink(), "Infinity")));
            // the same function with its condition written as the bound on s just established
            IExpr squared = SymjaOps.parse("Piecewise[{{" + SymjaExprs.input(split.below()) + ", s < " + split.kink()
                    + "}}, " + SymjaExprs.input(split.above()) + "]^2");
            SymjaProver prover = SymjaProver.shared();
            chain.step(Relation.EQ, e2, "split at the kink $s = " + split.kink() + "$", () -> Verdicts.all(List.of(
                            Verdicts.computed("the condition " + split.condition() + " holds exactly for s < "
                                    + split.kink() + " (Simplify[Sign[·], q > 0] = Sign[s − " + split.kink() + "])"),
                            new Verdicts.Part("s < " + split.kink(), prover.proveEqual(squared, below,
                                    Assumptions.of("s < " + split.kink(), "q > 0"))),
                            new Verdicts.Part("s > " + split.kink(), prover.proveEqual(squared, above,
                                    Assumptions.of("s > " + split.kink(), "q > 0"))))));
            IExpr lower = GaussianMoments.integrate(SymjaOps.eval("%s*%s", below, GaussianMoments.density("s")), "s",
                    "-Infinity", split.kink());
            IExpr upper = GaussianMoments.integrate(SymjaOps.eval("%s*%s", above, GaussianMoments.density("s")), "s",
                    split.kink(), "Infinity");
            IExpr e3 = F.Times(SymjaOps.parse(weight), F.Plus(lower, upper));
            chain.step(Relation.EQ, e3, "Symja Integrate of both pieces",
                    () -> Verdicts.all(List.of(Verdicts.computed("∫ below = " + lower.toMMA() + ", ∫ above = "
                            + upper.toMMA()))));
            IExpr e4 = SymjaOps.eval("Simplify[%s]", e3);
            chain.step(Relation.EQ, e4, "Symja Simplify; induction over $l$ if the map is $q$",
                    () -> SymjaProver.shared().proveEqual(e3, e4, Assumptions.of("q > 0")));
            map = e4;
            moment = SymjaOps.eval("%s + %s", lower, upper);
        } catch (SymjaOps.Unavailable e) {
            chain.stop(e.getMessage());
        }
        return new Result(chain.build(), map, moment);
    }

    /** The piecewise form split at its kink: the value below and above the kink. */
    private record Split(String condition, String kink, IExpr below, IExpr above) {
    }

    private static Split split(IExpr relu) {
        if (!relu.isAST(S.Piecewise)) {
            throw new SymjaOps.Unavailable("expected relu's piecewise form, got " + relu.toMMA());
        }
        IAST pieces = (IAST) ((IAST) relu).arg1();
        IAST first = (IAST) pieces.arg1();
        IExpr condition = first.arg2();
        if (pieces.argSize() != 1 || !condition.isAST(S.Less)) {
            throw new SymjaOps.Unavailable("expected one piece with a condition u < 0, got " + relu.toMMA());
        }
        IExpr kink = SymjaOps.eval("s /. First[Solve[%s == 0, s]]", ((IAST) condition).arg1());
        // the condition u < 0 holds exactly below the kink when Sign[u] = Sign[s − kink]
        IExpr sign = SymjaOps.eval("Simplify[Sign[%s], q > 0]", ((IAST) condition).arg1());
        IExpr expected = SymjaOps.eval("Sign[s - %s]", kink);
        if (!sign.equals(expected)) {
            throw new SymjaOps.Unavailable("the condition " + condition.toMMA() + " is not s < " + kink.toMMA()
                    + " (Symja: Sign = " + sign.toMMA() + ")");
        }
        return new Split(condition.toMMA(), kink.toMMA(), first.arg1(), ((IAST) relu).arg2());
    }

    /** The one-step map q ↦ Var(z^{(l)}) at width n, numerically. */
    private static DoubleUnaryOperator map(IExpr map, DeepNetVariance.Setting setting) {
        double n = setting.width();
        return q -> FormulaValues.scalar(map, Map.of("q", q, "n", n));
    }

    /** E[relu(Y)²]/E[Y²] for symmetric non-Gaussian laws against the derived ½. */
    static CrossCheck symmetricLaws(IExpr secondMoment) {
        double ratio = FormulaValues.scalar(secondMoment, Map.of("q", 1.0));
        List<double[]> numeric = new ArrayList<>();
        List<double[]> derived = new ArrayList<>();
        StringBuilder names = new StringBuilder();
        List<DoubleUnaryOperator> densities = List.of(
                y -> 0.5 * Math.exp(-Math.abs(y)),
                y -> 0.75 * Math.max(0, 1 - y * y),
                y -> 0.5 * Quadrature.density(y / 0.5) / 0.5 + 0.5 * Quadrature.density(y / 2) / 2);
        List<String> labels = List.of("Laplace(0, 1)", "Epanechnikov on [−1, 1]", "scale mixture ½N(0, ¼) + ½N(0, 4)");
        for (int i = 0; i < densities.size(); i++) {
            DoubleUnaryOperator p = densities.get(i);
            double relu2 = Quadrature.integrate(y -> y * y * p.applyAsDouble(y), 0, Double.POSITIVE_INFINITY);
            double second = Quadrature.integrate(y -> y * y * p.applyAsDouble(y), Double.NEGATIVE_INFINITY,
                    Double.POSITIVE_INFINITY);
            numeric.add(new double[] {relu2 / second});
            derived.add(new double[] {ratio});
            names.append(String.format(Locale.ROOT, "%s%s: %.12f", i == 0 ? "" : ", ", labels.get(i), relu2 / second));
        }
        return new CrossCheck("E[relu(Y)²]/E[Y²] for symmetric non-Gaussian laws (numeric quadrature) vs the derived "
                + "Gaussian ratio " + ratio + ": " + names, NumericComparison.compare(Relation.EQ, numeric, derived,
                        VarianceRecurrence.TOLERANCE));
    }

    /** The seed's hint E[ReLU(Y)²] = ½Var(Y), with Var(Y) = q, against the derived second moment. */
    private static SeedFormulaCheck seedHint(IExpr secondMoment) {
        SymbolicVerdict v = SymjaProver.shared().proveEqual(SymjaOps.parse("q/2"), secondMoment,
                Assumptions.of("q > 0"));
        boolean agrees = v.outcome() == SymbolicOutcome.PROVED;
        return new SeedFormulaCheck(agrees, "the seed's hint E[ReLU(Y)²] = ½Var(Y) (Var(Y) = q) "
                + (agrees ? "agrees with the derived E[relu(z)²] = " + secondMoment.toMMA() : "differs: " + v));
    }
}
