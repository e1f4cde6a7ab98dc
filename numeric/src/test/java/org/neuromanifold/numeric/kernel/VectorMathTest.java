package org.neuromanifold.numeric.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;

import jdk.incubator.vector.DoubleVector;

import org.junit.jupiter.api.Test;

/**
 * The vector e^x, e^x − 1 and ln(1 + y) against {@link StrictMath} (fdlibm, itself within 1 ulp of the
 * exact value) on random and special arguments, and the lane reductions against their documented trees.
 */
class VectorMathTest {
    private static final int L = Lanes.L;

    /** One array pass of {@link VectorMath}: y[0..n) from x[0..n). */
    private interface Pass {
        void apply(int n, double[] x, double[] y);
    }

    /** The largest ulp distance to StrictMath over x (NaN/∞ must match exactly: then 0, else ∞). */
    private static double maxUlps(Pass f, DoubleUnaryOperator ref, double[] x) {
        double[] got = new double[x.length];
        f.apply(x.length, x, got);
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

    private static final Pass EXP = (n, x, y) -> VectorMath.expNegAbs(n, x, 0, 1, 1, 0, y, 0);
    private static final Pass EXPM1 = (n, x, y) -> VectorMath.expm1NegAbs(n, x, 0, 1, y, 0);
    private static final Pass LOG1P = (n, x, y) -> VectorMath.log1pUnit(n, x, 0, y, 0);

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
    void expIsWithinTwoUlpsOnTheNonPositiveAxis() {
        Random r = new Random(1);
        DoubleUnaryOperator ref = x -> StrictMath.exp(-Math.abs(x));
        assertAtMostTwoUlps(maxUlps(EXP, ref, uniform(r, 200_000, -745, 0)));
        assertAtMostTwoUlps(maxUlps(EXP, ref, uniform(r, 50_000, -1, 1)));
        double[] special = {0, -0.0, 1e-300, -1e-300, 1, -1, 0.5 * Math.log(2), -0.5 * Math.log(2), -708.4,
            -708.5, -744, -745.1, -745.2, -746, -1e5, 1e5, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.NaN};
        assertAtMostTwoUlps(maxUlps(EXP, ref, special));
    }

    @Test
    void expArgumentIsScaledAndShiftedAsDocumented() {
        Random r = new Random(6);
        double[] x = uniform(r, 1001, -50, 3);
        double[] y = new double[x.length];
        VectorMath.expNegAbs(x.length, x, 0, 0.3, 0.7, 3.5, y, 0);
        for (int i = 0; i < x.length; i++) {
            double want = StrictMath.exp(-Math.abs(x[i] * 0.3 / 0.7 - 3.5));
            assertTrue(Reference.ulps(want, y[i]) <= 2, "at " + x[i]);
        }
    }

    @Test
    void expm1IsWithinTwoUlpsOnTheNonPositiveAxis() {
        Random r = new Random(2);
        assertAtMostTwoUlps(maxUlps(EXPM1, StrictMath::expm1, uniform(r, 200_000, -60, 0)));
        assertAtMostTwoUlps(maxUlps(EXPM1, StrictMath::expm1, uniform(r, 50_000, -1, 0)));
        double[] tiny = new double[600];
        for (int i = 0; i < tiny.length; i++) {
            tiny[i] = -Math.scalb(1.0 + (i % 7) / 7.0, -i);
        }
        assertAtMostTwoUlps(maxUlps(EXPM1, StrictMath::expm1, tiny));
        double[] special = {0, -0.0, -1e-300, -37, -40, -60, -61, -1e300, Double.NEGATIVE_INFINITY, Double.NaN};
        assertAtMostTwoUlps(maxUlps(EXPM1, StrictMath::expm1, special));
    }

    @Test
    void log1pIsWithinTwoUlpsOnTheUnitInterval() {
        Random r = new Random(3);
        assertAtMostTwoUlps(maxUlps(LOG1P, StrictMath::log1p, uniform(r, 200_000, 0, 1)));
        double[] tiny = new double[1070];
        for (int i = 0; i < tiny.length; i++) {
            tiny[i] = Math.scalb(1.0 + (i % 5) / 5.0, -i);
        }
        assertAtMostTwoUlps(maxUlps(LOG1P, StrictMath::log1p, tiny));
        double[] special = {0, Double.MIN_VALUE, 1e-300, Math.sqrt(2) - 1, Math.nextUp(Math.sqrt(2) - 1), 0.5, 1,
            Double.NaN};
        assertAtMostTwoUlps(maxUlps(LOG1P, StrictMath::log1p, special));
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
