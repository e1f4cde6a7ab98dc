package org.neuromanifold.numeric.kernel;

import static jdk.incubator.vector.VectorOperators.ABS;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.MAX;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Elementwise activation kernels (value, value with first derivative, second derivative) for the
 * built-in families. The formulas are those of the scalar classes in
 * {@code org.neuromanifold.core.activation}, with e^x, e^x − 1 and ln(1 + y) from {@link VectorMath};
 * where a scalar formula can overflow, the vector one is rearranged so that it cannot (noted below).
 *
 * <p>Structure: an activation runs as a few passes over chunks of {@link #CHUNK} entries (so the
 * intermediates stay in L1): one {@link VectorMath} pass for its transcendental function into a
 * per-thread scratch buffer, then a cheap combining pass. Each pass is a single loop whose last
 * partial vector is handled under a lane mask, so every entry goes through the same formula and its
 * result depends only on its value. (One loop per transcendental keeps each compiled method small
 * enough for C2 to keep every vector in registers; see {@link VectorMath}.) Passes that write
 * {@code out} run last in a chunk and read {@code z} at the same index first, so {@code out} may be
 * {@code z} itself.
 */
final class VectorActivations {
    private static final VectorSpecies<Double> S = Lanes.S;
    private static final int L = Lanes.L;
    private static final long SIGN = Long.MIN_VALUE;
    /** Entries per chunk: 8 KiB per scratch array. */
    static final int CHUNK = 1024;
    private static final ThreadLocal<double[][]> SCRATCH = ThreadLocal
            .withInitial(() -> new double[][] {new double[CHUNK], new double[CHUNK]});

    /** Kinds of {@link #sigmoidPass}: a + b·s, (b·s)(1 − s), (b·s)(1 − s)(1 − 2s). */
    static final int LINEAR = 0;
    static final int QUADRATIC = 1;
    static final int CUBIC = 2;

    private VectorActivations() {
    }

    // ------------------------------------------------------------------ families

    /** z for z &gt; 0, else 0 (also for −∞ and −0); derivative 1 for z &gt; 0, else 0. */
    static void relu(int n, double[] z, int zo, double[] out, int oo, double[] d, int dOff) {
        DoubleVector zero = DoubleVector.zero(S);
        for (int i = 0; i < n; i += L) {
            VectorMask<Double> m = S.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(S, z, zo + i, m);
            VectorMask<Double> pos = v.compare(GT, 0.0);
            if (d != null) {
                zero.blend(1.0, pos).intoArray(d, dOff + i, m);
            }
            zero.blend(v, pos).intoArray(out, oo + i, m);
        }
    }

    /** z for z &gt; 0, ι·z otherwise; derivative 1 for z &gt; 0, ι otherwise. */
    static void leakyRelu(double iota, int n, double[] z, int zo, double[] out, int oo, double[] d, int dOff) {
        DoubleVector slope = DoubleVector.broadcast(S, iota);
        for (int i = 0; i < n; i += L) {
            VectorMask<Double> m = S.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(S, z, zo + i, m);
            VectorMask<Double> pos = v.compare(GT, 0.0);
            if (d != null) {
                slope.blend(1.0, pos).intoArray(d, dOff + i, m);
            }
            v.mul(iota).blend(v, pos).intoArray(out, oo + i, m);
        }
    }

    /** sigm z = 1/(1+e) for z ≥ 0 and e/(1+e) otherwise, e = e^{−|z|} (cannot overflow); sigm' = s(1−s). */
    static void sigmoid(int n, double[] z, int zo, double[] out, int oo, double[] d, int dOff) {
        double[] e = SCRATCH.get()[0];
        for (int c = 0; c < n; c += CHUNK) {
            int len = Math.min(CHUNK, n - c);
            VectorMath.expNegAbs(len, z, zo + c, 1, 1, 0, e, 0);
            if (d != null) {
                sigmoidPass(QUADRATIC, 0, 1, len, z, zo + c, 1, 1, e, d, dOff + c);
            }
            sigmoidPass(LINEAR, 0, 1, len, z, zo + c, 1, 1, e, out, oo + c);
        }
    }

    /**
     * The second derivative of a sigmoid-based family from s = sigm(z·num/den): sigmoid (cubic, b = 1),
     * softplus (quadratic, b = 1), smoothed PReLU (quadratic, num = 1−ι, den = ω, b = (1−ι)²/ω).
     */
    static void sigmoidCurvature(int kind, double num, double den, double b, int n, double[] z, int zo,
            double[] out, int oo) {
        double[] e = SCRATCH.get()[0];
        for (int c = 0; c < n; c += CHUNK) {
            int len = Math.min(CHUNK, n - c);
            VectorMath.expNegAbs(len, z, zo + c, num, den, 0, e, 0);
            sigmoidPass(kind, 0, b, len, z, zo + c, num, den, e, out, oo + c);
        }
    }

    /** softplus z = max(z, 0) + ln(1 + e^{−|z|}); derivative sigm z. */
    static void softplus(int n, double[] z, int zo, double[] out, int oo, double[] d, int dOff) {
        smoothPrelu(false, 0, 1, n, z, zo, out, oo, d, dOff);
    }

    /**
     * Smoothed PReLU ω·ln(e^{ιz/ω} + e^{z/ω}), computed as max(ιz, z) + ω·ln(1 + e^{−(1−ι)|z|/ω}), equal
     * in real arithmetic and free of overflow (the scalar form overflows for |z| &gt; ω·Double.MAX_VALUE);
     * derivative ι + (1−ι)·sigm((1−ι)z/ω). With {@code prelu} false: softplus (ι = 0, ω = 1, max(z, 0)).
     */
    static void smoothPrelu(boolean prelu, double iota, double omega, int n, double[] z, int zo, double[] out,
            int oo, double[] d, int dOff) {
        double[][] scratch = SCRATCH.get();
        double[] e = scratch[0];
        double[] l = scratch[1];
        double gap = 1 - iota;
        for (int c = 0; c < n; c += CHUNK) {
            int len = Math.min(CHUNK, n - c);
            VectorMath.expNegAbs(len, z, zo + c, gap, omega, 0, e, 0);
            if (d != null) {
                sigmoidPass(LINEAR, iota, gap, len, z, zo + c, gap, omega, e, d, dOff + c);
            }
            VectorMath.log1pUnit(len, e, 0, l, 0);
            logSumPass(prelu, iota, omega, len, z, zo + c, l, out, oo + c);
        }
    }

    /**
     * tanh z = sign(z)·|u|/(2 + u) with u = e^{−2|z|} − 1: accurate near 0, saturating to ±1. The slope
     * is sech²z = 4e/(1 + e)² with e = e^{−2|z|} (as in the core's {@code Tanh}): 1 − tanh²z would cancel
     * and lose relative accuracy for large |z|.
     */
    static void tanh(int n, double[] z, int zo, double[] out, int oo, double[] d, int dOff, boolean second) {
        double[][] scratch = SCRATCH.get();
        double[] u = scratch[0];
        double[] e = scratch[1];
        boolean slope = second || d != null;
        for (int c = 0; c < n; c += CHUNK) {
            int len = Math.min(CHUNK, n - c);
            VectorMath.expm1NegAbs(len, z, zo + c, 2, u, 0);
            if (slope) {
                VectorMath.expNegAbs(len, z, zo + c, 2, 1, 0, e, 0);
            }
            tanhPass(second, len, z, zo + c, u, slope ? e : null, out, oo + c, d, dOff + c);
        }
    }

    /** ELU: z for z ≥ 0, α(e^z − 1) otherwise; derivative 1 (z ≥ 0) or α·e^z. */
    static void elu(double alpha, int n, double[] z, int zo, double[] out, int oo, double[] d, int dOff) {
        double[][] scratch = SCRATCH.get();
        double[] e = scratch[0];
        double[] q = scratch[1];
        for (int c = 0; c < n; c += CHUNK) {
            int len = Math.min(CHUNK, n - c);
            if (d != null) {
                VectorMath.expNegAbs(len, z, zo + c, 1, 1, 0, e, 0);
                eluPass(alpha, 1.0, len, z, zo + c, e, d, dOff + c);
            }
            VectorMath.expm1NegAbs(len, z, zo + c, 1, q, 0);
            eluPass(alpha, Double.NaN, len, z, zo + c, q, out, oo + c);
        }
    }

    /** ELU'': 0 for z ≥ 0, α·e^z otherwise. */
    static void eluSecond(double alpha, int n, double[] z, int zo, double[] out, int oo) {
        double[] e = SCRATCH.get()[0];
        for (int c = 0; c < n; c += CHUNK) {
            int len = Math.min(CHUNK, n - c);
            VectorMath.expNegAbs(len, z, zo + c, 1, 1, 0, e, 0);
            eluPass(alpha, 0.0, len, z, zo + c, e, out, oo + c);
        }
    }

    // ------------------------------------------------------------------ combining passes

    /**
     * out_i = a + b·s, (b·s)(1 − s) or (b·s)(1 − s)(1 − 2s) by {@code kind}, where s = sigm(u),
     * u = z_i·num/den, from e_i = e^{−|u|}: s = 1/(1+e) for u ≥ 0 and e/(1+e) otherwise, and
     * s(1 − s) = e/(1+e)².
     */
    static void sigmoidPass(int kind, double a, double b, int n, double[] z, int zo, double num, double den,
            double[] e, double[] out, int oo) {
        VectorMask<Double> linear = S.maskAll(kind == LINEAR);
        VectorMask<Double> cubic = S.maskAll(kind == CUBIC);
        for (int i = 0; i < n; i += L) {
            VectorMask<Double> m = S.indexInRange(i, n);
            DoubleVector u = DoubleVector.fromArray(S, z, zo + i, m).mul(num).div(den);
            DoubleVector ev = DoubleVector.fromArray(S, e, i, m);
            DoubleVector onePlus = ev.add(1.0);
            DoubleVector s = ev.blend(1.0, u.compare(GE, 0.0)).div(onePlus);
            DoubleVector bs = s.mul(b);
            // s(1 − s) = e/(1 + e)²: no cancellation in 1 − s for large u (as the core's sigm(u)·sigm(−u))
            DoubleVector quadratic = ev.mul(b).div(onePlus.mul(onePlus));
            DoubleVector r = quadratic.mul(s.mul(-2.0).add(1.0).blend(1.0, cubic.not()));
            r.blend(bs.add(a), linear).intoArray(out, oo + i, m);
        }
    }

    /** out_i = max(ι·z, z) + ω·l_i (prelu) or max(z, 0) + l_i (softplus). */
    private static void logSumPass(boolean prelu, double iota, double omega, int n, double[] z, int zo, double[] l,
            double[] out, int oo) {
        VectorMask<Double> smooth = S.maskAll(prelu);
        for (int i = 0; i < n; i += L) {
            VectorMask<Double> m = S.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(S, z, zo + i, m);
            DoubleVector base = v.lanewise(MAX, 0.0).blend(v.mul(iota).lanewise(MAX, v), smooth);
            base.add(DoubleVector.fromArray(S, l, i, m).mul(omega)).intoArray(out, oo + i, m);
        }
    }

    /**
     * From u = e^{−2|z|} − 1 and e = e^{−2|z|} (null when no slope is wanted): t = sign(z)·|u|/(2+u) and
     * s = 4e/(1+e)²; out = t and d = s, or out = −2t·s.
     */
    private static void tanhPass(boolean second, int n, double[] z, int zo, double[] u, double[] e, double[] out,
            int oo, double[] d, int dOff) {
        for (int i = 0; i < n; i += L) {
            VectorMask<Double> m = S.indexInRange(i, n);
            LongVector sign = DoubleVector.fromArray(S, z, zo + i, m).reinterpretAsLongs().and(SIGN);
            DoubleVector uv = DoubleVector.fromArray(S, u, i, m);
            DoubleVector t = uv.lanewise(ABS).div(uv.add(2.0)).reinterpretAsLongs().or(sign).reinterpretAsDoubles();
            if (e == null) {
                t.intoArray(out, oo + i, m);
                continue;
            }
            DoubleVector ev = DoubleVector.fromArray(S, e, i, m);
            DoubleVector onePlus = ev.add(1.0);
            DoubleVector slope = ev.mul(4.0).div(onePlus.mul(onePlus));
            if (second) {
                t.mul(-2.0).mul(slope).intoArray(out, oo + i, m);
            } else {
                slope.intoArray(d, dOff + i, m);
                t.intoArray(out, oo + i, m);
            }
        }
    }

    /**
     * out_i = α·x_i for z &lt; 0 (x = e^z or e^z − 1 from the scratch), else {@code onPositive}, or z itself
     * when {@code onPositive} is NaN.
     */
    private static void eluPass(double alpha, double onPositive, int n, double[] z, int zo, double[] x,
            double[] out, int oo) {
        VectorMask<Double> identity = S.maskAll(Double.isNaN(onPositive));
        DoubleVector constant = DoubleVector.broadcast(S, onPositive);
        for (int i = 0; i < n; i += L) {
            VectorMask<Double> m = S.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(S, z, zo + i, m);
            DoubleVector positive = constant.blend(v, identity);
            DoubleVector.fromArray(S, x, i, m).mul(alpha).blend(positive, v.compare(GE, 0.0))
                    .intoArray(out, oo + i, m);
        }
    }
}
