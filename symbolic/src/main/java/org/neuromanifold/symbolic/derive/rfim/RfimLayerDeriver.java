package org.neuromanifold.symbolic.derive.rfim;

import java.util.List;
import java.util.Set;

import org.neuromanifold.core.activation.Activation;
import org.neuromanifold.core.activation.Activations;
import org.neuromanifold.symbolic.derive.DeriveRequest;
import org.neuromanifold.symbolic.derive.DerivedResult;
import org.neuromanifold.symbolic.derive.Deriver;

/**
 * {@code rfim-layer}: a nonlinear layer with independent stochastic outputs (Bernoulli for tanh and
 * sigmoid, Gaussian N(f(u), s²) otherwise) has g = diag[ν_f(w₁ᵀx̃) x̃x̃ᵀ, …, ν_f(w_mᵀx̃) x̃x̃ᵀ] =
 * diag(ν_f(z⁽⁰⁾)) ⊗ x̃x̃ᵀ (seed 003, eq. 23, appendix G), derived by {@link LayerDerivation}. One variant
 * per activation; options {@code iota}, {@code omega}, {@code alpha}, {@code s}, {@code width} m
 * (default 2, at most 4).
 */
public final class RfimLayerDeriver implements Deriver {
    @Override
    public String id() {
        return "rfim-layer";
    }

    @Override
    public List<String> variants() {
        return Activations.NAMES;
    }

    /** Every variant is its own instance of the theorem, so the catalogue runs them all. */
    @Override
    public List<String> catalogueVariants() {
        return variants();
    }

    @Override
    public DerivedResult derive(DeriveRequest request) {
        Rfim.allowOnly(request, Set.of("iota", "omega", "alpha", "s", "width"));
        Activation a = Rfim.activation(request, "tanh");
        int width = Rfim.intOption(request, "width", 2, 1, 4);
        ResponseModel model = ResponseModel.of(a, Rfim.noise(request));
        return LayerDerivation.derive(id(), "Relative Fisher information of a " + a.name() + " layer", model, width,
                request, false);
    }
}
