/**
 * Derivers for conditioning and initialisation (seed 004, exercise sheet 3): {@code mse-hessian},
 * {@code he-init}, {@code xavier-init}.
 *
 * <h2>Derivers</h2>
 * <ul>
 * <li>{@link org.neuromanifold.symbolic.derive.conditioning.MseHessianDeriver}: ∇²J = σ²I + μμᵀ for
 * J(w) = 𝔼[½(wᵀx − t)²], x ~ N(μ, σ²I); variants {@code hessian} (any d, on a 2×2 principal block),
 * {@code d2}, {@code d3} (every coordinate symbolic, with J and ∇J), {@code spectrum} (index-free
 * eigen-decomposition, κ = 1 + ‖μ‖²/σ²), {@code centering} (the optimal risk of the bias-free centred
 * model is higher by ½(vᵀμ)²).</li>
 * <li>{@link org.neuromanifold.symbolic.derive.conditioning.HeInitDeriver}: Var(z^{(l)}) = Var(z^{(l−1)})
 * for ReLU and W ~ N(0, 2/n), from E[relu(z)²] = ½Var(z).</li>
 * <li>{@link org.neuromanifold.symbolic.derive.conditioning.XavierInitDeriver}: tanh ≈ identity gives
 * Var(W) = 1/n, with the linearisation as the inequality it is (tanh²u ≤ u²) and the slow decay of the
 * exact map quantified.</li>
 * </ul>
 *
 * <h2>How the expressions are produced</h2>
 * Definitions are typed once (the loss, the Gaussian density, the activation's symbolic form from the
 * core); everything after comes from Symja: {@code D}, {@code Expand}, {@code CoefficientRules} (linearity
 * and independence of Gaussian expectations, {@link org.neuromanifold.symbolic.derive.conditioning.GaussianMoments}),
 * {@code Integrate} for the moments of N(0, 1), {@code Sum}, {@code Solve}, {@code Series}, {@code Factor} of
 * characteristic polynomials, and the index-free algebra of
 * {@link org.neuromanifold.symbolic.derive.conditioning.VectorSpan}. When Symja gives no value the chain ends
 * with an undecided step that says why ({@link org.neuromanifold.symbolic.derive.conditioning.Chain#stop}).
 *
 * <h2>How they are checked</h2>
 * Numeric certificates evaluate every expression without Symja
 * ({@link org.neuromanifold.symbolic.derive.conditioning.FormulaValues}: core terms, quadrature, the core
 * differentiator); defining expressions are evaluated by the engine (autodiff Hessians and gradients with
 * exact Gauss–Hermite quadrature, {@link org.neuromanifold.symbolic.derive.conditioning.LinearRegression}).
 * Cross-checks use the engine on random instances: empirical Hessians on Gaussian samples and Monte Carlo
 * on deep wide networks ({@link org.neuromanifold.symbolic.derive.conditioning.DeepNetVariance}), judged in
 * standard errors with a family-wise threshold ({@link org.neuromanifold.symbolic.derive.conditioning.Statistics}),
 * Commons Math spectra, gradient descent iteration counts and optimal risks.
 */
package org.neuromanifold.symbolic.derive.conditioning;
