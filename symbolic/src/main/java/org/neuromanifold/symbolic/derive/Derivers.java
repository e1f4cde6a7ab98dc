package org.neuromanifold.symbolic.derive;

import java.util.List;
import java.util.Optional;

import org.neuromanifold.core.catalogue.Catalogue;
import org.neuromanifold.core.catalogue.CatalogueEntry;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;

/** The registry of derivers, in catalogue order. */
public final class Derivers {
    private static final List<Deriver> ALL = List.of(
            new org.neuromanifold.symbolic.derive.gradient.EulerDeriver(),
            new org.neuromanifold.symbolic.derive.gradient.LossEulerDeriver(),
            new org.neuromanifold.symbolic.derive.gradient.FisherRaoDeriver(),
            new org.neuromanifold.symbolic.derive.gradient.HingeGradDeriver(),
            new org.neuromanifold.symbolic.derive.conditioning.MseHessianDeriver(),
            new org.neuromanifold.symbolic.derive.conditioning.HeInitDeriver(),
            new org.neuromanifold.symbolic.derive.conditioning.XavierInitDeriver(),
            new org.neuromanifold.symbolic.derive.rfim.RfimNeuronDeriver(),
            new org.neuromanifold.symbolic.derive.rfim.RfimLinearDeriver(),
            new org.neuromanifold.symbolic.derive.rfim.RfimLayerDeriver(),
            new org.neuromanifold.symbolic.derive.rfim.RfimSoftmaxDeriver(),
            new org.neuromanifold.symbolic.derive.rfim.RfimTwoLayerDeriver(),
            new org.neuromanifold.symbolic.derive.rfim.NaturalGradientInvarianceDeriver(),
            new org.neuromanifold.symbolic.derive.rfim.FisherRankDeriver());

    private Derivers() {
    }

    /** Every deriver, in catalogue order. */
    public static List<Deriver> all() {
        return ALL.stream().sorted(java.util.Comparator.comparingInt(d -> catalogueIndex(d.id()))).toList();
    }

    /** The deriver for {@code id}, if one is implemented. */
    public static Optional<Deriver> find(String id) {
        return ALL.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /**
     * The deriver for {@code id}.
     *
     * @throws SpecificationException {@link ErrorCode#UNKNOWN_IDENTITY} for an id outside the catalogue,
     *                                {@link ErrorCode#UNSUPPORTED} for a catalogue id without a deriver yet
     */
    public static Deriver require(String id) {
        CatalogueEntry entry = Catalogue.require(id);
        return find(id).orElseThrow(() -> new SpecificationException(ErrorCode.UNSUPPORTED, "id",
                "id: '" + entry.id() + "' (" + entry.title() + ") has no derivation implemented yet; derivable ids: "
                        + all().stream().map(Deriver::id).toList()));
    }

    private static int catalogueIndex(String id) {
        List<CatalogueEntry> entries = Catalogue.entries();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).id().equals(id)) {
                return i;
            }
        }
        return entries.size();
    }
}
