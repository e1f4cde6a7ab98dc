package org.neuromanifold.numeric.kernel;

import static jdk.incubator.vector.VectorOperators.ABS;
import static jdk.incubator.vector.VectorOperators.ASHR;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.MAX;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Elementary functions and lane reductions on {@link DoubleVector}s, written with lane-wise IEEE
 * arithmetic only (add, mul, div, fma, bit casts), so every lane's result is fully determined by its
 * input: the interpreter, C1 and C2 give the same bits, and a value gives the same result in whatever
 * lane or call it appears.
 *
 * <p>Why not {@code VectorOperators.EXP} and friends: in JDK 25 those are computed by SVML once C2
 * compiles the caller but by a Java fallback before that, and the two differ in the last bits, so a
 * kernel built on them would change its results while the JIT warms up.
 *
 * <p>Accuracy, measured against {@link StrictMath} in the tests: within 1 ulp for {@link #expNegAbs},
 * {@link #expm1NegAbs} and {@link #log1pUnit}.
 */
final class VectorMath {
    private static final VectorSpecies<Double> S = Lanes.S;
    private static final int L = Lanes.L;

    // Rotations by 4, 2 and 1 lanes for the fixed reduction tree.
    private static final VectorShuffle<Double> ROT4 = VectorShuffle.iota(S, 4, 1, true);
    private static final VectorShuffle<Double> ROT2 = VectorShuffle.iota(S, 2, 1, true);
    private static final VectorShuffle<Double> ROT1 = VectorShuffle.iota(S, 1, 1, true);

    /** 1.5·2^52: adding it rounds a double of magnitude below 2^51 to an integer held in the low bits. */
    private static final double ROUNDER = 0x1.8p52;
    private static final long ROUNDER_BITS = Double.doubleToRawLongBits(ROUNDER);
    private static final double LOG2E = 0x1.71547652b82fep0;
    /** ln 2 split so that k·ln2 is subtracted with about 2^-106 relative error (Cody–Waite, with fma). */
    private static final double LN2_HI = 0x1.62e42fefa39efp-1;
    private static final double LN2_LO = 0x1.abc9e3b39803fp-56;

    /**
     * Taylor coefficients 1/j! of (e^r − 1 − r)/r², from j = 13 down to j = 2 (Horner order); on
     * |r| ≤ ln2/2 the truncation is below 2^-56 relative.
     */
    private static final double[] EXPM1_COEFFICIENTS = taylor(13);

    // fdlibm's minimax coefficients for log(1+f) = f − hfsq + s·(hfsq + R(s²)), s = f/(2+f) (e_log.c).
    private static final double LG1 = 0x1.5555555555593p-1;
    private static final double LG2 = 0x1.999999997fa04p-2;
    private static final double LG3 = 0x1.2492494229359p-2;
    private static final double LG4 = 0x1.c71c51d8e78afp-3;
    private static final double LG5 = 0x1.7466496cb03dep-3;
    private static final double LG6 = 0x1.39a09d078c69fp-3;
    private static final double LG7 = 0x1.2f112df3e5244p-3;
    private static final double LOG_LN2_HI = 0x1.62e42feep-1;
    private static final double LOG_LN2_LO = 0x1.a39ef35793c76p-33;
    private static final double SQRT2 = 0x1.6a09e667f3bcdp0;

    private VectorMath() {
    }

    private static double[] taylor(int degree) {
        double[] c = new double[degree - 1];
        double factorial = 1;
        for (int j = 2; j <= degree; j++) {
            factorial *= j;
            c[degree - j] = 1 / factorial;
        }
        return c;
    }

    /**
     * The sum of the lanes in a fixed tree: with 8 lanes x0..x7 it is
     * ((x0+x4)+(x2+x6)) + ((x1+x5)+(x3+x7)); with 4 lanes (x0+x2)+(x1+x3); with 2 lanes x0+x1.
     */
    static double sumLanes(DoubleVector v) {
        if (L > 8) {
            double s = 0;
            for (int i = 0; i < L; i++) {
                s += v.lane(i);
            }
            return s;
        }
        DoubleVector t = v;
        if (L == 8) {
            t = t.add(t.rearrange(ROT4));
        }
        if (L >= 4) {
            t = t.add(t.rearrange(ROT2));
        }
        if (L >= 2) {
            t = t.add(t.rearrange(ROT1));
        }
        return t.lane(0);
    }

    /** The largest lane (Math.max semantics: NaN if any lane is NaN; order does not matter). */
    static double maxLanes(DoubleVector v) {
        if (L > 8) {
            double s = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < L; i++) {
                s = Math.max(s, v.lane(i));
            }
            return s;
        }
        DoubleVector t = v;
        if (L == 8) {
            t = t.lanewise(MAX, t.rearrange(ROT4));
        }
        if (L >= 4) {
            t = t.lanewise(MAX, t.rearrange(ROT2));
        }
        if (L >= 2) {
            t = t.lanewise(MAX, t.rearrange(ROT1));
        }
        return t.lane(0);
    }

    // The three passes below are the only places that evaluate e^x, e^x − 1 and ln(1 + y). Each is one
    // loop whose body is written out in full, with no helper taking or returning vectors: C2 compiles a
    // hot helper on its own first and then often refuses to inline it (it is "already compiled into a
    // big method", or the caller hits the node-count cutoff), and every vector crossing that call is then
    // boxed on the heap, making the kernel an order of magnitude slower. The last partial vector of each
    // range goes through the same body under a lane mask.

    /**
     * y_i = e^{−|x_i·num/den − shift|} over n entries: e^x for x ≤ 0 (x = k·ln2 + r with |r| ≤ ln2/2,
     * e^r from its Taylor polynomial, the scaling by 2^k done as 2^⌊k/2⌋·2^(k−⌊k/2⌋) so that subnormal
     * results come out right). NaN gives NaN, an infinite argument gives 0. With num = den = 1 and
     * shift = 0 this is e^{−|x|}; with shift = max over x it is e^{x − max} (softmax).
     */
    static void expNegAbs(int n, double[] x, int xo, double num, double den, double shift, double[] y, int yo) {
        for (int i = 0; i < n; i += L) {
            VectorMask<Double> m = S.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(S, x, xo + i, m).mul(num).div(den).sub(shift);
            DoubleVector xc = v.lanewise(ABS).neg().lanewise(MAX, -746.0);
            DoubleVector t = xc.fma(DoubleVector.broadcast(S, LOG2E), DoubleVector.broadcast(S, ROUNDER));
            DoubleVector k = t.sub(ROUNDER);
            DoubleVector r = k.fma(DoubleVector.broadcast(S, -LN2_HI), xc);
            r = k.fma(DoubleVector.broadcast(S, -LN2_LO), r);
            DoubleVector p = DoubleVector.broadcast(S, EXPM1_COEFFICIENTS[0]);
            for (int c = 1; c < EXPM1_COEFFICIENTS.length; c++) {
                p = p.fma(r, DoubleVector.broadcast(S, EXPM1_COEFFICIENTS[c]));
            }
            DoubleVector e = r.mul(r).fma(p, r).add(1.0);
            LongVector kl = t.reinterpretAsLongs().sub(ROUNDER_BITS);
            LongVector k1 = kl.lanewise(ASHR, 1L);
            DoubleVector s1 = k1.add(1023L).lanewise(LSHL, 52L).reinterpretAsDoubles();
            DoubleVector s2 = kl.sub(k1).add(1023L).lanewise(LSHL, 52L).reinterpretAsDoubles();
            e.mul(s1).mul(s2).intoArray(y, yo + i, m);
        }
    }

    /**
     * y_i = e^{−|x_i|·scale} − 1 over n entries, accurate near 0 (no cancellation): with x = k·ln2 + r,
     * e^x − 1 = 2^k·(e^r − 1) + (2^k − 1), one fma. Below −60 the result is −1; NaN gives NaN.
     */
    static void expm1NegAbs(int n, double[] x, int xo, double scale, double[] y, int yo) {
        for (int i = 0; i < n; i += L) {
            VectorMask<Double> m = S.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(S, x, xo + i, m);
            DoubleVector xc = v.lanewise(ABS).mul(-scale).lanewise(MAX, -60.0);
            DoubleVector t = xc.fma(DoubleVector.broadcast(S, LOG2E), DoubleVector.broadcast(S, ROUNDER));
            DoubleVector k = t.sub(ROUNDER);
            DoubleVector r = k.fma(DoubleVector.broadcast(S, -LN2_HI), xc);
            r = k.fma(DoubleVector.broadcast(S, -LN2_LO), r);
            DoubleVector p = DoubleVector.broadcast(S, EXPM1_COEFFICIENTS[0]);
            for (int c = 1; c < EXPM1_COEFFICIENTS.length; c++) {
                p = p.fma(r, DoubleVector.broadcast(S, EXPM1_COEFFICIENTS[c]));
            }
            DoubleVector q = r.mul(r).fma(p, r);
            DoubleVector s = t.reinterpretAsLongs().sub(ROUNDER_BITS).add(1023L).lanewise(LSHL, 52L)
                    .reinterpretAsDoubles();
            q.fma(s, s.sub(1.0)).intoArray(y, yo + i, m);
        }
    }

    /**
     * y_i = ln(1 + x_i) for 0 ≤ x_i ≤ 1 (the callers pass e^{−|·|}): u = 1 + x rounded, with its rounding
     * error c = x − (u − 1) carried as the first-order correction c/u; ln u by fdlibm's reduction to
     * [√2/2, √2) and its minimax polynomial.
     */
    static void log1pUnit(int n, double[] x, int xo, double[] y, int yo) {
        for (int i = 0; i < n; i += L) {
            VectorMask<Double> m = S.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(S, x, xo + i, m);
            DoubleVector u = v.add(1.0);
            DoubleVector c = v.sub(u.sub(1.0));
            VectorMask<Double> big = u.compare(GT, SQRT2);
            DoubleVector f = u.sub(1.0).blend(u.fma(DoubleVector.broadcast(S, 0.5), DoubleVector.broadcast(S, -1.0)),
                    big);
            DoubleVector dk = DoubleVector.zero(S).blend(1.0, big);
            DoubleVector s = f.div(f.add(2.0));
            DoubleVector z = s.mul(s);
            DoubleVector w = z.mul(z);
            DoubleVector t1 = w.mul(w.fma(DoubleVector.broadcast(S, LG6), DoubleVector.broadcast(S, LG4))
                    .fma(w, DoubleVector.broadcast(S, LG2)));
            DoubleVector t2 = z.mul(w.fma(DoubleVector.broadcast(S, LG7), DoubleVector.broadcast(S, LG5))
                    .fma(w, DoubleVector.broadcast(S, LG3)).fma(w, DoubleVector.broadcast(S, LG1)));
            DoubleVector rr = t2.add(t1);
            DoubleVector hfsq = f.mul(f).mul(0.5);
            DoubleVector low = dk.mul(LOG_LN2_LO).add(c.div(u));
            dk.mul(LOG_LN2_HI).sub(hfsq.sub(s.mul(hfsq.add(rr)).add(low)).sub(f)).intoArray(y, yo + i, m);
        }
    }
}
