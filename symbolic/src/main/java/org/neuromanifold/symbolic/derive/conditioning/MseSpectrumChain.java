package org.neuromanifold.symbolic.derive.conditioning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.neuromanifold.core.expr.Relation;
import org.neuromanifold.core.result.Derivation;
import org.neuromanifold.symbolic.derive.DeriveRequest;
import org.neuromanifold.symbolic.symja.Assumptions;
import org.neuromanifold.symbolic.symja.SymjaProver;

/**
 * The spectrum of H = σ²I + μμᵀ and the condition number κ = λ₁/λ_d = 1 + ‖μ‖²/σ² (seed 004, exercise
 * 1b), for every dimension d. The eigen-decomposition comes from index-free algebra ({@link VectorSpan}):
 * Hμ = (σ² + ‖μ‖²)μ and Hu = σ²u for u ⊥ μ, so ℝ^d = span{μ} ⊕ μ^⊥ carries the eigenvalues σ² + ‖μ‖²
 * (once) and σ² (d − 1 times). For d = 2 and 3 the characteristic polynomial, factored by Symja, confirms
 * it ({@code Eigenvalues} of a symbolic 3×3 matrix stays unevaluated in Symja 3.0.0). The first
 * expression is evaluated at each point from its definition: the Hessian by the engine's autodiff
 * (exact Gaussian quadrature) and its extreme eigenvalues by Commons Math, for a random d in 2…6.
 */
final class MseSpectrumChain {
    static final String TITLE = "Spectrum and condition number of the Hessian";
    private static final int MAX_D = 6;

    private MseSpectrumChain() {
    }

    /** The eigenvalues λ₁ (on μ) and λ_d (on μ^⊥) in terms of σ and m = ‖μ‖, with their certificates. */
    record Spectrum(IExpr largest, IExpr smallest, List<Verdicts.Part> certificate) {
    }

    /** The index-free eigen-decomposition of σ²I + μμᵀ, checked for d = 2, 3 by the characteristic polynomial. */
    static Spectrum spectrum() {
        VectorSpan span = new VectorSpan(List.of("mu", "u"), Map.of("mu,mu", SymjaOps.parse("m^2"), "mu,u", F.C0,
                "u,u", F.C1));
        IExpr sigma2 = SymjaOps.parse("sigma^2");
        VectorSpan.Vec mu = span.named("mu");
        VectorSpan.Vec u = span.named("u");
        VectorSpan.Vec hmu = span.apply(sigma2, mu, mu, mu);
        VectorSpan.Vec hu = span.apply(sigma2, mu, mu, u);
        IExpr largest = span.coefficient(hmu, "mu");
        IExpr smallest = span.coefficient(hu, "u");
        SymjaProver prover = SymjaProver.shared();
        List<Verdicts.Part> parts = new ArrayList<>();
        parts.add(new Verdicts.Part("Hμ parallel to μ (u-coefficient 0)", prover.proveZero(span.coefficient(hmu, "u"),
                Assumptions.none())));
        parts.add(new Verdicts.Part("Hu parallel to u for ⟨μ, u⟩ = 0 (μ-coefficient 0)",
                prover.proveZero(span.coefficient(hu, "mu"), Assumptions.none())));
        parts.add(new Verdicts.Part("smallest ≤ largest eigenvalue",
                prover.proveLessEqual(smallest, largest, Assumptions.none())));
        for (int d = 2; d <= 3; d++) {
            parts.add(characteristicPolynomial(d, largest, smallest));
        }
        return new Spectrum(largest, smallest, parts);
    }

    /** Factor[CharacteristicPolynomial[σ²I + μμᵀ, x]] = (λ₁ − x)(λ_d − x)^{d−1} with m² = Σ μ_k². */
    private static Verdicts.Part characteristicPolynomial(int d, IExpr largest, IExpr smallest) {
        String mu = "{" + String.join(", ", MseHessianChains.names("mu", d)) + "}";
        IExpr factored = SymjaOps.eval("Factor[CharacteristicPolynomial[sigma^2*IdentityMatrix[" + d + "] + "
                + "Outer[Times, " + mu + ", " + mu + "], x]]");
        IExpr normSquared = SymjaOps.eval("Total[" + mu + "^2]");
        IExpr expected = SymjaOps.eval("(%s - x)*(%s - x)^" + (d - 1), SymjaOps.substitute(largest,
                Map.of("m", SymjaOps.eval("Sqrt[%s]", normSquared))), smallest);
        return new Verdicts.Part("d = " + d + ": Factor[CharacteristicPolynomial] = " + factored.toMMA(),
                SymjaProver.shared().proveEqual(factored, expected, Assumptions.of("sigma > 0")));
    }

    /** The κ derivation and κ in closed form (null when Symja stopped before it). */
    record Result(Derivation derivation, IExpr kappa) {
    }

    /** The κ derivation. */
    static Result derive(DeriveRequest request, String variant) {
        IExpr e0 = SymjaOps.parse("Subscript[lambda, 1]/Subscript[lambda, d]");
        Chain chain = Chain.start("mse-hessian", TITLE, variant, points(request), MseHessianChains.TOLERANCE, e0,
                MseSpectrumChain::conditionNumber)
                .assume("$H = σ^2 I + μμᵀ$ ($∇^2 J$, variant hessian) in any dimension $d ≥ 2$; $σ > 0$; "
                        + "$λ_1 ≥ \\dots ≥ λ_d$ its eigenvalues")
                .assume("$m = ‖μ‖$; $u$ is any vector with $⟨μ, u⟩ = 0$")
                .assume("index-free: $(σ^2 I + μμᵀ)y = σ^2 y + μ⟨μ, y⟩$ for every $y ∈ ℝ^d$; $Hμ = λ_1 μ$ and "
                        + "$Hu = λ_d u$ for $u \\perp μ$; $ℝ^d = \\mathrm{span}\\{μ\\} ⊕ μ^\\perp$, so $λ_1$ is "
                        + "simple and $λ_d$ has multiplicity $d − 1$")
                .assume("the first expression is evaluated from its definition: $∇^2 J$ by autodiff and exact "
                        + "Gauss–Hermite quadrature, eigenvalues by Commons Math, $d$ random in 2…" + MAX_D);
        try {
            Spectrum s = spectrum();
            IExpr ratio = SymjaOps.eval("Together[%s/%s]", s.largest(), s.smallest());
            chain.step(Relation.EQ, ratio, "eigenvalues on $μ$ and on $μ^\\perp$ (index-free)",
                    () -> Verdicts.all(s.certificate()));
            IExpr kappa = SymjaOps.eval("Expand[%s]", ratio);
            chain.step(Relation.EQ, kappa, "Symja Expand",
                    () -> SymjaProver.shared().proveEqual(ratio, kappa, Assumptions.of("sigma > 0")));
            return new Result(chain.build(), kappa);
        } catch (SymjaOps.Unavailable e) {
            chain.stop(e.getMessage());
            return new Result(chain.build(), null);
        }
    }

    /** λ_max/λ_min of the engine's Hessian at the point (d, μ, σ, w, v in the point). */
    static double[] conditionNumber(Map<String, Double> p) {
        int d = (int) Math.round(p.get("d"));
        double[] ev = eigenvalues(new LinearRegression(MseHessianChains.vector(p, "mu", d), p.get("sigma"),
                MseHessianChains.vector(p, "v", d), 0, 0.5, false).hessian(MseHessianChains.vector(p, "w", d)));
        return new double[] {ev[0] / ev[ev.length - 1]};
    }

    /** The eigenvalues of a symmetric matrix by Commons Math, largest first. */
    static double[] eigenvalues(double[][] symmetric) {
        double[] ev = new EigenDecomposition(new Array2DRowRealMatrix(symmetric)).getRealEigenvalues().clone();
        Arrays.sort(ev);
        for (int i = 0; i < ev.length / 2; i++) {
            double t = ev[i];
            ev[i] = ev[ev.length - 1 - i];
            ev[ev.length - 1 - i] = t;
        }
        return ev;
    }

    /** Random points: d in 2…6, μ, w, v ∈ [−2, 2]^d, σ ∈ [0.3, 2], and m = ‖μ‖. */
    private static List<Map<String, Double>> points(DeriveRequest request) {
        SplittableRandom rng = new SplittableRandom(request.seed());
        List<Map<String, Double>> out = new ArrayList<>();
        for (int i = 0; i < request.points(); i++) {
            int d = 2 + rng.nextInt(MAX_D - 1);
            Map<String, Double> p = new LinkedHashMap<>();
            p.put("d", (double) d);
            p.put("sigma", 0.3 + 1.7 * rng.nextDouble());
            double norm2 = 0;
            for (int k = 1; k <= d; k++) {
                double mu = -2 + 4 * rng.nextDouble();
                norm2 += mu * mu;
                p.put("mu" + k, mu);
                p.put("w" + k, -2 + 4 * rng.nextDouble());
                p.put("v" + k, -2 + 4 * rng.nextDouble());
            }
            p.put("m", Math.sqrt(norm2));
            out.add(Map.copyOf(p));
        }
        return out;
    }
}
