package org.neuromanifold.dsl

import org.neuromanifold.core.data.Dataset
import org.neuromanifold.core.error.Checks
import org.neuromanifold.core.error.ErrorCode
import org.neuromanifold.core.error.SpecificationException
import kotlin.contracts.ExperimentalContracts
import kotlin.contracts.InvocationKind
import kotlin.contracts.contract

/**
 * The receiver of [dataset]: one [sample] per row. Widths are checked at each call against the first
 * sample, so the error names the offending sample.
 */
@NeuromanifoldDsl
class DatasetScope @PublishedApi internal constructor() {
    private val inputs = mutableListOf<DoubleArray>()
    private val targets = mutableListOf<DoubleArray>()

    /** Adds the sample (x, y). */
    fun sample(x: DoubleArray, y: DoubleArray) {
        val i = inputs.size
        if (i > 0) {
            checkWidth("sample $i: x", inputs[0].size, x.size)
            checkWidth("sample $i: y", targets[0].size, y.size)
        } else {
            Checks.positive("sample 0: x width", x.size)
        }
        Checks.finite("sample $i: x", x)
        Checks.finite("sample $i: y", y)
        inputs += x.clone()
        targets += y.clone()
    }

    /** Adds the sample (x, y) with a scalar target. */
    fun sample(x: DoubleArray, y: Double) = sample(x, doubleArrayOf(y))

    private fun checkWidth(argument: String, expected: Int, actual: Int) {
        if (expected != actual) {
            throw SpecificationException.expected(ErrorCode.SHAPE_MISMATCH, argument,
                "width $expected (as in sample 0)", "width $actual")
        }
    }

    @PublishedApi
    internal fun build(): Dataset {
        if (inputs.isEmpty()) {
            throw SpecificationException(ErrorCode.EMPTY, "dataset",
                "dataset { … }: expected at least one sample(x = …, y = …), got none")
        }
        return Dataset.of(inputs.toTypedArray(), targets.toTypedArray())
    }
}

/** A data set, one `sample(x = doubleArrayOf(…), y = …)` per row. */
@OptIn(ExperimentalContracts::class)
inline fun dataset(block: DatasetScope.() -> Unit): Dataset {
    contract { callsInPlace(block, InvocationKind.EXACTLY_ONCE) }
    val scope = DatasetScope()
    scope.block()
    return scope.build()
}

/** A data set from rows of inputs and targets (copied). */
fun dataset(inputs: Array<DoubleArray>, targets: Array<DoubleArray>): Dataset = Dataset.of(inputs, targets)

/** A data set from rows of inputs and scalar targets (copied). */
fun dataset(inputs: Array<DoubleArray>, targets: DoubleArray): Dataset =
    Dataset.of(inputs, Array(targets.size) { doubleArrayOf(targets[it]) })

/** A data set from rows of inputs and targets (copied). */
fun dataset(inputs: List<DoubleArray>, targets: List<DoubleArray>): Dataset =
    Dataset.of(inputs.toTypedArray(), targets.toTypedArray())
