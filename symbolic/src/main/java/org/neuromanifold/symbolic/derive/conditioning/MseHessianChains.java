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
import org.neuromanifold.core.result.SymbolicVerdict;
import org.neuromanifold.core.scalar.Term;
import org.neuromanifold.core.scalar.TermDifferentiator;
import org.neuromanifold.symbolic.derive.DeriveRequest;
import org.neuromanifold.symbolic.derive.Points;
import org.neuromanifold.symbolic.symja.Assumptions;
import org.neuromanifold.symbolic.symja.SymbolTable;
import org.neuromanifold.symbolic.symja.SymjaExprs;
import org.neuromanifold.symbolic.symja.SymjaTerms;

/**
 * The Hessian of J(w) = E[½(wᵀx − t)²], x ~ N(μ, σ²I_d), t = vᵀx + ε (seed 004, exercise 1a), derived in
 * Symja from the Gaussian density:
 * <ul>
 * <li>{@link #general}: any dimension d. Every entry of ∇²J lies in the 2×2 principal block of two
 * coordinates i ≠ j (written 1 and 2); the other coordinates and the noise enter the loss only through
 * r = Σ_{k∉{i,j}} (w_k − v_k)x_k − ε, constant in (w_i, w_j) and independent of (x_i, x_j). The chain
 * differentiates the integral over (z_i, z_j) under the integral sign, integrates x_a x_b by linearity
 * and independence, and evaluates the moments: the block is σ²I₂ + (μ_i, μ_j)(μ_i, μ_j)ᵀ, free of w, v
 * and r, so ∇²J = σ²I + μμᵀ.</li>
 * <li>{@link #concrete}: d = 2 or 3 with every coordinate symbolic: J integrated in closed form, its
 * gradient by D, and the Hessian as the Jacobian of the gradient.</li>
 * </ul>
 */
final class MseHessianChains {
    static final String TITLE = "Hessian of the mean square error";
    static final double TOLERANCE = 1e-9;
    private static final double RANGE = 2;
    static final String ASSUMPTION_MODEL = "$J(w) = 𝔼[\\tfrac12 (wᵀx − t)^2]$, $x \\sim N(μ, σ^2 I_d)$, "
            + "$t = vᵀx + ε$ with $ε$ independent of $x$; $σ > 0$";
    static final String ASSUMPTION_DENSITY = "$x = μ + σz$, $z \\sim N(0, I_d)$ with the density "
            + "$∏_k φ(z_k)$, $φ(z) = e^{-z^2/2}/\\sqrt{2π}$";
    static final String ASSUMPTION_INTERCHANGE = "the integrands are polynomials in $w$ times Gaussian densities, so "
            + "differentiation under the integral sign is allowed (dominated convergence)";
    static final String ASSUMPTION_MOMENTS = "$∫ ∏_k z_k^{a_k} ∏_k φ(z_k)\\,dz = ∏_k m_{a_k}$ (independence, "
            + "Fubini) with $m_a = ∫ z^a φ(z)\\,dz$, integrated by Symja";

    private MseHessianChains() {
    }

    /** The general-d derivation on a 2×2 principal block. */
    static Result general(DeriveRequest request, String variant) {
        List<String> z = List.of("z1", "z2");
        IExpr loss = SymjaOps.substitute(SymjaOps.parse("1/2*(w1*x1 + w2*x2 - (v1*x1 + v2*x2) + r)^2"),
                inputsOf(2));
        IExpr integral = gaussianIntegral(loss, z);
        IExpr e0 = SymjaOps.parse("D[" + SymjaExprs.input(integral) + ", {{w1, w2}, 2}]");
        List<Map<String, Double>> points = Points.uniform(request.seed(), request.points(),
                ranges(List.of("mu1", "mu2", "w1", "w2", "v1", "v2", "r")), GaussianMoments.numericMoments(4));
        points = withSigma(points, request.seed());
        Chain chain = Chain.start("mse-hessian", TITLE + " (any dimension, 2×2 principal block)", variant, points,
                TOLERANCE, e0, p -> flatten(new LinearRegression(new double[] {p.get("mu1"), p.get("mu2")},
                        p.get("sigma"), new double[] {p.get("v1"), p.get("v2")}, -p.get("r"), 0, false)
                        .hessian(new double[] {p.get("w1"), p.get("w2")})))
                .assume(ASSUMPTION_MODEL)
                .assume(ASSUMPTION_DENSITY)
                .assume("any dimension $d ≥ 2$: two coordinates $i ≠ j$ are written 1 and 2; every entry of "
                        + "$∇^2 J$ lies in such a $2×2$ principal block")
                .assume("$r = ∑_{k∉\\{i,j\\}} (w_k − v_k)x_k − ε$ is constant in $(w_i, w_j)$ and independent of "
                        + "$(x_i, x_j)$: $J = 𝔼_r[J_r]$ with $J_r$ the integral over $(z_i, z_j)$ shown, so "
                        + "$∇^2 J = 𝔼_r[∇^2 J_r]$")
                .assume(ASSUMPTION_INTERCHANGE)
                .assume(ASSUMPTION_MOMENTS);
        try {
            IExpr perSample = SymjaOps.eval("D[%s, {{w1, w2}, 2}]", loss);
            IExpr e1 = integrateEntries(perSample, z);
            chain.step(Relation.EQ, e1, "differentiate under $∫$; $∂^2 ℓ/∂w_a ∂w_b$ by Symja D",
                    () -> Verdicts.all(List.of(agreesWithCoreDifferentiator(loss, perSample, List.of("w1", "w2")))));
            momentSteps(chain, perSample, z, Assumptions.of("sigma > 0"), List.of("w1", "w2", "v1", "v2", "r"));
            return new Result(chain.build(), chain.current());
        } catch (SymjaOps.Unavailable e) {
            chain.stop(e.getMessage());
            return new Result(chain.build(), null);
        }
    }

    /** The derivation with every coordinate of ℝ^d symbolic (d = 2 or 3): J, ∇J and ∇²J in closed form. */
    static Result concrete(DeriveRequest request, String variant, int d) {
        List<String> w = names("w", d);
        List<String> z = new ArrayList<>(names("z", d));
        z.add("xi");
        String wList = "{" + String.join(", ", w) + "}";
        String dot = dot(w, names("x", d));
        String target = dot(names("v", d), names("x", d)) + " + s*xi";
        IExpr loss = SymjaOps.substitute(SymjaOps.parse("1/2*(" + dot + " - (" + target + "))^2"), inputsOf(d));
        IExpr integral = gaussianIntegral(loss, z);
        IExpr e0 = SymjaOps.parse("D[" + SymjaExprs.input(integral) + ", {" + wList + ", 2}]");
        List<String> vars = new ArrayList<>();
        vars.addAll(names("mu", d));
        vars.addAll(w);
        vars.addAll(names("v", d));
        vars.add("s");
        List<Map<String, Double>> points = withSigma(Points.uniform(request.seed(), request.points(), ranges(vars),
                GaussianMoments.numericMoments(4)), request.seed());
        Chain chain = Chain.start("mse-hessian", TITLE + " (d = " + d + ")", variant, points, TOLERANCE, e0,
                p -> flatten(model(p, d).hessian(vector(p, "w", d))))
                .assume("$J(w) = 𝔼[\\tfrac12 (wᵀx − t)^2]$, $x = μ + σz$, $z \\sim N(0, I_" + d + ")$, "
                        + "$t = vᵀx + sξ$ with $ξ \\sim N(0, 1)$ independent of $z$; $σ > 0$")
                .assume("every $z_k$ and $ξ$ has the density $φ(z) = e^{-z^2/2}/\\sqrt{2π}$")
                .assume(ASSUMPTION_MOMENTS);
        try {
            GaussianMoments.Expansion e = GaussianMoments.expectation(loss, z);
            Map<String, IExpr> values = GaussianMoments.momentValues(e.orders());
            IExpr j = SymjaOps.eval("Collect[%s, {sigma, s}, Factor]", SymjaOps.substitute(e.inMoments(), values));
            IExpr e1 = SymjaOps.parse("D[" + SymjaExprs.input(j) + ", {" + wList + ", 2}]");
            chain.step(Relation.EQ, e1, "$J$ integrated: linearity, " + momentText(values, true),
                    () -> Verdicts.all(List.of(
                            Verdicts.entrywise("coefficients read back", e.reconstruction(), e.expanded(),
                                    Assumptions.none()),
                            Verdicts.computed("moments " + momentText(values, false)),
                            Verdicts.entrywise("J in closed form", SymjaOps.substitute(e.inMoments(), values), j,
                                    Assumptions.none()))));
            IExpr grad = SymjaOps.eval("Map[Collect[#, sigma, Factor] &, D[%s, {" + wList + "}]]", j);
            IExpr e2 = SymjaOps.parse("D[" + SymjaExprs.input(grad) + ", {" + wList + "}]");
            chain.step(Relation.EQ, e2, "$∇J$ by Symja D; $∇^2 J$ = Jacobian of $∇J$",
                    () -> Verdicts.all(List.of(Verdicts.entrywise("Hessian of J = Jacobian of ∇J",
                            SymjaOps.eval("D[%s, {" + wList + ", 2}]", j),
                            SymjaOps.eval("D[%s, {" + wList + "}]", grad), Assumptions.none()))));
            IExpr e3 = SymjaOps.eval("Map[Simplify, D[%s, {" + wList + "}], {2}]", grad);
            chain.step(Relation.EQ, e3, "Symja D",
                    () -> Verdicts.all(List.of(
                            Verdicts.entrywise("Jacobian evaluated", SymjaOps.eval("D[%s, {" + wList + "}]", grad), e3,
                                    Assumptions.none()),
                            independentOf(e3, List.of("w1", "v1", "s")))));
            return new Result(chain.build(), e3, grad);
        } catch (SymjaOps.Unavailable e) {
            chain.stop(e.getMessage());
            return new Result(chain.build(), null, null);
        }
    }

    /**
     * A derivation with what it derived: the Hessian (the 2×2 block, or the d×d matrix) and, for the
     * concrete chains, the gradient; null when Symja stopped before them.
     */
    record Result(Derivation derivation, IExpr hessian, IExpr gradient) {
        Result(Derivation derivation, IExpr hessian) {
            this(derivation, hessian, null);
        }
    }

    /**
     * The two moment steps shared by the chains: linearity into moment symbols, then their values; the
     * result must be free of the symbols {@code freeOf} (part of the last step's certificate).
     */
    static void momentSteps(Chain chain, IExpr polynomials, List<String> z, Assumptions assumptions,
            List<String> freeOf) {
        List<IExpr> entries = Verdicts.flatten(polynomials);
        List<GaussianMoments.Expansion> expansions = new ArrayList<>();
        SortedSet<Integer> orders = new TreeSet<>();
        for (IExpr p : entries) {
            GaussianMoments.Expansion e = GaussianMoments.expectation(p, z);
            expansions.add(e);
            orders.addAll(e.orders());
        }
        IExpr inMoments = reshape(polynomials, expansions.stream().map(GaussianMoments.Expansion::inMoments).toList());
        IExpr rebuilt = reshape(polynomials,
                expansions.stream().map(GaussianMoments.Expansion::reconstruction).toList());
        IExpr expanded = reshape(polynomials, expansions.stream().map(GaussianMoments.Expansion::expanded).toList());
        chain.step(Relation.EQ, inMoments, "linearity and independence (Fubini)",
                () -> Verdicts.all(List.of(Verdicts.entrywise("coefficients read back", rebuilt, expanded,
                        Assumptions.none()))));
        Map<String, IExpr> values = GaussianMoments.momentValues(orders);
        IExpr substituted = SymjaOps.substitute(inMoments, values);
        IExpr result = SymjaOps.eval("Map[Simplify, %s, {" + depth(polynomials) + "}]", substituted);
        chain.step(Relation.EQ, result, "moments " + momentText(values, true),
                () -> Verdicts.all(List.of(Verdicts.computed("moments " + momentText(values, false)),
                        Verdicts.entrywise("substitution", substituted, result, assumptions),
                        independentOf(result, freeOf))));
    }

    /** ∫…∫ integrand Π φ(z_k) dz over ℝ^k, unevaluated. */
    static IExpr gaussianIntegral(IExpr integrand, List<String> z) {
        StringBuilder b = new StringBuilder("Integrate[").append(SymjaExprs.input(integrand));
        for (String v : z) {
            b.append("*").append(SymjaExprs.input(GaussianMoments.density(v)));
        }
        for (String v : z) {
            b.append(", {").append(v).append(", -Infinity, Infinity}");
        }
        return SymjaOps.parse(b.append("]").toString());
    }

    /** Each entry of a (nested) list replaced by its Gaussian integral. */
    private static IExpr integrateEntries(IExpr entries, List<String> z) {
        List<IExpr> out = Verdicts.flatten(entries).stream().map(e -> gaussianIntegral(e, z)).toList();
        return reshape(entries, out);
    }

    /** Symja's second derivatives against the core differentiator's, entry by entry. */
    static Verdicts.Part agreesWithCoreDifferentiator(IExpr f, IExpr symjaHessian, List<String> variables) {
        SymbolTable names = SymbolTable.create();
        Term t = SymjaTerms.toTerm(f, names);
        List<IExpr> core = new ArrayList<>();
        for (String a : variables) {
            Term da = TermDifferentiator.derivative(t, a);
            for (String b : variables) {
                core.add(SymjaTerms.toSymja(TermDifferentiator.derivative(da, b), names));
            }
        }
        return Verdicts.entrywise("Symja D = core differentiator", symjaHessian, reshape(symjaHessian, core),
                Assumptions.none());
    }

    static Verdicts.Part independentOf(IExpr e, List<String> symbols) {
        SortedSet<String> free = SymjaExprs.freeSymbols(e);
        List<String> present = symbols.stream().filter(free::contains).toList();
        return new Verdicts.Part("free of " + symbols, present.isEmpty()
                ? SymbolicVerdict.proved("free symbols " + free)
                : SymbolicVerdict.refuted("depends on " + present));
    }

    /** A list shaped like {@code shape} (a scalar, vector or matrix) filled row by row from {@code flat}. */
    static IExpr reshape(IExpr shape, List<IExpr> flat) {
        int[] next = {0};
        return fill(shape, flat, next);
    }

    private static IExpr fill(IExpr shape, List<IExpr> flat, int[] next) {
        if (!shape.isList()) {
            return flat.get(next[0]++);
        }
        IAST list = (IAST) shape;
        List<IExpr> out = new ArrayList<>();
        for (int i = 1; i <= list.argSize(); i++) {
            out.add(fill(list.get(i), flat, next));
        }
        return F.List(out.toArray(IExpr[]::new));
    }

    private static int depth(IExpr e) {
        return e.isList() ? 1 + depth(((IAST) e).arg1()) : 0;
    }

    /**
     * "m_0 = 1, m_1 = 0, …": in math mode for a rule ({@code math}), as plain text for a certificate's
     * detail.
     */
    static String momentText(Map<String, IExpr> values, boolean math) {
        List<String> parts = new ArrayList<>();
        values.forEach((k, v) -> parts.add(k.charAt(0) + "_" + k.substring(1) + " = " + v.toMMA()));
        return math ? "$" + String.join(",\\ ", parts) + "$" : String.join(", ", parts);
    }

    /** x_k ↦ μ_k + σ z_k. */
    static Map<String, IExpr> inputsOf(int d) {
        Map<String, IExpr> m = new LinkedHashMap<>();
        for (int k = 1; k <= d; k++) {
            m.put("x" + k, SymjaOps.parse("mu" + k + " + sigma*z" + k));
        }
        return m;
    }

    static List<String> names(String prefix, int d) {
        List<String> out = new ArrayList<>();
        for (int k = 1; k <= d; k++) {
            out.add(prefix + k);
        }
        return out;
    }

    private static String dot(List<String> a, List<String> b) {
        List<String> terms = new ArrayList<>();
        for (int k = 0; k < a.size(); k++) {
            terms.add(a.get(k) + "*" + b.get(k));
        }
        return String.join(" + ", terms);
    }

    static List<Points.Range> ranges(List<String> names) {
        return names.stream().map(n -> new Points.Range(n, -RANGE, RANGE)).toList();
    }

    /** Adds σ ∈ [0.3, 2] to every point (its own stream, so the other coordinates do not move). */
    static List<Map<String, Double>> withSigma(List<Map<String, Double>> points, long seed) {
        List<Map<String, Double>> sigmas = Points.uniform(seed ^ 0x5157L, points.size(),
                List.of(new Points.Range("sigma", 0.3, 2)), Map.of());
        List<Map<String, Double>> out = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            Map<String, Double> p = new LinkedHashMap<>(points.get(i));
            p.putAll(sigmas.get(i));
            out.add(Map.copyOf(p));
        }
        return out;
    }

    static double[] vector(Map<String, Double> p, String prefix, int d) {
        double[] out = new double[d];
        for (int k = 0; k < d; k++) {
            out[k] = p.get(prefix + (k + 1));
        }
        return out;
    }

    static LinearRegression model(Map<String, Double> p, int d) {
        return new LinearRegression(vector(p, "mu", d), p.get("sigma"), vector(p, "v", d), 0, p.get("s"), false);
    }

    static double[] flatten(double[][] m) {
        double[] out = new double[m.length * m[0].length];
        for (int i = 0; i < m.length; i++) {
            System.arraycopy(m[i], 0, out, i * m[0].length, m[0].length);
        }
        return out;
    }
}
