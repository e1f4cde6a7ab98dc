@file:JvmMultifileClass
@file:JvmName("Neuromanifold")

package org.neuromanifold.dsl

import org.neuromanifold.core.activation.Activation
import org.neuromanifold.core.activation.CustomActivation
import org.neuromanifold.core.catalogue.CatalogueIdentities
import org.neuromanifold.core.error.ErrorCode
import org.neuromanifold.core.error.SpecificationException
import org.neuromanifold.core.expr.Identity
import org.neuromanifold.symbolic.derive.DeriveRequest
import org.neuromanifold.symbolic.derive.DerivedResult
import org.neuromanifold.symbolic.derive.Derivers

// One-line derivations through the symbolic module's deriver registry. From Java: Neuromanifold.derive("euler").

/**
 * The certified derivation of the catalogue entry [id]: every step carries a symbolic certificate
 * (Symja) and a numeric one (random points), and the result is cross-checked against the numeric engine.
 *
 * ```
 * val d = derive("euler")                    // the default variant
 * val t = derive("rfim-neuron", "tanh")      // a named variant
 * d.sound()                                  // no step failed, every cross-check agreed
 * latex(d)                                   // the align* block with certificates
 * ```
 * @param variant one of the deriver's variants (often an activation name), empty for its default
 * @param options variant options such as `iota`, `omega`, `alpha`, `s`
 * @param seed    the seed of the random points of the numeric certificates
 * @param points  random points per numeric certificate (> 0)
 * @throws SpecificationException `UNKNOWN_IDENTITY` for an id outside the catalogue, `UNSUPPORTED` for
 *   an entry without a deriver yet (the message lists the derivable ids), or the deriver's own error for
 *   an unknown variant or a bad option
 */
@JvmOverloads
fun derive(
    id: String,
    variant: String = "",
    options: Map<String, Double> = emptyMap(),
    seed: Long = 0,
    points: Int = DeriveRequest.DEFAULT_POINTS,
): DerivedResult {
    if (points <= 0) {
        throw SpecificationException.expected(ErrorCode.NON_POSITIVE_SIZE, "points", "a positive count", points)
    }
    val deriver = Derivers.require(id)
    return deriver.derive(DeriveRequest(variant, options, seed, points))
}

/**
 * The derivation of [id] for an activation: the variant is the activation's name and its
 * hyperparameters (ι, ω, α) become options, e.g. `derive("rfim-neuron", leakyRelu(0.2))`.
 *
 * @throws SpecificationException `UNSUPPORTED` for a custom activation (derivers know the built-in family)
 */
@JvmOverloads
fun derive(
    id: String,
    activation: Activation,
    options: Map<String, Double> = emptyMap(),
    seed: Long = 0,
    points: Int = DeriveRequest.DEFAULT_POINTS,
): DerivedResult = derive(id, variantOf(activation), activation.hyperparameters() + options, seed, points)

/**
 * The derivation of a catalogue identity, e.g. `derive(Catalogue.euler)`. For the model-Fisher form of
 * the Fisher–Rao identity the deriver's `+model` variant of the chosen loss is taken, when it has one.
 *
 * @throws SpecificationException `UNSUPPORTED` for an identity that is not the catalogue's statement (a
 *   user-defined identity is checked numerically by [verify]; there is no general deriver)
 */
@JvmOverloads
fun derive(
    identity: Identity,
    variant: String = "",
    options: Map<String, Double> = emptyMap(),
    seed: Long = 0,
    points: Int = DeriveRequest.DEFAULT_POINTS,
): DerivedResult {
    val catalogue = catalogueStatement(identity)
    val deriver = Derivers.require(catalogue.id())
    var v = variant
    if (catalogue == CatalogueIdentities.FISHER_RAO_MODEL) {
        val base = v.ifEmpty { deriver.variants().first() }
        if (!base.endsWith("+model") && "$base+model" in deriver.variants()) v = "$base+model"
    }
    return derive(catalogue.id(), v, options, seed, points)
}

/** The derivation of a catalogue identity for an activation: `derive(Catalogue.euler, tanh)`. */
@JvmOverloads
fun derive(
    identity: Identity,
    activation: Activation,
    options: Map<String, Double> = emptyMap(),
    seed: Long = 0,
    points: Int = DeriveRequest.DEFAULT_POINTS,
): DerivedResult = derive(identity, variantOf(activation), activation.hyperparameters() + options, seed, points)

/** The variant name of an activation of the built-in family. */
private fun variantOf(activation: Activation): String {
    if (activation is CustomActivation) {
        throw SpecificationException(ErrorCode.UNSUPPORTED, "activation",
            "activation: ${activation.label()} is a custom activation; the derivers know the built-in family " +
                "(identity, relu, leaky-relu, prelu-smooth, tanh, sigmoid, elu, softplus); verify identities " +
                "with a custom activation numerically with verify(identity, model)")
    }
    return activation.name()
}

/** The catalogue identity with the same statement (sides, relation, preconditions) as [identity]. */
private fun catalogueStatement(identity: Identity): Identity =
    CatalogueIdentities.all().firstOrNull {
        it.lhs() == identity.lhs() && it.relation() == identity.relation() && it.rhs() == identity.rhs() &&
            it.preconditions() == identity.preconditions()
    } ?: throw SpecificationException(ErrorCode.UNSUPPORTED, "identity",
        "identity: '${identity.id()}' (${identity.notation()}) is not a statement of the catalogue; derivations " +
            "exist for catalogue entries (${CatalogueIdentities.all().map { it.id() }.distinct()} and the " +
            "entries without an Expr statement, by id); check a user-defined identity numerically with " +
            "verify(identity, model)")
