package org.neuromanifold.symbolic.derive.rfim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neuromanifold.core.expr.Expr;
import org.neuromanifold.core.model.ParameterGroup;
import org.neuromanifold.core.scalar.Term;
import org.neuromanifold.numeric.expr.ExprEvaluator;
import org.neuromanifold.symbolic.derive.DeriveRequest;
import org.neuromanifold.symbolic.derive.DerivedResult;
import org.neuromanifold.symbolic.symja.SymjaEngine;
import org.neuromanifold.symbolic.symja.SymjaExprs;

/**
 * The relative Fisher information of one layer with independent stochastic outputs (seed 003, §3.2,
 * appendices F and G), shared by {@code rfim-linear} and {@code rfim-layer}:
 *
 * <pre>
 * 𝓘(θ⁽⁰⁾) = diag(𝓘(w₁), …, 𝓘(w_m))                independent responses, a score has mean 0
 *         = diag(ν(⟨w₁, x̃⟩) x̃x̃ᵀ, …, ν(⟨w_m, x̃⟩) x̃x̃ᵀ)   rfim-neuron for each block (seed eq. 23)
 *         = diag(ν(z⁽⁰⁾)) ⊗ x̃x̃ᵀ                       the same for every width m
 * </pre>
 * with θ⁽⁰⁾ ordered neuron by neuron. Each step is proved entry by entry on a concrete layer (d = 1,
 * the chain's width m) and checked numerically on random layers of input dimension 1–3; the last
 * expression is cross-checked against the Fisher information from the seed's model on the tape.
 */
final class LayerDerivation {
    private LayerDerivation() {
    }

    /**
     * @param linearForm whether to add the seed's linear-layer form (1/s²) diag(x̃x̃ᵀ, …, x̃x̃ᵀ) (eq. 22)
     */
    static DerivedResult derive(String id, String title, ResponseModel model, int width, DeriveRequest request,
            boolean linearForm) {
        SymjaEngine.prepareThread();
        try {
            return chain(id, title, model, width, request, linearForm);
        } catch (RuntimeException e) {
            return Rfim.incomplete(id, title, model.activation().name(),
                    new Expr.FisherInformation(new ParameterGroup.Layer(0)), e);
        }
    }

    private static DerivedResult chain(String id, String title, ResponseModel model, int width, DeriveRequest request,
            boolean linearForm) {
        NeuronCoefficient nu = NeuronCoefficient.derive(model);
        List<RfimPoint> points = RfimPoint.random(request.seed(), request.points(),
                i -> StochasticNetwork.layer(1 + i % 3, width, model));
        SymbolicInstance instance = SymbolicInstance.of(StochasticNetwork.layer(1, width, model));
        String variant = model.activation().name();

        TensorChain chain = TensorChain.start(id, title, variant, points, Rfim.TOLERANCE,
                new Expr.FisherInformation(new ParameterGroup.Layer(0)), TensorChain.Order.layerInLayoutOrder(0), instance);
        chain.assume("response model of each output: " + model.description() + " at $u_i = \\langle w_i, \\tilde{x} "
                + "\\rangle$, the outputs independent given $x$");
        chain.assume("$\\theta^{(0)} = (w_1, \\ldots, w_m)$ stacked neuron by neuron, $w_i = (W_{i,:}, b_i)$ (the seed's "
                + "stacking of the columns of $W$); width $m = " + width + "$");
        if (!nu.constants().isEmpty()) {
            chain.assume("hyperparameters " + Rfim.valuesLatex(nu.constants()) + " (symbols in every proof)");
        }
        nu.gap().ifPresent(g -> chain.assume("incomplete coefficient: " + g));

        List<Expr> neuronFishers = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            neuronFishers.add(new Expr.FisherInformation(new ParameterGroup.Neuron(0, i)));
        }
        chain.stepOnInstance(new Expr.Diag(neuronFishers), TensorChain.Order.AS_IS, "independent responses: $\\ln p(y "
                + "\\mid W, x) = \\sum_i \\ln p(y_i \\mid w_i, x)$, so $\\nabla_{w_i} \\ln p$ depends on $y_i$ only and the "
                + "blocks $i \\ne j$ are $E[\\nabla_{w_i} \\ln p]\\,E[\\nabla_{w_j} \\ln p]^{\\top} = 0$ (a score has mean "
                + "0; seed eqs. 71--74)");
        // each block by rfim-neuron: its coefficient's definition (proved on the instance), then its stages
        List<NeuronCoefficient.Stage> stages = nu.stages();
        chain.stepOnInstance(blocks(nu, stages.get(0), width), TensorChain.Order.AS_IS, "rfim-neuron for each "
                + "block: chain rule $\\nabla_{w_i} \\ln p(y_i \\mid t) = \\partial_t \\ln p\\,\\tilde{x}$ at $t = "
                + "\\langle w_i, \\tilde{x} \\rangle$, then " + stages.get(0).rule());
        for (int k = 1; k < stages.size(); k++) {
            NeuronCoefficient.Stage previous = stages.get(k - 1);
            NeuronCoefficient.Stage stage = stages.get(k);
            chain.step(blocks(nu, stage, width), TensorChain.Order.AS_IS, stage.rule() + " (every block)",
                    () -> RfimNeuronDeriver.stageProof(nu, previous, stage));
        }
        Expr kron = new Expr.Kron(new Expr.Diag(List.of(Rfim.coefficient(nu, nu.result(), new Expr.PreActivation(0)))),
                Rfim.XX);
        chain.stepOnInstance(kron, TensorChain.Order.AS_IS, "$\\operatorname{diag}(a_1 B, \\ldots, a_m B) = "
                + "\\operatorname{diag}(a) \\otimes B$ with $a_i = \\nu_f(z^{(0)}_i)$, $z^{(0)}_i = \\langle w_i, "
                + "\\tilde{x} \\rangle$");
        if (linearForm) {
            Expr scale = new Expr.ScalarTerm(nu.term(nu.result()), Map.of(), nu.constants());
            List<Expr> blocks = new ArrayList<>();
            for (int i = 0; i < width; i++) {
                blocks.add(Rfim.XX);
            }
            chain.stepOnInstance(new Expr.Mul(scale, new Expr.Diag(blocks)), TensorChain.Order.AS_IS, "the coefficient is the constant "
                    + SymjaExprs.input(nu.result()) + ": the seed's form (eq. 22)");
        }

        ExprEvaluator evaluator = new ExprEvaluator();
        Expr result = chain.current();
        List<DerivedResult.CrossCheck> checks = new ArrayList<>();
        checks.add(Rfim.crossCheck("result vs the Fisher information from the seed's model on the tape (" + model
                .description() + " for each output independently; exact enumeration of the 2^m outcomes or the "
                + "two-point Gauss\u2013Hermite grid, scores by autodiff), neuron by neuron", points,
                p -> TensorChain.value(evaluator, p, result, TensorChain.Order.AS_IS),
                p -> Rfim.flat(DefinitionFisher.fisher(p.net(), p.theta(), p.x(), new ParameterGroup.Layer(0))),
                Rfim.TOLERANCE));
        return new DerivedResult(chain.build(), Optional.of(nu.resultInput()), checks,
                Optional.of(seedCheck(nu, model, points, evaluator, width, linearForm)));
    }

    /** diag(ν(⟨w₁, x̃⟩) x̃x̃ᵀ, …, ν(⟨w_m, x̃⟩) x̃x̃ᵀ) at one stage of the coefficient (seed eq. 23). */
    private static Expr blocks(NeuronCoefficient nu, NeuronCoefficient.Stage stage, int width) {
        List<Expr> blocks = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            blocks.add(new Expr.Mul(Rfim.coefficient(nu, stage.expression(), Rfim.firstLayerPre(i)), Rfim.XX));
        }
        return new Expr.Diag(blocks);
    }

    /**
     * The seed's eq. 23 (or 22) with the seed's own ν_f typed as stated, evaluated by the engine and compared
     * with the engine's Fisher information of the layer at the points.
     */
    private static DerivedResult.SeedFormulaCheck seedCheck(NeuronCoefficient nu, ResponseModel model,
            List<RfimPoint> points, ExprEvaluator evaluator, int width, boolean linearForm) {
        SeedCoefficients.Seed seed = SeedCoefficients.of(model.activation());
        if (seed == null) {
            return new DerivedResult.SeedFormulaCheck(false, "the seed states no coefficient for "
                    + model.activation().label());
        }
        Term seedNu = nu.term(Rfim.parse(seed.formula()));
        List<Expr> blocks = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            blocks.add(new Expr.Mul(new Expr.ScalarTerm(seedNu, Map.of(NeuronCoefficient.T, Rfim.firstLayerPre(i)),
                    nu.constants()), Rfim.XX));
        }
        Expr seedExpr = new Expr.Diag(blocks);
        Expr fisher = new Expr.FisherInformation(new ParameterGroup.Layer(0));
        var check = Rfim.crossCheck("", points, p -> TensorChain.value(evaluator, p, seedExpr, TensorChain.Order.AS_IS),
                p -> TensorChain.value(evaluator, p, fisher, TensorChain.Order.layerInLayoutOrder(0)), Rfim.TOLERANCE);
        String eq = linearForm ? "eq. 22, (1/\u03c3\u00b2) diag[x\u0303x\u0303\u1d40, \u2026, x\u0303x\u0303\u1d40]"
                : "eq. 23, diag[\u03bd_f(w\u2081, x) x\u0303x\u0303\u1d40, \u2026, \u03bd_f(w_m, x) x\u0303x\u0303\u1d40]";
        return new DerivedResult.SeedFormulaCheck(check.certificate().agrees(), "seed " + eq + " with \u03bd_f from "
                + seed.source() + " = " + seed.formula() + (check.certificate().agrees() ? " agrees with" : " DISAGREES with")
                + " the engine's Fisher information of the layer at " + check.certificate().points()
                + " random points (max relative difference " + String.format(java.util.Locale.ROOT, "%.3g",
                        check.certificate().maxRelError()) + ")");
    }
}
