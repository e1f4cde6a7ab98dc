package org.neuromanifold.dsl

import org.neuromanifold.core.data.Dataset
import org.neuromanifold.core.data.InputDistribution
import org.neuromanifold.core.error.Checks

/** x ~ N(μ, σ²I); `sigma` is the standard deviation σ > 0. */
fun gaussian(mu: DoubleArray, sigma: Double = 1.0): InputDistribution.Gaussian = InputDistribution.Gaussian(mu, sigma)

/** x ~ N(0, σ²I) in dimension `dim`. */
fun gaussian(dim: Int, sigma: Double = 1.0): InputDistribution.Gaussian =
    InputDistribution.Gaussian(DoubleArray(Checks.positive("gaussian dim", dim)), sigma)

/** Each of the `dim` coordinates uniform on [lo, hi], independently. */
fun uniform(lo: Double, hi: Double, dim: Int): InputDistribution.Uniform = InputDistribution.Uniform(lo, hi, dim)

/** Each of the `dim` coordinates uniform on `range`, independently: `uniform(-1.0..1.0, dim = 3)`. */
fun uniform(range: ClosedFloatingPointRange<Double>, dim: Int): InputDistribution.Uniform =
    InputDistribution.Uniform(range.start, range.endInclusive, dim)

/** The empirical distribution of a data set's inputs (uniform over its rows). */
fun empirical(data: Dataset): InputDistribution.Empirical = InputDistribution.Empirical(data)
