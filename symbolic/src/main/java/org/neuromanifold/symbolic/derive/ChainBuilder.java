package org.neuromanifold.symbolic.derive;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

import org.neuromanifold.core.expr.Relation;
import org.neuromanifold.core.result.Derivation;
import org.neuromanifold.core.result.DerivationStep;
import org.neuromanifold.core.result.Formula;
import org.neuromanifold.core.result.NumericCertificate;
import org.neuromanifold.core.result.SymbolicVerdict;

/**
 * Builds a derivation chain e₀ R₁ e₁ R₂ e₂ … and certifies each step as it is added: the numeric
 * certificate evaluates the previous and the new expression at the same random points (of type
 * {@code P}: a variable assignment, a network instance, …); the symbolic certificate is supplied by
 * the deriver (a Symja proof, or a proof on a concrete instance). A step whose certificate throws is
 * kept, certified undecided (symbolic) or failed (numeric), never dropped.
 *
 * @param <P> the type of a random point
 */
public final class ChainBuilder<P> {
    private final String id;
    private final String title;
    private final String variant;
    private final List<P> points;
    private final double tolerance;
    private final Formula start;
    private final List<DerivationStep> steps = new ArrayList<>();
    private final List<String> assumptions = new ArrayList<>();
    private List<double[]> previousValues;

    private ChainBuilder(String id, String title, String variant, List<P> points, double tolerance, Formula start,
            Function<P, double[]> startValue) {
        this.id = Objects.requireNonNull(id, "id");
        this.title = Objects.requireNonNull(title, "title");
        this.variant = variant == null ? "" : variant;
        this.points = List.copyOf(points);
        this.tolerance = tolerance;
        this.start = Objects.requireNonNull(start, "start");
        this.previousValues = evaluate(startValue);
    }

    /**
     * Starts a chain at e₀.
     *
     * @param points     the random points every numeric certificate uses
     * @param tolerance  relative tolerance of the numeric certificates
     * @param start      e₀
     * @param startValue e₀'s value at a point
     */
    public static <P> ChainBuilder<P> start(String id, String title, String variant, List<P> points,
            double tolerance, Formula start, Function<P, double[]> startValue) {
        return new ChainBuilder<>(id, title, variant, points, tolerance, start, startValue);
    }

    /** Adds an assumption of the whole derivation. */
    public ChainBuilder<P> assume(String assumption) {
        assumptions.add(Objects.requireNonNull(assumption, "assumption"));
        return this;
    }

    /**
     * Adds the step {@code previous R next}.
     *
     * @param relation        = or ≤
     * @param next            the new expression
     * @param value           its value at a point
     * @param rule            the rule that justifies the step
     * @param stepAssumptions the assumptions this step uses
     * @param symbolic        computes the symbolic certificate of {@code previous R next}
     */
    public ChainBuilder<P> step(Relation relation, Formula next, Function<P, double[]> value, String rule,
            List<String> stepAssumptions, Supplier<SymbolicVerdict> symbolic) {
        List<double[]> nextValues = evaluate(value);
        NumericCertificate numeric = previousValues == null || nextValues == null
                ? new NumericCertificate(points.size(), Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, tolerance)
                : NumericComparison.compare(relation, previousValues, nextValues, tolerance);
        SymbolicVerdict verdict;
        try {
            verdict = Objects.requireNonNull(symbolic.get(), "symbolic verdict");
        } catch (RuntimeException e) {
            verdict = SymbolicVerdict.undecided("the symbolic check threw: " + e.getMessage());
        }
        steps.add(new DerivationStep(relation, next, rule, stepAssumptions, verdict, numeric));
        previousValues = nextValues;
        return this;
    }

    /** The expression the next step starts from. */
    public Formula current() {
        return steps.isEmpty() ? start : steps.get(steps.size() - 1).expression();
    }

    /** The finished derivation. */
    public Derivation build() {
        return new Derivation(id, title, variant, start, steps, assumptions);
    }

    /** Values at every point, or null when evaluation fails (the step is then certified as failed). */
    private List<double[]> evaluate(Function<P, double[]> value) {
        List<double[]> out = new ArrayList<>(points.size());
        try {
            for (P p : points) {
                out.add(value.apply(p));
            }
        } catch (RuntimeException e) {
            return null;
        }
        return out;
    }
}
