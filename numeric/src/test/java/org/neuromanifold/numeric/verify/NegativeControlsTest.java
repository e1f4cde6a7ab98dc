package org.neuromanifold.numeric.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.neuromanifold.core.activation.IdentityActivation;
import org.neuromanifold.core.catalogue.CatalogueIdentities;
import org.neuromanifold.core.expr.Identity;
import org.neuromanifold.core.result.Counterexample;

/**
 * The negative controls: identities whose preconditions fail (a non-homogeneous activation, biases, a
 * loss other than the hinge) are expected to fail, do fail, and come with a shrunk counterexample that
 * is small (depth at most 1, every width 1, one data row, simple values) and genuine: recomputing both
 * sides by hand ({@link HandReference}: plain loops, finite differences, closed forms) at the
 * counterexample reproduces the reported values and lhs ≠ rhs, away from every kink.
 */
class NegativeControlsTest {
    private static final List<Identity> SCALING = List.of(CatalogueIdentities.EULER, CatalogueIdentities.LOSS_EULER,
            CatalogueIdentities.FISHER_RAO, CatalogueIdentities.FISHER_RAO_MODEL);

    static List<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Identity id : SCALING) {
            for (String act : new String[] {"tanh", "sigmoid", "elu", "softplus", "prelu-smooth"}) {
                out.add(Arguments.of(id.title(), id, act, false, null));
            }
            for (String act : new String[] {"relu", "leaky-relu", "identity"}) {
                out.add(Arguments.of(id.title(), id, act, true, null));
            }
        }
        for (String act : new String[] {"relu", "tanh"}) {
            out.add(Arguments.of(CatalogueIdentities.HINGE_GRAD.title(), CatalogueIdentities.HINGE_GRAD, act, false,
                    "square"));
        }
        return out;
    }

    @ParameterizedTest(name = "{0}, {2}, bias {3}, loss {4}")
    @MethodSource("cases")
    void failsWithASmallGenuineCounterexample(String title, Identity id, String act, boolean bias, String loss) {
        VerificationConfig.Builder b = VerificationConfig.builder(id).activation(act, null, null, null).bias(bias)
                .trials(200).seed(5);
        if (loss != null) {
            b.loss(loss);
        }
        VerificationConfig c = b.build();
        VerificationReport r = Verifier.verify(c);
        assertFalse(r.expected(), "a negative control violates a precondition");
        assertFalse(r.failingPreconditions().isEmpty());
        assertFalse(r.holds(), title + " with " + act + " should fail");
        assertTrue(r.result().maxRelError() > 1e-2, "a real failure, not rounding: " + r.result().maxRelError());
        Counterexample ce = r.counterexample();
        assertNotNull(ce);

        // small: depth 0 or 1, every width 1, one input row
        int[] w = ce.widths();
        assertTrue(w.length <= 3, "depth at most 1: " + Arrays.toString(w));
        assertTrue(Arrays.stream(w).allMatch(v -> v == 1), "every width 1: " + Arrays.toString(w));
        assertEquals(1, ce.x().length, "one input row of width 1");
        assertEquals(ce.theta().length, ce.parameterNames().size());
        assertEquals("W0[0,0]", ce.parameterNames().get(0));
        for (double v : ce.theta()) {
            assertTrue(isSimple(v), "simple values: " + Arrays.toString(ce.theta()));
        }

        // genuine: an independent computation reproduces both sides and the disagreement
        HandReference hand = new HandReference(w, c.activation(), new IdentityActivation(), bias);
        double[][] ref = hand.sides(id.id(), id == CatalogueIdentities.FISHER_RAO_MODEL, c.loss(), ce.theta(), ce.x(),
                ce.y());
        for (int i = 0; i < ref[0].length; i++) {
            double scale = Math.max(1, Math.abs(ref[1][i]));
            assertEquals(ref[0][i], ce.lhs()[i], 1e-7 * scale, "the reported left side");
            assertEquals(ref[1][i], ce.rhs()[i], 1e-12 * scale, "the reported right side");
            assertTrue(Math.abs(ref[0][i] - ref[1][i]) > 1e-3 * scale,
                    "lhs " + ref[0][i] + " vs rhs " + ref[1][i] + " at " + ce);
        }
        if (!KinkGuard.smoothAtZero(c.activation())) {
            assertTrue(hand.smallestPreActivation(ce.theta(), ce.x(), 0) > 1e-6, "away from the kink: " + ce);
        }
    }

    /** 0, ±1, ±2, … and halves and quarters: what the shrinker's simple list holds. */
    private static boolean isSimple(double v) {
        return Math.abs(v) <= 10 && v * 4 == Math.rint(v * 4);
    }
}
