package org.neuromanifold.core.loss;

import org.neuromanifold.core.error.Checks;

/** Shape and finiteness checks shared by the losses. */
final class LossChecks {
    private LossChecks() {
    }

    static void check(String loss, double[] f, double[] y) {
        Checks.sameLength(loss + " target y", f.length, y.length);
        Checks.finite(loss + " output f", f);
        Checks.finite(loss + " target y", y);
    }
}
