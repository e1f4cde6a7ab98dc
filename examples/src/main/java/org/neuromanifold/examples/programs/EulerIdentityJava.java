package org.neuromanifold.examples.programs;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.neuromanifold.core.activation.IdentityActivation;
import org.neuromanifold.core.activation.Relu;
import org.neuromanifold.core.activation.Tanh;
import org.neuromanifold.core.catalogue.CatalogueIdentities;
import org.neuromanifold.core.expr.Identity;
import org.neuromanifold.core.model.Network;
import org.neuromanifold.dsl.Neuromanifold;
import org.neuromanifold.dsl.VerificationText;
import org.neuromanifold.dsl.VerifyOptions;
import org.neuromanifold.numeric.verify.VerificationReport;
import org.neuromanifold.symbolic.derive.DerivedResult;
import org.neuromanifold.symbolic.latex.LatexReport;

/**
 * Euler's identity ⟨∇_θ f_θ(x), θ⟩ = (L + 1) f_θ(x) for bias-free ReLU networks, from Java: the same
 * program as {@link EulerIdentity}, through the core types and the {@link Neuromanifold} facade.
 *
 * <pre>
 * ./neuromanifold example euler-identity-java [--out DIR]
 * </pre>
 */
public final class EulerIdentityJava {
    /** The example's name on the command line. */
    public static final String NAME = "euler-identity-java";

    private EulerIdentityJava() {
    }

    public static void main(String[] args) {
        boolean asPredicted = run(ExampleOutput.directory(args, NAME), 1, ExampleOutput.console());
        System.exit(asPredicted ? 0 : 1);
    }

    /**
     * Runs the example, writing into {@code dir}; returns true when every outcome is the one the theory
     * predicts.
     */
    public static boolean run(Path dir, long seed, PrintWriter out) {
        // 1. The model: widths 3 -> 8 -> 8 -> 1, ReLU hidden layers, identity output, no biases.
        Network relu = Network.mlp(new int[] {3, 8, 8, 1}, new Relu(), new IdentityActivation(), false);
        // The negative control: the same widths with tanh, which is not positively homogeneous.
        Network tanh = relu.withActivation(new Tanh(), new IdentityActivation());

        // 2. The catalogue's statement.
        Identity euler = CatalogueIdentities.EULER;

        // 3. Numerically, on random parameters and inputs (both sides by autodiff).
        VerifyOptions options = new VerifyOptions().trials(500).seed(seed);
        VerificationReport reluReport = Neuromanifold.verify(euler, relu, options);
        VerificationReport tanhReport = Neuromanifold.verify(euler, tanh, options);
        out.println("ReLU network:");
        out.println(VerificationText.describe(euler, reluReport));
        out.println();
        out.println("tanh network (negative control):");
        out.println(VerificationText.describe(euler, tanhReport));

        // 4. Symbolically: every step proved by Symja and checked at random points.
        DerivedResult derived = Neuromanifold.derive(euler, "", Map.of(), seed);
        out.println();
        out.println("Derivation: " + derived.derivation().steps().size() + " steps, "
                + derived.derivation().provedSteps() + " proved symbolically; "
                + (derived.sound() ? "sound" : "NOT sound"));

        // 5. LaTeX: the verdicts as a summary, then the derivation.
        String source = LatexReport.titled("Euler's identity, from Java")
                .introduction("The statement $" + Neuromanifold.latex(euler) + "$, checked numerically on "
                        + "random networks and derived step by step.")
                .summary(List.of(verdict("ReLU", reluReport), verdict("tanh (negative control)", tanhReport)))
                .add(derived.derivation())
                .build().source();
        out.println();
        ExampleOutput.writeDocument(dir, NAME, source, out);

        return reluReport.holds() && !tanhReport.holds() && tanhReport.counterexample() != null && derived.sound();
    }

    /** One summary line: the network, the verdict and, for a failure, the counterexample's widths. */
    private static String verdict(String network, VerificationReport report) {
        var r = report.result();
        String line = network + ": " + (r.holds() ? "holds on all " + r.trials() + " trials"
                : "fails on " + report.failedTrials() + " of " + r.trials() + " trials") + ". "
                + VerificationText.prediction(report);
        var ce = report.counterexample();
        if (ce != null) {
            line += " Smallest counterexample: widths " + Arrays.toString(ce.widths()) + ", lhs "
                    + Arrays.toString(ce.lhs()) + ", rhs " + Arrays.toString(ce.rhs()) + ".";
        }
        return line;
    }
}
