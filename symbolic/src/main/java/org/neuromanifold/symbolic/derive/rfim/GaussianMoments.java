package org.neuromanifold.symbolic.derive.rfim;

import java.util.HashMap;
import java.util.Map;

import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;
import org.neuromanifold.symbolic.symja.SymjaEngine;
import org.neuromanifold.symbolic.symja.SymjaExprs;
import org.neuromanifold.symbolic.symja.SymjaResult;

/**
 * Expectations of polynomials in Gaussian responses, by Symja: each response is written y = μ + ε with
 * ε ~ N(0, s²), the polynomial expanded in ε, and every power ε^j replaced by the central moment
 * E[ε^j], itself derived from the moment generating function exp(s²τ²/2) as its j-th derivative at
 * τ = 0 (E[ε] = 0, E[ε²] = s², E[ε³] = 0, E[ε⁴] = 3s⁴, …). Centring first lets μ cancel before the
 * moments enter, which keeps the result small when μ is a complicated activation. Independent
 * responses are integrated one after the other. Call on a thread prepared for Symja.
 */
final class GaussianMoments {
    private final SymjaEngine engine;
    private final Map<Integer, IExpr> generic = new HashMap<>();
    private final ISymbol sigma = F.symbol("sMoment");

    GaussianMoments(SymjaEngine engine) {
        this.engine = engine;
    }

    /** 𝔼 over independent y_l ~ N(mean_l, s²) of {@code polynomial}. */
    IExpr expectation(IExpr polynomial, IExpr[] y, IExpr[] mean, IExpr s) {
        ISymbol[] eps = new ISymbol[y.length];
        var centre = F.ListAlloc(y.length);
        for (int l = 0; l < y.length; l++) {
            eps[l] = F.symbol("epsResponse" + (l + 1));
            centre.append(F.Rule(y[l], F.Plus(mean[l], eps[l])));
        }
        IExpr e = value(F.ReplaceAll(polynomial, centre), "centring the polynomial at y = \u03bc");
        for (int l = 0; l < y.length; l++) {
            if (e.isZero()) {
                return e;
            }
            // the coefficient of ε^j is the j-th Taylor coefficient D[p, {ε, j}]/j! at ε = 0: unlike
            // CoefficientList it leaves the coefficients' own structure unexpanded
            IExpr degree = value(F.Exponent(e, eps[l]), "the degree in " + eps[l]);
            if (!degree.isInteger() || degree.toIntDefault() < 0) {
                throw new SpecificationException(ErrorCode.UNSUPPORTED, "Gaussian expectation",
                        "Gaussian expectation: not a polynomial in " + eps[l] + " (degree " + SymjaExprs.input(degree) + ")");
            }
            int n = degree.toIntDefault();
            IExpr[] terms = new IExpr[n + 1];
            for (int j = 0; j <= n; j++) {
                IExpr derivative = j == 0 ? e : F.D(e, F.List(eps[l], F.ZZ(j)));
                IExpr coefficient = F.Times(F.ReplaceAll(derivative, F.Rule(eps[l], F.C0)), F.QQ(1, factorial(j)));
                terms[j] = F.Times(coefficient, centralMoment(j, s));
            }
            e = value(terms.length == 1 ? terms[0] : F.Plus(terms), "the expectation over " + y[l]);
        }
        return e;
    }

    private static long factorial(int j) {
        long f = 1;
        for (int k = 2; k <= j; k++) {
            f *= k;
        }
        return f;
    }

    /** E[ε^j] for ε ~ N(0, s²). */
    IExpr centralMoment(int j, IExpr s) {
        IExpr m = generic.computeIfAbsent(j, k -> {
            ISymbol tau = F.symbol("tauMoment");
            IExpr mgf = F.Power(S.E, F.Times(F.C1D2, F.Power(sigma, F.C2), F.Power(tau, F.C2)));
            IExpr derivative = k == 0 ? mgf : F.D(mgf, F.List(tau, F.ZZ(k)));
            return value(F.Expand(F.ReplaceAll(derivative, F.Rule(tau, F.C0))), "the Gaussian moment of order " + k);
        });
        return value(F.ReplaceAll(m, F.Rule(sigma, s)), "the Gaussian moment of order " + j);
    }

    private IExpr value(IExpr e, String what) {
        SymjaResult<IExpr> r = engine.evaluate(e);
        if (r instanceof SymjaResult.Undecided<IExpr> u) {
            throw new SpecificationException(ErrorCode.UNSUPPORTED, what, what + ": " + u.explanation());
        }
        return r.valueOrThrow();
    }
}
