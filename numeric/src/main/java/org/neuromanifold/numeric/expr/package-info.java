/**
 * The numeric interpreter of core's {@code Expr} language:
 * {@link org.neuromanifold.numeric.expr.ExprEvaluator} evaluates expressions on an
 * {@link org.neuromanifold.numeric.expr.EvalContext} and returns
 * {@link org.neuromanifold.numeric.expr.Estimate}s (value ± standard error).
 */
package org.neuromanifold.numeric.expr;
