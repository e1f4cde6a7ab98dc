/**
 * The numeric verifier: checks an {@link org.neuromanifold.core.expr.Identity} on random instances and
 * shrinks a failure to a small counterexample.
 *
 * <ul>
 * <li>{@link org.neuromanifold.numeric.verify.VerificationConfig} — the identity, the architecture of the
 * random networks (an MLP family or one given network), the loss, optionally an input distribution and a
 * fixed data set, trials, seed, tolerance (checked when built);</li>
 * <li>{@link org.neuromanifold.numeric.verify.Verifier} — runs the trials on worker threads, deterministically,
 * and states the agreement rule;</li>
 * <li>{@link org.neuromanifold.numeric.verify.VerificationReport} — the core
 * {@link org.neuromanifold.core.result.VerificationResult} and what a reader needs to interpret it.</li>
 * </ul>
 * Instances are drawn by {@code InstanceSampler}, both sides evaluated by {@code SideEvaluator} (one
 * {@link org.neuromanifold.numeric.expr.ExprEvaluator} per thread), failures shrunk by {@code Shrinker}
 * (fewest layers, narrowest widths, fewest data rows, simplest values — away from kinks, see
 * {@code KinkGuard}).
 */
package org.neuromanifold.numeric.verify;
