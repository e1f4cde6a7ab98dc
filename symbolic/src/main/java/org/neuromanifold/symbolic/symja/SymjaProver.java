package org.neuromanifold.symbolic.symja;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IExpr;
import org.neuromanifold.core.expr.Relation;
import org.neuromanifold.core.result.SymbolicVerdict;
import org.neuromanifold.core.scalar.Term;

/**
 * Symbolic certificates: proves {@code a = b} (by reducing {@code a − b} to 0) and {@code a ≤ b} under
 * assumptions, returning core {@link SymbolicVerdict}s — proved with how, refuted with the residual and
 * a point, or undecided with the reason. It never throws for anything Symja does.
 *
 * <p>Equality, for the difference {@code d}:
 * <ol>
 * <li>the numeric check first: {@code d} at {@link ProverOptions#points()} random points of the domain
 * (see {@link Assumptions}); a point where |d| is clearly nonzero refutes (after one {@code Simplify}
 * for the residual) — a false identity costs no more than that;</li>
 * <li>for {@code proveEqual}: {@code Simplify} of both sides separately, compared (this closes cases
 * where {@code Simplify} of the difference does not, e.g. Fisher information of a tanh neuron against
 * {@code 1 - Tanh[t]^2});</li>
 * <li>if {@code d} contains {@code Piecewise} (ReLU-like kinks), a case split over its conditions (see
 * {@link PiecewiseCases}), each case with the case's conditions added to the assumptions;</li>
 * <li>per case, a chain that stops at the first 0: {@code Simplify[d, A]}, {@code Together[d]}, the
 * exponential form ({@code LogisticSigmoid[u] → 1/(1+E^-u)}, {@code TrigToExp}, {@code ExpandAll}) with
 * {@code Together}, the exponential form with {@code Simplify}, {@code FullSimplify[d, A]};</li>
 * <li>otherwise undecided: "numerically zero at n points, symbolic simplification did not close", with
 * the smallest residual.</li>
 * </ol>
 *
 * <p>Inequality {@code a ≤ b}, i.e. {@code e = b − a ≥ 0}: the numeric check first (a point with
 * {@code e < 0} refutes), then per case: a sign proof of {@code e}, of {@code Simplify[e, A]} and of
 * {@code Factor[Together[e]]} (sums of squares, products of factors of known sign, positive functions;
 * see {@link SignAnalysis}), {@code Simplify[e >= 0, A]} giving {@code True}, and {@code Reduce[e < 0 && A]}
 * giving {@code False}; otherwise undecided.
 *
 * <p>Input symbols and assumptions use Symja names; for {@link Term} inputs, names go through the given
 * {@link SymbolTable} (core names are kept unless Symja reserves them), and the assumptions may use the
 * core names.
 *
 * <p>Usage:
 * <pre>{@code
 * SymjaProver prover = SymjaProver.shared();
 * SymbolicVerdict v = prover.proveEqual("D[Log[1 + E^z], z]", "LogisticSigmoid[z]", Assumptions.none());
 * SymbolicVerdict w = prover.proveLessEqual("LogisticSigmoid[t]*(1 - LogisticSigmoid[t])", "1/4", Assumptions.none());
 * }</pre>
 */
public final class SymjaProver {
    private final SymjaEngine engine;
    private final ProverOptions options;

    /** A prover on {@code engine} with default options and the engine's time limit per step. */
    public SymjaProver(SymjaEngine engine) {
        this(engine, ProverOptions.defaults().withStepLimit(engine.timeLimit()));
    }

    public SymjaProver(SymjaEngine engine, ProverOptions options) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** A prover on the shared engine with default options. */
    public static SymjaProver shared() {
        return new SymjaProver(SymjaEngine.shared());
    }

    public ProverOptions options() {
        return options;
    }

    /** A prover with other options on the same engine. */
    public SymjaProver with(ProverOptions other) {
        return new SymjaProver(engine, other);
    }

    // ---- entry points ------------------------------------------------------------------------------

    /** {@code lhs R rhs} for R = {@code =} or {@code ≤}, inputs in Symja syntax. */
    public SymbolicVerdict prove(Relation relation, String lhs, String rhs, Assumptions assumptions) {
        return relation == Relation.EQ ? proveEqual(lhs, rhs, assumptions) : proveLessEqual(lhs, rhs, assumptions);
    }

    /** {@code lhs R rhs} for R = {@code =} or {@code ≤}, core terms named through {@code symbols}. */
    public SymbolicVerdict prove(Relation relation, Term lhs, Term rhs, SymbolTable symbols, Assumptions assumptions) {
        return relation == Relation.EQ ? proveEqual(lhs, rhs, symbols, assumptions)
                : proveLessEqual(lhs, rhs, symbols, assumptions);
    }

    /** Proves {@code difference = 0} (Symja syntax). */
    public SymbolicVerdict proveZero(String difference, Assumptions assumptions) {
        return parsed(difference, d -> proveZero(d, assumptions));
    }

    /** Proves {@code difference = 0}. */
    public SymbolicVerdict proveZero(IExpr difference, Assumptions assumptions) {
        Objects.requireNonNull(difference, "difference");
        return equality(null, null, difference, assumptions);
    }

    /** Proves {@code difference = 0} for a core term. */
    public SymbolicVerdict proveZero(Term difference, SymbolTable symbols, Assumptions assumptions) {
        IExpr d = SymjaTerms.toSymja(difference, symbols);
        return proveZero(d, renamed(assumptions, symbols));
    }

    /** Proves {@code lhs = rhs} (Symja syntax). */
    public SymbolicVerdict proveEqual(String lhs, String rhs, Assumptions assumptions) {
        return parsed(lhs, a -> parsed(rhs, b -> proveEqual(a, b, assumptions)));
    }

    /** Proves {@code lhs = rhs}. */
    public SymbolicVerdict proveEqual(IExpr lhs, IExpr rhs, Assumptions assumptions) {
        Objects.requireNonNull(lhs, "lhs");
        Objects.requireNonNull(rhs, "rhs");
        SymjaRuntime.prepareThread();
        return equality(lhs, rhs, F.Subtract(lhs, rhs), assumptions);
    }

    /** Proves {@code lhs = rhs} for core terms. */
    public SymbolicVerdict proveEqual(Term lhs, Term rhs, SymbolTable symbols, Assumptions assumptions) {
        IExpr a = SymjaTerms.toSymja(lhs, symbols);
        IExpr b = SymjaTerms.toSymja(rhs, symbols);
        return proveEqual(a, b, renamed(assumptions, symbols));
    }

    /** Proves {@code lhs ≤ rhs} (Symja syntax). */
    public SymbolicVerdict proveLessEqual(String lhs, String rhs, Assumptions assumptions) {
        return parsed(lhs, a -> parsed(rhs, b -> proveLessEqual(a, b, assumptions)));
    }

    /** Proves {@code lhs ≤ rhs}. */
    public SymbolicVerdict proveLessEqual(IExpr lhs, IExpr rhs, Assumptions assumptions) {
        Objects.requireNonNull(lhs, "lhs");
        Objects.requireNonNull(rhs, "rhs");
        SymjaRuntime.prepareThread();
        return nonNegativity(F.Subtract(rhs, lhs), assumptions);
    }

    /** Proves {@code lhs ≤ rhs} for core terms. */
    public SymbolicVerdict proveLessEqual(Term lhs, Term rhs, SymbolTable symbols, Assumptions assumptions) {
        IExpr a = SymjaTerms.toSymja(lhs, symbols);
        IExpr b = SymjaTerms.toSymja(rhs, symbols);
        return proveLessEqual(a, b, renamed(assumptions, symbols));
    }

    /** Proves {@code expr ≥ 0} (Symja syntax). */
    public SymbolicVerdict proveNonNegative(String expr, Assumptions assumptions) {
        return parsed(expr, e -> proveNonNegative(e, assumptions));
    }

    /** Proves {@code expr ≥ 0}. */
    public SymbolicVerdict proveNonNegative(IExpr expr, Assumptions assumptions) {
        Objects.requireNonNull(expr, "expr");
        return nonNegativity(expr, assumptions);
    }

    /** Proves {@code expr ≥ 0} for a core term. */
    public SymbolicVerdict proveNonNegative(Term expr, SymbolTable symbols, Assumptions assumptions) {
        IExpr e = SymjaTerms.toSymja(expr, symbols);
        return proveNonNegative(e, renamed(assumptions, symbols));
    }

    /**
     * Assumptions about core terms may use core names; the symbols the table renamed for Symja
     * ({@code beta} → {@code vbeta}) are renamed in the conditions too. Conditions that do not parse are
     * kept as they are (the proof then reports the syntax error).
     */
    private Assumptions renamed(Assumptions assumptions, SymbolTable symbols) {
        Objects.requireNonNull(assumptions, "assumptions");
        var renames = new java.util.HashMap<String, String>();
        symbols.mapping().forEach((core, symja) -> {
            if (!core.equals(symja)) {
                renames.put(core, symja);
            }
        });
        if (renames.isEmpty() || assumptions.isEmpty()) {
            return assumptions;
        }
        List<String> out = new ArrayList<>();
        for (String condition : assumptions.conditions()) {
            SymjaResult<IExpr> parsed = engine.parse(condition);
            if (parsed instanceof SymjaResult.Value<IExpr> v) {
                IExpr r = v.value().replaceAll(x -> x instanceof org.matheclipse.core.interfaces.ISymbol sym
                        && renames.containsKey(sym.getSymbolName()) ? F.symbol(renames.get(sym.getSymbolName())) : F.NIL);
                out.add(SymjaExprs.input(r.isPresent() ? r : v.value()));
            } else {
                out.add(condition);
            }
        }
        return Assumptions.of(out);
    }

    // ---- equality ----------------------------------------------------------------------------------

    private SymbolicVerdict equality(IExpr lhs, IExpr rhs, IExpr difference, Assumptions assumptions) {
        Objects.requireNonNull(assumptions, "assumptions");
        return guarded(() -> equalityUnguarded(lhs, rhs, difference, assumptions));
    }

    /** Anything unexpected thrown while orchestrating becomes an undecided verdict, never an exception. */
    private static SymbolicVerdict guarded(java.util.function.Supplier<SymbolicVerdict> proof) {
        try {
            return proof.get();
        } catch (RuntimeException e) {
            return SymbolicVerdict.undecided("exception while proving: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + SymjaEngine.abbreviate(e.getMessage())));
        }
    }

    private SymbolicVerdict equalityUnguarded(IExpr lhs, IExpr rhs, IExpr difference, Assumptions assumptions) {
        SymjaRuntime.prepareThread();
        Context ctx = context(difference, assumptions);
        if (ctx.failure != null) {
            return ctx.failure;
        }
        IExpr d = ctx.expr;
        if (d.isZero()) {
            return SymbolicVerdict.proved("the difference evaluates to 0");
        }
        NumericProbe probe = ctx.probe(d);
        NumericProbe.Values values = probe.evaluate(d);
        Witness witness = witness(probe, values, false);
        if (witness != null) {
            IExpr residual = value(simplify(d, ctx.assumption)).orElse(d);
            return SymbolicVerdict.refuted("residual " + SymjaEngine.abbreviate(SymjaExprs.input(residual))
                    + "; nonzero at " + witness.where + ": difference = " + fmt(witness.value) + " (scale "
                    + fmt(witness.scale) + ")");
        }
        List<String> notes = new ArrayList<>();
        if (lhs != null) {
            var sa = value(simplify(lhs, ctx.assumption), notes, "Simplify of the left side");
            var sb = value(simplify(rhs, ctx.assumption), notes, "Simplify of the right side");
            if (sa.isPresent() && sb.isPresent() && sa.get().equals(sb.get())) {
                return SymbolicVerdict.proved("Simplify of both sides gives "
                        + SymjaEngine.abbreviate(SymjaExprs.input(sa.get())));
            }
        }
        Attempt attempt = PiecewiseCases.hasPiecewise(d) ? byCases(d, ctx, notes, this::zeroChain)
                : zeroChain(d, ctx.assumption);
        if (attempt.proved) {
            return SymbolicVerdict.proved(attempt.how);
        }
        notes.addAll(attempt.notes);
        return undecidedAfterNumericCheck(probe, values, attempt.residual == null ? d : attempt.residual, notes,
                "numerically zero");
    }

    private record Step(String name, BiFunction<IExpr, IExpr, IExpr> build) {
    }

    private static final List<Step> ZERO_STEPS = List.of(
            new Step("Simplify", (e, a) -> F.Simplify(e)),
            new Step("Simplify over the reals", (e, a) -> F.Simplify(e, a)),
            new Step("Together", (e, a) -> F.Together(e)),
            new Step("exponential form and Together", (e, a) -> F.Together(F.ExpandAll(F.TrigToExp(exponentialSigmoid(e))))),
            new Step("exponential form and Simplify", (e, a) -> F.Simplify(F.TrigToExp(exponentialSigmoid(e)), a)),
            new Step("FullSimplify", (e, a) -> F.binaryAST2(S.FullSimplify, e, a)));

    /** The strategies of the zero test, stopping at the first that gives 0. */
    private Attempt zeroChain(IExpr d, IExpr assumption) {
        List<String> notes = new ArrayList<>();
        IExpr smallest = d;
        for (Step step : ZERO_STEPS) {
            SymjaResult<IExpr> r = engine.evaluate(step.build.apply(d, assumption), options.stepLimit());
            if (r instanceof SymjaResult.Value<IExpr> v) {
                if (v.value().isZero()) {
                    return Attempt.proved(step.name);
                }
                if (v.value().leafCount() < smallest.leafCount()) {
                    smallest = v.value();
                }
            } else if (r instanceof SymjaResult.Undecided<IExpr> u) {
                notes.add(step.name + ": " + u.explanation());
            }
        }
        return Attempt.failed(smallest, notes);
    }

    /** {@code LogisticSigmoid[u] → 1/(1 + E^(-u))} everywhere (TrigToExp leaves it alone). */
    static IExpr exponentialSigmoid(IExpr e) {
        IExpr r = e.replaceAll(x -> x.isAST(S.LogisticSigmoid, 2)
                ? F.Power(F.Plus(F.C1, F.Power(S.E, F.Negate(exponentialSigmoid(((org.matheclipse.core.interfaces.IAST) x).arg1())))), F.CN1)
                : F.NIL);
        return r.isPresent() ? r : e;
    }

    // ---- inequality --------------------------------------------------------------------------------

    private SymbolicVerdict nonNegativity(IExpr expr, Assumptions assumptions) {
        Objects.requireNonNull(assumptions, "assumptions");
        return guarded(() -> nonNegativityUnguarded(expr, assumptions));
    }

    private SymbolicVerdict nonNegativityUnguarded(IExpr expr, Assumptions assumptions) {
        SymjaRuntime.prepareThread();
        Context ctx = context(expr, assumptions);
        if (ctx.failure != null) {
            return ctx.failure;
        }
        IExpr e = ctx.expr;
        NumericProbe probe = ctx.probe(e);
        NumericProbe.Values values = probe.evaluate(e);
        Witness witness = witness(probe, values, true);
        if (witness != null) {
            IExpr residual = value(simplify(e, ctx.assumption)).orElse(e);
            return SymbolicVerdict.refuted("the difference " + SymjaEngine.abbreviate(SymjaExprs.input(residual))
                    + " is negative at " + witness.where + ": " + fmt(witness.value) + " (scale " + fmt(witness.scale)
                    + ")");
        }
        List<String> notes = new ArrayList<>();
        SignAnalysis signs = new SignAnalysis(probe.intervals());
        Attempt attempt = PiecewiseCases.hasPiecewise(e)
                ? byCases(e, ctx, notes, (c, a) -> nonNegChain(c, a, signs, ctx.variables))
                : nonNegChain(e, ctx.assumption, signs, ctx.variables);
        if (attempt.proved) {
            return SymbolicVerdict.proved(attempt.how);
        }
        notes.addAll(attempt.notes);
        return undecidedAfterNumericCheck(probe, values, attempt.residual == null ? e : attempt.residual, notes,
                "nonnegative");
    }

    private Attempt nonNegChain(IExpr e, IExpr assumption, SignAnalysis signs, Set<String> variables) {
        List<String> notes = new ArrayList<>();
        if (signs.of(e).atLeastZero()) {
            return Attempt.proved("sign analysis (every part has a known sign)");
        }
        var simplified = value(simplify(e, assumption), notes, "Simplify");
        if (simplified.isPresent() && signs.of(simplified.get()).atLeastZero()) {
            return Attempt.proved("Simplify, then sign analysis of " + SymjaEngine.abbreviate(
                    SymjaExprs.input(simplified.get())));
        }
        var decided = value(engine.evaluate(F.Simplify(F.GreaterEqual(e, F.C0), assumption), options.stepLimit()), notes,
                "Simplify[e >= 0]");
        if (decided.isPresent() && decided.get().isTrue()) {
            return Attempt.proved("Simplify[e >= 0] gives True");
        }
        var factored = value(engine.evaluate(F.Factor(F.Together(e)), options.stepLimit()), notes, "Factor");
        if (factored.isPresent() && signs.of(factored.get()).atLeastZero()) {
            return Attempt.proved("Factor, then sign analysis of " + SymjaEngine.abbreviate(
                    SymjaExprs.input(factored.get())));
        }
        List<IExpr> negativeCase = new ArrayList<>(List.of(F.Less(e, F.C0)));
        negativeCase.addAll(conjuncts(assumption).stream().filter(c -> !c.isAST(S.Element)).toList());
        IExpr negative = conjunction(negativeCase);
        var reduced = value(engine.evaluate(F.ternaryAST3(S.Reduce, negative, F.List(variables.stream().map(F::symbol)
                .toArray(IExpr[]::new)), S.Reals), options.stepLimit()), notes, "Reduce[e < 0]");
        if (reduced.isPresent() && reduced.get().isFalse()) {
            return Attempt.proved("Reduce: e < 0 has no real solution");
        }
        return Attempt.failed(simplified.orElse(e), notes);
    }

    // ---- case split --------------------------------------------------------------------------------

    private Attempt byCases(IExpr e, Context ctx, List<String> notes, BiFunction<IExpr, IExpr, Attempt> chain) {
        SymjaResult<PiecewiseCases.Outcome> split = engine.run(
                session -> PiecewiseCases.split(session, e, options.maxCases()), options.stepLimit());
        if (split instanceof SymjaResult.Undecided<PiecewiseCases.Outcome> u) {
            return Attempt.failed(e, List.of("case split: " + u.explanation()));
        }
        PiecewiseCases.Outcome outcome = split.valueOrThrow();
        if (outcome instanceof PiecewiseCases.Failed f) {
            return Attempt.failed(e, List.of("case split: " + f.reason()));
        }
        PiecewiseCases.Split cases = (PiecewiseCases.Split) outcome;
        Set<String> hows = new LinkedHashSet<>();
        for (PiecewiseCases.Case c : cases.cases()) {
            List<IExpr> conditions = new ArrayList<>(conjuncts(ctx.assumption));
            conditions.addAll(c.conditions());
            IExpr assumption = conjunction(conditions);
            Attempt a = chain.apply(c.expr(), assumption);
            if (!a.proved && infeasible(conditions, ctx.variables)) {
                hows.add("Reduce (an empty case)");
                continue;
            }
            if (!a.proved) {
                List<String> caseNotes = new ArrayList<>();
                caseNotes.add("case " + c.conditions().stream().map(SymjaExprs::input).toList() + " not closed");
                caseNotes.addAll(a.notes);
                return Attempt.failed(a.residual, caseNotes);
            }
            hows.add(a.how);
        }
        return Attempt.proved("case split on " + cases.conditions() + " condition(s) into " + cases.cases().size()
                + " case(s), each by " + String.join(" / ", hows));
    }

    /** Whether Symja's {@code Reduce} shows that no real point satisfies {@code conditions}. */
    private boolean infeasible(List<IExpr> conditions, Set<String> variables) {
        List<IExpr> comparisons = conditions.stream().filter(c -> !c.isAST(S.Element)).toList();
        if (comparisons.isEmpty() || variables.isEmpty()) {
            return false;
        }
        SymjaResult<IExpr> r = engine.evaluate(F.ternaryAST3(S.Reduce, conjunction(comparisons),
                F.List(variables.stream().map(F::symbol).toArray(IExpr[]::new)), S.Reals), options.stepLimit());
        return r.asOptional().map(IExpr::isFalse).orElse(false);
    }

    // ---- shared pieces -----------------------------------------------------------------------------

    /** The outcome of the symbolic part of a proof. */
    private record Attempt(boolean proved, String how, IExpr residual, List<String> notes) {
        static Attempt proved(String how) {
            return new Attempt(true, how, null, List.of());
        }

        static Attempt failed(IExpr residual, List<String> notes) {
            return new Attempt(false, "", residual, List.copyOf(notes));
        }
    }

    /** The parsed and evaluated input of a proof, or why it could not be prepared. */
    private final class Context {
        IExpr expr;
        IExpr assumption = S.True;
        List<IExpr> conditions = new ArrayList<>();
        Set<String> variables = new TreeSet<>();
        SymbolicVerdict failure;


        NumericProbe probe(IExpr e) {
            return NumericProbe.sample(engine, List.copyOf(variables), conditions, options.points(), options.seed());
        }
    }

    private Context context(IExpr input, Assumptions assumptions) {
        Objects.requireNonNull(assumptions, "assumptions");
        Context ctx = new Context();
        for (String condition : assumptions.conditions()) {
            SymjaResult<IExpr> parsed = engine.parse(condition);
            if (parsed instanceof SymjaResult.Undecided<IExpr> u) {
                ctx.failure = SymbolicVerdict.undecided("assumption '" + condition + "': " + u.explanation());
                return ctx;
            }
            ctx.conditions.add(parsed.valueOrThrow());
        }
        SymjaResult<IExpr> evaluated = engine.evaluate(input, options.stepLimit());
        if (evaluated instanceof SymjaResult.Undecided<IExpr> u) {
            ctx.failure = SymbolicVerdict.undecided("evaluating the input: " + u.explanation());
            return ctx;
        }
        ctx.expr = evaluated.valueOrThrow();
        ctx.variables.addAll(SymjaExprs.freeSymbols(ctx.expr));
        ctx.conditions.forEach(c -> ctx.variables.addAll(SymjaExprs.freeSymbols(c)));
        // every variable is real: Symja needs this to simplify Log[E^x] or Sqrt[x^2]
        List<IExpr> all = new ArrayList<>(ctx.conditions);
        if (!ctx.variables.isEmpty()) {
            all.add(F.Element(F.List(ctx.variables.stream().map(F::symbol).toArray(IExpr[]::new)), S.Reals));
        }
        ctx.assumption = conjunction(all);
        return ctx;
    }

    private static IExpr conjunction(List<IExpr> parts) {
        return parts.isEmpty() ? S.True : parts.size() == 1 ? parts.get(0) : F.And(parts.toArray(IExpr[]::new));
    }

    private static List<IExpr> conjuncts(IExpr assumption) {
        if (assumption.isTrue()) {
            return List.of();
        }
        return assumption.isAST(S.And) ? NumericProbe.args((org.matheclipse.core.interfaces.IAST) assumption)
                : List.of(assumption);
    }

    private SymjaResult<IExpr> simplify(IExpr e, IExpr assumption) {
        return engine.evaluate(assumption.isTrue() ? F.Simplify(e) : F.Simplify(e, assumption), options.stepLimit());
    }

    private static java.util.Optional<IExpr> value(SymjaResult<IExpr> r) {
        return r.asOptional();
    }

    private static java.util.Optional<IExpr> value(SymjaResult<IExpr> r, List<String> notes, String what) {
        if (r instanceof SymjaResult.Undecided<IExpr> u) {
            notes.add(what + ": " + u.explanation());
        }
        return r.asOptional();
    }

    /** A point that refutes. */
    private record Witness(String where, double value, double scale) {
    }

    /**
     * The first point where the value is clearly nonzero (for equalities) or clearly negative (for
     * {@code ≥ 0}), or null.
     */
    private Witness witness(NumericProbe probe, NumericProbe.Values values, boolean sign) {
        for (int k = 0; k < values.values().length; k++) {
            double v = values.values()[k];
            double scale = Math.max(values.scales()[k], Double.MIN_NORMAL);
            if (!Double.isFinite(v) || !Double.isFinite(scale)) {
                continue;
            }
            boolean refutes = sign ? v < -options.witnessTolerance() * scale
                    : Math.abs(v) > options.witnessTolerance() * scale;
            if (refutes) {
                return new Witness(probe.describe(probe.points().get(k)), v, scale);
            }
        }
        return null;
    }

    private SymbolicVerdict undecidedAfterNumericCheck(NumericProbe probe, NumericProbe.Values values, IExpr residual,
            List<String> notes, String what) {
        int finite = 0;
        double maxAbs = 0;
        double maxRel = 0;
        double minValue = Double.POSITIVE_INFINITY;
        for (int k = 0; k < values.values().length; k++) {
            double v = values.values()[k];
            if (Double.isFinite(v)) {
                finite++;
                maxAbs = Math.max(maxAbs, Math.abs(v));
                maxRel = Math.max(maxRel, Math.abs(v) / Math.max(values.scales()[k], Double.MIN_NORMAL));
                minValue = Math.min(minValue, v);
            }
        }
        String symbolic = "symbolic simplification did not close"
                + (notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")") + "; residual "
                + SymjaEngine.abbreviate(SymjaExprs.input(residual));
        if (finite == 0) {
            return SymbolicVerdict.undecided("no point of the domain could be evaluated numerically ("
                    + probe.points().size() + " drawn); " + symbolic);
        }
        String numeric = what.equals("nonnegative")
                ? "nonnegative at " + finite + " point(s) (smallest value " + fmt(minValue) + ")"
                : "numerically zero at " + finite + " point(s) (max |difference| " + fmt(maxAbs) + ", relative "
                        + fmt(maxRel) + ")";
        return SymbolicVerdict.undecided(numeric + ", " + symbolic);
    }

    private SymbolicVerdict parsed(String input, java.util.function.Function<IExpr, SymbolicVerdict> then) {
        Objects.requireNonNull(input, "input");
        SymjaResult<IExpr> r = engine.parse(input);
        if (r instanceof SymjaResult.Undecided<IExpr> u) {
            return SymbolicVerdict.undecided("input '" + input + "': " + u.explanation());
        }
        return then.apply(r.valueOrThrow());
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
