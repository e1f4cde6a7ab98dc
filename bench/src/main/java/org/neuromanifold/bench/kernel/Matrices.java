package org.neuromanifold.bench.kernel;

/** Deterministic benchmark inputs (no RNG state to share): a hashed sine in [−1, 1). */
final class Matrices {
    private Matrices() {
    }

    static double[] deterministic(int length, int seed) {
        double[] x = new double[length];
        for (int i = 0; i < length; i++) {
            double t = Math.sin(i * 12.9898 + seed) * 43758.5453;
            x[i] = 2 * (t - Math.floor(t)) - 1;
        }
        return x;
    }
}
