package org.neuromanifold.symbolic.derive;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.neuromanifold.core.result.Derivation;
import org.neuromanifold.core.result.NumericCertificate;

/**
 * A derivation with its result and cross-checks.
 *
 * @param derivation    the certified chain
 * @param symjaResult   the closed form in Symja input syntax (for neuron coefficients, in terms of the
 *                      symbol {@code t}), or empty when the result is a tensor-level statement
 * @param crossChecks   the result compared with the numeric engine computing the same object from its
 *                      definition (exact enumeration, exact Gaussian moments, dense Hessian, ...)
 * @param seedFormula   where the seed states a formula, whether it agrees with the derived one
 */
public record DerivedResult(Derivation derivation, Optional<String> symjaResult, List<CrossCheck> crossChecks,
        Optional<SeedFormulaCheck> seedFormula) {
    public DerivedResult {
        Objects.requireNonNull(derivation, "derivation");
        Objects.requireNonNull(symjaResult, "symjaResult");
        crossChecks = List.copyOf(crossChecks);
        Objects.requireNonNull(seedFormula, "seedFormula");
    }

    /** Sound: no step failed and every cross-check agreed. */
    public boolean sound() {
        return derivation.sound() && crossChecks.stream().allMatch(c -> c.certificate().agrees());
    }

    /**
     * One comparison of the derived result against an independent numeric computation.
     *
     * @param description what was compared with what (e.g. "closed form vs Fisher information by exact
     *                    enumeration of y, autodiff scores")
     * @param certificate the agreement over random points
     */
    public record CrossCheck(String description, NumericCertificate certificate) {
        public CrossCheck {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(certificate, "certificate");
        }
    }

    /**
     * The seed's literal formula compared with the derived one.
     *
     * @param agrees  whether they agree (symbolically or, failing that, at every numeric point)
     * @param detail  how it was decided, and for which cases it fails (e.g. a counterexample point)
     */
    public record SeedFormulaCheck(boolean agrees, String detail) {
        public SeedFormulaCheck {
            Objects.requireNonNull(detail, "detail");
        }
    }
}
