package org.neuromanifold.symbolic.derive.rfim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.matheclipse.core.interfaces.IExpr;
import org.neuromanifold.core.activation.Activation;
import org.neuromanifold.core.activation.Activations;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;
import org.neuromanifold.core.expr.Expr;
import org.neuromanifold.core.expr.Relation;
import org.neuromanifold.core.model.ParameterGroup;
import org.neuromanifold.core.result.NumericCertificate;
import org.neuromanifold.core.result.SymbolicOutcome;
import org.neuromanifold.core.result.SymbolicVerdict;
import org.neuromanifold.core.scalar.Term;
import org.neuromanifold.core.scalar.TermCompiler;
import org.neuromanifold.symbolic.derive.DeriveRequest;
import org.neuromanifold.symbolic.derive.DerivedResult;
import org.neuromanifold.symbolic.derive.NumericComparison;
import org.neuromanifold.symbolic.symja.Assumptions;
import org.neuromanifold.symbolic.symja.SymjaEngine;
import org.neuromanifold.symbolic.symja.SymjaProver;
import org.neuromanifold.symbolic.symja.SymjaResult;

/** Pieces shared by the relative-Fisher derivers: notation, options, comparisons. */
final class Rfim {
    /** Relative tolerance of every numeric certificate: exact enumeration and quadrature against closed forms. */
    static final double TOLERANCE = 1e-9;

    /** x̃. */
    static final Expr XT = new Expr.AugmentedInput();
    /** x̃x̃ᵀ. */
    static final Expr XX = new Expr.Outer(XT, XT);

    private Rfim() {
    }

    /** ⟨w_i, x̃⟩ for neuron i of the first layer (its weights then its bias, against (x, 1)). */
    static Expr firstLayerPre(int i) {
        return new Expr.Dot(new Expr.Params(new ParameterGroup.Neuron(0, i)), XT);
    }

    /** ν at {@code argument}: a stage of the coefficient bound to an expression. */
    static Expr coefficient(NeuronCoefficient c, IExpr stage, Expr argument) {
        return new Expr.ScalarTerm(c.term(stage), Map.of(NeuronCoefficient.T, argument), c.constants());
    }

    /** The activation named by the variant, with the request's ι, ω, α. */
    static Activation activation(DeriveRequest request, String fallback) {
        String name = request.variantOr(fallback);
        if (!Activations.NAMES.contains(name)) {
            throw new SpecificationException(ErrorCode.UNKNOWN_ACTIVATION, "variant",
                    "variant: unknown activation '" + name + "'; expected one of " + Activations.NAMES);
        }
        Double iota = request.options().get("iota");
        Double omega = request.options().get("omega");
        Double alpha = request.options().get("alpha");
        return Activations.named(name, iota, omega, alpha);
    }

    /** The Gaussian noise scale s (option {@code s}, default 1). */
    static double noise(DeriveRequest request) {
        double s = request.option("s", 1.0);
        if (!(s > 0) || !Double.isFinite(s)) {
            throw SpecificationException.expected(ErrorCode.OUT_OF_RANGE, "s", "a finite noise scale s > 0", s);
        }
        return s;
    }

    /** An integer option in [lo, hi]. */
    static int intOption(DeriveRequest request, String name, int fallback, int lo, int hi) {
        double v = request.option(name, fallback);
        if (v != Math.rint(v) || v < lo || v > hi) {
            throw SpecificationException.expected(ErrorCode.OUT_OF_RANGE, name, "an integer in [" + lo + ", " + hi + "]",
                    v);
        }
        return (int) v;
    }

    /** Rejects options the deriver does not use, naming the ones it does. */
    static void allowOnly(DeriveRequest request, Set<String> allowed) {
        for (String k : request.options().keySet()) {
            if (!allowed.contains(k)) {
                throw new SpecificationException(ErrorCode.UNSUPPORTED, k, "option '" + k
                        + "': not used by this derivation; it takes " + allowed);
            }
        }
    }

    /** Values of two computations at the same points, as a cross-check. */
    static DerivedResult.CrossCheck crossCheck(String description, List<RfimPoint> points,
            Function<RfimPoint, double[]> a, Function<RfimPoint, double[]> b, double tolerance) {
        List<double[]> lhs = new ArrayList<>();
        List<double[]> rhs = new ArrayList<>();
        for (RfimPoint p : points) {
            lhs.add(a.apply(p));
            rhs.add(b.apply(p));
        }
        return new DerivedResult.CrossCheck(description, NumericComparison.compare(Relation.EQ, lhs, rhs, tolerance));
    }

    /** A square matrix flattened row-major. */
    static double[] flat(double[][] m) {
        double[] out = new double[m.length * m.length];
        for (int i = 0; i < m.length; i++) {
            System.arraycopy(m[i], 0, out, i * m.length, m.length);
        }
        return out;
    }

    /** Evaluates a Symja input string (for a seed's formula, typed as the seed prints it). */
    static IExpr parse(String input) {
        SymjaResult<IExpr> r = SymjaEngine.shared().parse(input);
        if (r instanceof SymjaResult.Undecided<IExpr> u) {
            throw new IllegalStateException("the seed formula '" + input + "' does not parse: " + u.explanation());
        }
        return r.valueOrThrow();
    }

    /**
     * Whether a scalar formula of the seed agrees with the derived one: the prover's verdict, and when it is
     * undecided, a numeric comparison at {@code points} values of t in [−4, 4] (|t| ≥ 0.05).
     *
     * @return the verdict and a one-line account
     */
    static Comparison compareScalars(IExpr derived, IExpr seed, Assumptions assumptions,
            Function<IExpr, Term> toTerm, Map<String, Double> constants) {
        SymbolicVerdict v = SymjaProver.shared().proveEqual(derived, seed, assumptions);
        if (v.outcome() != SymbolicOutcome.UNDECIDED) {
            return new Comparison(v.outcome() == SymbolicOutcome.PROVED, v.outcome().word() + ": " + v.detail());
        }
        NumericCertificate c = scalarAgreement(toTerm.apply(derived), toTerm.apply(seed), constants, 64, 1e-12);
        return new Comparison(c.agrees(), "symbolically undecided (" + v.detail() + "); numerically at " + c.points()
                + " values of t: max relative difference " + String.format(Locale.ROOT, "%.3g", c.maxRelError()));
    }

    /** The outcome of comparing two formulas. */
    record Comparison(boolean agrees, String detail) {
    }

    /** Two terms in t at {@code n} evenly spread values of t in [−4, 4] with |t| ≥ 0.05. */
    static NumericCertificate scalarAgreement(Term a, Term b, Map<String, Double> constants, int n, double tolerance) {
        List<double[]> lhs = new ArrayList<>();
        List<double[]> rhs = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            double t = -4 + 8.0 * (k + 0.5) / n;
            if (Math.abs(t) < 0.05) {
                continue;
            }
            var env = new java.util.HashMap<>(constants);
            env.put(NeuronCoefficient.T, t);
            lhs.add(new double[] {TermCompiler.evaluate(a, env)});
            rhs.add(new double[] {TermCompiler.evaluate(b, env)});
        }
        return NumericComparison.compare(Relation.EQ, lhs, rhs, tolerance);
    }

    /** Hyperparameter values as LaTeX text, e.g. {@code $\iota = 0.1$, $s = 0.7$}. */
    static String valuesLatex(Map<String, Double> values) {
        List<String> parts = new ArrayList<>();
        values.forEach((k, v) -> parts.add("$" + org.neuromanifold.symbolic.latex.LatexSymbols.of(k) + " = " + v + "$"));
        return String.join(", ", parts);
    }

    /**
     * The result of a derivation that Symja could not carry out: the chain stops at its definition with one
     * failed step that says why (symbolically undecided, numerically unchecked), so it is never reported as
     * sound.
     */
    static DerivedResult incomplete(String id, String title, String variant, Expr start, RuntimeException cause) {
        String reason = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        var step = new org.neuromanifold.core.result.DerivationStep(Relation.EQ, new org.neuromanifold.core.result.Formula
                .OfExpr(start), "not derived: the symbolic computation failed", List.of(),
                SymbolicVerdict.undecided(reason), new NumericCertificate(0, Double.NaN, Double.NaN, TOLERANCE));
        var derivation = new org.neuromanifold.core.result.Derivation(id, title, variant,
                new org.neuromanifold.core.result.Formula.OfExpr(start), List.of(step), List.of("incomplete: " + reason));
        return new DerivedResult(derivation, java.util.Optional.empty(), List.of(), java.util.Optional.empty());
    }

    /** Milliseconds since {@code t0} (a {@link System#nanoTime()} reading). */
    static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
