package org.neuromanifold.dsl

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.neuromanifold.core.error.ErrorCode
import org.neuromanifold.core.error.SpecificationException

/**
 * Misuse the type system cannot catch fails at build time with core's [SpecificationException]: the
 * stable [ErrorCode] is asserted, and the message is checked for the layer and the numbers it must name.
 */
class BuilderMisuseTest {

    private fun fails(code: ErrorCode, vararg mentions: String, block: () -> Unit): SpecificationException {
        val e = assertThrows<SpecificationException> { block() }
        assertEquals(code, e.code(), e.message)
        for (m in mentions) assertTrue(e.message!!.contains(m), "message '${e.message}' should mention '$m'")
        return e
    }

    @Test
    fun `a network without an input width`() {
        fails(ErrorCode.EMPTY, "layer 0", "input width is missing", "input(d)") {
            network { dense(3, relu) }
        }
        fails(ErrorCode.EMPTY, "input width is missing") { network { } }
    }

    @Test
    fun `the input width given twice`() {
        fails(ErrorCode.UNSUPPORTED, "input(3)", "network(inputs = 2)", "give it once") {
            network(inputs = 2) { input(3); dense(1, identity) }
        }
        fails(ErrorCode.UNSUPPORTED, "input(2)", "already given by input(2)") {
            network { input(2); input(2); dense(1, identity) }
        }
    }

    @Test
    fun `input after the first layer is a repeated declaration`() {
        fails(ErrorCode.UNSUPPORTED, "input(3)", "already given by input(2)") {
            network { input(2); dense(2, relu); input(3) }
        }
    }

    @Test
    fun `a layer after the softmax head names the layer and its width`() {
        val e = fails(ErrorCode.UNSUPPORTED, "layer 2", "dense(5, relu", "after the softmax head") {
            network(inputs = 2) { dense(3, relu); dense(4, identity); softmax(); dense(5, relu) }
        }
        assertEquals("layer 2", e.argument())
    }

    @Test
    fun `softmax twice, or before any layer`() {
        fails(ErrorCode.UNSUPPORTED, "already ends in a softmax") {
            network(inputs = 2) { dense(3, identity); softmax(); softmax() }
        }
        fails(ErrorCode.EMPTY, "at least one dense layer before the softmax") { network(inputs = 2) { softmax() } }
    }

    @Test
    fun `a network without layers`() {
        fails(ErrorCode.EMPTY, "network(inputs = 2)", "at least one dense") { network(inputs = 2) { } }
    }

    @Test
    fun `a non-positive width names the layer and the number`() {
        val e = fails(ErrorCode.NON_POSITIVE_SIZE, "layer 1", "dense(0, relu", "got 0") {
            network(inputs = 2) { dense(3, relu); dense(0, relu) }
        }
        assertEquals("layer 1", e.argument())
        fails(ErrorCode.NON_POSITIVE_SIZE, "got -1") { network(inputs = -1) { dense(1, relu) } }
        fails(ErrorCode.NON_POSITIVE_SIZE, "input width", "got 0") { network { input(0) } }
    }

    @Test
    fun `activation hyperparameters out of range`() {
        fails(ErrorCode.OUT_OF_RANGE, "leaky-relu iota", "1.5") { leakyRelu(iota = 1.5) }
        fails(ErrorCode.OUT_OF_RANGE, "prelu-smooth omega", "-0.1") { preluSmooth(omega = -0.1) }
        fails(ErrorCode.OUT_OF_RANGE, "elu alpha", "0.0") { elu(alpha = 0.0) }
        fails(ErrorCode.NOT_FINITE, "hyperparameter beta") { activation("b", "beta*z", "beta" to Double.NaN) }
    }

    @Test
    fun `custom activation formulas that do not parse or use unknown symbols`() {
        fails(ErrorCode.FORMULA_SYNTAX, "activation 'broken' formula") { activation("broken", "z*(sigmoid(z)") }
        fails(ErrorCode.UNKNOWN_SYMBOL, "activation 'swish-beta' formula", "beta") {
            activation("swish-beta", "z*sigmoid(beta*z)")
        }
    }

    @Test
    fun `data sets with inconsistent or bad rows name the sample`() {
        fails(ErrorCode.SHAPE_MISMATCH, "sample 2: x", "width 2", "width 3") {
            dataset {
                sample(x = doubleArrayOf(1.0, 2.0), y = 0.0)
                sample(x = doubleArrayOf(1.0, 2.0), y = 0.0)
                sample(x = doubleArrayOf(1.0, 2.0, 3.0), y = 0.0)
            }
        }
        fails(ErrorCode.SHAPE_MISMATCH, "sample 1: y") {
            dataset { sample(x = doubleArrayOf(1.0), y = 0.0); sample(x = doubleArrayOf(1.0), y = doubleArrayOf()) }
        }
        fails(ErrorCode.NOT_FINITE, "sample 0: x[1]", "NaN") {
            dataset { sample(x = doubleArrayOf(1.0, Double.NaN), y = 0.0) }
        }
        fails(ErrorCode.EMPTY, "at least one sample") { dataset { } }
        fails(ErrorCode.NON_POSITIVE_SIZE, "sample 0: x width") { dataset { sample(x = doubleArrayOf(), y = 1.0) } }
        fails(ErrorCode.SHAPE_MISMATCH, "targets") { dataset(arrayOf(doubleArrayOf(1.0)), doubleArrayOf(1.0, 2.0)) }
    }

    @Test
    fun `distributions and initialisations out of range`() {
        fails(ErrorCode.OUT_OF_RANGE, "sigma") { gaussian(mu = doubleArrayOf(0.0), sigma = 0.0) }
        fails(ErrorCode.NON_POSITIVE_SIZE, "gaussian dim") { gaussian(dim = 0) }
        fails(ErrorCode.OUT_OF_RANGE, "hi", "lo = 1.0") { uniform(1.0..1.0, dim = 2) }
        fails(ErrorCode.OUT_OF_RANGE, "sb2") { scaled(sw2 = 1.0, sb2 = -1.0) }
    }

    @Test
    fun `models whose parts disagree`() {
        val net = mlp(2, 3, 1, hidden = relu)
        fails(ErrorCode.EMPTY, "expected a network") { model { loss = squareLoss } }
        fails(ErrorCode.UNSUPPORTED, "already declared") { model { use(net); use(net) } }
        fails(ErrorCode.SHAPE_MISMATCH, "model data", "input width 2", "got 3") {
            model { use(net); data = dataset { sample(x = doubleArrayOf(1.0, 2.0, 3.0), y = 0.0) } }
        }
        fails(ErrorCode.SHAPE_MISMATCH, "model data targets", "width 1", "got 2") {
            model { use(net); data = dataset { sample(x = doubleArrayOf(1.0, 2.0), y = doubleArrayOf(0.0, 1.0)) } }
        }
        fails(ErrorCode.SHAPE_MISMATCH, "model inputs", "dimension 2", "got 4") {
            model { use(net); inputs = gaussian(dim = 4) }
        }
    }
}
