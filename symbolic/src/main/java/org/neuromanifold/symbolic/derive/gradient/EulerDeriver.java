package org.neuromanifold.symbolic.derive.gradient;

import static org.neuromanifold.core.expr.Exprs.depth;
import static org.neuromanifold.core.expr.Exprs.directionalLayer;
import static org.neuromanifold.core.expr.Exprs.layerSum;
import static org.neuromanifold.core.expr.Exprs.output;
import static org.neuromanifold.core.expr.Exprs.plus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.matheclipse.core.interfaces.IExpr;
import org.neuromanifold.core.activation.Relu;
import org.neuromanifold.core.catalogue.Catalogue;
import org.neuromanifold.core.catalogue.CatalogueIdentities;
import org.neuromanifold.core.expr.Expr;
import org.neuromanifold.core.expr.Expr.LayerQuantity;
import org.neuromanifold.core.expr.Relation;
import org.neuromanifold.core.model.Network;
import org.neuromanifold.core.model.ParameterGroup;
import org.neuromanifold.core.result.Derivation;
import org.neuromanifold.core.result.Formula;
import org.neuromanifold.core.result.SymbolicOutcome;
import org.neuromanifold.core.result.SymbolicVerdict;
import org.neuromanifold.numeric.expr.ExprEvaluator;
import org.neuromanifold.symbolic.derive.DeriveRequest;
import org.neuromanifold.symbolic.derive.DerivedResult;
import org.neuromanifold.symbolic.derive.Deriver;
import org.neuromanifold.symbolic.symja.SymjaEngine;
import org.neuromanifold.symbolic.symja.SymjaExprs;
import org.neuromanifold.symbolic.symja.SymjaResult;

/**
 * {@code euler}: ⟨∇_θ f_θ(x), θ⟩ = (L + 1) f_θ(x) for a bias-free network whose activations satisfy
 * σ(z) = σ'(z) z (seed 000, Lemma 2.1), for any depth L and widths, per output component, almost
 * everywhere. With O⁰ = x, z^t = W^t O^t, O^{t+1} = σ(z^t), f = O^{L+1}, the chain is
 * <pre>
 * ⟨∇_θ f, θ⟩ = Σ_t ⟨∇_{W^t} f, W^t⟩       θ = (W⁰, …, W^L)
 *            = Σ_t ⟨∂f/∂z^t, z^t⟩         chain rule, z^t linear in W^t
 *            = Σ_t ⟨∂f/∂O^{t+1}, O^{t+1}⟩ σ'(z)z = σ(z)
 *            = Σ_t f                      induction over the layers above t
 *            = (L + 1) f                  Σ over L + 1 layers
 * </pre>
 * Every expression is a tensor-level {@link Expr} built here, evaluated by the numeric engine on random
 * networks of depths 0–3 (request options {@code depth} and {@code width} set the largest depth and
 * width; these are the numeric certificates); the symbolic certificates are Symja lemmas
 * ({@link EulerLemmas}) — the inductive step from σ'(z) z = σ(z), refuted for tanh, sigmoid, ELU,
 * softplus and smoothed PReLU, and refuted with biases (the bias breaks the homogeneity of z^s in
 * O^s). The seed's formula is also proved outright on a concrete 2-2-1 network, and for ReLU on a
 * 2-2-2-1 network too ({@link #seedCheck}).
 *
 * <p>Variants: an activation name (default {@code relu}), optionally {@code +bias} (every layer gets a
 * bias; then θ also holds the b^t, the first two steps include them, and the inductive step fails).
 */
public final class EulerDeriver implements Deriver {
    /** Relative tolerance of the numeric certificates: a few hundred rounded operations on values of order 1. */
    static final double TOLERANCE = 1e-9;
    /** The concrete networks (widths) of the seed-formula check. */
    static final List<int[]> SEED_CHECK_WIDTHS = List.of(new int[] {2, 2, 1}, new int[] {2, 2, 2, 1});

    @Override
    public String id() {
        return "euler";
    }

    @Override
    public List<String> variants() {
        return List.of("relu", "leaky-relu", "identity", "tanh", "sigmoid", "elu", "softplus", "prelu-smooth",
                "relu+bias");
    }

    /**
     * The instances of the theorem the catalogue runs: the activations with σ(z) = σ'(z) z, bias-free. The
     * other variants are negative controls.
     */
    @Override
    public List<String> catalogueVariants() {
        return List.of("relu", "leaky-relu", "identity");
    }

    @Override
    public DerivedResult derive(DeriveRequest request) {
        GradientVariant v = GradientVariant.parse(id(), request, GradientVariant.Accepts.NETWORK, null);
        List<Instance> instances = Instance.forRequest(request, v, List.of());
        EulerLemmas lemmas = new EulerLemmas(v.activation(), v.bias());
        Derivation derivation = chain(v, instances, lemmas);
        List<DerivedResult.CrossCheck> checks = crossChecks(derivation.result(), instances);
        return new DerivedResult(derivation, Optional.empty(), checks, Optional.of(seedCheck(v, lemmas)));
    }

    /** The chain, for any depth and widths. */
    static Derivation chain(GradientVariant v, List<Instance> instances, EulerLemmas lemmas) {
        boolean bias = v.bias();
        String sigma = v.activation().label();
        Expr perLayer = bias ? plus(directionalLayer(output(), LayerQuantity.WEIGHTS),
                directionalLayer(output(), LayerQuantity.BIAS)) : directionalLayer(output(), LayerQuantity.WEIGHTS);
        Network smallest = Network.mlp(SEED_CHECK_WIDTHS.get(0), v.activation(), v.activation(), bias);
        Closed closed = closedLayerCount();
        String z = bias ? "z^t = W^t O^t + b^t" : "z^t = W^t O^t";
        return TensorChain.start("euler", Catalogue.require("euler").title(), v.label(), instances, TOLERANCE,
                        CatalogueIdentities.EULER.lhs())
                .assume("$f_θ(x) = O^{L+1}$ with $O^0 = x$, $O^{t+1} = σ(z^t)$, $" + z + "$, σ = " + sigma
                        + " at every layer (seed 000)")
                .assume("per output component, almost everywhere (off the kinks of $σ$)")
                .assume("inductive step: $⟨∂f/∂O^s, O^s⟩ = ⟨∂f/∂O^{s+1}, O^{s+1}⟩$ for s = t+1, ..., L, "
                        + "and $∂f/∂O^{L+1} = I$")
                .step(Relation.EQ, layerSum(perLayer), bias
                                ? "$θ = (W^0, b^0, ..., W^L, b^L)$ by layer"
                                : "$θ = (W^0, ..., W^L)$ by layer",
                        () -> lemmas.regrouping(smallest))
                .step(Relation.EQ, layerSum(directionalLayer(output(), LayerQuantity.PRE_ACTIVATION)),
                        "chain rule through $" + z + "$",
                        lemmas::chainRuleThroughPreActivation)
                .step(Relation.EQ, layerSum(directionalLayer(output(), LayerQuantity.OUTPUT)),
                        "$O^{t+1} = σ(z^t)$, $σ'(z) z = σ(z)$", lemmas::activationStep,
                        "σ'(z) z = σ(z)")
                .step(Relation.EQ, layerSum(output()),
                        "induction over the layers above t",
                        lemmas::inductiveStep, "σ'(z) z = σ(z)", "no biases")
                .step(Relation.EQ, closed.expr(), "$L + 1$ equal terms, by Symja's Sum",
                        closed::verdict)
                .build();
    }

    /** Σ_{t=0}^{L} f computed by Symja's Sum and read back as an expression. */
    record Closed(Expr expr, SymbolicVerdict verdict) {
    }

    static Closed closedLayerCount() {
        String summed = "Sum[f, {t, 0, L}]";
        SymjaResult<IExpr> r = SymjaEngine.shared().evaluate(summed);
        if (r instanceof SymjaResult.Undecided<IExpr> u) {
            return new Closed(CatalogueIdentities.EULER.rhs(), SymbolicVerdict.undecided(
                    "Symja's Sum did not give a closed form (" + u.explanation() + "); the catalogue's (L + 1) f "
                            + "is shown unproved"));
        }
        IExpr value = r.valueOrThrow();
        Expr expr = SymjaToExpr.with(Map.of("f", output(), "L", depth())).read(value);
        return new Closed(expr, EulerLemmas.layerCount(summed, SymjaExprs.input(value)));
    }

    /**
     * The result against the numeric engine computing ⟨∇_θ f, θ⟩ from its definition: the catalogue
     * statement's left side (forward-mode directional derivative) and the dense Jacobian times θ.
     */
    static List<DerivedResult.CrossCheck> crossChecks(Formula result, List<Instance> instances) {
        Expr derived = ((Formula.OfExpr) result).expr();
        ExprEvaluator ev = new ExprEvaluator();
        Expr jacobian = new Expr.Jacobian(output(), new Expr.WrtParams(ParameterGroup.ALL));
        Function<Instance, double[]> closed = TensorChain.value(ev, derived);
        Function<Instance, double[]> denseTimesTheta = p -> {
            double[] j = TensorChain.value(ev, jacobian).apply(p);
            int n = p.theta().length;
            double[] jTheta = new double[j.length / n];
            for (int row = 0; row < jTheta.length; row++) {
                for (int col = 0; col < n; col++) {
                    jTheta[row] += j[row * n + col] * p.theta()[col];
                }
            }
            return jTheta;
        };
        return List.of(new DerivedResult.CrossCheck("derived (L + 1) f vs ⟨∇_θ f, θ⟩ by forward-mode autodiff (the "
                        + "catalogue statement) on " + instances.size() + " random networks of depths 0-"
                        + instances.stream().mapToInt(Instance::depth).max().orElse(0),
                        Certificates.equal(instances, closed, TensorChain.value(ev, CatalogueIdentities.EULER.lhs()),
                                TOLERANCE)),
                new DerivedResult.CrossCheck("derived (L + 1) f vs the dense Jacobian ∂f/∂θ (reverse mode) times θ",
                        Certificates.equal(instances, closed, denseTimesTheta, TOLERANCE)));
    }

    /**
     * Seed 000's Lemma 2.1 proved outright by Symja on the concrete network 2-2-1 with this variant's
     * activation (and biases), and for ReLU, the seed's activation, also on 2-2-2-1 (a case split over
     * every kink: 22 cases for ReLU, more for the leaky form) when the smaller one is proved.
     */
    static DerivedResult.SeedFormulaCheck seedCheck(GradientVariant v, EulerLemmas lemmas) {
        List<String> details = new ArrayList<>();
        boolean agrees = true;
        List<int[]> networks = v.activation() instanceof Relu ? SEED_CHECK_WIDTHS : SEED_CHECK_WIDTHS.subList(0, 1);
        for (int[] widths : networks) {
            Network net = Network.mlp(widths, v.activation(), v.activation(), v.bias());
            SymbolicVerdict verdict = lemmas.fullIdentity(net);
            details.add("Σ_p p ∂f/∂p = (L + 1) f on " + net + ": " + verdict.outcome().word() + " ("
                    + verdict.detail() + ")");
            if (verdict.outcome() != SymbolicOutcome.PROVED) {
                agrees = false;
                break;
            }
        }
        return new DerivedResult.SeedFormulaCheck(agrees, "seed 000, Lemma 2.1, by Symja on concrete networks: "
                + String.join("; ", details));
    }
}
