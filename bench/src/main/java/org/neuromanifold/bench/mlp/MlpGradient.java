package org.neuromanifold.bench.mlp;

import java.util.ArrayList;
import java.util.List;

/**
 * A loss value and its gradient for the benchmark problem, in the layouts of {@link MlpBenchData}
 * ({@code ∂L/∂W_t} is {@code out × in} row-major).
 *
 * @param loss            the mean softmax cross-entropy
 * @param weightGradients {@code ∂L/∂W_t} for each layer {@code t}
 * @param biasGradients   {@code ∂L/∂b_t} for each layer {@code t}
 */
public record MlpGradient(double loss, double[][] weightGradients, double[][] biasGradients) {
    /** The summary (loss, |∂L/∂W₀|₁, ‖∇L‖₂, ⟨∇L, θ⟩) against the parameters of {@link MlpBenchData#standard()}. */
    public MlpGradientSummary summary() {
        MlpBenchData data = MlpBenchData.standard();
        List<double[]> gradients = new ArrayList<>();
        List<double[]> parameters = new ArrayList<>();
        for (int t = 0; t < weightGradients.length; t++) {
            gradients.add(weightGradients[t]);
            parameters.add(data.weight(t));
            gradients.add(biasGradients[t]);
            parameters.add(data.bias(t));
        }
        return MlpGradientSummary.of(loss, gradients, parameters);
    }
}
