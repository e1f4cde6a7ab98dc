package org.neuromanifold.symbolic.derive.conditioning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.neuromanifold.core.expr.Relation;
import org.neuromanifold.core.result.Derivation;
import org.neuromanifold.symbolic.derive.DeriveRequest;
import org.neuromanifold.symbolic.derive.Points;
import org.neuromanifold.symbolic.symja.Assumptions;
import org.neuromanifold.symbolic.symja.SymjaExprs;

/**
 * The price of centring (seed 004, exercise 1c): the model wᵀ(x − μ) without a bias cannot represent
 * the ground truth vᵀx when μ ≠ 0. Both risks J(w) = 𝔼[½(wᵀx − t)²] and J_c(w) = 𝔼[½(wᵀ(x − μ) − t)²] are
 * integrated in closed form, their minimisers found by Symja {@code Solve} (both are v: the Hessians σ²I +
 * μμᵀ and σ²I are positive definite), and the difference of the optimal risks is derived: ½(vᵀμ)², i.e.
 * (vᵀμ)² in mean square error 𝔼[(f − t)²]. The coordinates are symbolic for d = 2; the first expression is
 * evaluated at each point by the engine, which minimises both risks numerically (Newton step by LU on
 * the autodiff Hessian) and integrates them by exact Gauss–Hermite quadrature.
 */
final class MseCenteringChain {
    static final String TITLE = "Centring the inputs: the optimal risk rises by (vᵀμ)²/2";
    private static final int D = 2;

    private MseCenteringChain() {
    }

    /** The derivation and its result (the gap), or a null gap when Symja stopped before it. */
    record Result(Derivation derivation, IExpr gap) {
    }

    static Result derive(DeriveRequest request, String variant) {
        List<String> z = List.of("z1", "z2", "xi");
        String target = "(v1*x1 + v2*x2 + s*xi)";
        IExpr raw = SymjaOps.substitute(SymjaOps.parse("1/2*(w1*x1 + w2*x2 - " + target + ")^2"),
                MseHessianChains.inputsOf(D));
        IExpr centred = SymjaOps.substitute(SymjaOps.parse("1/2*(w1*(x1 - mu1) + w2*(x2 - mu2) - " + target + ")^2"),
                MseHessianChains.inputsOf(D));
        List<String> vars = List.of("mu1", "mu2", "v1", "v2");
        List<Map<String, Double>> points = MseHessianChains.withSigma(Points.uniform(request.seed(), request.points(),
                MseHessianChains.ranges(vars), withNoise(GaussianMoments.numericMoments(4))), request.seed());
        IExpr gap = null;
        Chain chain = null;
        try {
            Minimiser rawMin = minimise(raw, z);
            Minimiser centredMin = minimise(centred, z);
            IExpr e0 = F.Subtract(
                    MseHessianChains.gaussianIntegral(SymjaOps.substitute(centred, centredMin.rules()), z),
                    MseHessianChains.gaussianIntegral(SymjaOps.substitute(raw, rawMin.rules()), z));
            chain = start(request, variant, points, e0)
                    .assume("minimisers by Symja Solve of $∇J = 0$: " + rulesText(rawMin) + "; of $∇J_c = 0$: "
                            + rulesText(centredMin) + "; global, since $∇^2 J = σ^2 I + μμᵀ$ and $∇^2 J_c = σ^2 I$ "
                            + "are positive definite");
            // E commutes with substituting the minimisers: expand once, with w symbolic, then substitute
            GaussianMoments.Expansion c = centredMin.expansion();
            GaussianMoments.Expansion r = rawMin.expansion();
            IExpr inMoments = SymjaOps.eval("Expand[%s - %s]", SymjaOps.substitute(c.inMoments(), centredMin.rules()),
                    SymjaOps.substitute(r.inMoments(), rawMin.rules()));
            chain.step(Relation.EQ, inMoments, "linearity and independence (Fubini)",
                    () -> Verdicts.all(List.of(
                            Verdicts.entrywise("centred: coefficients read back", c.reconstruction(), c.expanded(),
                                    Assumptions.none()),
                            Verdicts.entrywise("raw: coefficients read back", r.reconstruction(), r.expanded(),
                                    Assumptions.none()))));
            SortedSet<Integer> orders = new TreeSet<>(c.orders());
            orders.addAll(r.orders());
            Map<String, IExpr> values = GaussianMoments.momentValues(orders);
            IExpr substituted = SymjaOps.substitute(inMoments, values);
            gap = SymjaOps.eval("Factor[Simplify[%s]]", substituted);
            IExpr result = gap;
            chain.step(Relation.EQ, result, "moments " + MseHessianChains.momentText(values, true),
                    () -> Verdicts.all(List.of(Verdicts.computed("moments "
                            + MseHessianChains.momentText(values, false)),
                            Verdicts.entrywise("substitution", substituted, result, Assumptions.none()),
                            MseHessianChains.independentOf(result, List.of("s", "sigma")))));
        } catch (SymjaOps.Unavailable e) {
            if (chain == null) {
                chain = start(request, variant, points, SymjaOps.parse("Jc - J"));
            }
            chain.stop(e.getMessage());
        }
        return new Result(chain.build(), gap);
    }

    private static Chain start(DeriveRequest request, String variant, List<Map<String, Double>> points, IExpr e0) {
        return Chain.start("mse-hessian", TITLE, variant, points, MseHessianChains.TOLERANCE, e0,
                MseCenteringChain::optimalGap)
                .assume("$J(w) = 𝔼[\\tfrac12 (wᵀx − t)^2]$ (raw model $wᵀx$), "
                        + "$J_c(w) = 𝔼[\\tfrac12 (wᵀ(x − μ) − t)^2]$ (centred model, no bias)")
                .assume("$x = μ + σz$, $z \\sim N(0, I_2)$, $t = vᵀx + sξ$, $ξ \\sim N(0, 1)$ independent; $σ > 0$; "
                        + "densities $φ(z) = e^{-z^2/2}/\\sqrt{2π}$")
                .assume(MseHessianChains.ASSUMPTION_MOMENTS + "; the expectations are expanded with $w$ symbolic, "
                        + "then the minimisers substituted")
                .assume("the first expression is $\\min J_c − \\min J$ at the minimisers found by Symja; at each point "
                        + "it is evaluated by minimising both risks numerically (engine autodiff, exact Gauss–Hermite "
                        + "quadrature, a Newton step solved by LU)");
    }

    /** A closed-form risk and its minimiser. */
    private record Minimiser(GaussianMoments.Expansion expansion, IExpr risk, Map<String, IExpr> rules) {
    }

    private static Minimiser minimise(IExpr loss, List<String> z) {
        GaussianMoments.Expansion e = GaussianMoments.expectation(loss, z);
        IExpr risk = SymjaOps.eval("Simplify[%s]", SymjaOps.substitute(e.inMoments(),
                GaussianMoments.momentValues(e.orders())));
        IExpr solutions = SymjaOps.eval("Solve[Thread[D[%s, {{w1, w2}}] == 0], {w1, w2}]", risk);
        if (!solutions.isList() || ((IAST) solutions).argSize() != 1) {
            throw new SymjaOps.Unavailable("Solve did not return one minimiser: " + solutions.toMMA());
        }
        IAST rules = (IAST) ((IAST) solutions).arg1();
        Map<String, IExpr> out = new LinkedHashMap<>();
        for (int i = 1; i <= rules.argSize(); i++) {
            IAST rule = (IAST) rules.get(i);
            out.put(SymjaExprs.input(rule.arg1()), SymjaOps.eval("Simplify[%s]", rule.arg2()));
        }
        return new Minimiser(e, risk, out);
    }

    private static String rulesText(Minimiser m) {
        List<String> parts = new ArrayList<>();
        m.rules().forEach((k, v) -> parts.add(k + " = " + v.toMMA()));
        return "$" + String.join(", ", parts) + "$";
    }

    /** min J_c − min J computed by the engine at the point (d = 2). */
    static double[] optimalGap(Map<String, Double> p) {
        LinearRegression rawModel = new LinearRegression(MseHessianChains.vector(p, "mu", D), p.get("sigma"),
                MseHessianChains.vector(p, "v", D), 0, p.get("s"), false);
        LinearRegression centredModel = rawModel.withCentring(true);
        return new double[] {centredModel.risk(centredModel.minimiser()) - rawModel.risk(rawModel.minimiser())};
    }

    private static Map<String, Double> withNoise(Map<String, Double> fixed) {
        Map<String, Double> out = new LinkedHashMap<>(fixed);
        out.put("s", 0.5);
        return out;
    }
}
