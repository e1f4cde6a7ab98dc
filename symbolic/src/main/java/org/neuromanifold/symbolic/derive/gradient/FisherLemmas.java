package org.neuromanifold.symbolic.derive.gradient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.neuromanifold.core.loss.BinaryCrossEntropyLoss;
import org.neuromanifold.core.loss.HingeLoss;
import org.neuromanifold.core.loss.Loss;
import org.neuromanifold.core.loss.SoftmaxCrossEntropyLoss;
import org.neuromanifold.core.loss.SquareLoss;
import org.neuromanifold.core.loss.StatisticalModel;
import org.neuromanifold.core.result.SymbolicVerdict;
import org.neuromanifold.core.scalar.Term;
import org.neuromanifold.symbolic.symja.Assumptions;
import org.neuromanifold.symbolic.symja.SymbolTable;
import org.neuromanifold.symbolic.symja.SymjaEngine;
import org.neuromanifold.symbolic.symja.SymjaExprs;
import org.neuromanifold.symbolic.symja.SymjaProver;
import org.neuromanifold.symbolic.symja.SymjaResult;
import org.neuromanifold.symbolic.symja.SymjaTerms;
import org.neuromanifold.symbolic.symja.TermSubstitution;

/**
 * Symja facts of the Fisher-Rao derivation: the algebra of quadratic forms under an expectation (an
 * expectation over data or over the model's outcomes is a weighted sum with weights w_m), the loss
 * gradient ∂ℓ/∂f of each loss from its definition, and the covariance of that gradient under the loss's
 * statistical model — from the moment generating function of N(f, s² I) for the square loss, by exact
 * enumeration of y ∈ {0, 1}² for binary cross-entropy. Vectors have {@value #DIM} components in θ-space
 * and {@value #OUTPUTS} output components; the expectations have {@value #OUTCOMES} weighted outcomes.
 */
final class FisherLemmas {
    static final int DIM = 3;
    static final int OUTPUTS = 2;
    static final int OUTCOMES = 2;

    private FisherLemmas() {
    }

    private static String vector(String name, int m, int n) {
        List<String> c = new ArrayList<>();
        for (int j = 1; j <= n; j++) {
            c.add(name + m + j);
        }
        return "{" + String.join(", ", c) + "}";
    }

    private static String theta() {
        List<String> c = new ArrayList<>();
        for (int j = 1; j <= DIM; j++) {
            c.add("p" + j);
        }
        return "{" + String.join(", ", c) + "}";
    }

    /** ⟨θ, (Σ_m w_m g_m g_mᵀ) θ⟩ = Σ_m w_m ⟨θ, g_m⟩⟨g_m, θ⟩. */
    static SymbolicVerdict quadraticFormOfAnExpectation() {
        List<String> outer = new ArrayList<>();
        List<String> products = new ArrayList<>();
        for (int m = 1; m <= OUTCOMES; m++) {
            String g = vector("g", m, DIM);
            outer.add("w" + m + "*Outer[Times, " + g + ", " + g + "]");
            products.add("w" + m + "*(" + theta() + "." + g + ")*(" + g + "." + theta() + ")");
        }
        return SymjaProver.shared().proveEqual(theta() + ".(" + String.join(" + ", outer) + ")." + theta(),
                String.join(" + ", products), Assumptions.none());
    }

    /** Σ_m w_m ⟨θ, g_m⟩⟨g_m, θ⟩ = Σ_m w_m ⟨g_m, θ⟩². */
    static SymbolicVerdict symmetry() {
        List<String> products = new ArrayList<>();
        List<String> squares = new ArrayList<>();
        for (int m = 1; m <= OUTCOMES; m++) {
            String g = vector("g", m, DIM);
            products.add("w" + m + "*(" + theta() + "." + g + ")*(" + g + "." + theta() + ")");
            squares.add("w" + m + "*(" + g + "." + theta() + ")^2");
        }
        return SymjaProver.shared().proveEqual(String.join(" + ", products), String.join(" + ", squares),
                Assumptions.none());
    }

    /** Σ_m w_m ⟨a_m, c b_m⟩² = c² Σ_m w_m ⟨a_m, b_m⟩². */
    static SymbolicVerdict squaredScalarLeaves() {
        List<String> scaled = new ArrayList<>();
        List<String> plain = new ArrayList<>();
        for (int m = 1; m <= OUTCOMES; m++) {
            String a = vector("a", m, OUTPUTS);
            String b = vector("b", m, OUTPUTS);
            scaled.add("w" + m + "*(" + a + ".(c*" + b + "))^2");
            plain.add("w" + m + "*(" + a + "." + b + ")^2");
        }
        return SymjaProver.shared().proveEqual(String.join(" + ", scaled), "c^2*(" + String.join(" + ", plain) + ")",
                Assumptions.none());
    }

    /** Σ_m w_m ⟨a_m, f⟩² = ⟨f, (Σ_m w_m a_m a_mᵀ) f⟩ (the outcomes share f: it depends on x only). */
    static SymbolicVerdict squareAsQuadraticForm() {
        String f = vector("f", 0, OUTPUTS);
        List<String> squares = new ArrayList<>();
        List<String> outer = new ArrayList<>();
        for (int m = 1; m <= OUTCOMES; m++) {
            String a = vector("a", m, OUTPUTS);
            squares.add("w" + m + "*(" + a + "." + f + ")^2");
            outer.add("w" + m + "*Outer[Times, " + a + ", " + a + "]");
        }
        return SymjaProver.shared().proveEqual(String.join(" + ", squares), f + ".(" + String.join(" + ", outer) + ")."
                + f, Assumptions.none());
    }

    /** The definition of the loss summed over {@value #OUTPUTS} components, in f1, f2, y1, y2; empty for softmax CE. */
    static Optional<String> definition(Loss loss) {
        return switch (loss) {
            case SquareLoss s -> Optional.of("(f1 - y1)^2/2 + (f2 - y2)^2/2");
            case BinaryCrossEntropyLoss b -> Optional.of("Log[1 + E^f1] - y1*f1 + Log[1 + E^f2] - y2*f2");
            case HingeLoss h -> Optional.of(hinge(1) + " + " + hinge(2));
            // log Σ_j e^{f_j} couples the components: ∂ℓ/∂f is not elementwise in f
            case SoftmaxCrossEntropyLoss c -> Optional.empty();
        };
    }

    private static String hinge(int k) {
        Term max = TermSubstitution.substitute(HingeGradDeriver.definition(), Map.of("t", Term.variable("f" + k),
                "y", Term.variable("y" + k)));
        return SymjaTerms.toInput(max, SymbolTable.create());
    }

    /** ∂ℓ/∂f₁ computed by Symja from the loss's definition (hinge: the case y f ≤ 1 first). */
    record Gradient(String definition, IExpr value) {
    }

    static Optional<Gradient> gradient(Loss loss) {
        Optional<String> def = definition(loss);
        if (def.isEmpty()) {
            return Optional.empty();
        }
        SymjaEngine engine = SymjaEngine.shared();
        SymjaResult<IExpr> d = engine.evaluate("D[" + def.get() + ", f1]");
        return d.asOptional().map(v -> new Gradient(def.get(), HingeGradDeriver.casesFirst(engine, v)));
    }

    /** The step ∂ℓ/∂f = its closed form: Symja's D of the definition, for component 1 of 2 (the others alike). */
    static SymbolicVerdict gradientStep(Gradient g) {
        return new Verdicts().add("∂ℓ/∂f_1 of ℓ = " + g.definition() + " is " + SymjaExprs.input(g.value())
                + " (each component alike)", SymjaProver.shared().proveEqual("D[" + g.definition() + ", f1]",
                        SymjaExprs.input(g.value()), Assumptions.none())).combined();
    }

    /**
     * The covariance of a = ∂ℓ/∂f under the model: E[a₁²] (the diagonal, a function of f₁) and E[a₁a₂]
     * (off the diagonal), computed by Symja; empty for models without a closed form here.
     *
     * @param diagonal    E[a₁²], with the model's parameters bound (s of the Gaussian)
     * @param symbolic    E[a₁²] from the joint distribution of both components, parameters symbolic
     * @param marginal    E[a₁²] from the distribution of y₁ alone (a second computation)
     * @param offDiagonal E[a₁ a₂]
     * @param how         how Symja computed them, for the certificate
     */
    record Covariance(IExpr diagonal, IExpr symbolic, IExpr marginal, IExpr offDiagonal, String how) {
    }

    static Optional<Covariance> covariance(StatisticalModel model, IExpr a1) {
        IExpr a2 = F.subst(a1, F.List(F.Rule(F.symbol("f1"), F.symbol("f2")), F.Rule(F.symbol("y1"), F.symbol("y2"))));
        SymjaEngine engine = SymjaEngine.shared();
        return switch (model) {
            case StatisticalModel.Gaussian g -> gaussian(engine, a1, a2, g.s());
            case StatisticalModel.Bernoulli b -> bernoulli(engine, a1, a2);
            case StatisticalModel.Categorical c -> Optional.empty();
        };
    }

    /** The moment generating function of y ~ N(f, s² I) with two components, and of one component. */
    private static final String GAUSSIAN_MGF = "E^(f1*u1 + f2*u2 + s^2*(u1^2 + u2^2)/2)";
    private static final String GAUSSIAN_MGF_1 = "E^(f1*u1 + s^2*u1^2/2)";

    private static Optional<Covariance> gaussian(SymjaEngine engine, IExpr a1, IExpr a2, double s) {
        Optional<IExpr> diag = expectationFromMgf(engine, F.Times(a1, a1), GAUSSIAN_MGF, 2);
        Optional<IExpr> marginal = expectationFromMgf(engine, F.Times(a1, a1), GAUSSIAN_MGF_1, 1);
        Optional<IExpr> off = expectationFromMgf(engine, F.Times(a1, a2), GAUSSIAN_MGF, 2);
        // seed 000's scalar form, one output component: E_y[((f − y) f)²]
        Optional<IExpr> scalar = expectationFromMgf(engine, F.Sqr(F.Times(a1, F.symbol("f1"))), GAUSSIAN_MGF_1, 1);
        if (diag.isEmpty() || off.isEmpty() || marginal.isEmpty()) {
            return Optional.empty();
        }
        Optional<IExpr> bound = engine.evaluate(F.ReplaceAll(diag.get(), F.Rule(F.symbol("s"), SymjaTerms.exact(s))))
                .asOptional();
        return bound.map(b -> new Covariance(b, diag.get(), marginal.get(), off.get(), "moments of y ~ N(f, s² I) from "
                + "its moment generating function " + GAUSSIAN_MGF + ": E[a_1²] = " + SymjaExprs.input(diag.get())
                + ", E[a_1 a_2] = " + SymjaExprs.input(off.get()) + scalar.map(v -> "; for one output, E_y[(a_1 f_1)²] = "
                        + SymjaExprs.input(v)).orElse("") + "; s = " + s + " for this loss"));
    }

    /**
     * E[p(y)] of a polynomial in y₁, …, y_n under the moment generating function M(u₁, …, u_n): each
     * monomial y₁^i y₂^j … becomes ∂^{i+j+…}M/∂u₁^i∂u₂^j… at u = 0.
     */
    static Optional<IExpr> expectationFromMgf(SymjaEngine engine, IExpr polynomial, String mgf, int n) {
        SymjaResult<IExpr> r = engine.run(session -> {
            IExpr[] ys = new IExpr[n];
            IExpr[] us = new IExpr[n];
            IExpr[] zero = new IExpr[n];
            for (int k = 0; k < n; k++) {
                ys[k] = F.symbol("y" + (k + 1));
                us[k] = F.symbol("u" + (k + 1));
                zero[k] = F.Rule(us[k], F.C0);
            }
            IAST rules = (IAST) session.eval(F.binaryAST2(S.CoefficientRules, F.Expand(polynomial), F.List(ys)));
            IExpr m = session.parse(mgf);
            var sum = F.PlusAlloc(8);
            for (int i = 1; i <= rules.argSize(); i++) {
                IAST rule = (IAST) rules.get(i);
                IAST powers = (IAST) rule.arg1();
                IExpr moment = m;
                for (int k = 0; k < n; k++) {
                    moment = F.D(moment, F.List(us[k], powers.get(k + 1)));
                }
                sum.append(F.Times(rule.arg2(), F.ReplaceAll(moment, F.List(zero))));
            }
            return session.eval(F.Simplify(sum));
        });
        return r.asOptional().filter(v -> SymjaExprs.unevaluatedOperation(v).isEmpty());
    }

    /** p(y_k = 1) = sigm(f_k), as Symja writes the derivative of the binary cross-entropy. */
    static final String BERNOULLI_MEAN = "E^f%1$d/(1 + E^f%1$d)";

    /**
     * E over independent y_k ∈ {0, 1} with p(y_k = 1) = p_k, by exact enumeration, computed in the mean
     * parameters p_k (rational in them, so Symja simplifies fast) and read back with p_k = e^{f_k}/(1 + e^{f_k}).
     */
    private static Optional<Covariance> bernoulli(SymjaEngine engine, IExpr a1, IExpr a2) {
        Optional<IExpr> p1 = engine.evaluate(String.format(BERNOULLI_MEAN, 1)).asOptional();
        Optional<IExpr> p2 = engine.evaluate(String.format(BERNOULLI_MEAN, 2)).asOptional();
        if (p1.isEmpty() || p2.isEmpty()) {
            return Optional.empty();
        }
        IExpr toMeans = F.List(F.Rule(p1.get(), F.symbol("p1")), F.Rule(p2.get(), F.symbol("p2")));
        Optional<IExpr> b1 = engine.evaluate(F.ReplaceAll(a1, toMeans)).asOptional();
        Optional<IExpr> b2 = engine.evaluate(F.ReplaceAll(a2, toMeans)).asOptional();
        if (b1.isEmpty() || b2.isEmpty() || SymjaExprs.freeSymbols(b1.get()).contains("f1")) {
            return Optional.empty();
        }
        String weight = "p1^y1*(1 - p1)^(1 - y1)*p2^y2*(1 - p2)^(1 - y2)";
        String c1 = SymjaExprs.input(b1.get());
        Optional<IExpr> diag = engine.evaluate("Factor[Sum[" + weight + "*(" + c1 + ")^2, {y1, 0, 1}, {y2, 0, 1}]]")
                .asOptional();
        Optional<IExpr> marginal = engine.evaluate("Factor[Sum[p1^y1*(1 - p1)^(1 - y1)*(" + c1 + ")^2, {y1, 0, 1}]]")
                .asOptional();
        Optional<IExpr> off = engine.evaluate("Simplify[Sum[" + weight + "*(" + c1 + ")*(" + SymjaExprs.input(b2.get())
                + "), {y1, 0, 1}, {y2, 0, 1}]]").asOptional();
        if (diag.isEmpty() || off.isEmpty() || marginal.isEmpty()) {
            return Optional.empty();
        }
        Optional<IExpr> inF = engine.evaluate(F.Simplify(F.ReplaceAll(diag.get(), F.Rule(F.symbol("p1"), p1.get()))))
                .asOptional();
        return inF.map(d -> new Covariance(d, diag.get(), marginal.get(), off.get(), "exact enumeration of y ∈ {0, 1}² "
                + "with p(y_k = 1) = p_k = e^{f_k}/(1 + e^{f_k}), a_1 = "
                + c1 + ": E[a_1²] = " + SymjaExprs.input(diag.get()) + ", E[a_1 a_2] = " + SymjaExprs.input(off.get())));
    }

    /**
     * The certificate of the covariance step: the diagonal from the joint distribution equals the one
     * from y₁'s own distribution (two computations), and the off-diagonal expectation is 0.
     */
    static SymbolicVerdict covarianceStep(Covariance c) {
        SymjaProver prover = SymjaProver.shared();
        return new Verdicts().add(c.how() + "; E[a_1²] from the joint distribution = from y_1's marginal",
                        prover.proveEqual(c.symbolic(), c.marginal(), Assumptions.of("s > 0")))
                .add("E[a_1 a_2] = 0 (independent components)", prover.proveEqual(c.offDiagonal(), F.C0,
                        Assumptions.none())).combined();
    }
}
