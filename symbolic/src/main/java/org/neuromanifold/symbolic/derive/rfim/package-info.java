/**
 * Derivers for the relative Fisher information (seed 003, Sun &amp; Nielsen): {@code rfim-neuron},
 * {@code rfim-linear}, {@code rfim-layer}, {@code rfim-softmax}, {@code rfim-two-layer},
 * {@code ng-invariance} and {@code fim-rank}.
 *
 * <h2>How a derivation is built</h2>
 * <ul>
 * <li>A {@link org.neuromanifold.symbolic.derive.rfim.StochasticNetwork} is the seed's model: deterministic
 * layers held as reference, the last layer's pre-activations drawn into the response by a
 * {@link org.neuromanifold.symbolic.derive.rfim.ResponseModel} (Bernoulli for tanh and sigmoid, Gaussian
 * N(f(u), s²) otherwise, categorical for softmax). Its engine form is a core network and loss with the same
 * Fisher information (y relabelled bijectively), so the numeric engine evaluates every expression of a
 * chain, including {@code FisherInformation} of a layer or neuron group.</li>
 * <li>{@link org.neuromanifold.symbolic.derive.rfim.NeuronCoefficient} derives ν_f(t) with Symja from the
 * neuron's model: the definition E_y[(∂_t ln p)²] (enumeration or Gaussian moments), the general
 * Bernoulli/Gaussian form, the closed form (with a case split at kinks).</li>
 * <li>Chains of tensor expressions ({@code TensorChain}) are certified numerically at random instances by
 * the numeric engine, and symbolically either by proofs about the coefficient (for every t) or entry by
 * entry on a small concrete instance ({@code SymbolicInstance}, a Symja interpreter of the tensor
 * notation with the Fisher information computed from its definition).</li>
 * <li>Each result is cross-checked against {@link org.neuromanifold.symbolic.derive.rfim.DefinitionFisher},
 * the Fisher information computed on the tape from the seed's model exactly as stated (no relabelling),
 * and, where the seed states a formula, compared with it as printed (design page corrections applied,
 * the printed text extraction errors reported).</li>
 * </ul>
 *
 * <h2>Conventions</h2>
 * x̃ = (x, 1); a neuron's weights w carry its bias last, so t = ⟨w, x̃⟩; a layer's parameters are stacked
 * neuron by neuron, (w₁, …, w_m), the seed's stacking of the columns of W (the engine's layout, W row-major
 * then b, is permuted to it).
 */
package org.neuromanifold.symbolic.derive.rfim;
