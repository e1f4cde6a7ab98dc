package org.neuromanifold.symbolic.derive;

import java.util.List;

/**
 * Derives one catalogue entry: produces a {@link org.neuromanifold.core.result.Derivation} whose every
 * expression comes out of the engine (Symja or the deriver's algebra on the IR) and whose every step
 * carries a symbolic and a numeric certificate, plus the cross-checks of the result against the
 * numeric engine computing the same object from its definition.
 */
public interface Deriver {
    /** The catalogue id ({@code euler}, {@code rfim-neuron}, ...). */
    String id();

    /**
     * The variants {@link #derive} accepts as {@link DeriveRequest#variant()} (e.g. activation names for
     * {@code rfim-neuron}); the first is the default. A deriver with a single form returns one entry.
     */
    List<String> variants();

    /**
     * The variants the catalogue runs: every instance of the theorem that is expected to hold. The
     * default is the first variant only; per-activation families where each activation is its own
     * theorem instance (e.g. the RFIM of a neuron) return all of them. Negative controls (variants
     * expected to fail) never belong here.
     */
    default List<String> catalogueVariants() {
        return List.of(variants().get(0));
    }

    /**
     * A scheduling hint: the relative cost of deriving {@code variant} (1 = typical, about a second).
     * The catalogue starts expensive entries first so that they overlap the cheap ones.
     */
    default int relativeCost(String variant) {
        return 1;
    }

    /**
     * Derives the variant asked for. Never throws for a Symja failure: such steps are kept and certified
     * "undecided" with the reason. Throws {@link org.neuromanifold.core.error.SpecificationException}
     * only for bad requests (an unknown variant, a bad hyperparameter).
     */
    DerivedResult derive(DeriveRequest request);
}
