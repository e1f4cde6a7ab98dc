package org.neuromanifold.numeric.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;
import org.neuromanifold.core.loss.BinaryCrossEntropyLoss;
import org.neuromanifold.core.loss.HingeLoss;
import org.neuromanifold.core.loss.SoftmaxCrossEntropyLoss;
import org.neuromanifold.core.loss.SquareLoss;
import org.neuromanifold.core.scalar.Fn;
import org.neuromanifold.numeric.tensor.Tensor;

/** Values, shapes, errors and memory reuse of the tape. */
class TapeTest {
    @Test
    void valuesOfLinearAlgebraOpsMatchHandComputedResults() {
        Tape t = new Tape();
        int a = t.matrix(2, 3, new double[] {1, 2, 3, 4, 5, 6});
        int b = t.matrix(3, 2, new double[] {7, 8, 9, 10, 11, 12});
        assertEquals(Tensor.matrix(2, 2, 58, 64, 139, 154), t.value(t.matmul(a, b)));
        assertEquals(Tensor.matrix(3, 3, 39, 54, 69, 49, 68, 87, 59, 82, 105), t.value(t.matmul(b, a, false, false)));
        assertEquals(Tensor.matrix(2, 2, 14, 32, 32, 77), t.value(t.matmul(a, a, false, true)));
        assertEquals(Tensor.vector(14, 32), t.value(t.matmul(a, t.vector(new double[] {1, 2, 3}))));
        assertEquals(Tensor.vector(9, 12, 15), t.value(t.matmul(a, t.vector(new double[] {1, 2}), true, false)));
        assertEquals(Tensor.matrix(3, 2, 1, 4, 2, 5, 3, 6), t.value(t.transpose(a)));
        assertEquals(15.0, t.scalarValue(t.trace(t.reshape(t.vector(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}), 2, 3,
                3))), 0.0);
        assertEquals(Tensor.matrix(2, 2, 3, 4, 6, 8), t.value(t.outer(t.vector(new double[] {1, 2}),
                t.vector(new double[] {3, 4}))));
        assertEquals(21.0, t.scalarValue(t.sum(a)), 0.0);
    }

    @Test
    void lossValuesMatchCoreLosses() {
        double[] f = {0.3, -1.2, 2.5};
        double[] yBinary = {1, 0, 1};
        double[] yProb = {0.2, 0.5, 0.3};
        double[] ySigned = {1, -1, -1};
        Tape t = new Tape();
        int fn = t.vector(f);
        assertEquals(new SquareLoss().value(f, yProb), t.scalarValue(t.squareLoss(fn, t.vector(yProb))), 1e-15);
        assertEquals(new BinaryCrossEntropyLoss().value(f, yBinary), t.scalarValue(t.bceLoss(fn, t.vector(yBinary))),
                1e-15);
        assertEquals(new SoftmaxCrossEntropyLoss().value(f, yProb),
                t.scalarValue(t.softmaxCrossEntropy(fn, t.vector(yProb))), 1e-15);
        assertEquals(new HingeLoss().value(f, ySigned), t.scalarValue(t.hingeLoss(fn, t.vector(ySigned))), 1e-15);
    }

    @Test
    void lossGradientsMatchCoreLosses() {
        double[] f = {0.3, -1.2, 2.5};
        double[][] ys = {{0.2, 0.5, 0.3}, {1, 0, 1}, {0.2, 0.5, 0.3}, {1, -1, -1}};
        var losses = java.util.List.of(new SquareLoss(), new BinaryCrossEntropyLoss(), new SoftmaxCrossEntropyLoss(),
                new HingeLoss());
        for (int k = 0; k < 4; k++) {
            Tape t = new Tape();
            int fn = t.vector(f);
            int l = t.loss(losses.get(k), fn, t.vector(ys[k]));
            assertArrayEquals(losses.get(k).gradient(f, ys[k]), t.toArray(AutoDiff.grad(t, l, fn)), 1e-15,
                    losses.get(k).name());
        }
    }

    @Test
    void bceKeepsRelativeAccuracyOfTinyLosses() {
        Tape t = new Tape();
        // ℓ = ln(1 + e^{−40}) ≈ e^{−40}: the naive softplus(f) − f rounds it to 0
        double l = t.scalarValue(t.bceLoss(t.vector(new double[] {40}), t.vector(new double[] {1})));
        assertEquals(Math.exp(-40), l, 1e-15 * Math.exp(-40));
    }

    @Test
    void softmaxAndLogSumExpAreStableForHugeLogits() {
        Tape t = new Tape();
        int a = t.vector(new double[] {1000, 1001, 999});
        double[] s = t.toArray(t.softmax(a));
        double z = 1 + Math.exp(1) + Math.exp(-1);
        assertArrayEquals(new double[] {1 / z, Math.exp(1) / z, Math.exp(-1) / z}, s, 1e-15);
        assertEquals(1000 + Math.log(z), t.scalarValue(t.logSumExp(a)), 1e-12);
    }

    @Test
    void shapeMismatchesNameTheOpAndBothShapes() {
        Tape t = new Tape();
        int a = t.vector(new double[] {1, 2, 3});
        int b = t.vector(new double[] {1, 2});
        SpecificationException e = assertThrows(SpecificationException.class, () -> t.add(a, b));
        assertEquals(ErrorCode.SHAPE_MISMATCH, e.code());
        assertTrue(e.getMessage().contains("add") && e.getMessage().contains("vector(3)")
                && e.getMessage().contains("vector(2)"), e.getMessage());
        int m = t.matrix(2, 2, new double[] {1, 2, 3, 4});
        SpecificationException e2 = assertThrows(SpecificationException.class, () -> t.matmul(m, a));
        assertTrue(e2.getMessage().contains("matrix(2×2)") && e2.getMessage().contains("vector(3)"),
                e2.getMessage());
        assertEquals(ErrorCode.SHAPE_MISMATCH, assertThrows(SpecificationException.class,
                () -> t.trace(t.matrix(2, 3, new double[6]))).code());
        assertEquals(ErrorCode.SHAPE_MISMATCH, assertThrows(SpecificationException.class,
                () -> t.squareLoss(a, b)).code());
        assertEquals(ErrorCode.OUT_OF_RANGE, assertThrows(SpecificationException.class,
                () -> t.slice(a, 2, 1, 2, 1)).code());
        assertEquals(ErrorCode.OUT_OF_RANGE, assertThrows(SpecificationException.class,
                () -> t.gather(a, new int[] {3})).code());
        assertEquals(ErrorCode.OUT_OF_RANGE, assertThrows(SpecificationException.class, () -> t.neg(999)).code());
    }

    @Test
    void thirdDerivativeOfASmoothActivationIsReportedNotInvented() {
        Tape t = new Tape();
        int x = t.vector(new double[] {0.5});
        int d2 = t.activationSecondDerivative(new org.neuromanifold.core.activation.Tanh(), x);
        SpecificationException e = assertThrows(SpecificationException.class,
                () -> AutoDiff.grad(t, t.sum(d2), x));
        assertEquals(ErrorCode.UNSUPPORTED, e.code());
        assertTrue(e.getMessage().contains("third derivative of activation tanh"), e.getMessage());
    }

    @Test
    void gradientOfAnUnrelatedNodeIsZeroAndGradOfANonScalarIsRefused() {
        Tape t = new Tape();
        int x = t.vector(new double[] {1, 2});
        int y = t.vector(new double[] {3, 4});
        int f = t.dot(x, x);
        assertArrayEquals(new double[] {0, 0}, t.toArray(AutoDiff.grad(t, f, y)), 0.0);
        assertArrayEquals(new double[] {2, 4}, t.toArray(AutoDiff.grad(t, f, x)), 0.0);
        assertEquals(ErrorCode.SHAPE_MISMATCH,
                assertThrows(SpecificationException.class, () -> AutoDiff.grad(t, x, x)).code());
    }

    @Test
    void fanOutAccumulatesEveryPath() {
        // f = x·x·x + sin(x) with x used four times: f' = 3x² + cos x
        Tape t = new Tape();
        int x = t.scalar(0.7);
        int f = t.add(t.mul(t.mul(x, x), x), t.fn(Fn.SIN, x));
        assertEquals(3 * 0.49 + Math.cos(0.7), t.scalarValue(AutoDiff.grad(t, f, x)), 1e-15);
        // f'' = 6x − sin x through forward over reverse
        assertEquals(6 * 0.7 - Math.sin(0.7), t.scalarValue(AutoDiff.hvp(t, f, x, t.scalar(1))), 1e-14);
    }

    @Test
    void resetAndRewindReuseMemoryAndGiveIdenticalBits() {
        Tape t = new Tape();
        double[] first = run(t);
        int mark = t.mark();
        run(t);
        t.rewind(mark);
        assertEquals(mark, t.size());
        t.reset();
        assertEquals(0, t.size());
        assertArrayEquals(first, run(t), 0.0);
        assertArrayEquals(first, run(new Tape()), 0.0);
    }

    @Test
    void intermediateNodesCanBeDifferentiatedAgainst() {
        // f = sum(m²) with m = 3x: ∂f/∂m = 2m, ∂f/∂x = 6m
        Tape t = new Tape();
        int x = t.vector(new double[] {1, -2});
        int m = t.scale(x, 3);
        int f = t.sum(t.pow(m, 2));
        int[] g = AutoDiff.grad(t, f, m, x);
        assertArrayEquals(new double[] {6, -12}, t.toArray(g[0]), 0.0);
        assertArrayEquals(new double[] {18, -36}, t.toArray(g[1]), 0.0);
    }

    private static double[] run(Tape t) {
        int x = t.vector(new double[] {0.1, -0.4, 0.9});
        int w = t.matrix(2, 3, new double[] {1, -1, 2, 0.5, 0.25, -3});
        int f = t.logSumExp(t.fn(Fn.TANH, t.matmul(w, x)));
        int g = AutoDiff.grad(t, f, x);
        int hv = AutoDiff.hvp(t, f, x, t.vector(new double[] {1, 0, 0}));
        double[] out = new double[7];
        out[0] = t.scalarValue(f);
        t.copyTo(g, out, 1);
        t.copyTo(hv, out, 4);
        return out;
    }
}
