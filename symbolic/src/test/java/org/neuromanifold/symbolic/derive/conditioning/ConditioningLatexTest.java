package org.neuromanifold.symbolic.derive.conditioning;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.neuromanifold.core.result.Derivation;
import org.neuromanifold.symbolic.latex.LatexReport;
import org.neuromanifold.symbolic.latex.PdfLatex;

class ConditioningLatexTest {
    @Test
    void everyDerivationOfThisPackageCompiles() {
        Optional<PdfLatex> pdflatex = PdfLatex.locate();
        assumeTrue(pdflatex.isPresent(), "pdflatex is missing (Debian: apt-get install texlive-latex-base): compile "
                + "test skipped");
        List<Derivation> all = new ArrayList<>();
        for (String v : new MseHessianDeriver().variants()) {
            all.add(Fixtures.mse(v).derivation());
        }
        all.add(Fixtures.he().derivation());
        all.add(Fixtures.xavier().derivation());
        String source = LatexReport.titled("Conditioning and initialisation").addAll(all).build().source();
        assertTrue(source.contains("\\int_{"), "the integrals are rendered as integrals");
        PdfLatex.Result r = pdflatex.get().compile(source, Duration.ofSeconds(120));
        assertInstanceOf(PdfLatex.Result.Success.class, r, r.toString());
    }
}
