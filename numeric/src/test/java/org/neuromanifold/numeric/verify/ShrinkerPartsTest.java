package org.neuromanifold.numeric.verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.neuromanifold.core.activation.IdentityActivation;
import org.neuromanifold.core.catalogue.CatalogueIdentities;
import org.neuromanifold.core.loss.HingeLoss;
import org.neuromanifold.core.model.Network;

/** The pieces the shrinker is made of: width candidates, rounding, unit and row surgery, the kink guard. */
class ShrinkerPartsTest {

    @Test
    void smallerWidthsAscending() {
        assertArrayEquals(new int[] {1, 2, 3, 4}, Shrinker.smallerWidths(5));
        assertArrayEquals(new int[0], Shrinker.smallerWidths(1));
        assertArrayEquals(new int[] {1, 2, 3, 4, 25, 50, 75, 99}, Shrinker.smallerWidths(100));
    }

    @Test
    void roundsToSignificantDigits() {
        assertEquals(0.12, Shrinker.roundSignificant(0.123456, 2));
        assertEquals(-1000.0, Shrinker.roundSignificant(-1234.5, 1));
        assertEquals(1.235, Shrinker.roundSignificant(1.23456, 4));
    }

    @Test
    void simpleValuesStartWithTheSimplest() {
        assertEquals(0.0, Shrinker.SIMPLE[0]);
        assertEquals(1.0, Shrinker.SIMPLE[1]);
        assertEquals(-1.0, Shrinker.SIMPLE[2]);
    }

    /** Removing a hidden unit whose outgoing weights are 0 leaves f unchanged; the other values are kept. */
    @Test
    void removingADeadHiddenUnitKeepsTheFunction() {
        VerificationConfig c = VerificationConfig.builder(CatalogueIdentities.EULER).activation("tanh", null, null,
                null).depth(2).width(3).inputDim(2).outputDim(2).bias(true).build();
        Instance inst = Verifier.trialInstance(c, 0);
        double[] theta = inst.theta();
        // layer 1 (3 → 3, bias) starts after layer 0's 3·2 weights and 3 biases; unit 1 of position 1 feeds column 1
        int w1 = 3 * 2 + 3;
        for (int r = 0; r < 3; r++) {
            theta[w1 + r * 3 + 1] = 0;
        }
        HandReference before = new HandReference(c.widths(), c.activation(), new IdentityActivation(), true);
        double[] f = before.forward(theta, inst.x(), 0);
        Instance smaller = Surgery.removeUnit(inst, 1, 1, c, IdentityScan.of(c.identity()));
        assertArrayEquals(new int[] {2, 2, 3, 2}, smaller.network().widths());
        assertEquals(smaller.network().parameterCount(), smaller.theta().length);
        HandReference after = new HandReference(smaller.network().widths(), c.activation(), new IdentityActivation(),
                true);
        assertArrayEquals(f, after.forward(smaller.theta(), smaller.x(), 0), 1e-15);
        assertNull(Surgery.removeUnit(Surgery.removeUnit(smaller, 1, 0, c, IdentityScan.of(c.identity())), 1, 0, c,
                IdentityScan.of(c.identity())), "a width of 1 cannot shrink");
    }

    @Test
    void removingAnInputWithXZeroKeepsTheFunction() {
        VerificationConfig c = VerificationConfig.builder(CatalogueIdentities.EULER).activation("sigmoid", null, null,
                null).depth(1).width(2).inputDim(3).build();
        Instance inst = Verifier.trialInstance(c, 3);
        inst.x()[2] = 0;
        HandReference before = new HandReference(c.widths(), c.activation(), new IdentityActivation(), false);
        Instance smaller = Surgery.removeUnit(inst, 0, 2, c, IdentityScan.of(c.identity()));
        HandReference after = new HandReference(smaller.network().widths(), c.activation(), new IdentityActivation(),
                false);
        assertArrayEquals(before.forward(inst.theta(), inst.x(), 0), after.forward(smaller.theta(), smaller.x(), 0),
                1e-15);
        assertEquals(2, smaller.x().length);
    }

    @Test
    void keepsChosenRows() {
        VerificationConfig c = VerificationConfig.builder(CatalogueIdentities.LOSS_EULER).inputDim(2).dataSize(4).build();
        Instance inst = Verifier.trialInstance(c, 0);
        Instance one = Surgery.keepRows(inst, new int[] {2});
        assertEquals(1, one.dataSize());
        assertArrayEquals(new double[] {inst.dataX()[4], inst.dataX()[5]}, one.dataX());
        assertArrayEquals(new double[] {inst.dataY()[2]}, one.dataY());
    }

    @Test
    void theKinkGuardSeesPreActivationsAtZeroAndTheHingePoint() {
        Network relu = Network.mlp(new int[] {1, 1, 1}, new org.neuromanifold.core.activation.Relu(),
                new IdentityActivation(), false);
        IdentityScan euler = IdentityScan.of(CatalogueIdentities.EULER);
        double[] theta = {1, 1};
        assertTrue(KinkGuard.nearKink(new Instance(relu, theta, new double[] {0}, null, null, null, 0), null, euler),
                "x = 0 puts the ReLU at its kink");
        assertFalse(KinkGuard.nearKink(new Instance(relu, theta, new double[] {1}, null, null, null, 0), null, euler));
        // W0 = [1, −1], x = [0.1 + 0.2, 0.3]: z = 5.6e-17 is rounding residue of terms of size 0.3
        Network relu2 = Network.mlp(new int[] {2, 1, 1}, new org.neuromanifold.core.activation.Relu(),
                new IdentityActivation(), false);
        assertTrue(KinkGuard.nearKink(new Instance(relu2, new double[] {1, -1, 1}, new double[] {0.1 + 0.2, 0.3}, null,
                null, null, 0), null, euler), "within rounding of the kink");
        assertFalse(KinkGuard.nearKink(new Instance(relu, new double[] {1, 1}, new double[] {1e-300}, null, null, null,
                0), null, euler), "tiny but not cancelled: the sign is exact");
        Network tanh = Network.mlp(new int[] {1, 1, 1}, new org.neuromanifold.core.activation.Tanh(),
                new IdentityActivation(), false);
        assertFalse(KinkGuard.nearKink(new Instance(tanh, theta, new double[] {0}, null, null, null, 0), null, euler),
                "tanh is smooth at 0");
        IdentityScan hinge = IdentityScan.of(CatalogueIdentities.HINGE_GRAD);
        // f = 1·tanh(atanh(0.5)) = 0.5; with y = 2 the product y f is exactly 1
        double[] half = {1, 1};
        double x = 0.5 * Math.log(3); // atanh(0.5)
        assertTrue(KinkGuard.nearKink(new Instance(tanh, half, new double[] {x}, new double[] {2}, null, null, 0),
                new HingeLoss(), hinge), "y f = 1 is the hinge point");
        assertFalse(KinkGuard.nearKink(new Instance(tanh, half, new double[] {x}, new double[] {1}, null, null, 0),
                new HingeLoss(), hinge));
    }
}
