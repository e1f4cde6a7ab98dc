package org.neuromanifold.bench.mlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class MlpReferenceGradientTest {
    private final MlpBenchData data = MlpBenchData.standard();
    private final MlpGradient reference = MlpReferenceGradient.standard();

    /**
     * Central differences of the loss on coordinates of every tensor. With h = 1e-6 the truncation
     * error is O(h²) ≈ 1e-12 and the rounding error about ε·L/h ≈ 6e-10, so 1e-8 absolute is safe; every
     * checked entry is at least 1e-4, 10⁴ times the tolerance, so the check cannot pass trivially.
     */
    @Test
    void gradientMatchesCentralDifferences() {
        double h = 1e-6;
        double[] inputs = data.inputs();
        int[] labels = data.labels();
        int checked = 0;
        for (int t = 0; t < MlpBenchData.layerCount(); t++) {
            int size = MlpBenchData.out(t) * MlpBenchData.in(t);
            for (int k : new int[] {0, size / 3 + 1, size - 1}) {
                double[][] w = weights();
                double[][] b = biases();
                double saved = w[t][k];
                w[t][k] = saved + h;
                double up = MlpReferenceGradient.loss(inputs, w, b, labels);
                w[t][k] = saved - h;
                double down = MlpReferenceGradient.loss(inputs, w, b, labels);
                double g = reference.weightGradients()[t][k];
                assertTrue(Math.abs(g) > 1e-4, "the check needs a non-negligible entry, dL/dW" + t + "[" + k + "] = " + g);
                assertEquals((up - down) / (2 * h), g, 1e-8, "dL/dW" + t + "[" + k + "]");
                checked++;
            }
            for (int k : new int[] {0, MlpBenchData.out(t) - 1}) {
                double[][] w = weights();
                double[][] b = biases();
                double saved = b[t][k];
                b[t][k] = saved + h;
                double up = MlpReferenceGradient.loss(inputs, w, b, labels);
                b[t][k] = saved - h;
                double down = MlpReferenceGradient.loss(inputs, w, b, labels);
                double g = reference.biasGradients()[t][k];
                assertTrue(Math.abs(g) > 1e-4, "the check needs a non-negligible entry, dL/db" + t + "[" + k + "] = " + g);
                assertEquals((up - down) / (2 * h), g, 1e-8, "dL/db" + t + "[" + k + "]");
                checked++;
            }
        }
        assertEquals(20, checked);
        assertEquals(MlpReferenceGradient.loss(inputs, weights(), biases(), labels), reference.loss(), 1e-14);
    }

    /**
     * Values printed by bench/scripts/mlp_numpy.py (numpy/OpenBLAS, forward and manual backward written
     * separately, generator ported with glibc's sin). Different summation orders agree to ~1e-13.
     */
    @Test
    void summaryMatchesTheNumpyImplementation() {
        MlpGradientSummary numpy = new MlpGradientSummary(2.7767766588988767, 273.6023339907613, 2.3261640833109642,
                3.4305052585590987, reference.summary().thetaL2());
        numpy.requireAgreesWith(reference.summary(), "numpy");
        assertEquals(20.129869077266765, reference.summary().thetaL2(), 1e-9);
    }

    /** ∂L/∂z at the logits is softmax − onehot, whose rows sum to 0: so do the last layer's gradients. */
    @Test
    void lastLayerGradientsSumToZeroOverClasses() {
        int last = MlpBenchData.layerCount() - 1;
        double sum = 0;
        for (double g : reference.biasGradients()[last]) {
            sum += g;
        }
        assertEquals(0.0, sum, 1e-15);
        int in = MlpBenchData.in(last);
        for (int j = 0; j < in; j++) {
            double column = 0;
            for (int o = 0; o < MlpBenchData.out(last); o++) {
                column += reference.weightGradients()[last][o * in + j];
            }
            assertEquals(0.0, column, 1e-14, "column " + j);
        }
    }

    @Test
    void summaryCheckRejectsDisagreements() {
        MlpGradientSummary ref = reference.summary();
        ref.requireAgreesWith(ref, "itself");

        // a loss off by 1e-7 relative
        MlpGradientSummary badLoss = new MlpGradientSummary(ref.loss() * (1 + 1e-7), ref.firstLayerWeightL1(),
                ref.gradientL2(), ref.gradientDotTheta(), ref.thetaL2());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> badLoss.requireAgreesWith(ref, "X"));
        assertTrue(e.getMessage().contains("X does not reproduce") && e.getMessage().contains("loss"), e.getMessage());

        // one first-layer gradient entry changed
        double[][] dW = copy(reference.weightGradients());
        dW[0][100] += 1e-6;
        MlpGradientSummary badEntry = new MlpGradient(reference.loss(), dW, reference.biasGradients()).summary();
        assertThrows(IllegalStateException.class, () -> badEntry.requireAgreesWith(ref, "Y"));

        // the sign of every bias gradient flipped: both norms unchanged, ⟨∇L, θ⟩ catches it
        double[][] db = copy(reference.biasGradients());
        for (double[] row : db) {
            for (int i = 0; i < row.length; i++) {
                row[i] = -row[i];
            }
        }
        MlpGradientSummary flipped = new MlpGradient(reference.loss(), reference.weightGradients(), db).summary();
        assertEquals(ref.gradientL2(), flipped.gradientL2(), 1e-15);
        IllegalStateException f = assertThrows(IllegalStateException.class, () -> flipped.requireAgreesWith(ref, "Z"));
        assertTrue(f.getMessage().contains("<grad, theta>"), f.getMessage());
    }

    @Test
    void summaryRejectsMismatchedTensorLists() {
        List<double[]> one = new ArrayList<>();
        one.add(new double[3]);
        assertThrows(IllegalArgumentException.class, () -> MlpGradientSummary.of(0, one, List.of()));
        assertThrows(IllegalArgumentException.class, () -> MlpGradientSummary.of(0, one, List.of(new double[2])));
    }

    private double[][] weights() {
        double[][] w = new double[MlpBenchData.layerCount()][];
        for (int t = 0; t < w.length; t++) {
            w[t] = data.weight(t);
        }
        return w;
    }

    private double[][] biases() {
        double[][] b = new double[MlpBenchData.layerCount()][];
        for (int t = 0; t < b.length; t++) {
            b[t] = data.bias(t);
        }
        return b;
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }
}
