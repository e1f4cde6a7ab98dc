package org.neuromanifold.numeric.verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.neuromanifold.core.catalogue.CatalogueIdentities;

/**
 * Bit-for-bit determinism: the same configuration gives the same report whatever the thread count, and
 * trial i's instance depends on (seed, i) alone.
 */
class DeterminismTest {

    private static void assertSameReport(VerificationReport a, VerificationReport b) {
        assertEquals(a.result(), b.result(), "verdict, errors (compared bit for bit) and counterexample");
        assertEquals(Double.doubleToRawLongBits(a.scale()), Double.doubleToRawLongBits(b.scale()));
        assertEquals(a.failedTrials(), b.failedTrials());
        assertEquals(a.firstFailedTrial(), b.firstFailedTrial());
        assertEquals(a.vanishingTrials(), b.vanishingTrials());
        assertEquals(a.shrinkEvaluations(), b.shrinkEvaluations());
    }

    @Test
    void reportsDoNotDependOnTheThreadCount() {
        List<VerificationConfig.Builder> configs = List.of(
                VerificationConfig.builder(CatalogueIdentities.EULER).activation("tanh", null, null, null),
                VerificationConfig.builder(CatalogueIdentities.LOSS_EULER).activation("relu", null, null, null),
                VerificationConfig.builder(CatalogueIdentities.FISHER_RAO_MODEL).bias(true),
                VerificationConfig.builder(CatalogueIdentities.HINGE_GRAD).loss("square"));
        for (VerificationConfig.Builder b : configs) {
            b.trials(700).seed(42);
            VerificationReport one = Verifier.verify(b.threads(1).build());
            VerificationReport two = Verifier.verify(b.threads(2).build());
            VerificationReport five = Verifier.verify(b.threads(5).build());
            assertSameReport(one, two);
            assertSameReport(one, five);
        }
    }

    @Test
    void trialIDependsOnTheSeedAndIOnly() {
        VerificationConfig small = VerificationConfig.builder(CatalogueIdentities.LOSS_EULER).trials(10).threads(1)
                .seed(9).build();
        VerificationConfig large = VerificationConfig.builder(CatalogueIdentities.LOSS_EULER).trials(100_000)
                .threads(3).seed(9).build();
        for (int i = 0; i < 10; i++) {
            Instance a = Verifier.trialInstance(small, i);
            Instance b = Verifier.trialInstance(large, i);
            assertArrayEquals(a.theta(), b.theta());
            assertArrayEquals(a.dataX(), b.dataX());
            assertArrayEquals(a.dataY(), b.dataY());
            assertEquals(a.mcSeed(), b.mcSeed());
        }
        VerificationConfig other = VerificationConfig.builder(CatalogueIdentities.LOSS_EULER).seed(10).build();
        assertNotEquals(Verifier.trialInstance(small, 0).theta()[0], Verifier.trialInstance(other, 0).theta()[0]);
        assertNotEquals(Verifier.trialInstance(small, 0).theta()[0], Verifier.trialInstance(small, 1).theta()[0]);
    }

    @Test
    void theSameSeedGivesTheSameCounterexampleAndAnotherSeedMayNot() {
        VerificationConfig.Builder b = VerificationConfig.builder(CatalogueIdentities.EULER)
                .activation("elu", null, null, null).trials(300);
        VerificationReport first = Verifier.verify(b.seed(1).build());
        VerificationReport again = Verifier.verify(b.seed(1).build());
        assertEquals(first.counterexample(), again.counterexample());
        assertEquals(first.seed(), again.seed());
    }
}
