/**
 * Automatic differentiation on an eager tape: {@link org.neuromanifold.numeric.autodiff.Tape} records
 * tensor ops with their values, {@link org.neuromanifold.numeric.autodiff.AutoDiff} differentiates
 * what was recorded (reverse mode, forward mode, exact Hessian-vector products, dense Jacobians and
 * Hessians), and {@code Rules} holds the one table of VJP and JVP rules, written with tape ops so
 * that derivatives can be differentiated again.
 */
package org.neuromanifold.numeric.autodiff;
