package org.neuromanifold.numeric.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;

/**
 * dot, sum, axpy, scale, multiply and the row softmax of {@link VectorKernels} on awkward lengths (every
 * vector tail runs), against the documented orders (exact), double-double references (bounded), and the
 * scalar twin.
 */
class Level1AndSoftmaxTest {
    private static final int[] LENGTHS = {0, 1, 6, 7, 8, 9, 13, 15, 16, 17, 31, 33, 207, 1000};
    private static final VectorKernels VECTOR = new VectorKernels(1);
    private static final ScalarKernels SCALAR = new ScalarKernels();

    @Test
    void dotAndSumFollowTheDocumentedOrderAndTheRoundingBound() {
        Random r = new Random(1);
        for (int n : LENGTHS) {
            double[] a = Reference.gaussian(r, n + 3);
            double[] b = Reference.gaussian(r, n + 5);
            double dot = VECTOR.dot(n, a, 3, b, 5);
            assertEquals(Double.doubleToLongBits(Reference.emulatedDot(n, a, 3, b, 5, VectorKernels.lanes())),
                    Double.doubleToLongBits(dot), "dot order, n=" + n);
            double exact = Reference.accurateDot(n, a, 3, 1, b, 5, 1);
            // any summation order: |error| <= (n+1)·u·Σ|a·b| (Higham §3.1), here with a little slack
            double tol = (n + 2) * Reference.U * Reference.absDot(n, a, 3, 1, b, 5, 1);
            assertTrue(Math.abs(dot - exact) <= tol, "dot vs reference, n=" + n);
            assertTrue(Math.abs(SCALAR.dot(n, a, 3, b, 5) - exact) <= tol, "scalar dot vs reference, n=" + n);

            double sum = VECTOR.sum(n, a, 3);
            assertEquals(Double.doubleToLongBits(Reference.emulatedSum(n, a, 3, VectorKernels.lanes())),
                    Double.doubleToLongBits(sum), "sum order, n=" + n);
            double[] ones = new double[n + 3];
            java.util.Arrays.fill(ones, 1.0);
            double exactSum = Reference.accurateDot(n, a, 3, 1, ones, 0, 1);
            double sumTol = (n + 2) * Reference.U * Reference.absDot(n, a, 3, 1, ones, 0, 1);
            assertTrue(Math.abs(sum - exactSum) <= sumTol, "sum vs reference, n=" + n);
        }
    }

    @Test
    void elementwiseLevel1MatchesTheScalarTwinBitForBit() {
        Random r = new Random(2);
        for (int n : LENGTHS) {
            double[] x = Reference.gaussian(r, n + 2);
            double[] y = Reference.gaussian(r, n + 1);
            double[] yv = y.clone();
            double[] ys = y.clone();
            VECTOR.axpy(n, -0.37, x, 2, yv, 1);
            SCALAR.axpy(n, -0.37, x, 2, ys, 1);
            GemmTest.assertBitsEqual(ys, yv, "axpy n=" + n);
            for (int i = 0; i < n; i++) {
                assertEquals(y[1 + i] + -0.37 * x[2 + i], yv[1 + i], "axpy entry");
            }
            double[] xv = x.clone();
            double[] xs = x.clone();
            VECTOR.scale(n, 3.5, xv, 2);
            SCALAR.scale(n, 3.5, xs, 2);
            GemmTest.assertBitsEqual(xs, xv, "scale n=" + n);
            double[] ov = new double[n + 4];
            double[] os = new double[n + 4];
            VECTOR.multiply(n, x, 2, y, 1, ov, 4);
            SCALAR.multiply(n, x, 2, y, 1, os, 4);
            GemmTest.assertBitsEqual(os, ov, "multiply n=" + n);
            double[] alias = x.clone();
            VECTOR.multiply(n, alias, 2, y, 1, alias, 2);
            for (int i = 0; i < n; i++) {
                assertEquals(x[2 + i] * y[1 + i], alias[2 + i], "multiply in place");
            }
        }
    }

    @Test
    void level1RejectsRangesOutsideTheArray() {
        SpecificationException e = assertThrows(SpecificationException.class,
                () -> VECTOR.dot(5, new double[4], 0, new double[8], 0));
        assertEquals(ErrorCode.SHAPE_MISMATCH, e.code());
        assertEquals("a", e.argument());
        e = assertThrows(SpecificationException.class, () -> SCALAR.axpy(-1, 1, new double[4], 0, new double[4], 0));
        assertEquals(ErrorCode.OUT_OF_RANGE, e.code());
    }

    /** Softmax of one row computed here with StrictMath, in the textbook stable form. */
    private static double[] referenceSoftmax(double[] x, int off, int cols, double[] lse, int r) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < cols; j++) {
            max = Math.max(max, x[off + j]);
        }
        double[] e = new double[cols];
        double[] ones = new double[cols];
        for (int j = 0; j < cols; j++) {
            e[j] = StrictMath.exp(x[off + j] - max);
            ones[j] = 1;
        }
        double s = Reference.accurateDot(cols, e, 0, 1, ones, 0, 1);
        for (int j = 0; j < cols; j++) {
            e[j] /= s;
        }
        lse[r] = max + StrictMath.log(s);
        return e;
    }

    @Test
    void softmaxRowsMatchTheReference() {
        Random r = new Random(3);
        for (int cols : LENGTHS) {
            if (cols == 0) {
                continue;
            }
            int rows = 3;
            double[] in = new double[2 + rows * cols];
            for (int i = 0; i < in.length; i++) {
                in[i] = r.nextGaussian() * (i % 2 == 0 ? 30 : 1);
            }
            double[] out = new double[1 + rows * cols];
            double[] lse = new double[rows];
            VECTOR.softmaxRows(rows, cols, in, 2, out, 1, lse);
            double[] so = new double[1 + rows * cols];
            double[] slse = new double[rows];
            SCALAR.softmaxRows(rows, cols, in, 2, so, 1, slse);
            double[] refLse = new double[rows];
            for (int row = 0; row < rows; row++) {
                double[] ref = referenceSoftmax(in, 2 + row * cols, cols, refLse, row);
                double total = 0;
                for (int j = 0; j < cols; j++) {
                    double got = out[1 + row * cols + j];
                    // e_j within 2 ulps, Σ within (cols+1)·u relative, one division: (cols + 6) ulps relative
                    double tol = (cols + 6) * Reference.U * ref[j] + Double.MIN_VALUE;
                    if (Math.abs(got - ref[j]) > tol) {
                        fail("softmax cols=" + cols + " [" + row + "," + j + "] = " + got + " vs " + ref[j]);
                    }
                    if (Math.abs(so[1 + row * cols + j] - ref[j]) > tol) {
                        fail("scalar softmax cols=" + cols + " [" + row + "," + j + "]");
                    }
                    total += got;
                }
                assertEquals(1.0, total, (2 * cols + 6) * Reference.U, "softmax row sums to 1, cols=" + cols);
                double lseTol = 4 * Math.ulp(Math.abs(refLse[row])) + (cols + 4) * Reference.U;
                assertEquals(refLse[row], lse[row], lseTol, "logSumExp cols=" + cols);
                assertEquals(refLse[row], slse[row], lseTol, "scalar logSumExp cols=" + cols);
            }
            assertEquals(0.0, out[0], "wrote before out");
        }
    }

    @Test
    void softmaxSurvivesHugeSpreadsAndInfinities() {
        double inf = Double.POSITIVE_INFINITY;
        double[] in = {1e300, -1e300, 0, 5, 1e300, // two equal maxima
            -inf, 0, -inf, -inf, -inf, // one finite entry
            -inf, -inf, -inf, -inf, -inf, // no finite entry: NaN, as exp(−∞ − (−∞))
            -1e308, -1e308, -1e308, -1e308, -1e308}; // equal tiny logits
        double[] out = new double[in.length];
        double[] lse = new double[4];
        VECTOR.softmaxRows(4, 5, in, 0, out, 0, lse);
        double[] want = {0.5, 0, 0, 0, 0.5, 0, 1, 0, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            0.2, 0.2, 0.2, 0.2, 0.2};
        for (int i = 0; i < want.length; i++) {
            Reference.assertClose(want[i], out[i], 0, "softmax entry " + i);
        }
        Reference.assertClose(1e300 + Math.log(2), lse[0], 0, "lse row 0");
        assertEquals(0.0, lse[1]);
        assertTrue(Double.isNaN(lse[2]));
        Reference.assertClose(-1e308, lse[3], 0, "lse row 3");
        double[] scalar = new double[in.length];
        SCALAR.softmaxRows(4, 5, in, 0, scalar, 0, null);
        for (int i = 0; i < want.length; i++) {
            Reference.assertClose(scalar[i], out[i], 0, "scalar vs vector softmax entry " + i);
        }
    }
}
