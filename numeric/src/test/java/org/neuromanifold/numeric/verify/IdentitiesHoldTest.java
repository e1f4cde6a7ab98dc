package org.neuromanifold.numeric.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.neuromanifold.core.catalogue.CatalogueIdentities;
import org.neuromanifold.core.expr.Identity;

/**
 * Euler, loss-Euler, Fisher–Rao (empirical and model Fisher) and the hinge gradient hold for bias-free
 * ReLU, leaky ReLU and identity networks, over many trials and several depths and widths, to the
 * default 1e-12 relative tolerance — with the observed worst relative error far below it (rounding
 * only, ~1e-15), and with sides that are not trivially 0 = 0. The sides themselves are checked against
 * a hand computation ({@link HandReference}) on trial instances.
 */
class IdentitiesHoldTest {
    private static final String[] HOMOGENEOUS = {"relu", "leaky-relu", "identity"};
    /** Depth, width: a single layer, one narrow hidden layer, a deeper wider net. */
    private static final int[][] ARCHITECTURES = {{0, 1}, {1, 3}, {3, 6}};

    static List<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Identity id : CatalogueIdentities.all()) {
            for (String act : HOMOGENEOUS) {
                for (int[] arch : ARCHITECTURES) {
                    out.add(Arguments.of(id.title(), id, act, arch[0], arch[1]));
                }
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}, {2}, depth {3}, width {4}")
    @MethodSource("cases")
    void holdsForBiasFreeHomogeneousNetworks(String title, Identity id, String act, int depth, int width) {
        int trials = id == CatalogueIdentities.FISHER_RAO_MODEL ? 300 : 1500;
        VerificationReport r = Verifier.verify(VerificationConfig.builder(id).activation(act, null, null, null)
                .depth(depth).width(width).inputDim(3).trials(trials).seed(11).build());
        assertTrue(r.expected(), "the preconditions hold");
        assertTrue(r.holds(), title + " " + act + ": worst relative error " + r.result().maxRelError()
                + ", failed trials " + r.failedTrials());
        assertNull(r.counterexample());
        assertTrue(r.result().maxRelError() <= 1e-13, "rounding only: " + r.result().maxRelError());
        assertTrue(r.exact(), "no Monte Carlo in these identities");
        assertTrue(r.scale() > 1e-3, "the sides are not trivially zero");
        assertTrue(r.vanishingTrials() < trials / 2, r.vanishingTrials() + " of " + trials + " trials were 0 = 0");
    }

    static List<Arguments> losses() {
        return List.of(Arguments.of(CatalogueIdentities.LOSS_EULER, "bce"),
                Arguments.of(CatalogueIdentities.LOSS_EULER, "softmax-ce"),
                Arguments.of(CatalogueIdentities.LOSS_EULER, "hinge"),
                Arguments.of(CatalogueIdentities.FISHER_RAO, "bce"),
                Arguments.of(CatalogueIdentities.FISHER_RAO, "softmax-ce"),
                Arguments.of(CatalogueIdentities.FISHER_RAO_MODEL, "bce"),
                Arguments.of(CatalogueIdentities.FISHER_RAO_MODEL, "softmax-ce"));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("losses")
    void holdsForOtherLosses(Identity id, String loss) {
        VerificationReport r = Verifier.verify(VerificationConfig.builder(id).activation("leaky-relu", 0.2, null, null)
                .loss(loss).outputDim(loss.equals("bce") ? 2 : 3).width(5).trials(300).seed(3).build());
        assertTrue(r.holds() && r.expected(), id.title() + " with " + loss + ": " + r.result().maxRelError());
        assertTrue(r.result().maxRelError() <= 1e-13);
    }

    @Test
    void theSidesAreTheHandComputedOnes() {
        for (Identity id : CatalogueIdentities.all()) {
            VerificationConfig c = VerificationConfig.builder(id).activation("leaky-relu", null, null, null).depth(2)
                    .width(4).inputDim(3).dataSize(3).build();
            HandReference hand = new HandReference(c.widths(), c.activation(), c.outputActivation(), false);
            SideEvaluator evaluator = new SideEvaluator(id, c.loss());
            IdentityScan scan = IdentityScan.of(id);
            for (int trial = 0; trial < 20; trial++) {
                Instance inst = Verifier.trialInstance(c, trial);
                SideEvaluator.Sides s = evaluator.evaluate(inst);
                double[] x = inst.x() != null ? inst.x() : inst.dataX();
                double[] y = inst.y() != null ? inst.y() : scan.dataTargets() ? inst.dataY() : new double[0];
                double[][] ref = hand.sides(id.id(), id == CatalogueIdentities.FISHER_RAO_MODEL, c.loss(),
                        inst.theta(), x, y);
                assertEquals(ref[0].length, s.lhs().length);
                for (int i = 0; i < ref[0].length; i++) {
                    double scale = Math.max(1, Math.abs(ref[1][i]));
                    assertEquals(ref[0][i], s.lhs()[i], 1e-7 * scale, id.title() + " lhs, trial " + trial);
                    assertEquals(ref[1][i], s.rhs()[i], 1e-12 * scale, id.title() + " rhs, trial " + trial);
                }
            }
        }
    }
}
