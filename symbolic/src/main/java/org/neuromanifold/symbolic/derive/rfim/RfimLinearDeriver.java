package org.neuromanifold.symbolic.derive.rfim;

import java.util.List;
import java.util.Set;

import org.neuromanifold.core.activation.IdentityActivation;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;
import org.neuromanifold.symbolic.derive.DeriveRequest;
import org.neuromanifold.symbolic.derive.DerivedResult;
import org.neuromanifold.symbolic.derive.Deriver;

/**
 * {@code rfim-linear}: a linear layer y ~ N(Wᵀx̃, s²I) has g = (1/s²) diag[x̃x̃ᵀ, …, x̃x̃ᵀ] (seed 003, eq. 22,
 * appendix F), derived by {@link LayerDerivation} with the identity activation. Options: {@code s}
 * (default 1) and {@code width} m (default 2, at most 4: the concrete proof instance has m(1 + 1)
 * parameters).
 */
public final class RfimLinearDeriver implements Deriver {
    @Override
    public String id() {
        return "rfim-linear";
    }

    @Override
    public List<String> variants() {
        return List.of("identity");
    }

    @Override
    public DerivedResult derive(DeriveRequest request) {
        Rfim.allowOnly(request, Set.of("s", "width"));
        if (!request.variantOr("identity").equals("identity")) {
            throw new SpecificationException(ErrorCode.UNSUPPORTED, "variant", "variant: rfim-linear is the linear "
                    + "(identity) layer, got '" + request.variant() + "'; use rfim-layer for other activations");
        }
        int width = Rfim.intOption(request, "width", 2, 1, 4);
        ResponseModel model = new ResponseModel.Gaussian(new IdentityActivation(), Rfim.noise(request));
        return LayerDerivation.derive(id(), "Relative Fisher information of a linear layer", model, width, request, true);
    }
}
