package org.neuromanifold.numeric.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;

/**
 * Selection of the implementation: in this JVM (which has the Vector API), through {@code select} with
 * every combination of property and module presence, and for real in child JVMs started without
 * {@code --add-modules} (scalar fallback and its one stderr line) and with narrower vectors (the 256- and
 * 128-bit code paths, cross-checked by {@link KernelSelfCheck}).
 */
class KernelProviderTest {
    private record Run(int exit, List<String> out, List<String> err) {
    }

    @Test
    void thisJvmUsesTheVectorKernels() {
        assertTrue(KernelProvider.vectorModulePresent());
        assertInstanceOf(VectorKernels.class, KernelProvider.kernels());
        assertTrue(KernelProvider.simd());
        String d = KernelProvider.describe();
        assertTrue(d.startsWith("kernels: vector (" + VectorKernels.vectorBits() + "-bit, " + VectorKernels.lanes()
                + " lanes, "), d);
        assertTrue(d.contains(KernelProvider.kernels().threads() + " thread"), d);
    }

    @Test
    void selectHonoursThePropertyAndTheModule() {
        assertInstanceOf(VectorKernels.class, KernelProvider.select(null, true));
        assertInstanceOf(VectorKernels.class, KernelProvider.select(" Vector ", true));
        assertInstanceOf(ScalarKernels.class, KernelProvider.select("scalar", true));
        assertInstanceOf(ScalarKernels.class, KernelProvider.select("scalar", false));
        SpecificationException e = assertThrows(SpecificationException.class,
                () -> KernelProvider.select("vector", false));
        assertEquals(ErrorCode.UNSUPPORTED, e.code());
        assertEquals(KernelProvider.KERNELS_PROPERTY, e.argument());
        assertTrue(e.getMessage().contains("--add-modules jdk.incubator.vector"), e.getMessage());
        e = assertThrows(SpecificationException.class, () -> KernelProvider.select("simd", true));
        assertEquals(ErrorCode.OUT_OF_RANGE, e.code());
        assertTrue(e.getMessage().contains(KernelProvider.KERNELS_PROPERTY), e.getMessage());
    }

    @Test
    void automaticFallbackPrintsExactlyOneLine() {
        PrintStream saved = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
            assertInstanceOf(ScalarKernels.class, KernelProvider.select(null, false));
            assertInstanceOf(ScalarKernels.class, KernelProvider.select("scalar", true));
        } finally {
            System.setErr(saved);
        }
        assertEquals(KernelProvider.SIMD_OFF_MESSAGE + System.lineSeparator(), buf.toString(StandardCharsets.UTF_8));
    }

    @Test
    void threadPropertyIsParsedAndChecked() {
        String saved = System.getProperty(KernelProvider.THREADS_PROPERTY);
        try {
            System.clearProperty(KernelProvider.THREADS_PROPERTY);
            assertEquals(Runtime.getRuntime().availableProcessors(), KernelProvider.configuredThreads());
            System.setProperty(KernelProvider.THREADS_PROPERTY, " 3 ");
            assertEquals(3, KernelProvider.configuredThreads());
            assertEquals(3, new VectorKernels().threads());
            for (String bad : new String[] {"0", "-2", "two"}) {
                System.setProperty(KernelProvider.THREADS_PROPERTY, bad);
                SpecificationException e = assertThrows(SpecificationException.class,
                        KernelProvider::configuredThreads);
                assertEquals(KernelProvider.THREADS_PROPERTY, e.argument());
            }
        } finally {
            if (saved == null) {
                System.clearProperty(KernelProvider.THREADS_PROPERTY);
            } else {
                System.setProperty(KernelProvider.THREADS_PROPERTY, saved);
            }
        }
        VectorKernels k = new VectorKernels(2);
        assertEquals("vector (" + VectorKernels.vectorBits() + "-bit, " + VectorKernels.lanes() + " lanes, 2 threads)",
                k.description());
        k.setThreads(1);
        assertEquals(1, k.threads());
        assertTrue(k.description().endsWith(", 1 thread)"), k.description());
        assertThrows(SpecificationException.class, () -> k.setThreads(0));
        new ScalarKernels().setThreads(4); // accepted and ignored: the twin is single-threaded
        assertThrows(SpecificationException.class, () -> new ScalarKernels().setThreads(0));
    }

    @Test
    void withoutTheModuleAChildJvmFallsBackToScalarAndSaysSoOnce() throws Exception {
        Run run = child(List.of("-Dneuromanifold.threads=2"));
        assertEquals(0, run.exit(), () -> "child failed: " + run);
        assertEquals("kernels: scalar (SIMD off: start java with --add-modules jdk.incubator.vector)",
                run.out().get(0));
        assertTrue(run.out().get(1).startsWith("self-check OK: "), run::toString);
        assertEquals(List.of(KernelProvider.SIMD_OFF_MESSAGE), run.err(), "stderr of the child");
    }

    @Test
    void forcingVectorWithoutTheModuleIsAnErrorNamingTheProperty() throws Exception {
        Run run = child(List.of("-Dneuromanifold.kernels=vector"));
        assertTrue(run.exit() != 0, run::toString);
        assertTrue(String.join("\n", run.err()).contains("neuromanifold.kernels=vector"), run::toString);
    }

    @Test
    void aBadVectorWidthIsAnErrorNamingTheProperty() throws Exception {
        Run run = child(List.of("--add-modules", "jdk.incubator.vector", "-Dneuromanifold.vector.bits=1024"));
        assertTrue(run.exit() != 0, run::toString);
        assertTrue(String.join("\n", run.err()).contains("neuromanifold.vector.bits"), run::toString);
    }

    @Test
    void narrowerVectorsPassTheSelfCheckInChildJvms() throws Exception {
        for (String bits : new String[] {"256", "128"}) {
            Run run = child(List.of("--add-modules", "jdk.incubator.vector", "-Dneuromanifold.vector.bits=" + bits,
                    "-Dneuromanifold.threads=2"));
            assertEquals(0, run.exit(), () -> "child failed: " + run);
            int lanes = Integer.parseInt(bits) / 64;
            assertEquals("kernels: vector (" + bits + "-bit, " + lanes + " lanes, 2 threads)", run.out().get(0));
            assertTrue(run.out().get(1).startsWith("self-check OK: "), run::toString);
        }
    }

    private static Run child(List<String> jvmArgs) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.add("-Xshare:auto");
        cmd.add("-XX:TieredStopAtLevel=1"); // the self-check is short: C1 is enough and starts faster
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(cp);
        cmd.add(KernelSelfCheck.class.getName());
        Process p = new ProcessBuilder(cmd).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("child JVM did not finish: " + cmd);
        }
        List<String> errLines = new String(err, StandardCharsets.UTF_8).lines()
                .filter(l -> !l.equals("WARNING: Using incubator modules: jdk.incubator.vector")).toList();
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8).lines().toList(), errLines);
    }
}
