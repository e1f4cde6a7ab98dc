package org.neuromanifold.numeric.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;

import jdk.incubator.vector.DoubleVector;

import org.junit.jupiter.api.Test;

/**
 * The vector e^x, e^x − 1 and ln(1 + y) against {@link StrictMath} (fdlibm, itself within 1 ulp of the
 * exact value) on random and special arguments, and the lane reductions against their documented trees.
 */
class VectorMathTest {
    private static final int L = Lanes.L;

    private static double[] apply(UnaryOperator<DoubleVector> f, double[] x) {
        int n = (x.length + L - 1) / L * L;
        double[] in = new double[n];
        System.arraycopy(x, 0, in, 0, x.length);
        double[] out = new double[n];
        for (int i = 0; i < n; i += L) {
            f.apply(DoubleVector.fromArray(Lanes.S, in, i)).intoArray(out, i);
        }
        return out;
    }

    /** The largest ulp distance to StrictMath over x (NaN/∞ must match exactly: then 0, else ∞). */
    private static double maxUlps(UnaryOperator<DoubleVector> f, DoubleUnaryOperator ref, double[] x) {
        double[] got = apply(f, x);
        double worst = 0;
        for (int i = 0; i < x.length; i++) {
            double want = ref.applyAsDouble(x[i]);
            double d = Reference.ulps(want, got[i]);
            // below the smallest normal, count absolute error in units of the smallest subnormal
            if (Math.abs(want) < Double.MIN_NORMAL && Double.isFinite(got[i])) {
                d = Math.abs(want - got[i]) / Double.MIN_VALUE;
            }
            worst = Math.max(worst, d);
        }
        return worst;
    }

    private static double[] uniform(Random r, int n, double lo, double hi) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = lo + (hi - lo) * r.nextDouble();
        }
        return x;
    }

    /** Measured worst case is 1 ulp for all three; 2 leaves room for another JDK's StrictMath rounding. */
    private static void assertAtMostTwoUlps(double worst) {
        assertTrue(worst <= 2, "worst error " + worst + " ulps");
    }

    @Test
    void expIsWithinTwoUlpsEverywhere() {
        Random r = new Random(1);
        assertAtMostTwoUlps(maxUlps(VectorMath::exp, StrictMath::exp, uniform(r, 200_000, -745, 709.7)));
        assertAtMostTwoUlps(maxUlps(VectorMath::exp, StrictMath::exp, uniform(r, 50_000, -1, 1)));
        double[] special = {0, -0.0, 1e-300, -1e-300, 1, -1, 0.5 * Math.log(2), -0.5 * Math.log(2), 709.78,
            709.79, 710, 1e5, -708.4, -708.5, -744, -745.1, -745.2, -746, -1e5, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.NaN};
        assertAtMostTwoUlps(maxUlps(VectorMath::exp, StrictMath::exp, special));
    }

    @Test
    void expm1IsWithinTwoUlpsOnTheNonPositiveAxis() {
        Random r = new Random(2);
        assertAtMostTwoUlps(maxUlps(VectorMath::expm1NonPositive, StrictMath::expm1, uniform(r, 200_000, -60, 0)));
        assertAtMostTwoUlps(maxUlps(VectorMath::expm1NonPositive, StrictMath::expm1, uniform(r, 50_000, -1, 0)));
        double[] tiny = new double[600];
        for (int i = 0; i < tiny.length; i++) {
            tiny[i] = -Math.scalb(1.0 + (i % 7) / 7.0, -i);
        }
        assertAtMostTwoUlps(maxUlps(VectorMath::expm1NonPositive, StrictMath::expm1, tiny));
        double[] special = {0, -0.0, -1e-300, -37, -40, -60, -61, -1e300, Double.NEGATIVE_INFINITY, Double.NaN};
        assertAtMostTwoUlps(maxUlps(VectorMath::expm1NonPositive, StrictMath::expm1, special));
    }

    @Test
    void log1pIsWithinTwoUlpsOnTheUnitInterval() {
        Random r = new Random(3);
        assertAtMostTwoUlps(maxUlps(VectorMath::log1pUnit, StrictMath::log1p, uniform(r, 200_000, 0, 1)));
        double[] tiny = new double[1070];
        for (int i = 0; i < tiny.length; i++) {
            tiny[i] = Math.scalb(1.0 + (i % 5) / 5.0, -i);
        }
        assertAtMostTwoUlps(maxUlps(VectorMath::log1pUnit, StrictMath::log1p, tiny));
        double[] special = {0, Double.MIN_VALUE, 1e-300, Math.sqrt(2) - 1, Math.nextUp(Math.sqrt(2) - 1), 0.5, 1,
            Double.NaN};
        assertAtMostTwoUlps(maxUlps(VectorMath::log1pUnit, StrictMath::log1p, special));
    }

    @Test
    void laneReductionsFollowTheDocumentedTree() {
        Random r = new Random(4);
        for (int rep = 0; rep < 100; rep++) {
            double[] v = new double[L];
            for (int i = 0; i < L; i++) {
                v[i] = r.nextGaussian() * Math.pow(10, r.nextInt(30) - 15);
            }
            DoubleVector dv = DoubleVector.fromArray(Lanes.S, v, 0);
            assertEquals(Double.doubleToLongBits(Reference.tree(v)), Double.doubleToLongBits(VectorMath.sumLanes(dv)));
            double max = Double.NEGATIVE_INFINITY;
            for (double x : v) {
                max = Math.max(max, x);
            }
            assertEquals(max, VectorMath.maxLanes(dv));
        }
        double[] withNaN = new double[L];
        withNaN[L - 1] = Double.NaN;
        assertTrue(Double.isNaN(VectorMath.maxLanes(DoubleVector.fromArray(Lanes.S, withNaN, 0))));
    }
}
