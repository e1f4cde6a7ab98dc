package org.neuromanifold.symbolic.derive.conditioning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.neuromanifold.core.activation.IdentityActivation;
import org.neuromanifold.core.activation.Relu;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;

class DeepNetVarianceTest {
    private static DeepNetVariance.Setting setting(double c, long seed) {
        return new DeepNetVariance.Setting(new IdentityActivation(), c, 48, 5, 6, 16, seed);
    }

    @Test
    void theSameSeedGivesTheSameNumbersBitForBit() {
        DeepNetVariance.Profile a = DeepNetVariance.run(setting(1, 3));
        DeepNetVariance.Profile b = DeepNetVariance.run(setting(1, 3));
        assertArrayEquals(a.mean(), b.mean(), 0);
        assertArrayEquals(a.standardError(), b.standardError(), 0);
        assertFalse(Arrays.equals(a.mean(), DeepNetVariance.run(setting(1, 4)).mean()));
    }

    @Test
    void linearNetworksWithVarianceOneOverNKeepTheVariance() {
        // z^l = W z^{l−1} with Var(W) = 1/n: E|z^l|²/n = E|z^{l−1}|²/n exactly, so Var(z^l) = Var(x) = 1
        DeepNetVariance.Profile p = DeepNetVariance.run(setting(1, 9));
        double threshold = Statistics.tThreshold(p.networks() - 1, p.depth());
        double[] one = new double[p.depth()];
        Arrays.fill(one, 1);
        assertTrue(Statistics.maxScore(p.mean(), p.standardError(), one) < threshold, Arrays.toString(p.mean()));
        // and Var(W) = 2/n doubles it per layer: the score against 1 is far beyond the threshold
        DeepNetVariance.Profile doubled = DeepNetVariance.run(setting(2, 9));
        assertTrue(Statistics.maxScore(doubled.mean(), doubled.standardError(), one) > threshold);
        assertEquals(32, doubled.mean()[4], 32 * 0.5);
    }

    @Test
    void fewerThanTwoNetworksCannotGiveAStandardError() {
        SpecificationException e = assertThrows(SpecificationException.class,
                () -> new DeepNetVariance.Setting(new Relu(), 2, 16, 3, 1, 4, 0));
        assertEquals(ErrorCode.OUT_OF_RANGE, e.code());
    }
}
