package org.neuromanifold.symbolic.derive.gradient;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;

import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.neuromanifold.core.activation.Activation;
import org.neuromanifold.core.activation.IdentityActivation;
import org.neuromanifold.core.activation.Relu;
import org.neuromanifold.core.catalogue.Catalogue;
import org.neuromanifold.core.catalogue.CatalogueIdentities;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;
import org.neuromanifold.core.expr.Relation;
import org.neuromanifold.core.loss.HingeLoss;
import org.neuromanifold.core.model.Dense;
import org.neuromanifold.core.model.Network;
import org.neuromanifold.core.result.Derivation;
import org.neuromanifold.core.result.Formula;
import org.neuromanifold.core.result.SymbolicOutcome;
import org.neuromanifold.core.result.SymbolicVerdict;
import org.neuromanifold.core.scalar.Term;
import org.neuromanifold.numeric.autodiff.AutoDiff;
import org.neuromanifold.numeric.autodiff.Tape;
import org.neuromanifold.numeric.expr.EvalContext;
import org.neuromanifold.numeric.expr.ExprEvaluator;
import org.neuromanifold.symbolic.derive.ChainBuilder;
import org.neuromanifold.symbolic.derive.DeriveRequest;
import org.neuromanifold.symbolic.derive.DerivedResult;
import org.neuromanifold.symbolic.derive.Deriver;
import org.neuromanifold.symbolic.derive.ScalarChain;
import org.neuromanifold.symbolic.symja.Assumptions;
import org.neuromanifold.symbolic.symja.SymbolTable;
import org.neuromanifold.symbolic.symja.SymjaEngine;
import org.neuromanifold.symbolic.symja.SymjaExprs;
import org.neuromanifold.symbolic.symja.SymjaProver;
import org.neuromanifold.symbolic.symja.SymjaResult;
import org.neuromanifold.symbolic.symja.SymjaTerms;
import org.neuromanifold.symbolic.symja.TermSubstitution;

/**
 * {@code hinge-grad}: for ℓ(t, y) = max(0, 1 − y t) (seed 000), ∂ℓ/∂t = −y where y t &lt; 1 and 0 where
 * y t &gt; 1; at the kink y t = 1 the derivative does not exist. The chain starts from the derivative of
 * the definition written in Symja's piecewise form (max(0, u) is ReLU's form at u = 1 − y t), lets Symja
 * differentiate it, and writes the result with the case y t ≤ 1 first. Each step is proved for general
 * y and, by a case split over the labels, for y = 1 and y = −1. The numeric certificates compare with
 * reverse-mode autodiff of the hinge loss at random (t, y) away from the kink: labels ±1 and, on every
 * other point, a real y.
 */
public final class HingeGradDeriver implements Deriver {
    static final double TOLERANCE = 1e-12;
    /** Points closer than this to the kink, |1 − y t| &lt; KINK_MARGIN, are not drawn. */
    static final double KINK_MARGIN = 0.05;
    private static final List<Integer> LABELS = List.of(1, -1);

    @Override
    public String id() {
        return "hinge-grad";
    }

    @Override
    public List<String> variants() {
        return List.of("hinge");
    }

    /** The single variant. */
    @Override
    public List<String> catalogueVariants() {
        return variants();
    }

    @Override
    public DerivedResult derive(DeriveRequest request) {
        if (!request.variant().isEmpty() && !request.variant().equals("hinge")) {
            throw new SpecificationException(ErrorCode.UNSUPPORTED, "variant", "variant: 'hinge-grad' has the single "
                    + "variant 'hinge', got '" + request.variant() + "'");
        }
        SymjaEngine engine = SymjaEngine.shared();
        SymbolTable names = SymbolTable.create();
        IExpr loss = SymjaTerms.toSymja(definition(), names);
        IExpr start = F.D(loss, F.symbol("t"));
        List<Map<String, Double>> points = points(request.seed(), request.points());
        Function<Map<String, Double>, double[]> autodiff = HingeGradDeriver::autodiff;

        SymjaResult<IExpr> differentiated = engine.evaluate(start);
        IExpr derivative = differentiated.asOptional().orElse(start);
        IExpr cases = differentiated.asOptional().map(d -> casesFirst(engine, d)).orElse(start);

        ChainBuilder<Map<String, Double>> chain = ChainBuilder.start(id(), Catalogue.require(id()).title(), "hinge",
                points, TOLERANCE, new Formula.OfSymja(SymjaExprs.input(start)), autodiff);
        chain.assume("$ℓ(t, y) = \\max(0, 1 - y t)$, written as a piecewise function (seed 000)")
                .assume("off the kink $y t = 1$, where ℓ is not differentiable");
        chain.step(Relation.EQ, new Formula.OfSymja(SymjaExprs.input(derivative)), value(derivative, names),
                "each piece differentiated by Symja", List.of(),
                () -> differentiated instanceof SymjaResult.Undecided<IExpr> u
                        ? SymbolicVerdict.undecided("Symja's D: " + u.explanation())
                        : perLabel(rule -> F.D(substituted(loss, rule), F.symbol("t")),
                                rule -> substituted(derivative, rule), "∂ℓ/∂t"));
        chain.step(Relation.EQ, new Formula.OfSymja(SymjaExprs.input(cases)), value(cases, names),
                "the case $y t \\le 1$ first", List.of(),
                () -> perLabel(rule -> substituted(derivative, rule), rule -> substituted(cases, rule), "∂ℓ/∂t"));
        Derivation derivation = chain.build();

        return new DerivedResult(derivation, Optional.of(SymjaExprs.input(cases)),
                crossChecks(cases, names, points), Optional.of(seedCheck(cases, names, points)));
    }

    /** The value of a Symja expression at a point; an expression without a numeric form fails at every point. */
    private static Function<Map<String, Double>, double[]> value(IExpr e, SymbolTable names) {
        try {
            return ScalarChain.valueOf(e, names);
        } catch (SpecificationException ex) {
            return p -> {
                throw ex;
            };
        }
    }

    /** ℓ(t, y) = max(0, 1 − y t): ReLU's symbolic form at u = 1 − y t. */
    static Term definition() {
        Term margin = Term.difference(Term.ONE, Term.product(Term.variable("y"), Term.variable("t")));
        return TermSubstitution.substitute(new Relu().symbolic(), Map.of(Activation.VARIABLE, margin));
    }

    /** {@code Piecewise[{{0, c}}, v]} → {@code Piecewise[{{v, ¬c}}, 0]}, with Symja evaluating ¬c. */
    static IExpr casesFirst(SymjaEngine engine, IExpr piecewise) {
        if (!(piecewise instanceof IAST pw && pw.isAST(S.Piecewise, 3) && pw.arg1() instanceof IAST list
                && list.argSize() == 1 && list.arg1() instanceof IAST pair && pair.argSize() == 2
                && pair.arg1().isZero())) {
            return piecewise;
        }
        IExpr swapped = F.Piecewise(F.list(F.list(pw.arg2(), F.Not(pair.arg2()))), F.C0);
        return engine.evaluate(swapped).asOptional().orElse(piecewise);
    }

    /** {@code e} with y replaced by a label ({@code rule} = y → ±1), or {@code e} itself for a null rule. */
    private static IExpr substituted(IExpr e, IExpr rule) {
        return rule == null ? e : F.ReplaceAll(e, rule);
    }

    /**
     * {@code left = right} proved for general y (rule null), and by a case split over the labels, for
     * y = 1 and y = −1 (the labels substituted before anything is differentiated), each case's right side
     * written out.
     */
    private static SymbolicVerdict perLabel(Function<IExpr, IExpr> left, Function<IExpr, IExpr> right, String what) {
        SymjaProver prover = SymjaProver.shared();
        Verdicts v = new Verdicts().add("general y", prover.proveEqual(left.apply(null), right.apply(null),
                Assumptions.none()));
        for (int label : LABELS) {
            IExpr rule = F.Rule(F.symbol("y"), F.ZZ(label));
            IExpr rb = right.apply(rule);
            String shown = SymjaEngine.shared().evaluate(rb).asOptional().map(SymjaExprs::input).orElse("?");
            v.add("y = " + label + " (" + what + " = " + shown + ")", prover.proveEqual(left.apply(rule), rb,
                    Assumptions.none()));
        }
        return v.combined();
    }

    /** Seeded points (t, y) away from the kink: y = ±1 on even points, y uniform on [−2, 2] on odd ones. */
    static List<Map<String, Double>> points(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Map<String, Double>> out = new ArrayList<>(n);
        while (out.size() < n) {
            double y = out.size() % 2 == 0 ? (r.nextBoolean() ? 1 : -1) : -2 + 4 * r.nextDouble();
            double t = -3 + 6 * r.nextDouble();
            if (Math.abs(1 - y * t) >= KINK_MARGIN) {
                Map<String, Double> p = new LinkedHashMap<>();
                p.put("t", t);
                p.put("y", y);
                out.add(Map.copyOf(p));
            }
        }
        return List.copyOf(out);
    }

    /** ∂ℓ/∂t by reverse-mode autodiff of the hinge loss on the tape. */
    static double[] autodiff(Map<String, Double> p) {
        Tape tape = new Tape();
        int f = tape.vector(new double[] {p.get("t")});
        int y = tape.vector(new double[] {p.get("y")});
        int grad = AutoDiff.grad(tape, tape.hingeLoss(f, y), f);
        return tape.toArray(grad);
    }

    /** A network whose output is its input (f = t), so that ∂ℓ/∂f of the catalogue statement is ∂ℓ/∂t. */
    private static EvalContext context(Map<String, Double> p) {
        Network identity = Network.of(1, List.of(new Dense(1, 1, false, new IdentityActivation())));
        return EvalContext.builder(identity, new double[] {1}).loss(new HingeLoss())
                .input(new double[] {p.get("t")}).target(new double[] {p.get("y")}).build();
    }

    /**
     * The closed form against ∂ℓ/∂f from the numeric engine (the catalogue statement's left side) and
     * against central differences of the core hinge loss, at the chain's points.
     */
    private static List<DerivedResult.CrossCheck> crossChecks(IExpr closed, SymbolTable names,
            List<Map<String, Double>> points) {
        Function<Map<String, Double>, double[]> derived = value(closed, names);
        ExprEvaluator ev = new ExprEvaluator();
        HingeLoss hinge = new HingeLoss();
        double h = 1e-6;
        Function<Map<String, Double>, double[]> differences = p -> {
            double t = p.get("t");
            double[] y = {p.get("y")};
            return new double[] {(hinge.value(new double[] {t + h}, y) - hinge.value(new double[] {t - h}, y)) / (2 * h)};
        };
        // the hinge loss is linear on each side of the kink, so central differences are exact up to rounding
        // of ℓ (|ℓ| ≤ 7 here): 1e-8 leaves room for ε·7/h ≈ 2e-9
        return List.of(new DerivedResult.CrossCheck("closed form vs ∂ℓ/∂f by autodiff (ExprEvaluator, the catalogue "
                        + "statement's left side) at " + points.size() + " points off the kink", Certificates.equal(points,
                                derived, p -> ev.values(List.of(CatalogueIdentities.HINGE_GRAD.lhs()), context(p))[0],
                                TOLERANCE)),
                new DerivedResult.CrossCheck("closed form vs central differences (step 1e-6) of the hinge loss",
                        Certificates.equal(points, derived, differences, 1e-8)));
    }

    /**
     * The seed's statement (∂ℓ/∂t = −y ⇔ y t &lt; 1; y t ≥ 1 ⇒ ∂ℓ/∂t = 0), typed as the seed writes it,
     * against the derived form: proved on both sides of the kink for y = ±1 (they differ only at y t = 1,
     * where the seed takes 0, the core's subgradient), and compared at the chain's points for real y.
     */
    private static DerivedResult.SeedFormulaCheck seedCheck(IExpr derived, SymbolTable names,
            List<Map<String, Double>> points) {
        IExpr seed = F.Piecewise(F.list(F.list(F.Negate(F.symbol("y")), F.Less(F.Times(F.symbol("y"), F.symbol("t")),
                F.C1))), F.C0);
        SymjaProver prover = SymjaProver.shared();
        Verdicts v = new Verdicts();
        // each side of the kink as y t = 1 ∓ u with u > 0, i.e. t = y(1 ∓ u) for y = ±1: a bound on one symbol
        for (int label : LABELS) {
            for (int side : List.of(-1, 1)) {
                IExpr t = F.Times(F.ZZ(label), F.Plus(F.C1, F.Times(F.ZZ(side), F.symbol("u"))));
                IExpr rules = F.list(F.Rule(F.symbol("y"), F.ZZ(label)), F.Rule(F.symbol("t"), t));
                v.add("y = " + label + ", y t " + (side < 0 ? "< 1" : "> 1"), prover.proveEqual(
                        F.ReplaceAll(derived, rules), F.ReplaceAll(seed, rules), Assumptions.of("u > 0")));
            }
        }
        SymbolicVerdict symbolic = v.combined();
        var numeric = Certificates.equal(points, value(derived, names), value(seed, names), TOLERANCE);
        boolean agrees = symbolic.outcome() == SymbolicOutcome.PROVED && numeric.agrees();
        return new DerivedResult.SeedFormulaCheck(agrees, "seed 000: " + SymjaExprs.input(seed) + " vs the derived "
                + SymjaExprs.input(derived) + "; off the kink y t = 1 (the seed takes 0 there): " + symbolic.outcome()
                .word() + " (" + symbolic.detail() + "); at " + numeric.points() + " points with real y: max |difference| "
                + numeric.maxAbsError());
    }
}
