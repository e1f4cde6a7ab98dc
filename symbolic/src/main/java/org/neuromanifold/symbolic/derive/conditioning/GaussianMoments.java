package org.neuromanifold.symbolic.derive.conditioning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;

/**
 * The standard normal measure in Symja. Its density φ(z) = e^{−z²/2}/√(2π) is the model; everything
 * else is derived from it: the moments m_k = ∫ z^k φ(z) dz by Symja's {@code Integrate} (cached for the
 * process, since Symja's integrator takes about a second per moment), and the expectation of a
 * polynomial in independent standard normals z₁, …, z_k by linearity and independence (the joint
 * density is Π φ(z_i), so ∫ Π z_i^{a_i} Π φ(z_i) dz = Π m_{a_i}, Fubini).
 */
final class GaussianMoments {
    private static final Map<Integer, IExpr> MOMENTS = new ConcurrentHashMap<>();
    private static final Map<String, IExpr> INTEGRALS = new ConcurrentHashMap<>();

    private GaussianMoments() {
    }

    /** φ(z) = E^(-z^2/2)/Sqrt[2*Pi] in the variable {@code z}. */
    static IExpr density(String z) {
        return SymjaOps.parse("E^(-" + z + "^2/2)/Sqrt[2*Pi]");
    }

    /** The symbol m_k standing for ∫ z^k φ(z) dz. */
    static IExpr momentSymbol(int k) {
        return SymjaOps.symbol("m" + k);
    }

    /** ∫_{−∞}^{∞} z^k φ(z) dz, the moment m_k, by Symja {@code Integrate}. */
    static IExpr moment(int k) {
        return MOMENTS.computeIfAbsent(k, order -> integrate(
                SymjaOps.eval("z^" + order + "*%s", density("z")), "z", "-Infinity", "Infinity"));
    }

    /** ∫_lo^hi integrand d(variable) by Symja {@code Integrate} (cached by input). */
    static IExpr integrate(IExpr integrand, String variable, String lo, String hi) {
        String key = integrand.toMMA() + "|" + variable + "|" + lo + "|" + hi;
        IExpr cached = INTEGRALS.get(key);
        if (cached != null) {
            return cached;
        }
        String range = "{" + variable + ", " + lo + ", " + hi + "}";
        IExpr value = SymjaOps.eval(SymjaOps.INTEGRAL_LIMIT, "Integrate[%s, " + range + "]", integrand);
        INTEGRALS.put(key, value);
        return value;
    }

    /** The moment symbols m_k ↦ their values (Symja {@code Integrate}) for the given orders. */
    static Map<String, IExpr> momentValues(SortedSet<Integer> orders) {
        Map<String, IExpr> out = new LinkedHashMap<>();
        for (int k : orders) {
            out.put("m" + k, moment(k));
        }
        return out;
    }

    /** The moment symbols m_k ↦ ∫ z^k φ computed numerically (for the numeric certificates). */
    static Map<String, Double> numericMoments(int maxOrder) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int k = 0; k <= maxOrder; k++) {
            int order = k;
            out.put("m" + k, Quadrature.integrate(z -> Math.pow(z, order) * Quadrature.density(z),
                    Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));
        }
        return out;
    }

    /**
     * The expectation of a polynomial in independent standard normals, by linearity.
     *
     * @param inMoments      Σ_a c_a Π_i m_{a_i}: the expectation with the moments as symbols
     * @param reconstruction Σ_a c_a Π_i z_i^{a_i}: the polynomial rebuilt from the coefficients read, which
     *                       must equal the expanded polynomial (a certificate of the reading)
     * @param expanded       the expanded polynomial
     * @param orders         the moment orders that occur
     */
    record Expansion(IExpr inMoments, IExpr reconstruction, IExpr expanded, SortedSet<Integer> orders) {
    }

    /** E[polynomial] over independent standard normals {@code variables}. */
    static Expansion expectation(IExpr polynomial, List<String> variables) {
        String vars = "{" + String.join(", ", variables) + "}";
        IExpr expanded = SymjaOps.eval("Expand[%s]", polynomial);
        IExpr rules = SymjaOps.eval("CoefficientRules[%s, " + vars + "]", expanded);
        if (!rules.isList()) {
            throw new SymjaOps.Unavailable("CoefficientRules did not return a list for " + expanded.toMMA());
        }
        List<IExpr> moments = new ArrayList<>();
        List<IExpr> monomials = new ArrayList<>();
        SortedSet<Integer> orders = new TreeSet<>();
        IAST list = (IAST) rules;
        for (int r = 1; r <= list.argSize(); r++) {
            IAST rule = (IAST) list.get(r);
            IAST exponents = (IAST) rule.arg1();
            IExpr coefficient = rule.arg2();
            List<IExpr> momentFactors = new ArrayList<>(List.of(coefficient));
            List<IExpr> monomialFactors = new ArrayList<>(List.of(coefficient));
            for (int i = 1; i <= exponents.argSize(); i++) {
                int a = exponents.get(i).toIntDefault();
                orders.add(a);
                momentFactors.add(momentSymbol(a));
                monomialFactors.add(F.Power(SymjaOps.symbol(variables.get(i - 1)), F.ZZ(a)));
            }
            moments.add(F.Times(momentFactors.toArray(IExpr[]::new)));
            monomials.add(F.Times(monomialFactors.toArray(IExpr[]::new)));
        }
        IExpr inMoments = SymjaOps.eval("%s", F.Plus(moments.toArray(IExpr[]::new)));
        IExpr reconstruction = SymjaOps.eval("%s", F.Plus(monomials.toArray(IExpr[]::new)));
        return new Expansion(inMoments, reconstruction, expanded, orders);
    }
}
