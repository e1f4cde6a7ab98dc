package org.neuromanifold.numeric.verify;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.neuromanifold.core.data.InputDistribution;
import org.neuromanifold.core.expr.Expr;
import org.neuromanifold.core.expr.Exprs;
import org.neuromanifold.core.expr.Identity;
import org.neuromanifold.core.expr.Relation;

/**
 * A side evaluated by Monte Carlo is judged with its standard error: for a bias-free linear unit
 * f = wᵀx and x ~ N(0, I), 𝔼[f²] = ‖w‖² holds (each trial's estimate is off by about 2% of ‖w‖², far
 * beyond the 1e-12 tolerance, but within z standard errors), while 𝔼[f²] = 1.5‖w‖² fails.
 */
class MonteCarloVerdictTest {

    private static Identity normIdentity(double factor) {
        Expr lhs = new Expr.Expectation(new Expr.OverInputs(InputDistribution.Gaussian.standard(3)),
                Exprs.pow(Exprs.component(Exprs.output(), 0), 2));
        Expr rhs = Exprs.times(Exprs.constant(factor), Exprs.dot(Exprs.theta(), Exprs.theta()));
        return new Identity("second-moment", "E[f^2] = " + factor + " |w|^2", lhs, Relation.EQ, rhs, List.of(),
                "a test identity");
    }

    private static VerificationConfig config(double factor) {
        return VerificationConfig.builder(normIdentity(factor)).activation("identity", null, null, null).depth(0)
                .inputDim(3).trials(60).seed(2).build();
    }

    @Test
    void aSampledIdentityThatHoldsPassesWithinZStandardErrors() {
        VerificationReport r = Verifier.verify(config(1.0));
        assertFalse(r.exact(), "the expectation over Gaussian inputs is sampled");
        assertTrue(r.holds(), "worst relative error " + r.result().maxRelError() + " with z " + r.zScore());
        assertTrue(r.result().maxRelError() > 1e-6, "the sampling error is real; only the SE allowance passes it");
        assertTrue(r.zScore() > 3, "Bonferroni z for 60 comparisons");
    }

    @Test
    void aSampledIdentityThatIsFalseFails() {
        VerificationReport r = Verifier.verify(config(1.5));
        assertFalse(r.holds());
        assertNotNull(r.counterexample());
    }
}
