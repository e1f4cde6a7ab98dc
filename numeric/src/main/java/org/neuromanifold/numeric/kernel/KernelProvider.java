package org.neuromanifold.numeric.kernel;

import java.lang.reflect.InvocationTargetException;
import java.util.Locale;

import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;

/**
 * Chooses the kernel implementation once per process.
 *
 * <ul>
 * <li>{@link VectorKernels} when the module {@code jdk.incubator.vector} is in the boot layer (the JVM
 * was started with {@code --add-modules jdk.incubator.vector}). It is loaded reflectively, so without
 * the module no Vector API class is ever touched.</li>
 * <li>Otherwise {@link ScalarKernels}, with one line on stderr saying SIMD is off and how to turn it
 * on. Results are right either way; they may differ in the last bits.</li>
 * </ul>
 *
 * <p>System properties: {@value #KERNELS_PROPERTY} = {@code scalar | vector} forces a choice (forcing
 * {@code vector} without the module is an error); {@value #THREADS_PROPERTY} = N sets how many threads a
 * large GEMM uses (default: {@link Runtime#availableProcessors()}); {@value Lanes#BITS_PROPERTY} =
 * {@code 128 | 256 | 512} narrows the vectors.
 */
public final class KernelProvider {
    /** System property forcing the implementation: {@code scalar} or {@code vector}. */
    public static final String KERNELS_PROPERTY = "neuromanifold.kernels";
    /** System property with the thread count for large GEMMs. */
    public static final String THREADS_PROPERTY = "neuromanifold.threads";
    /** The module that holds the Vector API. */
    public static final String VECTOR_MODULE = "jdk.incubator.vector";
    /** The line printed on stderr when the scalar fallback is chosen automatically. */
    public static final String SIMD_OFF_MESSAGE = "neuromanifold: SIMD is off (module " + VECTOR_MODULE
            + " not loaded), using scalar kernels; start java with --add-modules " + VECTOR_MODULE
            + " to turn it on";

    private static final String VECTOR_CLASS = "org.neuromanifold.numeric.kernel.VectorKernels";

    private KernelProvider() {
    }

    private static volatile Kernels active;

    /**
     * The implementation in use, chosen on first use.
     *
     * @throws SpecificationException when a system property above holds a bad value, or forces
     *                                {@code vector} without the module (on every call, until fixed)
     */
    public static Kernels kernels() {
        Kernels k = active;
        return k != null ? k : choose();
    }

    private static synchronized Kernels choose() {
        if (active == null) {
            active = select(System.getProperty(KERNELS_PROPERTY), vectorModulePresent());
        }
        return active;
    }

    /** Whether the active implementation is the Vector API one. */
    public static boolean simd() {
        return !(kernels() instanceof ScalarKernels);
    }

    /**
     * One line for {@code --version}, e.g. {@code "kernels: vector (512-bit, 8 lanes, 2 threads)"} or
     * {@code "kernels: scalar (SIMD off: start java with --add-modules jdk.incubator.vector)"}.
     */
    public static String describe() {
        Kernels k = kernels();
        if (k instanceof ScalarKernels) {
            return "kernels: " + k.description() + (vectorModulePresent()
                    ? " (SIMD off: forced by -D" + KERNELS_PROPERTY + "=scalar)"
                    : " (SIMD off: start java with --add-modules " + VECTOR_MODULE + ")");
        }
        return "kernels: " + k.description();
    }

    /**
     * Sets the number of threads large GEMMs use, for the active implementation (the scalar twin is
     * always single-threaded and ignores it).
     */
    public static void setThreads(int threads) {
        kernels().setThreads(threads);
    }

    /** Whether {@code jdk.incubator.vector} is in the boot module layer. */
    public static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
    }

    /** The thread count from {@value #THREADS_PROPERTY}, or the number of available processors. */
    public static int configuredThreads() {
        String v = System.getProperty(THREADS_PROPERTY);
        if (v == null || v.isBlank()) {
            return Runtime.getRuntime().availableProcessors();
        }
        int t;
        try {
            t = Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new SpecificationException(ErrorCode.OUT_OF_RANGE, THREADS_PROPERTY, "system property "
                    + THREADS_PROPERTY + ": expected a whole number of threads >= 1, found '" + v + "'");
        }
        return checkThreads(t, THREADS_PROPERTY);
    }

    static int checkThreads(int threads, String argument) {
        if (threads < 1) {
            throw new SpecificationException(ErrorCode.OUT_OF_RANGE, argument,
                    argument + ": expected a thread count >= 1, found " + threads);
        }
        return threads;
    }

    /**
     * Picks the implementation for the given {@value #KERNELS_PROPERTY} value (null = automatic) and
     * module presence; prints the SIMD-off line when it falls back automatically.
     */
    static Kernels select(String forced, boolean modulePresent) {
        String choice = forced == null ? "" : forced.trim().toLowerCase(Locale.ROOT);
        switch (choice) {
            case "" -> {
                if (modulePresent) {
                    return loadVector();
                }
                System.err.println(SIMD_OFF_MESSAGE);
                return new ScalarKernels();
            }
            case "scalar" -> {
                return new ScalarKernels();
            }
            case "vector" -> {
                if (!modulePresent) {
                    throw new SpecificationException(ErrorCode.UNSUPPORTED, KERNELS_PROPERTY,
                            "system property " + KERNELS_PROPERTY + "=vector, but module " + VECTOR_MODULE
                                    + " is not loaded; start java with --add-modules " + VECTOR_MODULE
                                    + " or drop -D" + KERNELS_PROPERTY);
                }
                return loadVector();
            }
            default -> throw new SpecificationException(ErrorCode.OUT_OF_RANGE, KERNELS_PROPERTY, "system property "
                    + KERNELS_PROPERTY + ": expected 'scalar' or 'vector', found '" + forced + "'");
        }
    }

    private static Kernels loadVector() {
        Throwable cause;
        try {
            return Class.forName(VECTOR_CLASS).asSubclass(Kernels.class).getConstructor().newInstance();
        } catch (InvocationTargetException e) {
            cause = e.getCause();
        } catch (ReflectiveOperationException | LinkageError e) {
            cause = e; // LinkageError: the class failed to initialise (now or on an earlier attempt)
        }
        // a bad setting (e.g. neuromanifold.vector.bits) surfaces as the SpecificationException it threw
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SpecificationException se) {
                throw se;
            }
        }
        throw new IllegalStateException("cannot start the Vector API kernels (" + VECTOR_CLASS + ")", cause);
    }
}
