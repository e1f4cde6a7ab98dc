package org.neuromanifold.symbolic.derive.gradient;

import java.util.ArrayList;
import java.util.List;

import org.neuromanifold.core.result.SymbolicVerdict;
import org.neuromanifold.symbolic.symja.Assumptions;
import org.neuromanifold.symbolic.symja.SymjaEngine;
import org.neuromanifold.symbolic.symja.SymjaProver;

/**
 * The symbolic certificates of the loss-level chains ({@code loss-euler}, {@code fisher-rao}), proved by
 * Symja for {@value #SAMPLES} samples, {@value #PARAMETERS} parameters and {@value #OUTPUTS} output
 * components, with arbitrary differentiable per-sample losses and network outputs (see
 * {@link OpaqueFunctions}). The identities are linear in each sample's and component's contribution,
 * so the sizes only set how many terms the sums have.
 */
final class LossEulerLemmas {
    static final int SAMPLES = 3;
    static final int PARAMETERS = 3;
    static final int OUTPUTS = 2;

    private LossEulerLemmas() {
    }

    private static String parameters() {
        List<String> p = new ArrayList<>();
        for (int j = 1; j <= PARAMETERS; j++) {
            p.add("p" + j);
        }
        return String.join(", ", p);
    }

    /** Σ_j p_j ∂g/∂p_j for an expression g of the parameters. */
    private static String directional(String g) {
        List<String> terms = new ArrayList<>();
        for (int j = 1; j <= PARAMETERS; j++) {
            terms.add("p" + j + "*D[" + g + ", p" + j + "]");
        }
        return "(" + String.join(" + ", terms) + ")";
    }

    /**
     * ⟨∇_θ (1/N) Σ_i ℓ_i, θ⟩ = (1/N) Σ_i ⟨∇_θ ℓ_i, θ⟩ for arbitrary per-sample losses ℓ_i(θ).
     */
    static SymbolicVerdict averageCommutes() {
        SymjaEngine.shared();
        List<String> losses = new ArrayList<>();
        List<String> directionals = new ArrayList<>();
        String[] names = new String[SAMPLES];
        for (int i = 1; i <= SAMPLES; i++) {
            names[i - 1] = "l" + i;
            String li = "l" + i + "[" + parameters() + "]";
            losses.add(li);
            directionals.add(directional(li));
        }
        String lhs = directional("(" + String.join(" + ", losses) + ")/" + SAMPLES);
        String rhs = "(" + String.join(" + ", directionals) + ")/" + SAMPLES;
        return new Verdicts().add(SAMPLES + " samples, " + PARAMETERS + " parameters, arbitrary losses ℓ_i(θ)",
                OpaqueFunctions.of(names).proveEqual(lhs, rhs, Assumptions.none())).combined();
    }

    /**
     * ⟨∇_θ ℓ(f(θ)), θ⟩ = ⟨∂ℓ/∂f, (∂f/∂θ) θ⟩ for an arbitrary loss ℓ of the output components and
     * arbitrary components f_k(θ).
     */
    static SymbolicVerdict chainRuleThroughOutput() {
        SymjaEngine.shared();
        List<String> components = new ArrayList<>();
        String[] names = new String[OUTPUTS + 1];
        names[0] = "l";
        for (int k = 1; k <= OUTPUTS; k++) {
            components.add("f" + k + "[" + parameters() + "]");
            names[k] = "f" + k;
        }
        String composite = "l[" + String.join(", ", components) + "]";
        List<String> rhs = new ArrayList<>();
        for (int k = 1; k <= OUTPUTS; k++) {
            List<String> orders = new ArrayList<>();
            for (int m = 1; m <= OUTPUTS; m++) {
                orders.add(m == k ? "1" : "0");
            }
            rhs.add("Derivative[" + String.join(", ", orders) + "][l][" + String.join(", ", components) + "]*"
                    + directional(components.get(k - 1)));
        }
        return new Verdicts().add(OUTPUTS + " output components, " + PARAMETERS + " parameters, arbitrary ℓ(f) and f(θ)",
                OpaqueFunctions.of(names).proveEqual(directional(composite), String.join(" + ", rhs),
                        Assumptions.none())).combined();
    }

    /** (1/N) Σ_i ⟨g_i, c f_i⟩ = c (1/N) Σ_i ⟨g_i, f_i⟩ for vectors g_i, f_i and a scalar c. */
    static SymbolicVerdict scalarLeavesTheAverage() {
        List<String> scaled = new ArrayList<>();
        List<String> plain = new ArrayList<>();
        for (int i = 1; i <= SAMPLES; i++) {
            for (int k = 1; k <= OUTPUTS; k++) {
                scaled.add("g" + i + k + "*(c*f" + i + k + ")");
                plain.add("g" + i + k + "*f" + i + k);
            }
        }
        return SymjaProver.shared().proveEqual("(" + String.join(" + ", scaled) + ")/" + SAMPLES,
                "c*(" + String.join(" + ", plain) + ")/" + SAMPLES, Assumptions.none());
    }
}
