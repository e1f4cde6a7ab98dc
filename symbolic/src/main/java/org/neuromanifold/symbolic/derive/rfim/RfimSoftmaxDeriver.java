package org.neuromanifold.symbolic.derive.rfim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.neuromanifold.core.expr.Expr;
import org.neuromanifold.core.model.ParameterGroup;
import org.neuromanifold.numeric.expr.ExprEvaluator;
import org.neuromanifold.symbolic.derive.DeriveRequest;
import org.neuromanifold.symbolic.derive.DerivedResult;
import org.neuromanifold.symbolic.derive.Deriver;
import org.neuromanifold.symbolic.symja.SymjaEngine;

/**
 * {@code rfim-softmax}: a softmax layer p(y = i) = η_i = softmax(Wx̃)_i has g = [(η_i δ_ij − η_i η_j) x̃x̃ᵀ]_ij
 * = (diag η − ηηᵀ) ⊗ x̃x̃ᵀ, which is not block-diagonal (seed 003, eq. 25, appendix H):
 *
 * <pre>
 * 𝓘(θ⁽⁰⁾) = 𝔼_y[∂ℓ/∂z ∂ℓ/∂zᵀ] ⊗ x̃x̃ᵀ      chain rule through the logits z = Wx̃, ℓ = −ln p(y)
 *         = (diag η − ηηᵀ) ⊗ x̃x̃ᵀ          ∂ℓ/∂z_j = η_j − δ_{jy} and the categorical moments
 * </pre>
 * Both steps are proved entry by entry on a concrete layer (d = 1, m = 2: the expressions do not depend
 * on m; Symja differentiates ln softmax and sums over the classes) and checked numerically on random
 * layers of width {@code width} (default 3) and input dimension 1–3.
 */
public final class RfimSoftmaxDeriver implements Deriver {
    @Override
    public String id() {
        return "rfim-softmax";
    }

    @Override
    public List<String> variants() {
        return List.of("softmax");
    }

    @Override
    public DerivedResult derive(DeriveRequest request) {
        Rfim.allowOnly(request, Set.of("width"));
        int width = Rfim.intOption(request, "width", 3, 2, 8);
        SymjaEngine.prepareThread();
        try {
            return derive(request, width);
        } catch (RuntimeException e) {
            return Rfim.incomplete(id(), "Relative Fisher information of a softmax layer", "softmax",
                    new Expr.FisherInformation(new ParameterGroup.Layer(0)), e);
        }
    }

    private DerivedResult derive(DeriveRequest request, int width) {
        ResponseModel model = new ResponseModel.Categorical();
        List<RfimPoint> points = RfimPoint.random(request.seed(), request.points(),
                i -> StochasticNetwork.layer(1 + i % 3, width, model));
        SymbolicInstance instance = SymbolicInstance.of(StochasticNetwork.layer(1, 2, model));

        TensorChain chain = TensorChain.start(id(), "Relative Fisher information of a softmax layer", "softmax", points,
                Rfim.TOLERANCE, new Expr.FisherInformation(new ParameterGroup.Layer(0)),
                TensorChain.Order.layerInLayoutOrder(0), instance);
        chain.assume("response model: " + model.description() + " with $u = z = W\\tilde{x}$, $z_i = \\langle w_i, "
                + "\\tilde{x} \\rangle$; $\\ell = -\\ln p(y)$ is the softmax cross-entropy on the logits, "
                + "$f_\\theta(x) = \\eta$");
        chain.assume("$\\theta^{(0)} = (w_1, \\ldots, w_m)$ stacked neuron by neuron; width $m = " + width + "$ "
                + "(the proofs use $m = 2$, the expressions do not depend on $m$)");
        Expr dl = new Expr.Grad(new Expr.LossValue(), new Expr.WrtOutput());
        Expr scores = new Expr.Expectation(new Expr.OverModel(), new Expr.Outer(dl, dl));
        chain.stepOnInstance(new Expr.Kron(scores, Rfim.XX), TensorChain.Order.AS_IS, "chain rule through the logits: "
                + "$\\nabla_{w_j} \\ln p(y) = \\partial_{z_j} \\ln p(y)\\,\\tilde{x}$, so $\\nabla_{\\theta} \\ln p = "
                + "\\nabla_z \\ln p \\otimes \\tilde{x}$ and $(a \\otimes \\tilde{x})(a \\otimes \\tilde{x})^{\\top} = "
                + "a a^{\\top} \\otimes \\tilde{x}\\tilde{x}^{\\top}$");
        Expr eta = new Expr.Output();
        Expr result = new Expr.Kron(new Expr.Sub(new Expr.Diag(List.of(eta)), new Expr.Outer(eta, eta)), Rfim.XX);
        chain.stepOnInstance(result, TensorChain.Order.AS_IS, "$\\partial_{z_j} \\ell = \\eta_j - \\delta_{jy}$ (D of "
                + "$\\ln \\operatorname{softmax}$), and $\\sum_y \\eta_y (\\eta_j - \\delta_{jy})(\\eta_k - \\delta_{ky}) "
                + "= \\eta_j \\delta_{jk} - \\eta_j \\eta_k$ (seed eqs. 76--78)");

        ExprEvaluator evaluator = new ExprEvaluator();
        List<DerivedResult.CrossCheck> checks = new ArrayList<>();
        checks.add(Rfim.crossCheck("result vs the Fisher information from the categorical model on the tape (exact "
                + "enumeration of the m classes, scores by autodiff), neuron by neuron", points,
                p -> TensorChain.value(evaluator, p, result, TensorChain.Order.AS_IS),
                p -> Rfim.flat(DefinitionFisher.fisher(p.net(), p.theta(), p.x(), new ParameterGroup.Layer(0))),
                Rfim.TOLERANCE));
        checks.add(Rfim.crossCheck("not block-diagonal: the block (w_1, w_2) of the engine's Fisher information equals "
                + "\u2212\u03b7\u2081\u03b7\u2082 x\u0303x\u0303\u1d40 with \u03b7 from the engine's forward pass, which is "
                + "nonzero", points, p -> offDiagonalBlock(evaluator, p),
                p -> minusEtaEtaXX(evaluator, p), Rfim.TOLERANCE));
        var seed = Rfim.crossCheck("", points, p -> TensorChain.value(evaluator, p,
                new Expr.FisherInformation(new ParameterGroup.Layer(0)), TensorChain.Order.layerInLayoutOrder(0)),
                p -> seedEquation25(evaluator, p), Rfim.TOLERANCE);
        return new DerivedResult(chain.build(), Optional.empty(), checks, Optional.of(new DerivedResult.SeedFormulaCheck(
                seed.certificate().agrees(), "seed eq. 25, blocks (\u03b7_i \u2212 \u03b7_i\u00b2) x\u0303x\u0303\u1d40 on the "
                        + "diagonal and \u2212\u03b7_i\u03b7_j x\u0303x\u0303\u1d40 off it, evaluated from the engine's \u03b7 and x, "
                        + (seed.certificate().agrees() ? "agrees with" : "DISAGREES with") + " the engine's Fisher "
                        + "information at " + seed.certificate().points() + " random points (max relative difference "
                        + String.format(Locale.ROOT, "%.3g", seed.certificate().maxRelError()) + ")")));
    }

    /** The engine's Fisher block between neurons 1 and 2 (neuron-by-neuron order). */
    private static double[] offDiagonalBlock(ExprEvaluator evaluator, RfimPoint p) {
        double[] g = TensorChain.value(evaluator, p, new Expr.FisherInformation(new ParameterGroup.Layer(0)),
                TensorChain.Order.layerInLayoutOrder(0));
        int k = p.x().length + 1;
        int n = (int) Math.round(Math.sqrt(g.length));
        double[] block = new double[k * k];
        for (int a = 0; a < k; a++) {
            for (int c = 0; c < k; c++) {
                block[a * k + c] = g[a * n + k + c];
            }
        }
        return block;
    }

    /** −η₁η₂ x̃x̃ᵀ from the engine's output η and the point's x. */
    private static double[] minusEtaEtaXX(ExprEvaluator evaluator, RfimPoint p) {
        double[] eta = evaluator.values(List.of(new Expr.Output()), p.context())[0];
        double[] xt = augmented(p.x());
        double[] out = new double[xt.length * xt.length];
        for (int a = 0; a < xt.length; a++) {
            for (int c = 0; c < xt.length; c++) {
                out[a * xt.length + c] = -eta[0] * eta[1] * xt[a] * xt[c];
            }
        }
        return out;
    }

    /** Seed eq. 25 entry by entry: ((i, a), (j, c)) ↦ (η_i δ_ij − η_i η_j) x̃_a x̃_c. */
    private static double[] seedEquation25(ExprEvaluator evaluator, RfimPoint p) {
        double[] eta = evaluator.values(List.of(new Expr.Output()), p.context())[0];
        double[] xt = augmented(p.x());
        int k = xt.length;
        int n = eta.length * k;
        double[] g = new double[n * n];
        for (int i = 0; i < eta.length; i++) {
            for (int j = 0; j < eta.length; j++) {
                double c = (i == j ? eta[i] : 0) - eta[i] * eta[j];
                for (int a = 0; a < k; a++) {
                    for (int b = 0; b < k; b++) {
                        g[(i * k + a) * n + j * k + b] = c * xt[a] * xt[b];
                    }
                }
            }
        }
        return g;
    }

    private static double[] augmented(double[] x) {
        double[] xt = java.util.Arrays.copyOf(x, x.length + 1);
        xt[x.length] = 1;
        return xt;
    }
}
