package org.neuromanifold.bench.engine;

import java.lang.reflect.Method;

import org.neuromanifold.numeric.kernel.KernelProvider;
import org.neuromanifold.numeric.kernel.Kernels;

/**
 * Sets the thread count of the kernels' GEMM through {@code Kernels.setThreads(int)} when the kernel
 * implementation in use offers it (looked up reflectively, so these benchmarks also build against a
 * kernel interface without a thread setting; they then run single-threaded and say so).
 */
final class KernelThreads {
    private KernelThreads() {
    }

    /** Requests {@code n} threads; returns a note describing what is in effect. */
    static String set(int n) {
        Kernels k = KernelProvider.kernels();
        try {
            Method m = Kernels.class.getMethod("setThreads", int.class);
            m.invoke(k, n);
            return k.description() + ", " + n + " thread(s)";
        } catch (NoSuchMethodException e) {
            if (n != 1) {
                throw new IllegalStateException("the kernel interface has no thread setting (Kernels.setThreads); "
                        + "only 1 thread can be measured with " + k.description());
            }
            return k.description() + ", 1 thread (no thread setting in this kernel interface)";
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Kernels.setThreads(" + n + ") failed", e);
        }
    }
}
