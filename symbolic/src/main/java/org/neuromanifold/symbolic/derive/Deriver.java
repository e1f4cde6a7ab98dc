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
     * Derives the variant asked for. Never throws for a Symja failure: such steps are kept and certified
     * "undecided" with the reason. Throws {@link org.neuromanifold.core.error.SpecificationException}
     * only for bad requests (an unknown variant, a bad hyperparameter).
     */
    DerivedResult derive(DeriveRequest request);
}
