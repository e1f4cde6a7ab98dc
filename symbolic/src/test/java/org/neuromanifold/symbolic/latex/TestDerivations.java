package org.neuromanifold.symbolic.latex;

import static org.neuromanifold.core.expr.Exprs.constant;
import static org.neuromanifold.core.expr.Exprs.depth;
import static org.neuromanifold.core.expr.Exprs.jacobianTheta;
import static org.neuromanifold.core.expr.Exprs.matmul;
import static org.neuromanifold.core.expr.Exprs.output;
import static org.neuromanifold.core.expr.Exprs.plus;
import static org.neuromanifold.core.expr.Exprs.theta;
import static org.neuromanifold.core.expr.Exprs.times;

import java.util.List;
import java.util.Set;

import org.neuromanifold.core.expr.Precondition;
import org.neuromanifold.core.expr.Relation;
import org.neuromanifold.core.result.Derivation;
import org.neuromanifold.core.result.DerivationStep;
import org.neuromanifold.core.result.Formula;
import org.neuromanifold.core.result.NumericCertificate;
import org.neuromanifold.core.result.SymbolicVerdict;
import org.neuromanifold.core.scalar.TermParser;

/**
 * Derivation values built by hand for the renderer's tests. They are fixtures of the printer, not
 * results of a deriver: the verdicts and certificates are made up to exercise every branch (proved,
 * refuted, undecided, failed numeric check).
 */
final class TestDerivations {
    private TestDerivations() {
    }

    static final NumericCertificate GOOD = new NumericCertificate(20, 3.1e-16, 2.0e-16, 1e-9);

    /** Euler's identity in one tensor-level step. */
    static Derivation euler() {
        return new Derivation("euler", "Euler identity", "relu",
                new Formula.OfExpr(matmul(jacobianTheta(output()), theta())),
                List.of(new DerivationStep(Relation.EQ, new Formula.OfExpr(times(plus(depth(), constant(1)), output())),
                        "induction over layers", List.of(), SymbolicVerdict.proved("case split"), GOOD)),
                List.of(new Precondition.BiasFree().statement(), new Precondition.PositivelyHomogeneous().statement()));
    }

    /** The tanh neuron's Fisher coefficient: Symja formulas and a core term, one undecided step. */
    static Derivation tanhCoefficient() {
        String p = "(1 + Tanh[t])/2";
        return new Derivation("rfim-neuron", "Relative Fisher information of one neuron", "tanh",
                new Formula.OfSymja(p + "*D[Log[" + p + "], t]^2 + (1 - " + p + ")*D[Log[1 - " + p + "], t]^2"),
                List.of(new DerivationStep(Relation.EQ,
                                new Formula.OfSymja("Sech[t]^4/(2*(1 - Tanh[t])) + Sech[t]^4/(2*(1 + Tanh[t]))"),
                                "differentiate ln p(y = ±1)", List.of(), SymbolicVerdict.proved("Simplify"), GOOD),
                        new DerivationStep(Relation.EQ, new Formula.OfSymja("Sech[t]^2"), "Simplify", List.of(),
                                SymbolicVerdict.proved("Simplify of both sides gives Sech[t]^2"), GOOD),
                        new DerivationStep(Relation.EQ,
                                new Formula.OfTerm(TermParser.parse("test", "1 - tanh(t)^2", Set.of("t"))),
                                "sech² = 1 − tanh²", List.of("t ∈ ℝ"),
                                SymbolicVerdict.undecided("numerically zero at 16 point(s) (max |difference| 1.1e-16)"),
                                GOOD)),
                List.of("y ∈ {−1, 1}, p(y = 1) = (1 + tanh t)/2", "t = w^T x̃"));
    }

    /** A chain with a refuted equality and a failed numeric check on an inequality (kept, marked). */
    static Derivation withFailures() {
        return new Derivation("euler", "Euler identity", "tanh & bias_1 (100% wrong)",
                new Formula.OfSymja("z*Sech[z]^2"),
                List.of(new DerivationStep(Relation.EQ, new Formula.OfSymja("Tanh[z]"), "σ'(z)z = σ(z)", List.of(),
                                SymbolicVerdict.refuted("residual -Tanh[z] + z*Sech[z]^2; nonzero at {z -> 0.53}"),
                                new NumericCertificate(20, 0.25, 0.9, 1e-9)),
                        new DerivationStep(Relation.LE, new Formula.OfSymja("Abs[z]"), "|tanh z| ≤ |z|", List.of(),
                                SymbolicVerdict.proved("case split"), GOOD),
                        new DerivationStep(Relation.EQ, new Formula.OfSymja("Abs[z]"), "no change", List.of(),
                                SymbolicVerdict.undecided(""), new NumericCertificate(0, 0, 0, 1e-9))),
                List.of());
    }
}
