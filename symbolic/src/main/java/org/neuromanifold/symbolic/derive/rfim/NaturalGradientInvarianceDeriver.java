package org.neuromanifold.symbolic.derive.rfim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import org.neuromanifold.core.activation.Sigmoid;
import org.neuromanifold.core.activation.Tanh;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;
import org.neuromanifold.core.expr.Relation;
import org.neuromanifold.core.model.Dense;
import org.neuromanifold.core.model.Network;
import org.neuromanifold.core.result.Formula;
import org.neuromanifold.core.result.SymbolicOutcome;
import org.neuromanifold.core.result.SymbolicVerdict;
import org.neuromanifold.numeric.autodiff.AutoDiff;
import org.neuromanifold.numeric.autodiff.Tape;
import org.neuromanifold.numeric.random.Xoshiro256PlusPlus;
import org.neuromanifold.core.scalar.Fn;
import org.neuromanifold.symbolic.derive.ChainBuilder;
import org.neuromanifold.symbolic.derive.DeriveRequest;
import org.neuromanifold.symbolic.derive.DerivedResult;
import org.neuromanifold.symbolic.derive.Deriver;
import org.neuromanifold.symbolic.derive.NumericComparison;
import org.neuromanifold.symbolic.derive.Points;
import org.neuromanifold.symbolic.symja.Assumptions;
import org.neuromanifold.symbolic.symja.SymbolTable;
import org.neuromanifold.symbolic.symja.SymjaEngine;
import org.neuromanifold.symbolic.symja.SymjaExprs;
import org.neuromanifold.symbolic.symja.SymjaResult;

/**
 * {@code ng-invariance}: for Θ = φ(Λ) with Jacobian J, g_Λ = Jᵀ g_Θ J, ∇_Λ L = Jᵀ ∇_Θ L, and the natural
 * gradient is invariant to first order, J g_Λ⁻¹ ∇_Λ L = g_Θ⁻¹ ∇_Θ L (seed 003, §2, eq. 8).
 *
 * <p>Symbolic, on a small concrete model: a linear Gaussian neuron y ~ N(wx + b, 1) on two samples
 * (x₁, y₁), (x₂, y₂) with L = Σ_k (y_k − wx_k − b)²/2, reparametrised by (w, b) = φ(λ₁, λ₂) =
 * (e^{λ₁}, λ₁ + λ₂). Symja computes g_Λ and g_Θ from the definition (Gaussian moments of the scores), the
 * gradients and J by {@code D}; the chain is
 * <pre>
 * J g_Λ⁻¹ ∇_Λ L = J (Jᵀ g_Θ J)⁻¹ Jᵀ ∇_Θ L     g_Λ = Jᵀ g_Θ J and ∇_Λ L = Jᵀ ∇_Θ L (chain rule), proved entrywise
 *              = g_Θ⁻¹ ∇_Θ L                 (Jᵀ g J)⁻¹ = J⁻¹ g⁻¹ J⁻ᵀ, det J = e^{λ₁} ≠ 0
 *              = its closed form            Simplify
 * </pre>
 * each step also checked numerically at random (λ, x, y). Numeric, on random reparametrisations of a
 * tanh network with one Bernoulli output (θ = Aλ + 0.3 tanh λ, A random near the identity): the three
 * identities with Fisher matrices from the seed's model on the tape summed over 8P samples, J by
 * autodiff, inverses by Commons Math.
 */
public final class NaturalGradientInvarianceDeriver implements Deriver {
    private static final List<String> LAMBDA = List.of("lambda1", "lambda2");

    @Override
    public String id() {
        return "ng-invariance";
    }

    @Override
    public List<String> variants() {
        return List.of("linear-gaussian");
    }

    @Override
    public DerivedResult derive(DeriveRequest request) {
        Rfim.allowOnly(request, Set.of());
        if (!request.variantOr("linear-gaussian").equals("linear-gaussian")) {
            throw new SpecificationException(ErrorCode.UNSUPPORTED, "variant", "variant: expected one of " + variants()
                    + ", got '" + request.variant() + "'");
        }
        SymjaEngine.prepareThread();
        try {
            return derive(request, new Model());
        } catch (RuntimeException e) {
            return Rfim.incomplete(id(), "Invariance of the natural gradient", "linear-gaussian",
                    new org.neuromanifold.core.expr.Expr.FisherInformation(org.neuromanifold.core.model.ParameterGroup.ALL), e);
        }
    }

    private DerivedResult derive(DeriveRequest request, Model m) {
        List<Map<String, Double>> points = Points.uniform(request.seed(), request.points(), List.of(
                new Points.Range("lambda1", -1, 1), new Points.Range("lambda2", -1, 1), new Points.Range("x1", -2, -0.5),
                new Points.Range("x2", 0.5, 2), new Points.Range("y1", -2, 2), new Points.Range("y2", -2, 2)), Map.of());

        MatrixTerm e0 = MatrixTerm.product(m.jacobian, new MatrixTerm.Inverse(m.fisherLambda), m.gradLambda);
        MatrixTerm e1 = MatrixTerm.product(m.jacobian, new MatrixTerm.Inverse(MatrixTerm.product(
                new MatrixTerm.Transpose(m.jacobian), m.fisherTheta, m.jacobian)), new MatrixTerm.Transpose(m.jacobian),
                m.gradTheta);
        MatrixTerm e2 = MatrixTerm.product(new MatrixTerm.Inverse(m.fisherTheta), m.gradTheta);
        ChainBuilder<Map<String, Double>> chain = ChainBuilder.start(id(), "Invariance of the natural gradient",
                "linear-gaussian", points, 1e-9, formula(e0), p -> MatrixTerm.flatValue(e0, m.table, p));
        chain.assume("$y \\sim \\mathcal{N}(w x + b, 1)$ on two samples $(x_1, y_1), (x_2, y_2)$, $L = \\sum_k (y_k - "
                + "w x_k - b)^2/2$, $g$ the Fisher information of the sample; $\\Theta = (w, b) = \\varphi(\\Lambda) = "
                + "(e^{\\lambda_1}, \\lambda_1 + \\lambda_2)$, $J = \\partial\\Theta/\\partial\\Lambda$; every matrix "
                + "below computed by Symja from these definitions, $g_\\Theta$ and $\\nabla_\\Theta L$ at $\\Theta = "
                + "\\varphi(\\Lambda)$");
        chain.assume("numeric points: $\\lambda \\in [-1, 1]^2$, $x_1 \\in [-2, -0.5]$, $x_2 \\in [0.5, 2]$ (so $g$ is "
                + "invertible), $y \\in [-2, 2]^2$");
        chain.step(Relation.EQ, formula(e1), p -> MatrixTerm.flatValue(e1, m.table, p), "$g_\\Lambda = J^{\\top} g_\\Theta "
                + "J$ and $\\nabla_\\Lambda L = J^{\\top} \\nabla_\\Theta L$ (chain rule on the scores and on $L$)", List.of(),
                m::proveTransformations);
        chain.step(Relation.EQ, formula(e2), p -> MatrixTerm.flatValue(e2, m.table, p), "$(J^{\\top} g J)^{-1} = J^{-1} "
                + "g^{-1} J^{-\\top}$ for invertible $J$ ($\\det J = " + SymjaExprs.input(m.determinant) + " \\ne 0$)",
                List.of(), () -> m.proveEqual(e1, e2));
        MatrixTerm e3 = m.closedForm(e2);
        chain.step(Relation.EQ, formula(e3), p -> MatrixTerm.flatValue(e3, m.table, p), "Simplify", List.of(),
                () -> m.proveEqual(e2, e3));
        return new DerivedResult(chain.build(), Optional.empty(), numeric(request).checks(), Optional.empty());
    }

    private static Formula formula(MatrixTerm m) {
        return new Formula.OfSymja(SymjaExprs.input(MatrixTerm.symja(m)));
    }

    /** The concrete model's matrices, computed by Symja from the definitions. */
    private static final class Model {
        final SymbolTable table = SymbolTable.create();
        final SymjaEngine engine = SymjaEngine.shared();
        final ISymbol w = symbol("w");
        final ISymbol b = symbol("b");
        final ISymbol[] lambda = {symbol(LAMBDA.get(0)), symbol(LAMBDA.get(1))};
        final ISymbol[] x = {symbol("x1"), symbol("x2")};
        final ISymbol[] y = {symbol("y1"), symbol("y2")};
        final IAST reparametrise = F.List(F.Rule(w, F.Power(S.E, lambda[0])), F.Rule(b, F.Plus(lambda[0], lambda[1])));
        final MatrixTerm.Leaf jacobian;
        final MatrixTerm.Leaf fisherTheta;
        final MatrixTerm.Leaf fisherLambda;
        final MatrixTerm.Leaf gradTheta;
        final MatrixTerm.Leaf gradLambda;
        final IExpr determinant;

        Model() {
            IExpr[] theta = {w, b};
            IExpr[] phi = {value(F.ReplaceAll(w, reparametrise)), value(F.ReplaceAll(b, reparametrise))};
            IExpr[] j = new IExpr[4];
            for (int i = 0; i < 2; i++) {
                for (int k = 0; k < 2; k++) {
                    j[i * 2 + k] = value(F.D(phi[i], lambda[k]));
                }
            }
            jacobian = new MatrixTerm.Leaf("J", 2, 2, j);
            determinant = value(F.Det(MatrixTerm.symja(jacobian)));
            fisherTheta = fisher(theta, false);
            fisherLambda = fisher(lambda, true);
            IExpr loss = F.ZZ(0);
            for (int k = 0; k < 2; k++) {
                loss = F.Plus(loss, F.Times(F.C1D2, F.Sqr(F.Subtract(y[k], F.Plus(F.Times(w, x[k]), b)))));
            }
            IExpr[] gt = new IExpr[2];
            IExpr[] gl = new IExpr[2];
            for (int a = 0; a < 2; a++) {
                gt[a] = value(F.ReplaceAll(F.D(loss, theta[a]), reparametrise));
                gl[a] = value(F.D(F.ReplaceAll(loss, reparametrise), lambda[a]));
            }
            gradTheta = new MatrixTerm.Leaf("\u2207_\u0398 L", 2, 1, gt);
            gradLambda = new MatrixTerm.Leaf("\u2207_\u039b L", 2, 1, gl);
        }

        private ISymbol symbol(String name) {
            return F.symbol(table.symjaName(name));
        }

        /**
         * Σ_k E_y[∂_a ln p_k ∂_c ln p_k] with ln p_k = −(y − wx_k − b)²/2, in Θ (then at Θ = φ(Λ)) or, with
         * {@code inLambda}, with ln p_k(φ(Λ)) differentiated by Λ.
         */
        private MatrixTerm.Leaf fisher(IExpr[] coordinates, boolean inLambda) {
            GaussianMoments moments = new GaussianMoments(engine);
            ISymbol response = F.symbol("yResponse");
            IExpr[] g = new IExpr[4];
            for (int a = 0; a < 2; a++) {
                for (int c = 0; c < 2; c++) {
                    IExpr sum = F.C0;
                    for (int k = 0; k < 2; k++) {
                        IExpr mean = F.Plus(F.Times(w, x[k]), b);
                        IExpr lnp = F.Times(F.CN1D2, F.Sqr(F.Subtract(response, mean)));
                        if (inLambda) {
                            lnp = F.ReplaceAll(lnp, reparametrise);
                            mean = F.ReplaceAll(mean, reparametrise);
                        }
                        IExpr product = F.Times(value(F.D(lnp, coordinates[a])), value(F.D(lnp, coordinates[c])));
                        sum = F.Plus(sum, moments.expectation(product, new IExpr[] {response},
                                new IExpr[] {value(mean)}, F.C1));
                    }
                    g[a * 2 + c] = value(inLambda ? sum : F.ReplaceAll(sum, reparametrise));
                }
            }
            return new MatrixTerm.Leaf(inLambda ? "g_\u039b" : "g_\u0398", 2, 2, g);
        }

        private IExpr value(IExpr e) {
            SymjaResult<IExpr> r = engine.evaluate(e);
            if (r instanceof SymjaResult.Undecided<IExpr> u) {
                throw new IllegalStateException("Symja gave no value for " + SymjaExprs.input(e) + ": " + u.explanation());
            }
            return r.valueOrThrow();
        }

        /** The explicit entries of a matrix expression (evaluated by Symja). */
        SymTensor explicit(MatrixTerm m) {
            IExpr v = value(MatrixTerm.symja(m));
            List<IExpr> entries = new ArrayList<>();
            int rows = ((IAST) v).argSize();
            int cols = 1;
            for (int i = 1; i <= rows; i++) {
                IExpr row = ((IAST) v).get(i);
                if (row.isList()) {
                    cols = ((IAST) row).argSize();
                    for (int k = 1; k <= cols; k++) {
                        entries.add(((IAST) row).get(k));
                    }
                } else {
                    entries.add(row);
                }
            }
            return SymTensor.matrix(rows, cols, entries.toArray(IExpr[]::new));
        }

        Assumptions assumptions() {
            return Assumptions.none();
        }

        SymbolicVerdict proveTransformations() {
            MatrixTerm jtgj = MatrixTerm.product(new MatrixTerm.Transpose(jacobian), fisherTheta, jacobian);
            MatrixTerm jtgrad = MatrixTerm.product(new MatrixTerm.Transpose(jacobian), gradTheta);
            SymbolicVerdict g = EntrywiseProof.equal(explicit(fisherLambda), explicit(jtgj), assumptions(),
                    "the concrete model (g_\u039b vs J\u1d40 g_\u0398 J)");
            SymbolicVerdict d = EntrywiseProof.equal(explicit(gradLambda), explicit(jtgrad), assumptions(),
                    "the concrete model (\u2207_\u039b L vs J\u1d40 \u2207_\u0398 L)");
            if (g.outcome() != SymbolicOutcome.PROVED) {
                return g;
            }
            if (d.outcome() != SymbolicOutcome.PROVED) {
                return d;
            }
            return SymbolicVerdict.proved("g_\u039b = J\u1d40 g_\u0398 J: " + g.detail() + "; \u2207_\u039b L = J\u1d40 "
                    + "\u2207_\u0398 L: " + d.detail() + "; the two sides are then the same expression");
        }

        SymbolicVerdict proveEqual(MatrixTerm a, MatrixTerm c) {
            return EntrywiseProof.equal(explicit(a), explicit(c), assumptions(), "the concrete model");
        }

        MatrixTerm closedForm(MatrixTerm m) {
            SymTensor v = explicit(m);
            IExpr[] out = new IExpr[v.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = value(F.Simplify(v.get(i)));
            }
            return new MatrixTerm.Leaf("closed form", v.rows(), v.cols(), out);
        }
    }

    // ---- numeric: random reparametrisations of a Bernoulli network ---------------------------------------

    /**
     * The numeric side: the three identities as cross-checks, and for contrast the ordinary gradient, whose
     * map J ∇_Λ L does not give back ∇_Θ L (plain gradient descent is not invariant).
     */
    record Numeric(List<DerivedResult.CrossCheck> checks, org.neuromanifold.core.result.NumericCertificate plainGradient) {
    }

    /** The three identities on random reparametrisations θ = Aλ + 0.3 tanh λ of a 2 → 3 → 1 Bernoulli network. */
    static Numeric numeric(DeriveRequest request) {
        StochasticNetwork net = new StochasticNetwork(Network.of(2, List.of(new Dense(2, 3, true, new Tanh()),
                new Dense(3, 1, true, new Sigmoid()))), new ResponseModel.SigmoidBernoulli());
        int p = net.declared().parameterCount();
        int n = 8 * p;
        List<double[]> gl = new ArrayList<>();
        List<double[]> jgj = new ArrayList<>();
        List<double[]> dl = new ArrayList<>();
        List<double[]> jd = new ArrayList<>();
        List<double[]> ngl = new ArrayList<>();
        List<double[]> ngt = new ArrayList<>();
        List<double[]> plain = new ArrayList<>();
        List<double[]> thetaGradients = new ArrayList<>();
        double condition = 1;
        for (int trial = 0; trial < request.points(); trial++) {
            Xoshiro256PlusPlus rng = Xoshiro256PlusPlus.of(request.seed(), 1000 + trial);
            double[] a = new double[p * p];
            rng.fillGaussian(a, 0, a.length, 0, 0.3 / Math.sqrt(p));
            for (int i = 0; i < p; i++) {
                a[i * p + i] += 1;
            }
            DefinitionFisher.Coordinates phi = (t, lam) -> t.add(t.matmul(t.matrix(p, p, a), lam),
                    t.scale(t.fn(Fn.TANH, lam), 0.3));
            double[] lambda = new double[p];
            rng.fillGaussian(lambda, 0, p, 0, 0.5);
            double[][] xs = new double[n][2];
            double[] ys = new double[n];
            for (int k = 0; k < n; k++) {
                rng.fillGaussian(xs[k], 0, 2, 0, 1);
                ys[k] = rng.nextDouble() < 0.5 ? 0 : 1;
            }
            Tape t = new Tape();
            int lam = t.vector(lambda);
            int th = phi.theta(t, lam);
            double[] theta = t.toArray(th);
            RealMatrix j = new Array2DRowRealMatrix(p, p);
            double[] jac = t.toArray(AutoDiff.jacobian(t, th, lam));
            for (int r = 0; r < p; r++) {
                for (int c = 0; c < p; c++) {
                    j.setEntry(r, c, jac[r * p + c]);
                }
            }
            RealMatrix gTheta = new Array2DRowRealMatrix(p, p);
            RealMatrix gLambda = new Array2DRowRealMatrix(p, p);
            RealVector dTheta = new ArrayRealVector(p);
            RealVector dLambda = new ArrayRealVector(p);
            int[] all = java.util.stream.IntStream.range(0, p).toArray();
            for (int k = 0; k < n; k++) {
                gTheta = gTheta.add(new Array2DRowRealMatrix(DefinitionFisher.fisher(net,
                        DefinitionFisher.Coordinates.IDENTITY, theta, xs[k], all)));
                gLambda = gLambda.add(new Array2DRowRealMatrix(DefinitionFisher.fisher(net, phi, lambda, xs[k], all)));
                double[] y = {ys[k]};
                dTheta = dTheta.add(new ArrayRealVector(DefinitionFisher.lossGradient(net,
                        DefinitionFisher.Coordinates.IDENTITY, theta, xs[k], y)));
                dLambda = dLambda.add(new ArrayRealVector(DefinitionFisher.lossGradient(net, phi, lambda, xs[k], y)));
            }
            gl.add(flat(gLambda));
            jgj.add(flat(j.transpose().multiply(gTheta).multiply(j)));
            dl.add(dLambda.toArray());
            jd.add(j.transpose().operate(dTheta).toArray());
            // both natural gradients in units of ‖g_Θ⁻¹∇_ΘL‖: solving with g loses about κ(g)·2⁻⁵² of it
            RealVector natural = new LUDecomposition(gTheta).getSolver().solve(dTheta);
            double scale = natural.getNorm();
            ngl.add(j.operate(new LUDecomposition(gLambda).getSolver().solve(dLambda)).mapDivide(scale).toArray());
            ngt.add(natural.mapDivide(scale).toArray());
            double[] sv = new org.apache.commons.math3.linear.SingularValueDecomposition(gTheta).getSingularValues();
            condition = Math.max(condition, sv[0] / sv[sv.length - 1]);
            plain.add(j.operate(dLambda).toArray());
            thetaGradients.add(dTheta.toArray());
        }
        String setting = " on " + request.points() + " random reparametrisations \u03b8 = A\u03bb + 0.3 tanh \u03bb (A = I + "
                + "N(0, 0.09/P), \u03bb ~ N(0, 0.25 I)) of a 2 \u2192 3 \u2192 1 tanh network with a Bernoulli output (P = " + p + "), Fisher "
                + "information from the seed's model on the tape summed over n = " + n + " random inputs, \u2207L of the "
                + "negative log-likelihood at random labels, J by autodiff";
        return new Numeric(List.of(
                new DerivedResult.CrossCheck("g_\u039b (scores by autodiff through \u03c6) vs J\u1d40 g_\u0398 J" + setting,
                        NumericComparison.compare(Relation.EQ, gl, jgj, 1e-9)),
                new DerivedResult.CrossCheck("\u2207_\u039b L vs J\u1d40 \u2207_\u0398 L" + setting,
                        NumericComparison.compare(Relation.EQ, dl, jd, 1e-9)),
                new DerivedResult.CrossCheck("J g_\u039b\u207b\u00b9 \u2207_\u039b L vs g_\u0398\u207b\u00b9 \u2207_\u0398 L, "
                        + "both divided by \u2016g_\u0398\u207b\u00b9 \u2207_\u0398 L\u2016 (Commons Math LU solves; largest "
                        + "condition number of g_\u0398 " + String.format(java.util.Locale.ROOT, "%.3g", condition)
                        + ", tolerance max(10\u207b\u2079, 10\u207b\u00b9\u00b3\u00b7\u03ba))" + setting,
                        NumericComparison.compare(Relation.EQ, ngl, ngt, Math.max(1e-9, 1e-13 * condition)))),
                NumericComparison.compare(Relation.EQ, plain, thetaGradients, 1e-7));
    }

    private static double[] flat(RealMatrix m) {
        double[] out = new double[m.getRowDimension() * m.getColumnDimension()];
        for (int i = 0; i < m.getRowDimension(); i++) {
            for (int c = 0; c < m.getColumnDimension(); c++) {
                out[i * m.getColumnDimension() + c] = m.getEntry(i, c);
            }
        }
        return out;
    }
}
