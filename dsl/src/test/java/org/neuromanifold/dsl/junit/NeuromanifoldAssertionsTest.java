package org.neuromanifold.dsl.junit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuromanifold.dsl.junit.NeuromanifoldAssertions.assertFails;
import static org.neuromanifold.dsl.junit.NeuromanifoldAssertions.assertHolds;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.neuromanifold.core.activation.IdentityActivation;
import org.neuromanifold.core.activation.Relu;
import org.neuromanifold.core.activation.Sigmoid;
import org.neuromanifold.core.catalogue.CatalogueIdentities;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;
import org.neuromanifold.core.model.Network;
import org.neuromanifold.core.result.Counterexample;
import org.neuromanifold.dsl.Neuromanifold;
import org.neuromanifold.dsl.VerificationText;
import org.neuromanifold.dsl.VerifyOptions;
import org.neuromanifold.numeric.verify.VerificationReport;
import org.opentest4j.AssertionFailedError;

/**
 * The Java face of theorem testing: the JUnit 5 assertions and the one-line entry points, called as a
 * Java user calls them. Negative control: Euler's identity with sigmoid, whose shrunk counterexample is
 * recomputed here by a plain forward pass and the radial derivative d/dc f(cθ) by central differences.
 */
class NeuromanifoldAssertionsTest {
    private static final Network RELU = Network.mlp(new int[] {3, 5, 5, 1}, new Relu(), new IdentityActivation(),
            false);
    private static final Network SIGMOID = RELU.withActivation(new Sigmoid(), new IdentityActivation());

    private static VerifyOptions quick() {
        return new VerifyOptions().trials(200).seed(4).threads(2);
    }

    @Test
    void eulerHoldsForABiasFreeReluNetwork() {
        VerificationReport r = assertHolds(CatalogueIdentities.EULER, RELU, quick());
        assertTrue(r.expected());
        assertEquals(200, r.result().trials());
        assertNull(Neuromanifold.counterexample(CatalogueIdentities.EULER, RELU, new VerifyOptions().trials(20)));
    }

    @Test
    void eulerFailsForSigmoidWithAGenuineCounterexample() {
        VerificationReport r = assertFails(CatalogueIdentities.EULER, SIGMOID, quick());
        assertFalse(r.expected());
        Counterexample ce = r.counterexample();
        assertNotNull(ce);
        assertArrayEquals(new int[] {1, 1, 1}, ce.widths());
        assertEquals(List.of("W0[0,0]", "W1[0,0]"), ce.parameterNames());

        // central differences of g(c) = f(cθ) at c = 1, step 1e-5: error ~1e-10 on values of order 1
        double h = 1e-5;
        double radial = (forward(ce.theta(), ce.x()[0], 1 + h) - forward(ce.theta(), ce.x()[0], 1 - h)) / (2 * h);
        assertEquals(radial, ce.lhs()[0], 1e-8, "⟨∇_θ f, θ⟩");
        assertEquals(2 * forward(ce.theta(), ce.x()[0], 1), ce.rhs()[0], 1e-14, "(L + 1) f with L = 1");
        assertTrue(Math.abs(ce.lhs()[0] - ce.rhs()[0]) > 1e-3, "a genuine failure");
    }

    /** f(cθ) for widths 1 → 1 → 1, sigmoid hidden, linear output. */
    private static double forward(double[] theta, double x, double c) {
        return c * theta[1] / (1 + Math.exp(-c * theta[0] * x));
    }

    @Test
    void aFailedAssertionCarriesTheSameTextAsTheKotestMatchers() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> assertHolds(CatalogueIdentities.EULER, SIGMOID, quick()));
        VerificationReport r = Neuromanifold.verify(CatalogueIdentities.EULER, SIGMOID, quick());
        String expected = "expected euler to hold, but it failed\n"
                + VerificationText.describe(CatalogueIdentities.EULER, r);
        assertEquals(expected, e.getMessage());
        for (String part : List.of("precondition not met: every activation satisfies σ(z) = σ'(z) z",
                "network: widths 1 -> 1 -> 1, activation sigmoid, no biases", "W0[0,0] = ", "W1[0,0] = ",
                "x       = [", "lhs     = [", "rhs     = [")) {
            assertTrue(e.getMessage().contains(part), "message should contain '" + part + "':\n" + e.getMessage());
        }

        AssertionFailedError held = assertThrows(AssertionFailedError.class,
                () -> assertFails(CatalogueIdentities.EULER, RELU, new VerifyOptions().trials(30)));
        assertTrue(held.getMessage().startsWith("expected euler to fail (a counterexample), but it held"));
    }

    @Test
    void entryPointsAreCallableFromJava() {
        String statement = Neuromanifold.latex(CatalogueIdentities.EULER);
        assertTrue(statement.contains("\\theta"), statement);
        SpecificationException unknown = assertThrows(SpecificationException.class,
                () -> Neuromanifold.derive("no-such-identity"));
        assertEquals(ErrorCode.UNKNOWN_IDENTITY, unknown.code());
    }
}
