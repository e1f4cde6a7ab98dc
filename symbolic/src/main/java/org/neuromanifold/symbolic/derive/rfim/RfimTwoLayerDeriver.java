package org.neuromanifold.symbolic.derive.rfim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.neuromanifold.core.activation.Activation;
import org.neuromanifold.core.activation.Activations;
import org.neuromanifold.core.expr.Expr;
import org.neuromanifold.core.model.ParameterGroup;
import org.neuromanifold.core.result.SymbolicOutcome;
import org.neuromanifold.core.result.SymbolicVerdict;
import org.neuromanifold.core.scalar.Term;
import org.neuromanifold.numeric.expr.ExprEvaluator;
import org.neuromanifold.symbolic.derive.DeriveRequest;
import org.neuromanifold.symbolic.derive.DerivedResult;
import org.neuromanifold.symbolic.derive.Deriver;
import org.neuromanifold.symbolic.symja.Assumptions;
import org.neuromanifold.symbolic.symja.SymjaEngine;
import org.neuromanifold.symbolic.symja.SymjaExprs;
import org.neuromanifold.symbolic.symja.SymjaProver;
import org.neuromanifold.symbolic.symja.SymjaTerms;

/**
 * {@code rfim-two-layer}: the relative Fisher information of the first layer W of a two-layer block
 * h = f(W x̃), outputs y_l independent with mean f(c_lᵀh) (Bernoulli for tanh and sigmoid, Gaussian
 * N(f(u), s²) otherwise), x and C held as reference (seed 003, §3.3, appendix I). Derived from the
 * definition:
 *
 * <pre>
 * 𝓘(θ⁽⁰⁾) = Σ_l ν_f(u_l) ∇u_l ∇u_lᵀ                           independent outputs, u_l = c_lᵀh (rfim-neuron)
 *         = Σ_l ν_f(u_l) (a_l ⊗ x̃)(a_l ⊗ x̃)ᵀ,  a_l = c_l ⊙ f'(z⁽⁰⁾)   chain rule ∂u_l/∂w_i = c_il f'(z_i) x̃
 *         = (Σ_l ν_f(u_l) a_l a_lᵀ) ⊗ x̃x̃ᵀ                       G_ij = Σ_l c_il c_jl ν_f(u_l) f'(z_i) f'(z_j) x̃x̃ᵀ
 * </pre>
 * The seed's eqs. 26/81 write ν_f(w_i, x) where the definition has f'(z_i) = ∂h_i/∂(w_iᵀx̃); the seed
 * formula check evaluates that literal formula against the engine and decides symbolically when it
 * agrees: exactly when ν_f(t) = f'(t) for all t (ν_f ≥ 0 and f' ≥ 0 for every activation here), which
 * holds for tanh and sigmoid (ν = f'), and for the Gaussian identity and ReLU only when s = 1.
 *
 * <p>Steps are proved entry by entry on a concrete block (d = 1, D_h = 2, D_y = 2) and checked
 * numerically on random blocks with d ∈ {1, 2}, D_h ∈ {2, 3} and D_y = {@code outputs} (default 2).
 */
public final class RfimTwoLayerDeriver implements Deriver {
    @Override
    public String id() {
        return "rfim-two-layer";
    }

    @Override
    public List<String> variants() {
        return Activations.NAMES;
    }

    /**
     * The smooth PReLU's log-sum-exp with two hyperparameters gives the largest expressions of the two-layer
     * block (about four times the cheap variants on this project's reference machine), sigmoid and softplus
     * about twice.
     */
    @Override
    public int relativeCost(String variant) {
        return switch (variant) {
            case "prelu-smooth" -> 4;
            case "sigmoid", "softplus" -> 2;
            default -> 1;
        };
    }

    /** Every variant is its own instance of the theorem, so the catalogue runs them all. */
    @Override
    public List<String> catalogueVariants() {
        return variants();
    }

    @Override
    public DerivedResult derive(DeriveRequest request) {
        Rfim.allowOnly(request, Set.of("iota", "omega", "alpha", "s", "outputs"));
        Activation f = Rfim.activation(request, "tanh");
        int outputs = Rfim.intOption(request, "outputs", 2, 1, 3);
        ResponseModel model = ResponseModel.of(f, Rfim.noise(request));
        SymjaEngine.prepareThread();
        try {
            return derive(request, f, outputs, model);
        } catch (RuntimeException e) {
            return Rfim.incomplete(id(), "Relative Fisher information of a " + f.name() + " two-layer block", f.name(),
                    new Expr.FisherInformation(new ParameterGroup.Layer(0)), e);
        }
    }

    private DerivedResult derive(DeriveRequest request, Activation f, int outputs, ResponseModel model) {
        NeuronCoefficient nu = NeuronCoefficient.derive(model);
        List<RfimPoint> points = RfimPoint.random(request.seed(), request.points(),
                i -> StochasticNetwork.twoLayer(1 + i % 2, 2 + (i / 2) % 2, outputs, model));
        SymbolicInstance instance = SymbolicInstance.withSymbolicOutputs(StochasticNetwork.twoLayer(1, 2, 2, model));

        TensorChain chain = TensorChain.start(id(), "Relative Fisher information of a " + f.name() + " two-layer block",
                f.name(), points, Rfim.TOLERANCE, new Expr.FisherInformation(new ParameterGroup.Layer(0)),
                TensorChain.Order.layerInLayoutOrder(0), instance);
        chain.assume("$h = f(z^{(0)})$, $z^{(0)} = W\\tilde{x}$, outputs $u = C h$ ($u_l = c_l^{\\top} h$, no bias), "
                + "each $y_l$: " + model.description() + " at $u_l$, independent given $x$; $x$ and $C$ held as "
                + "reference, $f$ = " + f.name());
        chain.assume("$\\theta^{(0)} = (w_1, \\ldots, w_{D_h})$ stacked neuron by neuron, $w_i = (W_{i,:}, b_i)$; "
                + "$D_y = " + outputs + "$ (the proofs use $d = 1$, $D_h = D_y = 2$)");
        if (!nu.constants().isEmpty()) {
            chain.assume("hyperparameters " + Rfim.valuesLatex(nu.constants()) + " (symbols in every proof)");
        }
        List<NeuronCoefficient.Stage> stages = nu.stages();
        chain.stepOnInstance(scoreForm(nu, stages.get(0).expression(), outputs), TensorChain.Order.layerInLayoutOrder(0),
                "independent outputs: $\\ln p(y) = \\sum_l \\ln p(y_l \\mid u_l)$, so $\\nabla_W \\ln p = \\sum_l "
                        + "\\partial_{u_l} \\ln p(y_l \\mid u_l)\\,\\nabla_W u_l$, the cross terms $l \\ne k$ vanish (a score has "
                        + "mean 0) and $E[(\\partial_u \\ln p)^2]$ is the neuron coefficient: " + stages.get(0).rule());
        for (int k = 1; k < stages.size(); k++) {
            NeuronCoefficient.Stage previous = stages.get(k - 1);
            NeuronCoefficient.Stage stage = stages.get(k);
            chain.step(scoreForm(nu, stage.expression(), outputs), TensorChain.Order.layerInLayoutOrder(0),
                    stage.rule() + " (every output)", () -> RfimNeuronDeriver.stageProof(nu, previous, stage));
        }
        Term slope = nu.term(nu.slope());
        chain.stepOnInstance(chainRuleForm(nu, slope, outputs, false), TensorChain.Order.AS_IS,
                "chain rule: $\\partial u_l / \\partial w_i = c_{il} f'(z^{(0)}_i)\\,\\tilde{x}$, so $\\nabla_W u_l = a_l "
                        + "\\otimes \\tilde{x}$ with $a_l = c_l \\odot f'(z^{(0)})$ and $f'(t)$ = " + SymjaExprs.input(nu.slope())
                        + " (D of the activation)");
        Expr result = chainRuleForm(nu, slope, outputs, true);
        chain.stepOnInstance(result, TensorChain.Order.AS_IS, "$(a \\otimes \\tilde{x})(a \\otimes \\tilde{x})^{\\top} = "
                + "a a^{\\top} \\otimes \\tilde{x}\\tilde{x}^{\\top}$: block $G_{ij} = \\sum_l c_{il} c_{jl} \\nu_f(u_l) "
                + "f'(z_i) f'(z_j)\\,\\tilde{x}\\tilde{x}^{\\top}$");

        ExprEvaluator evaluator = new ExprEvaluator();
        List<DerivedResult.CrossCheck> checks = new ArrayList<>();
        checks.add(Rfim.crossCheck("result vs the Fisher information of W from the seed's model on the tape (" + model
                .description() + " for each output; exact enumeration or two-point Gauss\u2013Hermite, scores by "
                + "autodiff through both layers), neuron by neuron", points,
                p -> TensorChain.value(evaluator, p, result, TensorChain.Order.AS_IS),
                p -> Rfim.flat(DefinitionFisher.fisher(p.net(), p.theta(), p.x(), new ParameterGroup.Layer(0))),
                Rfim.TOLERANCE));
        return new DerivedResult(chain.build(), Optional.empty(), checks,
                Optional.of(seedCheck(nu, f, outputs, points, evaluator)));
    }

    /** u_l = [z⁽¹⁾]_l. */
    private static Expr output(int l) {
        return new Expr.Component(new Expr.PreActivation(1), l);
    }

    /** Σ_l ν(u_l) ∇_{θ⁽⁰⁾}u_l ∇_{θ⁽⁰⁾}u_lᵀ at one stage of ν (gradients in layout order). */
    private static Expr scoreForm(NeuronCoefficient nu, IExpr stage, int outputs) {
        Expr sum = null;
        for (int l = 0; l < outputs; l++) {
            Expr g = new Expr.Grad(output(l), new Expr.WrtParams(new ParameterGroup.Layer(0)));
            Expr term = new Expr.Mul(Rfim.coefficient(nu, stage, output(l)), new Expr.Outer(g, g));
            sum = sum == null ? term : new Expr.Add(sum, term);
        }
        return sum;
    }

    /** a_l = c_l ⊙ σ(z⁽⁰⁾) for a slope term σ (f' for the definition, ν_f for the seed's formula). */
    private static Expr hiddenFactor(Term slope, Map<String, Double> constants, int l) {
        return new Expr.Mul(new Expr.Params(new ParameterGroup.Neuron(1, l)),
                new Expr.ScalarTerm(slope, Map.of(NeuronCoefficient.T, new Expr.PreActivation(0)), constants));
    }

    /**
     * Σ_l ν(u_l) (a_l ⊗ x̃)(a_l ⊗ x̃)ᵀ, or with {@code factored} (Σ_l ν(u_l) a_l a_lᵀ) ⊗ x̃x̃ᵀ, with
     * a_l = c_l ⊙ slope(z⁽⁰⁾).
     */
    private static Expr chainRuleForm(NeuronCoefficient nu, Term slope, int outputs, boolean factored) {
        Expr sum = null;
        for (int l = 0; l < outputs; l++) {
            Expr a = hiddenFactor(slope, nu.constants(), l);
            Expr coefficient = Rfim.coefficient(nu, nu.result(), output(l));
            Expr term = factored ? new Expr.Mul(coefficient, new Expr.Outer(a, a))
                    : new Expr.Mul(coefficient, new Expr.Outer(new Expr.Kron(a, Rfim.XT), new Expr.Kron(a, Rfim.XT)));
            sum = sum == null ? term : new Expr.Add(sum, term);
        }
        return factored ? new Expr.Kron(sum, Rfim.XX) : sum;
    }

    /**
     * The seed's eqs. 26/81 literally — ν_f(w_i, x) (the seed's own neuron coefficient, typed as the design
     * page states it) in place of f'(z_i) — against the engine, and when they agree symbolically.
     */
    private static DerivedResult.SeedFormulaCheck seedCheck(NeuronCoefficient nu, Activation f, int outputs,
            List<RfimPoint> points, ExprEvaluator evaluator) {
        SeedCoefficients.Seed seed = SeedCoefficients.of(f);
        if (seed == null) {
            return new DerivedResult.SeedFormulaCheck(false, "the seed states no coefficient for " + f.label());
        }
        IExpr seedNu = Rfim.parse(seed.formula());
        Term seedTerm = nu.term(seedNu);
        Expr sum = null;
        for (int l = 0; l < outputs; l++) {
            Expr b = hiddenFactor(seedTerm, nu.constants(), l);
            Expr outer = new Expr.ScalarTerm(seedTerm, Map.of(NeuronCoefficient.T, output(l)), nu.constants());
            Expr term = new Expr.Mul(outer, new Expr.Outer(b, b));
            sum = sum == null ? term : new Expr.Add(sum, term);
        }
        Expr seedExpr = new Expr.Kron(sum, Rfim.XX);
        Expr fisher = new Expr.FisherInformation(new ParameterGroup.Layer(0));
        List<double[]> seedValues = new ArrayList<>();
        List<double[]> fisherValues = new ArrayList<>();
        for (RfimPoint p : points) {
            seedValues.add(TensorChain.value(evaluator, p, seedExpr, TensorChain.Order.AS_IS));
            fisherValues.add(TensorChain.value(evaluator, p, fisher, TensorChain.Order.layerInLayoutOrder(0)));
        }
        var cert = org.neuromanifold.symbolic.derive.NumericComparison.compare(
                org.neuromanifold.core.expr.Relation.EQ, fisherValues, seedValues, Rfim.TOLERANCE);
        // the criterion ν_f(t) = f'(t), at this variant's hyperparameters and for general ones
        Map<String, Double> values = nu.constants();
        SymbolicVerdict atValues = SymjaProver.shared().proveEqual(bind(seedNu, nu, values), bind(nu.slope(), nu, values),
                Assumptions.none());
        SymbolicVerdict general = SymjaProver.shared().proveEqual(seedNu, nu.slope(), nu.assumptions());
        boolean agrees = cert.agrees() && atValues.outcome() != SymbolicOutcome.REFUTED;
        StringBuilder detail = new StringBuilder("seed eqs. 26/81, G_ij = \u03a3_l c_il c_jl \u03bd_f(c_l, h) \u03bd_f(w_i, x) "
                + "\u03bd_f(w_j, x) x\u0303x\u0303\u1d40 with \u03bd_f = " + seed.formula() + " (" + seed.source() + "), ");
        detail.append(agrees ? "agrees with" : "DISAGREES with").append(" the engine's Fisher information of W at ")
                .append(cert.points()).append(" random blocks (max relative difference ")
                .append(String.format(Locale.ROOT, "%.3g", cert.maxRelError()));
        if (!cert.agrees()) {
            detail.append("; counterexample: ").append(worst(points, fisherValues, seedValues));
        }
        detail.append("). It agrees with the definition exactly when \u03bd_f(t) = f'(t) = ")
                .append(SymjaExprs.input(nu.slope())).append(" for all t: at ").append(values.isEmpty() ? "this variant"
                        : "the values " + values).append(" this is ").append(atValues.outcome().word()).append(" (")
                .append(atValues.detail()).append("); for general hyperparameters ").append(general.outcome().word())
                .append(" (").append(general.detail()).append(')');
        return new DerivedResult.SeedFormulaCheck(agrees, detail.toString());
    }

    /** {@code e} with the hyperparameter symbols replaced by their exact values. */
    private static IExpr bind(IExpr e, NeuronCoefficient nu, Map<String, Double> values) {
        var rules = F.ListAlloc(values.size());
        values.forEach((k, v) -> rules.append(F.Rule(F.symbol(nu.table().symjaName(k)), SymjaTerms.exact(v))));
        return SymjaEngine.shared().evaluate(F.ReplaceAll(e, rules)).asOptional().orElse(e);
    }

    /** The point where the seed's formula is farthest from the engine's Fisher information. */
    private static String worst(List<RfimPoint> points, List<double[]> a, List<double[]> b) {
        int best = 0;
        double worst = -1;
        int entry = 0;
        for (int p = 0; p < points.size(); p++) {
            for (int i = 0; i < a.get(p).length; i++) {
                double d = Math.abs(a.get(p)[i] - b.get(p)[i]);
                if (d > worst) {
                    worst = d;
                    best = p;
                    entry = i;
                }
            }
        }
        RfimPoint p = points.get(best);
        return String.format(Locale.ROOT, "widths %s, theta = %s, x = %s: entry %d is %.6g by the definition and %.6g by "
                + "the seed's formula", java.util.Arrays.toString(p.net().declared().widths()),
                java.util.Arrays.toString(p.theta()), java.util.Arrays.toString(p.x()), entry, a.get(best)[entry],
                b.get(best)[entry]);
    }
}
