package org.neuromanifold.numeric.kernel;

/**
 * Chooses the kernel implementation once per process. (Placeholder selection: always the scalar twin
 * until the Vector API implementation lands.)
 */
public final class KernelProvider {
    private static final Kernels KERNELS = new ScalarKernels();

    private KernelProvider() {
    }

    /** The implementation in use. */
    public static Kernels kernels() {
        return KERNELS;
    }
}
