package org.neuromanifold.symbolic.derive.rfim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import org.neuromanifold.core.activation.Activation;
import org.neuromanifold.core.activation.SmoothPrelu;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;
import org.neuromanifold.core.scalar.Fn;
import org.neuromanifold.core.scalar.Term;
import org.neuromanifold.symbolic.symja.Assumptions;
import org.neuromanifold.symbolic.symja.SymbolTable;
import org.neuromanifold.symbolic.symja.SymjaEngine;
import org.neuromanifold.symbolic.symja.SymjaExprs;
import org.neuromanifold.symbolic.symja.SymjaResult;
import org.neuromanifold.symbolic.symja.SymjaTerms;
import org.neuromanifold.symbolic.symja.TermSubstitution;

/**
 * The Fisher coefficient ν_f(t) of one stochastic neuron, E_y[(∂_t ln p(y | t))²], derived by Symja from
 * the neuron's statistical model and the activation's symbolic form (seed 003, §3.1 and appendices B–E):
 *
 * <ol>
 * <li>the definition: for a Bernoulli neuron the weighted sum Σ_y p(y|t) (∂_t ln p(y|t))² over both
 * outcomes, each derivative taken by {@code D}; for a Gaussian neuron y ~ N(μ(t), s²) the derivative of
 * the log-density squared, expanded in y, with the Gaussian moments (from the moment generating
 * function) substituted;</li>
 * <li>the general form: (∂_t p⁺)²/(p⁺p⁻) for a Bernoulli neuron (seed eq. 46), μ'(t)²/s² for a Gaussian
 * one (eq. 58), μ' by {@code D} of the activation;</li>
 * <li>the closed form: {@code Simplify}, and for an activation with a kink the case split t &lt; 0 /
 * t &gt; 0 (the coefficient is undefined at t = 0 unless both sides agree there);</li>
 * <li>for the smoothed PReLU ω ln(e^{ιt/ω} + e^{t/ω}) also the seed's sigmoid form (eqs. 18, 41), from
 * the derivative of a log-sum-exp, d/dt ln(e^A + e^B) = A' + (B' − A') sigm(B − A), with A, B, their
 * derivatives and B − A computed by Symja.</li>
 * </ol>
 * Every stage is produced by Symja; the derivers certify each stage against the previous one.
 *
 * @param activation the activation
 * @param model      the neuron's response model
 * @param table      Symja names of t and the hyperparameters
 * @param stages     the stages in order, consecutive duplicates removed
 * @param oneSided   for a kinked activation, the coefficient's limits from below and above at t = 0
 * @param millis     wall-clock milliseconds per stage, in order
 * @param gap        when Symja could not produce a stage: which, and why (the stages stop there)
 * @param slope      the activation's derivative σ'(t), by Symja's D of its symbolic form
 */
public record NeuronCoefficient(Activation activation, ResponseModel model, SymbolTable table, List<Stage> stages,
        Optional<IExpr[]> oneSided, Map<String, Long> millis, Optional<String> gap, IExpr slope) {

    /** The variable of the coefficient. */
    public static final String T = "t";

    /**
     * One stage of the derivation of ν_f.
     *
     * @param expression the coefficient at this stage (Symja)
     * @param rule       how it was obtained from the previous stage
     * @param claim      when not null, the derivatives {@code claim[0] = claim[1]} whose squares over s² are
     *                   the previous stage and this one: proving them equal proves the stages equal;
     *                   null to prove the two stages equal directly
     */
    public record Stage(IExpr expression, String rule, IExpr[] claim) {
        Stage(IExpr expression, String rule) {
            this(expression, rule, null);
        }
    }

    /** Derives ν_f for activation {@code a} with the response model {@link ResponseModel#of}(a, s). */
    public static NeuronCoefficient derive(Activation a, double s) {
        return derive(ResponseModel.of(a, s));
    }

    /** Derives ν_f for a Bernoulli or Gaussian response model. */
    public static NeuronCoefficient derive(ResponseModel model) {
        return new Builder(model).build();
    }

    /** The final closed form. */
    public IExpr result() {
        return stages.get(stages.size() - 1).expression();
    }

    /** The final closed form in Symja input syntax (in the symbol {@code t}). */
    public String resultInput() {
        return SymjaExprs.input(result());
    }

    /** A stage's expression as a core term in {@code t} and the hyperparameters. */
    public Term term(IExpr e) {
        return SymjaTerms.toTerm(e, table);
    }

    /** The numbers of the hyperparameter symbols: ι, ω, α of the activation and s of a Gaussian response. */
    public Map<String, Double> constants() {
        Map<String, Double> c = new LinkedHashMap<>(activation.hyperparameters());
        if (model instanceof ResponseModel.Gaussian g) {
            c.put(SymbolicInstance.NOISE, g.s());
        }
        return c;
    }

    /** The hypotheses of the proofs on the hyperparameter symbols. */
    public Assumptions assumptions() {
        List<String> out = new ArrayList<>();
        for (String h : constants().keySet()) {
            out.add(h.equals("iota") ? "0 <= iota < 1" : table.symjaName(h) + " > 0");
        }
        return Assumptions.of(out);
    }

    /** Builds the stages; one instance per derivation, on a thread prepared for Symja. */
    private static final class Builder {
        private final ResponseModel model;
        private final Activation activation;
        private final SymjaEngine engine = SymjaEngine.shared();
        private final SymbolTable table = SymbolTable.create();
        private final ISymbol t;
        private final List<Stage> stages = new ArrayList<>();
        private final Map<String, Long> millis = new LinkedHashMap<>();
        private IExpr[] oneSided;
        private IExpr simplifiedDerivative;

        Builder(ResponseModel model) {
            if (model instanceof ResponseModel.Categorical) {
                throw new SpecificationException(ErrorCode.UNSUPPORTED, "response",
                        "response: a categorical layer has no single-neuron coefficient (see rfim-softmax)");
            }
            this.model = model;
            this.activation = model.activation();
            this.t = F.symbol(table.symjaName(T));
        }

        NeuronCoefficient build() {
            IExpr sigma = SymjaTerms.toSymja(TermSubstitution.substitute(activation.symbolic(),
                    Map.of(Activation.VARIABLE, Term.variable(T))), table);
            String gap = null;
            IExpr slope = value("slope", F.D(sigma, t));
            try {
                switch (model) {
                    case ResponseModel.Gaussian g -> gaussian(sigma);
                    default -> bernoulli(sigma);
                }
                if (activation instanceof SmoothPrelu) {
                    sigmoidForm();
                }
            } catch (SpecificationException e) {
                gap = e.getMessage();
            }
            if (stages.isEmpty()) {
                throw new SpecificationException(ErrorCode.UNSUPPORTED, "coefficient",
                        "the coefficient of " + activation.label() + ": Symja produced no stage (" + gap + ")");
            }
            return new NeuronCoefficient(activation, model, table, List.copyOf(stages), Optional.ofNullable(oneSided),
                    Map.copyOf(millis), Optional.ofNullable(gap), slope);
        }

        /** p⁺ = (1 + tanh t)/2 or sigm(t), p⁻ = 1 − p⁺. */
        private void bernoulli(IExpr sigma) {
            IExpr plus = model instanceof ResponseModel.TanhBernoulli ? F.Times(F.C1D2, F.Plus(F.C1, sigma)) : sigma;
            IExpr minus = model instanceof ResponseModel.TanhBernoulli ? F.Times(F.C1D2, F.Subtract(F.C1, sigma))
                    : F.Subtract(F.C1, sigma);
            IExpr definition = value("definition", F.Plus(
                    F.Times(plus, F.Power(F.D(F.Log(plus), t), F.C2)),
                    F.Times(minus, F.Power(F.D(F.Log(minus), t), F.C2))));
            add(definition, "definition of the Fisher information: $E_y[(\\partial_t \\ln p)^2] = \\sum_y p(y \\mid t)\\,"
                    + "(\\partial_t \\ln p(y \\mid t))^2$ over both outcomes, each derivative by Symja's D");
            IExpr general = value("general form", F.Divide(F.Power(F.D(plus, t), F.C2), F.Times(plus, minus)));
            add(general, "general Bernoulli form $(\\partial_t p^{+})^2/(p^{+} p^{-})$, since "
                    + "$\\partial_t p^{-} = -\\partial_t p^{+}$ (seed eq. 46)");
            add(value("closed form", F.Simplify(definition)), "Simplify");
        }

        /** y ~ N(μ(t), s²), ln p = −(y − μ)²/(2s²) − ln s − ln(2π)/2. */
        private void gaussian(IExpr mu) {
            ISymbol s = F.symbol(table.symjaName(SymbolicInstance.NOISE));
            ISymbol y = F.symbol("yResponse");
            IExpr lnp = F.Subtract(F.Times(F.CN1D2, F.Power(F.Subtract(y, mu), F.C2), F.Power(s, F.CN2)),
                    F.Plus(F.Log(s), F.Times(F.C1D2, F.Log(F.Times(F.C2, S.Pi)))));
            IExpr score = value("score", F.D(lnp, t));
            long t0 = System.nanoTime();
            IExpr definition = new GaussianMoments(engine).expectation(F.Power(score, F.C2), new IExpr[] {y},
                    new IExpr[] {mu}, s);
            millis.put("definition", (System.nanoTime() - t0) / 1_000_000);
            add(definition, "definition of the Fisher information: $E_y[(\\partial_t \\ln p)^2]$ with "
                    + "$\\partial_t \\ln p$ by D of the Gaussian log-density, $y = \\mu + \\varepsilon$ expanded in "
                    + "$\\varepsilon$, $E[\\varepsilon] = 0$, $E[\\varepsilon^2] = s^2$ (moments from the generating "
                    + "function $e^{s^2\\tau^2/2}$)");
            IExpr derivative = value("derivative", F.D(mu, t));
            IExpr general = value("general form", F.Divide(F.Power(derivative, F.C2), F.Power(s, F.C2)));
            add(general, "general Gaussian form $\\mu'(t)^2/s^2$ (seed eq. 58), $\\mu'$ by Symja's D");
            if (SymjaExprs.containsHead(general, S.Piecewise)) {
                IExpr negative = value("case t < 0", F.Simplify(general, F.Less(t, F.C0)));
                IExpr positive = value("case t > 0", F.Simplify(general, F.Greater(t, F.C0)));
                add(value("case split", F.Piecewise(F.list(F.list(negative, F.Less(t, F.C0))), positive)),
                        "case split $t < 0$ / $t > 0$, each by Simplify under the case's assumption (at $t = 0$ the "
                                + "activation has a kink and the coefficient is not defined)");
                oneSided = new IExpr[] {value("limit from below", F.Simplify(F.ReplaceAll(negative, F.Rule(t, F.C0)))),
                        value("limit from above", F.Simplify(F.ReplaceAll(positive, F.Rule(t, F.C0))))};
            } else {
                simplifiedDerivative = value("closed form", F.Simplify(derivative));
                if (!simplifiedDerivative.equals(derivative)) {
                    add(value("closed form", F.Divide(F.Power(simplifiedDerivative, F.C2), F.Power(s, F.C2))),
                            "Simplify of $\\mu'$", derivative, simplifiedDerivative);
                }
            }
        }

        /**
         * The smoothed PReLU's coefficient in the seed's form: μ = c ln(e^A + e^B) gives
         * μ' = cA' + c(B' − A') sigm(B − A).
         */
        private void sigmoidForm() {
            Term sym = activation.symbolic();
            if (!(sym instanceof Term.Product p && p.factors().size() == 2 && p.factors().get(1) instanceof Term.Apply log
                    && log.fn() == Fn.LOG && log.argument() instanceof Term.Sum sum && sum.terms().size() == 2
                    && sum.terms().get(0) instanceof Term.Apply ea && ea.fn() == Fn.EXP
                    && sum.terms().get(1) instanceof Term.Apply eb && eb.fn() == Fn.EXP)) {
                throw new SpecificationException(ErrorCode.UNSUPPORTED, "prelu-smooth",
                        "prelu-smooth: expected the symbolic form c·ln(exp(A) + exp(B)), got " + sym);
            }
            Map<String, Term> toT = Map.of(Activation.VARIABLE, Term.variable(T));
            IExpr c = SymjaTerms.toSymja(TermSubstitution.substitute(p.factors().get(0), toT), table);
            IExpr a = SymjaTerms.toSymja(TermSubstitution.substitute(ea.argument(), toT), table);
            IExpr b = SymjaTerms.toSymja(TermSubstitution.substitute(eb.argument(), toT), table);
            IExpr slopeA = value("c A'", F.Simplify(F.Times(c, F.D(a, t))));
            IExpr slopeBA = value("c (B' - A')", F.Simplify(F.Times(c, F.Subtract(F.D(b, t), F.D(a, t)))));
            IExpr gap = value("B - A", F.Simplify(F.Subtract(b, a)));
            ISymbol s = F.symbol(table.symjaName(SymbolicInstance.NOISE));
            IExpr derivative = F.Plus(slopeA, F.Times(slopeBA, F.LogisticSigmoid(gap)));
            add(value("sigmoid form", F.Divide(F.Power(derivative, F.C2), F.Power(s, F.C2))),
                    "derivative of a log-sum-exp: $\\mu = c \\ln(e^A + e^B)$ gives $\\mu' = cA' + c(B' - A')\\,"
                            + "\\operatorname{sigm}(B - A)$, with $cA'$, $c(B' - A')$ and $B - A$ by Symja (the seed's "
                            + "form, eqs. 18 and 41)", simplifiedDerivative, derivative);
        }

        /** Adds a stage; one equal to the previous stage only adds its rule to that stage's. */
        private void add(IExpr e, String rule) {
            if (!stages.isEmpty() && stages.get(stages.size() - 1).expression().equals(e)) {
                Stage last = stages.remove(stages.size() - 1);
                stages.add(new Stage(last.expression(), last.rule() + "; this is already the " + rule, last.claim()));
                return;
            }
            stages.add(new Stage(e, rule));
        }

        /** A stage whose equality with the previous one follows from μ'_previous = μ'_this (both squared over s²). */
        private void add(IExpr e, String rule, IExpr previousDerivative, IExpr derivative) {
            if (!stages.isEmpty() && stages.get(stages.size() - 1).expression().equals(e)) {
                return;
            }
            stages.add(new Stage(e, rule, new IExpr[] {previousDerivative, derivative}));
        }

        private IExpr value(String stage, IExpr e) {
            long t0 = System.nanoTime();
            SymjaResult<IExpr> r = engine.evaluate(e);
            millis.merge(stage, (System.nanoTime() - t0) / 1_000_000, Long::sum);
            if (r instanceof SymjaResult.Undecided<IExpr> u) {
                throw new SpecificationException(ErrorCode.UNSUPPORTED, stage,
                        "the " + stage + " of the coefficient of " + activation.label() + ": Symja gave no value ("
                                + u.explanation() + ")");
            }
            return r.valueOrThrow();
        }
    }
}
