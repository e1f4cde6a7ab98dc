package org.neuromanifold.numeric.random;

import java.util.random.RandomGenerator;

/**
 * The seeded generator of Neuromanifold: xoshiro256++ (Blackman and Vigna, "Scrambled linear
 * pseudorandom number generators", ACM TOMS 2021), with its 256-bit state filled from the seed by
 * SplitMix64 (Steele, Lea and Flood, OOPSLA 2014), as the authors recommend.
 *
 * <p>Determinism: the bit stream of {@link #nextLong()} is fixed by this class alone, on every JVM.
 * Derived values use {@link RandomGenerator}'s documented defaults on that stream:
 * {@link #nextDouble()} is {@code (nextLong() >>> 11) · 2⁻⁵³}, and {@link #nextGaussian()} is the JDK's
 * modified ziggurat (McFarland 2016, {@code RandomSupport.computeNextGaussian}). So the same seed gives
 * the same numbers bit for bit on the same JDK.
 *
 * <p>Streams: {@link #of(long, long)} gives statistically independent generators for (seed, stream)
 * pairs, e.g. one stream per verification trial, so trials can run in any order or in parallel and
 * still draw the same numbers.
 *
 * <p>Not thread-safe: one instance per thread.
 */
public final class Xoshiro256PlusPlus implements RandomGenerator {
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private long s0;
    private long s1;
    private long s2;
    private long s3;

    private Xoshiro256PlusPlus(long s0, long s1, long s2, long s3) {
        this.s0 = s0;
        this.s1 = s1;
        this.s2 = s2;
        this.s3 = s3;
        if ((s0 | s1 | s2 | s3) == 0) {
            // the all-zero state is the one fixed point of the transition; SplitMix64 never yields it
            this.s0 = GOLDEN_GAMMA;
        }
    }

    /** A generator whose state is the next four outputs of SplitMix64 started at {@code seed}. */
    public static Xoshiro256PlusPlus of(long seed) {
        long x = seed;
        x += GOLDEN_GAMMA;
        long a = mix64(x);
        x += GOLDEN_GAMMA;
        long b = mix64(x);
        x += GOLDEN_GAMMA;
        long c = mix64(x);
        x += GOLDEN_GAMMA;
        long d = mix64(x);
        return new Xoshiro256PlusPlus(a, b, c, d);
    }

    /**
     * The generator of stream {@code stream} under {@code seed}: SplitMix64 seeded with
     * {@code mix64(seed) ^ mix64(stream + γ)}, γ the golden gamma. Different streams give unrelated
     * sequences.
     */
    public static Xoshiro256PlusPlus of(long seed, long stream) {
        return of(mix64(seed) ^ mix64(stream + GOLDEN_GAMMA));
    }

    /** A generator with an explicit state (not all zero), for reference tests. */
    public static Xoshiro256PlusPlus ofState(long s0, long s1, long s2, long s3) {
        return new Xoshiro256PlusPlus(s0, s1, s2, s3);
    }

    /** The SplitMix64 output function (a bijection on 64-bit values). */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    @Override
    public long nextLong() {
        long result = Long.rotateLeft(s0 + s3, 23) + s0;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    /** Fills {@code out[offset, offset+n)} with N(mean, sd²) draws. */
    public void fillGaussian(double[] out, int offset, int n, double mean, double sd) {
        for (int i = 0; i < n; i++) {
            out[offset + i] = mean + sd * nextGaussian();
        }
    }
}
