package org.neuromanifold.symbolic.derive.gradient;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.neuromanifold.core.model.Dense;
import org.neuromanifold.core.model.Network;
import org.neuromanifold.core.model.ParameterBlock;
import org.neuromanifold.core.result.Derivation;
import org.neuromanifold.symbolic.latex.LatexReport;
import org.neuromanifold.symbolic.latex.PdfLatex;

/** What the gradient derivers' tests share: an independent forward pass and the LaTeX compile check. */
final class GradientTestSupport {
    private GradientTestSupport() {
    }

    /** f_θ(x) by plain loops with the activations' own numeric values (no tape, no Symja). */
    static double[] forward(Network net, double[] theta, double[] x) {
        double[] h = x.clone();
        for (int t = 0; t < net.layers().size(); t++) {
            Dense d = net.layers().get(t);
            ParameterBlock w = net.layout().weight(t);
            ParameterBlock b = net.layout().biasOrNull(t);
            double[] next = new double[d.out()];
            for (int i = 0; i < d.out(); i++) {
                double s = b == null ? 0 : theta[b.index(i, 0)];
                for (int j = 0; j < d.in(); j++) {
                    s += theta[w.index(i, j)] * h[j];
                }
                next[i] = d.activation().value(s);
            }
            h = next;
        }
        return h;
    }

    /** d/dε f_{(1+ε)θ}(x) at ε = 0 (= ⟨∇_θ f, θ⟩) by central differences with step ε^{1/3}. */
    static double[] radialDerivative(Network net, double[] theta, double[] x) {
        double h = Math.cbrt(Math.ulp(1.0)) * 1.1;
        double[] up = forward(net, scaled(theta, 1 + h), x);
        double[] down = forward(net, scaled(theta, 1 - h), x);
        double[] d = new double[up.length];
        for (int k = 0; k < d.length; k++) {
            d[k] = (up[k] - down[k]) / (2 * h);
        }
        return d;
    }

    static double[] scaled(double[] v, double c) {
        double[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= c;
        }
        return out;
    }

    /** Compiles the derivations into one report with pdflatex (the test is skipped where it is missing). */
    static void assertCompiles(List<Derivation> derivations) {
        Optional<PdfLatex> pdflatex = PdfLatex.locate();
        assumeTrue(pdflatex.isPresent(), "pdflatex is missing (Debian: apt-get install texlive-latex-base): "
                + "compile test skipped");
        String source = LatexReport.titled("Gradient structure").addAll(derivations).build().source();
        PdfLatex.Result r = pdflatex.get().compile(source, Duration.ofSeconds(60));
        assertInstanceOf(PdfLatex.Result.Success.class, r, () -> r instanceof PdfLatex.Result.Failure f
                ? f.reason() + "\n" + String.join("\n", f.errors()) + "\n" + source : "");
    }
}
