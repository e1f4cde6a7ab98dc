package org.neuromanifold.bench.mlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;
import org.neuromanifold.core.model.ParameterBlock;
import org.neuromanifold.core.model.ParameterLayout;

class MlpBenchDataTest {
    private final MlpBenchData data = MlpBenchData.standard();

    /**
     * Values printed by Python's math.sin (glibc) port of the generator in bench/scripts/mlp_numpy.py.
     * StrictMath.sin (fdlibm) may differ from glibc by an ulp, which the factor 43758.5453 turns into
     * at most ~1e-11 here; 1e-9 absolute leaves room for that and nothing else.
     */
    @Test
    void generatorMatchesTheIndependentPythonPort() {
        assertEquals(-1.0, MlpBenchData.value(0, 0, 1.0), 0.0);
        assertEquals(0.8433807796318433, MlpBenchData.value(1, 0, 1.0), 1e-9);
        assertEquals(0.2752741794574831, MlpBenchData.value(12345, 3, 0.5), 1e-9);
        assertEquals(-0.3703253573185066, MlpBenchData.value(100351, 0, 1.0), 1e-9);
        assertEquals(-0.06600223084488172, MlpBenchData.value(50175, 1, Math.sqrt(6.0 / 784)), 1e-9);
        assertEquals(0.02775089548813412, MlpBenchData.value(9, 8, 0.1), 1e-9);
    }

    @Test
    void tensorsFollowTheDocumentedSeedsScalesAndShapes() {
        double[] x = data.inputs();
        assertEquals(128 * 784, x.length);
        assertEquals(MlpBenchData.value(100351, 0, 1.0), x[100351], 0.0);
        assertBounded(x, 1.0);
        for (int t = 0; t < MlpBenchData.layerCount(); t++) {
            double[] w = data.weight(t);
            double[] b = data.bias(t);
            assertEquals(MlpBenchData.out(t) * MlpBenchData.in(t), w.length);
            assertEquals(MlpBenchData.out(t), b.length);
            assertEquals(MlpBenchData.value(w.length - 1, 2 * t + 1, Math.sqrt(6.0 / MlpBenchData.in(t))),
                    w[w.length - 1], 0.0);
            assertEquals(MlpBenchData.value(3, 2 * t + 2, 0.1), b[3], 0.0);
            assertBounded(w, Math.sqrt(6.0 / MlpBenchData.in(t)));
            assertBounded(b, 0.1);
        }
        assertArrayEquals(new int[] {784, 64, 64, 64, 10}, MlpBenchData.widths());
    }

    @Test
    void labelsAndOneHotAgree() {
        int[] y = data.labels();
        double[] oneHot = data.oneHotLabels();
        for (int i = 0; i < 128; i++) {
            assertEquals((7 * i) % 10, y[i]);
            double rowSum = 0;
            for (int c = 0; c < 10; c++) {
                rowSum += oneHot[i * 10 + c];
            }
            assertEquals(1.0, rowSum, 0.0);
            assertEquals(1.0, oneHot[i * 10 + y[i]], 0.0);
        }
    }

    @Test
    void thetaUsesCoreParameterLayout() {
        ParameterLayout layout = MlpBenchData.network().layout();
        double[] theta = data.theta();
        assertEquals(784 * 64 + 64 + 2 * (64 * 64 + 64) + 64 * 10 + 10, theta.length);
        for (int t = 0; t < MlpBenchData.layerCount(); t++) {
            ParameterBlock w = layout.weight(t);
            double[] weight = data.weight(t);
            int in = MlpBenchData.in(t);
            for (int o = 0; o < w.rows(); o += 7) {
                for (int i = 0; i < w.cols(); i += 5) {
                    assertEquals(weight[o * in + i], theta[w.index(o, i)], 0.0);
                }
            }
            ParameterBlock b = layout.biasOrNull(t);
            assertEquals(data.bias(t)[1], theta[b.index(1, 0)], 0.0);
        }
        assertEquals(128, data.dataset().size());
        assertEquals(10, data.dataset().targetDim());
    }

    @Test
    void transposeSwapsIndices() {
        double[] w = data.weight(0);
        double[] wt = data.weightTransposed(0);
        assertEquals(w[5 * 784 + 17], wt[17 * 64 + 5], 0.0);
        assertArrayEquals(w, MlpBenchData.transpose(wt, 784, 64));
    }

    @Test
    void generationIsDeterministicAndAccessorsReturnCopies() {
        assertArrayEquals(MlpBenchData.tensor(4096, 5, 0.3), MlpBenchData.tensor(4096, 5, 0.3));
        double[] w = data.weight(2);
        w[0] = 42;
        assertTrue(data.weight(2)[0] != 42);
    }

    @Test
    void badLayerIndexIsRejectedWithItsName() {
        SpecificationException e = assertThrows(SpecificationException.class, () -> data.weight(4));
        assertEquals(ErrorCode.OUT_OF_RANGE, e.code());
        assertTrue(e.getMessage().contains("layer"), e.getMessage());
        assertThrows(SpecificationException.class, () -> MlpBenchData.transpose(new double[5], 2, 3));
    }

    private static void assertBounded(double[] values, double bound) {
        for (double v : values) {
            assertTrue(Math.abs(v) <= bound, () -> v + " exceeds the scale " + bound);
        }
    }
}
