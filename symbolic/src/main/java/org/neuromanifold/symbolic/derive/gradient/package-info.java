/**
 * Derivers of the gradient-structure section of the catalogue (seed 000, Liang et al., "Fisher-Rao
 * metric, geometry and complexity of neural networks"):
 * <ul>
 * <li>{@link org.neuromanifold.symbolic.derive.gradient.EulerDeriver} ({@code euler}): ⟨∇_θ f, θ⟩ = (L + 1) f
 * for any depth and widths, by induction over the layers; the inductive step proved by Symja from
 * σ'(z) z = σ(z), refuted for tanh, sigmoid, ELU, softplus and with biases;</li>
 * <li>{@link org.neuromanifold.symbolic.derive.gradient.LossEulerDeriver} ({@code loss-euler}): the same for
 * the empirical loss, through the chain rule in f;</li>
 * <li>{@link org.neuromanifold.symbolic.derive.gradient.FisherRaoDeriver} ({@code fisher-rao}): the
 * Fisher-Rao norm for the empirical and the model Fisher, with the model's moments in closed form;</li>
 * <li>{@link org.neuromanifold.symbolic.derive.gradient.HingeGradDeriver} ({@code hinge-grad}): the
 * derivative of the hinge loss, case by case.</li>
 * </ul>
 * The tensor-level chains are {@link org.neuromanifold.core.expr.Expr} trees evaluated by the numeric
 * engine on random networks of depths 0-3; their symbolic certificates are Symja lemmas stated for one
 * layer (or a few samples and components) with arbitrary functions for the rest of the network (see
 * {@code OpaqueFunctions}), and proofs on concrete small networks.
 */
package org.neuromanifold.symbolic.derive.gradient;
