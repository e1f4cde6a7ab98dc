package org.neuromanifold.core.catalogue;

import java.util.List;
import java.util.Optional;

import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;

/** The theorem catalogue: every id the command line knows, in report order. */
public final class Catalogue {
    private static final String LIANG = "seed 000 (Liang et al., Fisher-Rao metric, geometry and complexity)";
    private static final String SHEET = "seed 004 (exercise sheet 3)";
    private static final String SUN = "seed 003 (Sun & Nielsen, relative natural gradient)";
    private static final String YAROTSKY = "seed 001 (Yarotsky, optimization of neural networks)";
    private static final String DHERIN = "seed 002 (Dherin, Munn & Barrett, geometric Occam's razor)";

    private static final List<CatalogueEntry> ENTRIES = List.of(
            new CatalogueEntry("euler", "Euler identity for positively homogeneous networks", "gradient structure",
                    LIANG + ", Lemma 2.1"),
            new CatalogueEntry("loss-euler", "Euler identity for the empirical loss", "gradient structure", LIANG),
            new CatalogueEntry("fisher-rao", "Fisher-Rao norm of a positively homogeneous network",
                    "gradient structure", LIANG),
            new CatalogueEntry("hinge-grad", "Gradient of the hinge loss", "gradient structure", LIANG),
            new CatalogueEntry("mse-hessian", "Hessian and conditioning of the mean square error",
                    "conditioning and initialisation", SHEET + ", exercise 1"),
            new CatalogueEntry("he-init", "He initialisation preserves the pre-activation variance",
                    "conditioning and initialisation", SHEET),
            new CatalogueEntry("xavier-init", "Xavier initialisation for tanh", "conditioning and initialisation",
                    SHEET),
            new CatalogueEntry("rfim-neuron", "Relative Fisher information of a single neuron",
                    "relative Fisher information", SUN + ", eqs. 12-20"),
            new CatalogueEntry("rfim-linear", "Relative Fisher information of a linear layer",
                    "relative Fisher information", SUN),
            new CatalogueEntry("rfim-layer", "Relative Fisher information of a nonlinear layer",
                    "relative Fisher information", SUN),
            new CatalogueEntry("rfim-softmax", "Relative Fisher information of a softmax layer",
                    "relative Fisher information", SUN),
            new CatalogueEntry("rfim-two-layer", "Relative Fisher information of a two-layer block",
                    "relative Fisher information", SUN + ", eqs. 26, 81"),
            new CatalogueEntry("ng-invariance", "Invariance of the natural gradient under reparametrisation",
                    "relative Fisher information", SUN),
            new CatalogueEntry("fim-rank", "Rank of the Fisher information over n samples",
                    "relative Fisher information", SUN),
            new CatalogueEntry("meanfield-q", "Mean-field length map", "signal propagation", YAROTSKY),
            new CatalogueEntry("meanfield-c", "Mean-field correlation map", "signal propagation", YAROTSKY),
            new CatalogueEntry("chi1", "Order-to-chaos criterion chi_1", "signal propagation", YAROTSKY),
            new CatalogueEntry("gd-descent", "Descent lemma for gradient descent", "optimisation landscape",
                    YAROTSKY),
            new CatalogueEntry("linear-net-grad", "Gradient of a deep linear network", "optimisation landscape",
                    YAROTSKY),
            new CatalogueEntry("hardt-ma", "Factorisation near the identity", "optimisation landscape", YAROTSKY),
            new CatalogueEntry("bartlett", "Gradient descent on deep linear residual networks",
                    "optimisation landscape", YAROTSKY),
            new CatalogueEntry("interp-cov", "Covariance along interpolation paths", "optimisation landscape",
                    YAROTSKY),
            new CatalogueEntry("spurious", "Spurious local minima of two-layer ReLU networks",
                    "optimisation landscape", YAROTSKY + "; Safran & Shamir"),
            new CatalogueEntry("pyramidal", "Pyramidal networks have no spurious minima", "optimisation landscape",
                    YAROTSKY + "; Gori & Tesi"),
            new CatalogueEntry("zhang-interp", "Finite-sample expressivity", "optimisation landscape",
                    YAROTSKY + "; Zhang et al."),
            new CatalogueEntry("backprop-cost", "Cost of backpropagation vs finite differences",
                    "optimisation landscape", YAROTSKY),
            new CatalogueEntry("dirichlet", "Dirichlet energy", "geometric complexity", DHERIN),
            new CatalogueEntry("igr", "Implicit gradient regularisation", "geometric complexity", DHERIN),
            new CatalogueEntry("dherin-thm1", "Geometric complexity bound (Theorem 1)", "geometric complexity",
                    DHERIN));

    private Catalogue() {
    }

    /** Every entry, in report order. */
    public static List<CatalogueEntry> entries() {
        return ENTRIES;
    }

    /** The entry with this id. */
    public static Optional<CatalogueEntry> find(String id) {
        return ENTRIES.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /**
     * The entry with this id.
     *
     * @throws SpecificationException {@link ErrorCode#UNKNOWN_IDENTITY}, listing the known ids
     */
    public static CatalogueEntry require(String id) {
        return find(id).orElseThrow(() -> new SpecificationException(ErrorCode.UNKNOWN_IDENTITY, "id",
                "id: unknown catalogue id '" + id + "'; expected one of "
                        + ENTRIES.stream().map(CatalogueEntry::id).toList()));
    }
}
