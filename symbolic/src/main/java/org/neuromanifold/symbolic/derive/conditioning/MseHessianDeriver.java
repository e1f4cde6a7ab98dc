package org.neuromanifold.symbolic.derive.conditioning;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.matheclipse.core.interfaces.IExpr;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;
import org.neuromanifold.core.result.NumericCertificate;
import org.neuromanifold.core.result.SymbolicOutcome;
import org.neuromanifold.core.result.SymbolicVerdict;
import org.neuromanifold.symbolic.derive.DeriveRequest;
import org.neuromanifold.symbolic.derive.DerivedResult;
import org.neuromanifold.symbolic.derive.DerivedResult.CrossCheck;
import org.neuromanifold.symbolic.derive.DerivedResult.SeedFormulaCheck;
import org.neuromanifold.symbolic.derive.Deriver;
import org.neuromanifold.symbolic.symja.Assumptions;
import org.neuromanifold.symbolic.symja.SymjaExprs;
import org.neuromanifold.symbolic.symja.SymjaProver;

/**
 * {@code mse-hessian} (seed 004, exercise 1): for J(w) = 𝔼[½(wᵀx − t)²], x ~ N(μ, σ²I_d), t = vᵀx + ε,
 * ∇²J = σ²I + μμᵀ for every w and v; its eigenvalues are σ² + ‖μ‖² (eigenvector μ) and σ² (multiplicity
 * d − 1), κ = 1 + ‖μ‖²/σ²; centring makes κ = 1 but the bias-free centred model loses ½(vᵀμ)² of risk.
 *
 * <p>Variants (the first is the default):
 * <ul>
 * <li>{@code hessian}: ∇²J for any d, on a 2×2 principal block ({@link MseHessianChains#general});</li>
 * <li>{@code d2}, {@code d3}: every coordinate symbolic, with J and ∇J in closed form;</li>
 * <li>{@code spectrum}: the eigen-decomposition (index-free) and κ ({@link MseSpectrumChain});</li>
 * <li>{@code centering}: the optimal-risk gap of the centred model ({@link MseCenteringChain}).</li>
 * </ul>
 * Every variant reports the numeric cross-checks of {@link MseCrossChecks}: the empirical Hessian on a
 * Gaussian sample ({@code hessian}, {@code d2}, {@code d3}), the Commons Math spectrum and κ, gradient
 * descent on raw vs centred inputs, and the optimal-risk gap. Option {@code samples}: the sample size of
 * the empirical Hessian (default {@value #DEFAULT_SAMPLES}).
 */
public final class MseHessianDeriver implements Deriver {
    /** Default sample size of the empirical-Hessian cross-check. */
    public static final int DEFAULT_SAMPLES = 20_000;
    private static final List<String> VARIANTS = List.of("hessian", "d2", "d3", "spectrum", "centering");

    @Override
    public String id() {
        return "mse-hessian";
    }

    @Override
    public List<String> variants() {
        return VARIANTS;
    }

    /** Each variant derives a different part of the exercise (Hessian, spectrum, centering), so all run. */
    @Override
    public List<String> catalogueVariants() {
        return VARIANTS;
    }

    @Override
    public DerivedResult derive(DeriveRequest request) {
        String variant = request.variantOr(VARIANTS.get(0));
        int samples = samples(request);
        return switch (variant) {
            case "hessian" -> hessian(request, variant, samples);
            case "d2" -> concrete(request, variant, 2, samples);
            case "d3" -> concrete(request, variant, 3, samples);
            case "spectrum" -> spectrum(request, variant);
            case "centering" -> centering(request, variant);
            default -> throw new SpecificationException(ErrorCode.UNSUPPORTED, "variant", "variant: mse-hessian has no "
                    + "variant '" + variant + "'; expected one of " + VARIANTS);
        };
    }

    private static DerivedResult hessian(DeriveRequest request, String variant, int samples) {
        MseHessianChains.Result r = MseHessianChains.general(request, variant);
        List<CrossCheck> checks = new ArrayList<>();
        if (r.hessian() != null) {
            IExpr block = r.hessian();
            checks.add(MseCrossChecks.empiricalHessian(in -> MseCrossChecks.closedFormHessian(block, in),
                    request.seed(), samples, 3));
        } else {
            checks.add(notRun("the empirical Hessian", "the derivation did not reach the Hessian"));
        }
        checks.addAll(tradeOffChecks(request));
        return new DerivedResult(r.derivation(), input(r.hessian()), checks,
                seedHessian(r.hessian(), 2));
    }

    private static DerivedResult concrete(DeriveRequest request, String variant, int d, int samples) {
        MseHessianChains.Result r = MseHessianChains.concrete(request, variant, d);
        List<CrossCheck> checks = new ArrayList<>();
        if (r.hessian() != null) {
            IExpr matrix = r.hessian();
            checks.add(MseCrossChecks.gradient(r.gradient(), d, request.seed(), request.points()));
            checks.add(MseCrossChecks.empiricalHessian(in -> FormulaValues.of(matrix, MseCrossChecks.point(in)),
                    request.seed(), samples, d));
        } else {
            checks.add(notRun("the gradient and the empirical Hessian", "the derivation did not reach them"));
        }
        return new DerivedResult(r.derivation(), input(r.hessian()), checks, seedHessian(r.hessian(), d));
    }

    private static DerivedResult spectrum(DeriveRequest request, String variant) {
        MseSpectrumChain.Result r = MseSpectrumChain.derive(request, variant);
        List<CrossCheck> checks = new ArrayList<>();
        try {
            checks.add(MseCrossChecks.spectrum(MseSpectrumChain.spectrum(), request.seed()));
        } catch (SymjaOps.Unavailable e) {
            checks.add(notRun("the Commons Math spectrum", e.getMessage()));
        }
        checks.add(MseCrossChecks.gradientDescent(request.seed()));
        Optional<SeedFormulaCheck> seed = r.kappa() == null ? Optional.empty() : Optional.of(seedCheck(
                "the seed's κ = λ₁/λ_d = 1 + ‖μ‖²/σ² (‖μ‖ written m)", "1 + m^2/sigma^2", r.kappa()));
        return new DerivedResult(r.derivation(), input(r.kappa()), checks, seed);
    }

    private static DerivedResult centering(DeriveRequest request, String variant) {
        MseCenteringChain.Result r = MseCenteringChain.derive(request, variant);
        List<CrossCheck> checks = new ArrayList<>();
        checks.add(r.gap() != null ? MseCrossChecks.optimalRiskGap(r.gap(), request.seed())
                : notRun("the optimal-risk gap", "the derivation did not reach the gap"));
        checks.add(MseCrossChecks.gradientDescent(request.seed()));
        return new DerivedResult(r.derivation(), input(r.gap()), checks, Optional.empty());
    }

    /** The spectrum, gradient-descent and optimal-risk-gap checks (the centring trade-off, in numbers). */
    private static List<CrossCheck> tradeOffChecks(DeriveRequest request) {
        List<CrossCheck> checks = new ArrayList<>();
        try {
            checks.add(MseCrossChecks.spectrum(MseSpectrumChain.spectrum(), request.seed()));
        } catch (SymjaOps.Unavailable e) {
            checks.add(notRun("the Commons Math spectrum", e.getMessage()));
        }
        checks.add(MseCrossChecks.gradientDescent(request.seed()));
        MseCenteringChain.Result gap = MseCenteringChain.derive(request, "centering");
        checks.add(gap.gap() != null ? MseCrossChecks.optimalRiskGap(gap.gap(), request.seed())
                : notRun("the optimal-risk gap", "its derivation did not reach the gap"));
        return checks;
    }

    /** The seed's H = σ²I + μμᵀ in d coordinates (the derived block or matrix), entry by entry. */
    private static Optional<SeedFormulaCheck> seedHessian(IExpr derived, int d) {
        if (derived == null) {
            return Optional.empty();
        }
        String mu = "{" + String.join(", ", MseHessianChains.names("mu", d)) + "}";
        return Optional.of(seedCheck("the seed's H = σ²I + μμᵀ", "sigma^2*IdentityMatrix[" + d + "] + Outer[Times, "
                + mu + ", " + mu + "]", derived));
    }

    private static SeedFormulaCheck seedCheck(String label, String seedInput, IExpr derived) {
        try {
            IExpr seed = SymjaOps.eval(seedInput);
            List<SymbolicVerdict> verdicts = new ArrayList<>();
            List<IExpr> a = Verdicts.flatten(seed);
            List<IExpr> b = Verdicts.flatten(derived);
            if (a.size() != b.size()) {
                return new SeedFormulaCheck(false, label + ": shapes differ (" + a.size() + " vs " + b.size() + ")");
            }
            for (int i = 0; i < a.size(); i++) {
                verdicts.add(SymjaProver.shared().proveEqual(a.get(i), b.get(i), Assumptions.of("sigma > 0")));
            }
            boolean agrees = verdicts.stream().allMatch(v -> v.outcome() == SymbolicOutcome.PROVED);
            return new SeedFormulaCheck(agrees, label + (agrees ? " agrees with the derived result (Symja, "
                    + a.size() + " entries)" : " differs: " + verdicts));
        } catch (SymjaOps.Unavailable e) {
            return new SeedFormulaCheck(false, label + ": not decided (" + e.getMessage() + ")");
        }
    }

    private static Optional<String> input(IExpr e) {
        return e == null ? Optional.empty() : Optional.of(SymjaExprs.input(e));
    }

    /** A cross-check that could not run: zero points, so it never counts as agreement. */
    static CrossCheck notRun(String what, String why) {
        return new CrossCheck(what + ": not run, " + why,
                new NumericCertificate(0, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 0));
    }

    private static int samples(DeriveRequest request) {
        double n = request.option("samples", DEFAULT_SAMPLES);
        if (!(n >= 100 && n <= 10_000_000) || n != Math.rint(n)) {
            throw SpecificationException.expected(ErrorCode.OUT_OF_RANGE, "samples",
                    "an integer between 100 and 10000000", n);
        }
        return (int) n;
    }
}
