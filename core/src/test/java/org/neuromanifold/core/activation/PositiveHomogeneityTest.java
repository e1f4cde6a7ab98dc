package org.neuromanifold.core.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The declared property "positively homogeneous" (σ(z) = σ'(z)·z, seed 000 Lemma 2.1) is checked, not
 * trusted: every family that declares it satisfies it at many random points, and every family that
 * does not declare it has a point where it fails by a clear margin (the negative control).
 */
class PositiveHomogeneityTest {

    static List<Activation> activations() {
        List<Activation> all = new ArrayList<>(Activations.all());
        all.add(new LeakyRelu(0.0));
        all.add(new LeakyRelu(0.9));
        all.add(new SmoothPrelu(0.3, 0.01));
        all.add(new Elu(0.2));
        all.add(CustomActivation.of("swish", "z*sigmoid(z)"));
        all.add(CustomActivation.of("leaky-max", "max(0.1*z, z)", Map.of(), true));
        all.add(CustomActivation.of("abs", "abs(z)", Map.of(), true));
        all.add(CustomActivation.of("two-slopes", "piecewise(z, a*z, b*z)", Map.of("a", -0.5, "b", 3.0), true));
        all.add(CustomActivation.of("cube", "z^3", Map.of(), false));
        return all;
    }

    static Stream<Arguments> cases() {
        return activations().stream().map(a -> Arguments.of(Named.of(a.label(), a)));
    }

    /** |σ(z) − σ'(z)·z|. */
    static double defect(Activation a, double z) {
        return Math.abs(a.value(z) - a.derivative(z) * z);
    }

    /** Random points over many scales, both signs: z = ±10^u with u uniform in [−6, 6]. */
    static double[] randomPoints(long seed, int n) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] zs = new double[n];
        for (int i = 0; i < n; i++) {
            zs[i] = (random.nextBoolean() ? 1 : -1) * Math.pow(10, random.nextDouble(-6, 6));
        }
        return zs;
    }

    /**
     * Declared homogeneous: σ(z) − σ'(z)z vanishes up to rounding of one product and one sum, so
     * 4ε·max(|σ(z)|, |σ'(z)z|) suffices; and σ(cz) = c·σ(z) for c &gt; 0 to the same precision.
     */
    @ParameterizedTest
    @MethodSource("cases")
    void declaredHomogeneityHolds(Activation a) {
        if (!a.positivelyHomogeneous()) {
            return;
        }
        SplittableRandom random = new SplittableRandom(7);
        for (double z : randomPoints(11, 500)) {
            double scale = Math.max(Math.abs(a.value(z)), Math.abs(a.derivative(z) * z));
            assertTrue(defect(a, z) <= 4 * Math.ulp(1.0) * scale,
                    a.label() + ": σ(z) ≠ σ'(z)z at z = " + z + ", defect " + defect(a, z));
            double c = Math.pow(10, random.nextDouble(-3, 3));
            double scaled = a.value(c * z);
            assertEquals(c * a.value(z), scaled, 4 * Math.ulp(1.0) * Math.abs(scaled) + Double.MIN_NORMAL,
                    a.label() + ": σ(cz) ≠ cσ(z) at z = " + z + ", c = " + c);
        }
    }

    /** Not declared: some z on a grid violates σ(z) = σ'(z)z by more than 10⁻³ (absolute). */
    @ParameterizedTest
    @MethodSource("cases")
    void undeclaredHomogeneityFailsSomewhere(Activation a) {
        if (a.positivelyHomogeneous()) {
            return;
        }
        double worst = 0;
        for (int k = -40; k <= 40; k++) {
            worst = Math.max(worst, defect(a, k / 8.0));
        }
        assertTrue(worst > 1e-3, a.label() + " is not declared homogeneous but σ(z) = σ'(z)z on the whole grid");
    }

    /** The check has teeth: a custom activation whose declaration is false is caught by it. */
    @Test
    void falseDeclarationIsDetected() {
        Activation liar = CustomActivation.of("square", "z^2", Map.of(), true);
        assertTrue(liar.positivelyHomogeneous());
        double worst = 0;
        for (double z : randomPoints(3, 50)) {
            worst = Math.max(worst, defect(liar, z) / Math.max(1e-300, Math.abs(liar.value(z))));
        }
        assertEquals(1.0, worst, 1e-12, "z² − 2z·z = −z²: relative defect exactly 1");
    }

    @Test
    void builtInDeclarationsAreTheExpectedOnes() {
        for (Activation a : Activations.all()) {
            boolean expected = switch (a.name()) {
                case "identity", "relu", "leaky-relu" -> true;
                default -> false;
            };
            assertEquals(expected, a.positivelyHomogeneous(), a.name());
        }
        assertFalse(new SmoothPrelu(0.5, 1e-9).positivelyHomogeneous(), "smooth for every ω > 0, not homogeneous");
    }
}
