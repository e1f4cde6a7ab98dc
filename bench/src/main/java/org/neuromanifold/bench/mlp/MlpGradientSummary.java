package org.neuromanifold.bench.mlp;

import java.util.List;
import java.util.Locale;

import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;

/**
 * The numbers every engine must reproduce before it is timed: the loss, the 1-norm of the first
 * layer's weight gradient, the 2-norm of the whole gradient, and the directional derivative along
 * the parameters themselves, {@code ⟨∇L, θ⟩}. The norms do not depend on how an engine lays out its
 * tensors; {@code ⟨∇L, θ⟩} is sign-sensitive and pairs each gradient entry with its own parameter,
 * so a gradient attached to the wrong tensor or with the wrong sign fails it.
 *
 * @param loss               the mean softmax cross-entropy
 * @param firstLayerWeightL1 {@code Σ |∂L/∂W₀[o,i]|}
 * @param gradientL2         {@code ‖∇L‖₂} over all weights and biases
 * @param gradientDotTheta   {@code Σ ∂L/∂θ_k · θ_k} over all weights and biases
 * @param thetaL2            {@code ‖θ‖₂}, the scale of the directional check
 */
public record MlpGradientSummary(double loss, double firstLayerWeightL1, double gradientL2,
        double gradientDotTheta, double thetaL2) {

    /** Relative agreement required between engines: FP64 sums in different orders agree to ~1e-13. */
    public static final double RELATIVE_TOLERANCE = 1e-9;

    /**
     * The summary of one gradient.
     *
     * @param loss       the loss value
     * @param gradients  the gradient tensors, the first one being {@code ∂L/∂W₀} (any layout)
     * @param parameters the parameter tensors, {@code parameters.get(k)} in the same layout as
     *                   {@code gradients.get(k)}
     */
    public static MlpGradientSummary of(double loss, List<double[]> gradients, List<double[]> parameters) {
        if (gradients.size() != parameters.size() || gradients.isEmpty()) {
            throw SpecificationException.expected(ErrorCode.SHAPE_MISMATCH, "gradients",
                    "one tensor per parameter tensor (" + parameters.size() + ")", gradients.size());
        }
        double l1 = 0;
        for (double g : gradients.get(0)) {
            l1 += Math.abs(g);
        }
        double sumSquares = 0;
        double dot = 0;
        double thetaSquares = 0;
        for (int k = 0; k < gradients.size(); k++) {
            double[] g = gradients.get(k);
            double[] p = parameters.get(k);
            if (g.length != p.length) {
                throw SpecificationException.expected(ErrorCode.SHAPE_MISMATCH, "gradient tensor " + k,
                        p.length + " entries (like its parameter)", g.length);
            }
            for (int i = 0; i < g.length; i++) {
                sumSquares += g[i] * g[i];
                dot += g[i] * p[i];
                thetaSquares += p[i] * p[i];
            }
        }
        return new MlpGradientSummary(loss, l1, Math.sqrt(sumSquares), dot, Math.sqrt(thetaSquares));
    }

    /**
     * Throws unless this summary agrees with {@code reference} to {@link #RELATIVE_TOLERANCE}: loss,
     * |∂L/∂W₀|₁ and ‖∇L‖₂ relative to themselves, {@code ⟨∇L, θ⟩} relative to {@code ‖∇L‖₂‖θ‖₂}.
     *
     * @param engine the engine that produced this summary, named in the message
     * @return this summary
     * @throws IllegalStateException naming every quantity that disagrees, with both values
     */
    public MlpGradientSummary requireAgreesWith(MlpGradientSummary reference, String engine) {
        StringBuilder problems = new StringBuilder();
        compare(problems, "loss", loss, reference.loss, Math.abs(reference.loss));
        compare(problems, "|dL/dW0|_1", firstLayerWeightL1, reference.firstLayerWeightL1,
                Math.abs(reference.firstLayerWeightL1));
        compare(problems, "||grad||_2", gradientL2, reference.gradientL2, Math.abs(reference.gradientL2));
        compare(problems, "<grad, theta>", gradientDotTheta, reference.gradientDotTheta,
                reference.gradientL2 * reference.thetaL2);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(engine + " does not reproduce the reference MLP gradient (relative tolerance "
                    + RELATIVE_TOLERANCE + "); it is not timed:" + problems);
        }
        return this;
    }

    private static void compare(StringBuilder problems, String name, double actual, double expected, double scale) {
        double error = Math.abs(actual - expected) / scale;
        if (!(error <= RELATIVE_TOLERANCE)) {
            problems.append(String.format(Locale.ROOT, "%n  %s = %.15g, reference %.15g (relative error %.2e)",
                    name, actual, expected, error));
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "loss=%.13f |dW0|_1=%.10f ||grad||_2=%.13f <grad,theta>=%.13f",
                loss, firstLayerWeightL1, gradientL2, gradientDotTheta);
    }
}
