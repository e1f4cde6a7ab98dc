package org.neuromanifold.numeric.kernel;

/**
 * One thread's reusable GEMM scratch: the packed block of A, a packed panel of B (used when the
 * thread works alone), an edge tile, a transposed small B, and a problem holder. Arrays grow on demand
 * and are then reused, so the steady state allocates nothing.
 */
final class GemmWorkspace {
    private static final ThreadLocal<GemmWorkspace> CURRENT = ThreadLocal.withInitial(GemmWorkspace::new);

    final double[] packedA = new double[VectorGemm.MC * VectorGemm.KC];
    final double[] tile = new double[VectorGemm.MR * VectorGemm.NR];
    final GemmProblem problem = new GemmProblem();
    private double[] packedB = new double[0];
    private double[] scratch = new double[0];

    /** The calling thread's workspace. */
    static GemmWorkspace current() {
        return CURRENT.get();
    }

    /** A scratch buffer of at least {@code size} entries (the transposed B of a small problem). */
    double[] scratch(int size) {
        if (scratch.length < size) {
            scratch = new double[size];
        }
        return scratch;
    }

    /** A packed-B buffer of at least {@code size} entries. */
    double[] packedB(int size) {
        if (packedB.length < size) {
            packedB = new double[size];
        }
        return packedB;
    }
}
