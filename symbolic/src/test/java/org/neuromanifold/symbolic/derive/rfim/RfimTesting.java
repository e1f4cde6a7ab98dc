package org.neuromanifold.symbolic.derive.rfim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.neuromanifold.core.result.Derivation;
import org.neuromanifold.core.result.DerivationStep;
import org.neuromanifold.symbolic.derive.DeriveRequest;
import org.neuromanifold.symbolic.derive.DerivedResult;
import org.neuromanifold.symbolic.latex.LatexReport;
import org.neuromanifold.symbolic.latex.PdfLatex;

/** Assertions shared by the relative-Fisher deriver tests. */
final class RfimTesting {
    static final long SEED = 20240611L;
    static final int POINTS = 6;

    private RfimTesting() {
    }

    static DeriveRequest request(String variant, Map<String, Double> options) {
        return new DeriveRequest(variant, options, SEED, POINTS);
    }

    /** Sound, every step proved symbolically, {@code steps} steps, every cross-check agreeing. */
    static void assertFullyProved(DerivedResult r, int steps) {
        Derivation d = r.derivation();
        assertTrue(d.sound(), () -> "unsound: " + describe(d));
        assertEquals(steps, d.steps().size(), () -> describe(d));
        assertEquals(steps, d.provedSteps(), () -> describe(d));
        for (DerivedResult.CrossCheck c : r.crossChecks()) {
            assertTrue(c.certificate().agrees(), () -> c.description() + ": " + c.certificate());
        }
        assertTrue(r.sound());
    }

    static String describe(Derivation d) {
        return d.steps().stream().map(RfimTesting::describe).collect(Collectors.joining("\n"));
    }

    private static String describe(DerivationStep s) {
        return s.rule() + " :: " + s.symbolic() + " :: " + s.numeric();
    }

    /** The derivations compile with pdflatex (skipped, and saying so, when it is missing). */
    static void assertCompiles(List<Derivation> derivations) {
        Optional<PdfLatex> pdflatex = PdfLatex.locate();
        assumeTrue(pdflatex.isPresent(), "pdflatex is missing (Debian: apt-get install texlive-latex-base): compile test skipped");
        String source = LatexReport.titled("Relative Fisher information").addAll(derivations).build().source();
        PdfLatex.Result r = pdflatex.get().compile(source, Duration.ofSeconds(120));
        assertInstanceOf(PdfLatex.Result.Success.class, r, () -> r instanceof PdfLatex.Result.Failure f
                ? f.reason() + "\n" + String.join("\n", f.errors()) : "");
    }
}
