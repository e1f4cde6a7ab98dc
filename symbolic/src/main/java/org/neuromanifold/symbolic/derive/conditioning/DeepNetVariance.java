package org.neuromanifold.symbolic.derive.conditioning;

import org.neuromanifold.core.activation.Activation;
import org.neuromanifold.core.error.Checks;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;
import org.neuromanifold.numeric.kernel.KernelProvider;
import org.neuromanifold.numeric.kernel.Kernels;
import org.neuromanifold.numeric.random.Xoshiro256PlusPlus;

/**
 * Monte Carlo estimate of Var(z^{(l)}) layer by layer in deep wide random networks (seed 004, exercise
 * 2): width n, depth L, bias-free layers z^{(l)} = W^{(l)} a^{(l−1)} with W_ij ~ N(0, c/n), a^{(0)} = x ~
 * N(0, I_n) (centred, whitened) and a^{(l)} = σ(z^{(l)}).
 *
 * <p>Each of {@code networks} independent networks is run on {@code inputs} inputs; its estimate of
 * Var(z^{(l)}) is the sample variance of all n × inputs pre-activations of layer l. The networks are the
 * independent replicates: the reported value is the mean over networks and its standard error the
 * standard deviation over networks / √networks (inputs and units of one network share its weights, so
 * they are not independent). Forward passes use the engine's kernels (GEMM).
 *
 * <p>Draws (part of the determinism contract): network k uses the stream {@code (seed, k)} of
 * {@link Xoshiro256PlusPlus}: first the inputs row by row, then each layer's W row-major.
 */
final class DeepNetVariance {
    private DeepNetVariance() {
    }

    /**
     * Per-layer estimates, layers 1…L.
     *
     * @param mean          mean over networks of Var(z^{(l)})
     * @param standardError its standard error
     * @param networks      the number of replicates
     */
    record Profile(double[] mean, double[] standardError, int networks) {
        int depth() {
            return mean.length;
        }
    }

    /** The setting of one experiment. */
    record Setting(Activation activation, double weightScale, int width, int depth, int networks, int inputs,
            long seed) {
        Setting {
            Checks.positive("width", width);
            Checks.positive("depth", depth);
            Checks.positive("inputs", inputs);
            if (networks < 2) {
                throw SpecificationException.expected(
                        ErrorCode.OUT_OF_RANGE, "networks",
                        "at least 2 (the standard error is estimated across networks)", networks);
            }
        }

        /** The same setting with another weight scale c and seed. */
        Setting withWeightScale(double c, long otherSeed) {
            return new Setting(activation, c, width, depth, networks, inputs, otherSeed);
        }
    }

    static Profile run(Setting s) {
        int n = s.width();
        int b = s.inputs();
        Kernels k = KernelProvider.kernels();
        double[][] perNetwork = new double[s.depth()][s.networks()];
        double[] a = new double[b * n];
        double[] z = new double[b * n];
        double[] w = new double[n * n];
        double sd = Math.sqrt(s.weightScale() / n);
        for (int net = 0; net < s.networks(); net++) {
            Xoshiro256PlusPlus rng = Xoshiro256PlusPlus.of(s.seed(), net);
            rng.fillGaussian(a, 0, b * n, 0, 1);
            for (int l = 0; l < s.depth(); l++) {
                rng.fillGaussian(w, 0, n * n, 0, sd);
                // z = a Wᵀ: row r of z is W a_r
                k.gemm(false, true, b, n, n, 1, a, 0, n, w, 0, n, 0, z, 0, n);
                perNetwork[l][net] = variance(z);
                k.activation(s.activation(), b * n, z, 0, a, 0, null, 0);
            }
        }
        double[] mean = new double[s.depth()];
        double[] se = new double[s.depth()];
        for (int l = 0; l < s.depth(); l++) {
            double[] ms = Statistics.meanAndStandardError(perNetwork[l]);
            mean[l] = ms[0];
            se[l] = ms[1];
        }
        return new Profile(mean, se, s.networks());
    }

    /** The sample variance of all entries. */
    private static double variance(double[] z) {
        double mean = 0;
        for (double v : z) {
            mean += v;
        }
        mean /= z.length;
        double ss = 0;
        for (double v : z) {
            ss += (v - mean) * (v - mean);
        }
        return ss / (z.length - 1);
    }
}
