package org.neuromanifold.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.neuromanifold.numeric.kernel.KernelProvider;

import picocli.CommandLine;

/** {@code --version}: the project version, the JDK that runs, and which kernels are active (SIMD or not). */
public final class VersionInfo implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        Runtime.Version v = Runtime.version();
        String home = System.getProperty("java.home");
        String vendor = System.getProperty("java.vendor");
        return new String[] {
            "Neuromanifold " + projectVersion(),
            "JDK " + v + " (" + vendor + ") at " + home,
            "Kernels: " + KernelProvider.kernels().description(),
        };
    }

    /** The version Maven wrote into {@code neuromanifold.properties}. */
    static String projectVersion() {
        Properties p = new Properties();
        try (InputStream in = VersionInfo.class.getResourceAsStream("/neuromanifold.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "(unknown version: " + e.getMessage() + ")";
        }
        return p.getProperty("version", "(unknown version)");
    }
}
