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
 * built-in families, on {@link DoubleVector}s. Every element, including the last partial vector (done
 * with a lane mask), goes through the same vector formula, so an element's result depends only on its
 * value. The formulas are those of the scalar classes in {@code org.neuromanifold.core.activation},
 * with e^x, e^x − 1 and ln(1 + y) from {@link VectorMath} instead of {@link Math}; where a scalar
 * formula can overflow, the vector one is rearranged so it cannot (noted per family).
 *
 * <p>Each loop is written out per family on purpose: passing vector functions as lambdas would leave
 * the JIT a megamorphic call with vectors crossing it, which it compiles into boxed, very slow code.
 */
final class VectorActivations {
    private static final VectorSpecies<Double> S = Lanes.S;
    private static final int L = Lanes.L;
    private static final long SIGN = Long.MIN_VALUE;

    private VectorActivations() {
    }

    // ------------------------------------------------------------------ vector formulas per family

    /** sigm(z): with e = e^{−|z|}, 1/(1+e) for z ≥ 0 and e/(1+e) otherwise (never overflows). */
    static DoubleVector sigmoid(DoubleVector z) {
        DoubleVector e = VectorMath.exp(z.lanewise(ABS).neg());
        DoubleVector num = e.blend(1.0, z.compare(GE, 0.0));
        return num.div(e.add(1.0));
    }

    /** tanh z = sign(z)·(−u)/(2 + u) with u = e^{−2|z|} − 1, accurate near 0 and saturating to ±1. */
    static DoubleVector tanh(DoubleVector z) {
        DoubleVector u = VectorMath.expm1NonPositive(z.lanewise(ABS).mul(-2.0));
        DoubleVector magnitude = u.lanewise(ABS).div(u.add(2.0));
        LongVector sign = z.reinterpretAsLongs().and(SIGN);
        return magnitude.reinterpretAsLongs().or(sign).reinterpretAsDoubles();
    }

    /** softplus z = max(z, 0) + ln(1 + e^{−|z|}). */
    static DoubleVector softplus(DoubleVector z) {
        DoubleVector e = VectorMath.exp(z.lanewise(ABS).neg());
        return z.lanewise(MAX, 0.0).add(VectorMath.log1pUnit(e));
    }

    /**
     * Smoothed PReLU ω·ln(e^{ιz/ω} + e^{z/ω}) written as max(ιz, z) + ω·ln(1 + e^{−(1−ι)|z|/ω}), which
     * equals it exactly in real arithmetic and cannot overflow (the scalar form overflows for
     * |z| &gt; ω·Double.MAX_VALUE).
     */
    static DoubleVector smoothPrelu(double iota, double omega, DoubleVector z) {
        DoubleVector e = VectorMath.exp(z.lanewise(ABS).mul(-(1 - iota)).div(omega));
        return z.mul(iota).lanewise(MAX, z).add(VectorMath.log1pUnit(e).mul(omega));
    }

    /** ELU: z for z ≥ 0, α(e^z − 1) otherwise. */
    static DoubleVector elu(double alpha, DoubleVector z) {
        return VectorMath.expm1NonPositive(z).mul(alpha).blend(z, z.compare(GE, 0.0));
    }

    // ------------------------------------------------------------------ loops

    /** z for z &gt; 0, else 0 (also for −∞ and −0); derivative 1 for z &gt; 0, else 0. */
    static void relu(int n, double[] z, int zo, double[] out, int oo, double[] d, int dOff) {
        DoubleVector zero = DoubleVector.zero(S);
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += L) {
            DoubleVector v = DoubleVector.fromArray(S, z, zo + i);
            VectorMask<Double> pos = v.compare(GT, 0.0);
            zero.blend(v, pos).intoArray(out, oo + i);
            if (d != null) {
                zero.blend(1.0, pos).intoArray(d, dOff + i);
            }
        }
        if (i < n) {
            VectorMask<Double> m = S.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(S, z, zo + i, m);
            VectorMask<Double> pos = v.compare(GT, 0.0);
            zero.blend(v, pos).intoArray(out, oo + i, m);
            if (d != null) {
                zero.blend(1.0, pos).intoArray(d, dOff + i, m);
            }
        }
    }

    /** z for z &gt; 0, ι·z otherwise; derivative 1 for z &gt; 0, ι otherwise. */
    static void leakyRelu(double iota, int n, double[] z, int zo, double[] out, int oo, double[] d, int dOff) {
        DoubleVector slope = DoubleVector.broadcast(S, iota);
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += L) {
            DoubleVector v = DoubleVector.fromArray(S, z, zo + i);
            VectorMask<Double> pos = v.compare(GT, 0.0);
            v.mul(iota).blend(v, pos).intoArray(out, oo + i);
            if (d != null) {
                slope.blend(1.0, pos).intoArray(d, dOff + i);
            }
        }
        if (i < n) {
            VectorMask<Double> m = S.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(S, z, zo + i, m);
            VectorMask<Double> pos = v.compare(GT, 0.0);
            v.mul(iota).blend(v, pos).intoArray(out, oo + i, m);
            if (d != null) {
                slope.blend(1.0, pos).intoArray(d, dOff + i, m);
            }
        }
    }

    /** value tanh, derivative 1 − t², second derivative −2t(1 − t²). */
    static void tanh(int n, double[] z, int zo, double[] out, int oo, double[] d, int dOff) {
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += L) {
            DoubleVector t = tanh(DoubleVector.fromArray(S, z, zo + i));
            t.intoArray(out, oo + i);
            if (d != null) {
                t.mul(t).neg().add(1.0).intoArray(d, dOff + i);
            }
        }
        if (i < n) {
            VectorMask<Double> m = S.indexInRange(i, n);
            DoubleVector t = tanh(DoubleVector.fromArray(S, z, zo + i, m));
            t.intoArray(out, oo + i, m);
            if (d != null) {
                t.mul(t).neg().add(1.0).intoArray(d, dOff + i, m);
            }
        }
    }

    static void tanhSecond(int n, double[] z, int zo, double[] out, int oo) {
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += L) {
            DoubleVector t = tanh(DoubleVector.fromArray(S, z, zo + i));
            t.mul(-2.0).mul(t.mul(t).neg().add(1.0)).intoArray(out, oo + i);
        }
        if (i < n) {
            VectorMask<Double> m = S.indexInRange(i, n);
            DoubleVector t = tanh(DoubleVector.fromArray(S, z, zo + i, m));
            t.mul(-2.0).mul(t.mul(t).neg().add(1.0)).intoArray(out, oo + i, m);
        }
    }

    /** value s = sigm z, derivative s(1 − s). */
    static void sigmoid(int n, double[] z, int zo, double[] out, int oo, double[] d, int dOff) {
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += L) {
            DoubleVector s = sigmoid(DoubleVector.fromArray(S, z, zo + i));
            s.intoArray(out, oo + i);
            if (d != null) {
                s.mul(s.neg().add(1.0)).intoArray(d, dOff + i);
            }
        }
        if (i < n) {
            VectorMask<Double> m = S.indexInRange(i, n);
            DoubleVector s = sigmoid(DoubleVector.fromArray(S, z, zo + i, m));
            s.intoArray(out, oo + i, m);
            if (d != null) {
                s.mul(s.neg().add(1.0)).intoArray(d, dOff + i, m);
            }
        }
    }

    /**
     * out ← scale·s(1 − s)·(1 − 2s) with s = sigm(slope·z) when {@code cubic}, else scale·s(1 − s):
     * the second derivative of the sigmoid (slope 1, scale 1, cubic), of the softplus (slope 1,
     * scale 1) and of the smoothed PReLU (slope (1−ι)/ω applied as ((1−ι)·z)/ω, scale (1−ι)²/ω).
     */
    static void sigmoidCurvature(boolean cubic, double slopeNum, double slopeDen, double scale, int n, double[] z,
            int zo, double[] out, int oo) {
        // multiplying by exactly 1.0 (scale, or the cubic factor when switched off) changes no bit, and
        // keeps the loop free of branches between vector values
        VectorMask<Double> quadratic = S.maskAll(!cubic);
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += L) {
            DoubleVector s = sigmoid(DoubleVector.fromArray(S, z, zo + i).mul(slopeNum).div(slopeDen));
            DoubleVector factor = s.mul(-2.0).add(1.0).blend(1.0, quadratic);
            s.mul(scale).mul(s.neg().add(1.0)).mul(factor).intoArray(out, oo + i);
        }
        if (i < n) {
            VectorMask<Double> m = S.indexInRange(i, n);
            DoubleVector s = sigmoid(DoubleVector.fromArray(S, z, zo + i, m).mul(slopeNum).div(slopeDen));
            DoubleVector factor = s.mul(-2.0).add(1.0).blend(1.0, quadratic);
            s.mul(scale).mul(s.neg().add(1.0)).mul(factor).intoArray(out, oo + i, m);
        }
    }

    /** value softplus z, derivative sigm z. */
    static void softplus(int n, double[] z, int zo, double[] out, int oo, double[] d, int dOff) {
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += L) {
            DoubleVector v = DoubleVector.fromArray(S, z, zo + i);
            softplus(v).intoArray(out, oo + i);
            if (d != null) {
                sigmoid(v).intoArray(d, dOff + i);
            }
        }
        if (i < n) {
            VectorMask<Double> m = S.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(S, z, zo + i, m);
            softplus(v).intoArray(out, oo + i, m);
            if (d != null) {
                sigmoid(v).intoArray(d, dOff + i, m);
            }
        }
    }

    /** value as {@link #smoothPrelu(double, double, DoubleVector)}, derivative ι + (1−ι)·sigm((1−ι)z/ω). */
    static void smoothPrelu(double iota, double omega, int n, double[] z, int zo, double[] out, int oo, double[] d,
            int dOff) {
        double gap = 1 - iota;
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += L) {
            DoubleVector v = DoubleVector.fromArray(S, z, zo + i);
            smoothPrelu(iota, omega, v).intoArray(out, oo + i);
            if (d != null) {
                sigmoid(v.mul(gap).div(omega)).mul(gap).add(iota).intoArray(d, dOff + i);
            }
        }
        if (i < n) {
            VectorMask<Double> m = S.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(S, z, zo + i, m);
            smoothPrelu(iota, omega, v).intoArray(out, oo + i, m);
            if (d != null) {
                sigmoid(v.mul(gap).div(omega)).mul(gap).add(iota).intoArray(d, dOff + i, m);
            }
        }
    }

    /** value ELU, derivative 1 for z ≥ 0 and α·e^z otherwise. */
    static void elu(double alpha, int n, double[] z, int zo, double[] out, int oo, double[] d, int dOff) {
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += L) {
            DoubleVector v = DoubleVector.fromArray(S, z, zo + i);
            elu(alpha, v).intoArray(out, oo + i);
            if (d != null) {
                eluSlope(alpha, v, 1.0).intoArray(d, dOff + i);
            }
        }
        if (i < n) {
            VectorMask<Double> m = S.indexInRange(i, n);
            DoubleVector v = DoubleVector.fromArray(S, z, zo + i, m);
            elu(alpha, v).intoArray(out, oo + i, m);
            if (d != null) {
                eluSlope(alpha, v, 1.0).intoArray(d, dOff + i, m);
            }
        }
    }

    /** ELU'' : 0 for z ≥ 0, α·e^z otherwise. */
    static void eluSecond(double alpha, int n, double[] z, int zo, double[] out, int oo) {
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += L) {
            eluSlope(alpha, DoubleVector.fromArray(S, z, zo + i), 0.0).intoArray(out, oo + i);
        }
        if (i < n) {
            VectorMask<Double> m = S.indexInRange(i, n);
            eluSlope(alpha, DoubleVector.fromArray(S, z, zo + i, m), 0.0).intoArray(out, oo + i, m);
        }
    }

    /** {@code onPositive} for z ≥ 0, α·e^z otherwise. */
    private static DoubleVector eluSlope(double alpha, DoubleVector z, double onPositive) {
        return VectorMath.exp(z).mul(alpha).blend(onPositive, z.compare(GE, 0.0));
    }
}
