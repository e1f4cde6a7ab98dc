package org.neuromanifold.dsl

import org.neuromanifold.core.catalogue.CatalogueEntry
import org.neuromanifold.core.catalogue.CatalogueIdentities
import org.neuromanifold.core.error.ErrorCode
import org.neuromanifold.core.error.SpecificationException
import org.neuromanifold.core.expr.Identity
import org.neuromanifold.core.catalogue.Catalogue as CoreCatalogue

/**
 * The theorem catalogue from Kotlin. The identities are core's [CatalogueIdentities] values themselves
 * (not restatements), so `Catalogue.euler` is the very statement the command line verifies.
 */
object Catalogue {
    /** ⟨∇_θ f_θ(x), θ⟩ = (L+1) f_θ(x) per output component, bias-free positively homogeneous networks. */
    val euler: Identity = CatalogueIdentities.EULER

    /** ⟨∇_θ L̂(θ), θ⟩ = (L+1)·(1/N) Σᵢ ⟨∂ℓ/∂f, f⟩. */
    val lossEuler: Identity = CatalogueIdentities.LOSS_EULER

    /** ⟨θ, I(θ) θ⟩ = (L+1)² 𝔼[⟨∂ℓ/∂f, f⟩²] with the empirical Fisher. */
    val fisherRao: Identity = CatalogueIdentities.FISHER_RAO

    /** The same with the model Fisher (y drawn from the model). */
    val fisherRaoModel: Identity = CatalogueIdentities.FISHER_RAO_MODEL

    /** ∂ℓ/∂t = −y·1[y t < 1] for the hinge loss. */
    val hingeGrad: Identity = CatalogueIdentities.HINGE_GRAD

    /** Every identity that is stated as an `Expr` identity, in catalogue order. */
    val identities: List<Identity> get() = CatalogueIdentities.all()

    /** Every catalogue entry (including those proved by derivers rather than stated as identities). */
    val entries: List<CatalogueEntry> get() = CoreCatalogue.entries()

    /**
     * The (first) identity with this id: `Catalogue["euler"]`.
     *
     * @throws SpecificationException `UNKNOWN_IDENTITY` for an id the catalogue does not know;
     *   `UNSUPPORTED` for an entry that is not an `Expr` identity (it is derived, not stated)
     */
    operator fun get(id: String): Identity {
        val entry = CoreCatalogue.require(id)
        return CatalogueIdentities.find(id).orElseThrow {
            SpecificationException(ErrorCode.UNSUPPORTED, "id",
                "id: catalogue entry '$id' (${entry.title()}) is not stated as an Expr identity; " +
                    "its statement is produced by the symbolic module's deriver; identities available here: " +
                    identities.map { it.id() }.distinct())
        }
    }
}
