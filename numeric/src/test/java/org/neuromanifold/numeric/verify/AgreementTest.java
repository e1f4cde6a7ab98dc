package org.neuromanifold.numeric.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.neuromanifold.core.expr.Relation;

/** The agreement rule: relative with the run's typical magnitude as a floor, plus z standard errors. */
class AgreementTest {

    @Test
    void violationOfEqualityAndOfInequality() {
        assertEquals(0.5, Agreement.violation(Relation.EQ, 1.0, 1.5));
        assertEquals(0.5, Agreement.violation(Relation.EQ, 1.5, 1.0));
        assertEquals(0.0, Agreement.violation(Relation.LE, 1.0, 1.5), "1 ≤ 1.5 holds");
        assertEquals(0.5, Agreement.violation(Relation.LE, 1.5, 1.0));
        assertTrue(Double.isNaN(Agreement.violation(Relation.EQ, Double.NaN, 1)));
        assertTrue(Double.isNaN(Agreement.violation(Relation.EQ, Double.POSITIVE_INFINITY, 1)));
    }

    @Test
    void aNonFiniteSideNeverAgrees() {
        double v = Agreement.violation(Relation.EQ, Double.NaN, 1);
        assertFalse(Agreement.agrees(v, Agreement.magnitude(Double.NaN, 1), 0, 1, 1e300, 1e300));
    }

    @Test
    void relativeToTheLargerSide() {
        // 1 + 1e-13 vs 1 agrees at 1e-12; 1 + 1e-11 does not
        assertTrue(Agreement.agrees(1e-13, 1 + 1e-13, 0, 0, 1e-12, 0));
        assertFalse(Agreement.agrees(1e-11, 1 + 1e-11, 0, 0, 1e-12, 0));
        assertEquals(0.5, Agreement.relative(1, 2, 0.1));
        assertEquals(0.0, Agreement.relative(0, 0, 0), "0 = 0 has no error");
    }

    @Test
    void theTypicalMagnitudeForgivesRoundingOnACancelledInstance() {
        // a side that cancels to 1e-17 while the instance's terms were O(1): 1e-17 vs 0 is all rounding
        assertFalse(Agreement.agrees(1e-17, 1e-17, 0, 0, 1e-12, 0), "without a floor this would fail");
        assertTrue(Agreement.agrees(1e-17, 1e-17, 0, 1.0, 1e-12, 0), "with m = 1 it agrees");
        assertFalse(Agreement.agrees(1e-3, 1e-3, 0, 1.0, 1e-12, 0), "a real discrepancy still fails");
    }

    @Test
    void theStandardErrorWidensTheBand() {
        assertTrue(Agreement.agrees(0.01, 1, 0.005, 1, 1e-12, 3));
        assertFalse(Agreement.agrees(0.01, 1, 0.005, 1, 1e-12, 1));
    }

    @Test
    void typicalMagnitudeIsTheMedianOfTheNonVanishingTrials() {
        assertEquals(2.0, Agreement.typicalMagnitude(new double[] {0, 0, 0, 1, 2, 3, Double.NaN}));
        assertEquals(2.5, Agreement.typicalMagnitude(new double[] {1, 2, 3, 4}));
        assertEquals(0.0, Agreement.typicalMagnitude(new double[] {0, 0}));
    }

    @Test
    void bonferroniZ() {
        // Φ⁻¹(1 − 0.001/2) = 3.290527 (standard normal table); more comparisons need a larger z
        assertEquals(3.290527, Agreement.bonferroniZ(1), 1e-6);
        // Φ⁻¹(1 − 0.001/(2·10⁶)) = Φ⁻¹(1 − 5e-10) = 6.10941 (tail: Φ(−6.10941) ≈ 5.0e-10)
        assertEquals(6.10941, Agreement.bonferroniZ(1_000_000), 1e-4);
    }
}
