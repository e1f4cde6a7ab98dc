package org.neuromanifold.numeric.expr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuromanifold.core.expr.Exprs.augmentedInput;
import static org.neuromanifold.core.expr.Exprs.constant;
import static org.neuromanifold.core.expr.Exprs.diag;
import static org.neuromanifold.core.expr.Exprs.dot;
import static org.neuromanifold.core.expr.Exprs.grad;
import static org.neuromanifold.core.expr.Exprs.input;
import static org.neuromanifold.core.expr.Exprs.kron;
import static org.neuromanifold.core.expr.Exprs.matmul;
import static org.neuromanifold.core.expr.Exprs.outer;
import static org.neuromanifold.core.expr.Exprs.params;
import static org.neuromanifold.core.expr.Exprs.preActivation;
import static org.neuromanifold.core.expr.Exprs.scalarTerm;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neuromanifold.core.activation.Tanh;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;
import org.neuromanifold.core.expr.Expr;
import org.neuromanifold.core.model.Network;
import org.neuromanifold.core.model.ParameterGroup;
import org.neuromanifold.core.scalar.Fn;
import org.neuromanifold.core.scalar.Term;
import org.neuromanifold.numeric.random.Xoshiro256PlusPlus;
import org.neuromanifold.numeric.tensor.Tensor;

/**
 * The tensor notation of the relative Fisher information (x̃, z^{(t)}, diag, ⊗, scalar terms) against
 * values computed by hand from θ and x, and its derivatives against central differences
 * (step 10⁻⁵, tolerance 10⁻⁶ relative to the entries' scale).
 */
class TensorNotationTest {
    static final Network NET = Network.mlp(new int[] {3, 4, 2}, new Tanh(), new Tanh(), true);
    static final double[] THETA = ExprNodeTest.gaussian(Xoshiro256PlusPlus.of(7), NET.parameterCount());
    static final double[] X = {0.4, -1.2, 0.9};
    static final ParameterGroup NEURON = new ParameterGroup.Neuron(0, 2);

    private final ExprEvaluator ev = new ExprEvaluator();

    Tensor value(Expr e) {
        Estimate est = ev.evaluate(e, EvalContext.builder(NET, THETA).input(X).build());
        assertTrue(est.exact());
        return est.value();
    }

    /** z⁰ = W⁰x + b⁰ and z¹ = W¹ tanh(z⁰) + b¹ by plain loops over the layout (W row-major, then b). */
    static double[][] preActivationsByHand() {
        double[] z0 = new double[4];
        for (int i = 0; i < 4; i++) {
            z0[i] = THETA[12 + i];
            for (int j = 0; j < 3; j++) {
                z0[i] += THETA[i * 3 + j] * X[j];
            }
        }
        double[] z1 = new double[2];
        for (int i = 0; i < 2; i++) {
            z1[i] = THETA[16 + 8 + i];
            for (int j = 0; j < 4; j++) {
                z1[i] += THETA[16 + i * 4 + j] * Math.tanh(z0[j]);
            }
        }
        return new double[][] {z0, z1};
    }

    @Test
    void augmentedInputAppendsOne() {
        Tensor v = value(augmentedInput());
        assertEquals(1, v.rank());
        assertArrayEquals(new double[] {0.4, -1.2, 0.9, 1.0}, v.toArray());
    }

    @Test
    void neuronWeightsDotAugmentedInputIsThePreActivation() {
        double[][] z = preActivationsByHand();
        assertArrayEquals(z[0], value(preActivation(0)).toArray(), 1e-14);
        assertArrayEquals(z[1], value(preActivation(1)).toArray(), 1e-14);
        assertEquals(z[0][2], value(dot(params(NEURON), augmentedInput())).toArray()[0], 1e-14);
        var e = assertThrows(SpecificationException.class, () -> value(preActivation(2)));
        assertEquals(ErrorCode.OUT_OF_RANGE, e.code());
    }

    @Test
    void diagOfAVectorAndOfBlocks() {
        Tensor d = value(diag(input()));
        assertArrayEquals(new double[] {0.4, 0, 0, 0, -1.2, 0, 0, 0, 0.9}, d.toArray());
        // diag(x xᵀ, 2, x): 3×3 block, a 1×1 block, three 1×1 blocks → 7×7
        Tensor b = value(diag(outer(input(), input()), constant(2), input()));
        assertEquals(7, b.rows());
        assertEquals(7, b.cols());
        double[] m = b.toArray();
        for (int i = 0; i < 7; i++) {
            for (int j = 0; j < 7; j++) {
                double expected = i < 3 && j < 3 ? X[i] * X[j] : i == 3 && j == 3 ? 2 : i >= 4 && i == j ? X[i - 4] : 0;
                assertEquals(expected, m[i * 7 + j], 0.0, "entry " + i + "," + j);
            }
        }
    }

    @Test
    void kronOfMatricesAndVectors() {
        Expr a = outer(input(), augmentedInput()); // 3×4
        Expr b = diag(constant(2), constant(-1)); // 2×2
        double[] xt = {0.4, -1.2, 0.9, 1.0};
        Tensor k = value(kron(a, b));
        assertEquals(6, k.rows());
        assertEquals(8, k.cols());
        double[][] bm = {{2, 0}, {0, -1}};
        for (int i = 0; i < 3; i++) {
            for (int kk = 0; kk < 2; kk++) {
                for (int j = 0; j < 4; j++) {
                    for (int l = 0; l < 2; l++) {
                        assertEquals(X[i] * xt[j] * bm[kk][l], k.toArray()[(i * 2 + kk) * 8 + j * 2 + l], 0.0);
                    }
                }
            }
        }
        // the mixed-product property (a ⊗ b)(c ⊗ d)ᵀ = (a cᵀ) ⊗ (b dᵀ) for vectors, by two routes
        Expr v = kron(input(), augmentedInput());
        assertEquals(12, value(v).rows());
        assertArrayEquals(value(kron(outer(input(), input()), outer(augmentedInput(), augmentedInput()))).toArray(),
                value(outer(v, v)).toArray(), 1e-15);
    }

    @Test
    void scalarTermAtBoundExpressions() {
        Term t = Term.variable("t");
        // ν(t) = sech²(t)/s² at t = ⟨w, x̃⟩, elementwise on z⁰, and a piecewise term on both sides of 0
        Term nu = Term.quotient(Term.square(Term.apply(Fn.SECH, t)), Term.square(Term.variable("s")));
        double[][] z = preActivationsByHand();
        double s = 0.7;
        double expected = 1 / (Math.cosh(z[0][2]) * Math.cosh(z[0][2]) * s * s);
        assertEquals(expected, value(scalarTerm(nu, "t", dot(params(NEURON), augmentedInput()), Map.of("s", s)))
                .toArray()[0], 1e-14 * expected);
        double[] onLayer = value(scalarTerm(nu, "t", preActivation(0), Map.of("s", s))).toArray();
        for (int i = 0; i < 4; i++) {
            assertEquals(1 / (Math.cosh(z[0][i]) * Math.cosh(z[0][i]) * s * s), onLayer[i], 1e-13);
        }
        Term leaky = new Term.Piecewise(t, Term.square(Term.variable("iota")), Term.ONE);
        double[] pw = value(scalarTerm(leaky, "t", preActivation(0), Map.of("iota", 0.3))).toArray();
        for (int i = 0; i < 4; i++) {
            assertEquals(z[0][i] < 0 ? 0.09 : 1.0, pw[i], 1e-15);
        }
        var e = assertThrows(SpecificationException.class,
                () -> value(scalarTerm(nu, "t", preActivation(0), Map.of())));
        assertEquals(ErrorCode.UNKNOWN_SYMBOL, e.code());
        // a term that does not use its argument still takes the argument's shape (a constant ν on a layer)
        Tensor constant = value(scalarTerm(Term.power(Term.variable("s"), Term.constant(-2)), "t", preActivation(0),
                Map.of("s", 0.5)));
        assertEquals(1, constant.rank());
        assertArrayEquals(new double[] {4, 4, 4, 4}, constant.toArray(), 0.0);
    }

    @Test
    void derivativesThroughTheNewNodesMatchCentralDifferences() {
        // f(θ) = 1ᵀ [diag(tanh(z⁰)) ⊗ x̃x̃ᵀ] x̃-blocks, a scalar through ScalarTerm, PreActivation, Diag and Kron
        Expr nu = scalarTerm(Term.apply(Fn.TANH, Term.variable("t")), "t", preActivation(0), Map.of());
        Expr big = kron(diag(nu), outer(augmentedInput(), augmentedInput()));
        Expr ones = kron(preActivation(0), augmentedInput());
        Expr f = dot(ones, matmul(big, ones));
        double[] g = value(grad(f, ParameterGroup.ALL)).toArray();
        double h = 1e-5;
        for (int k = 0; k < THETA.length; k++) {
            double[] plus = THETA.clone();
            double[] minus = THETA.clone();
            plus[k] += h;
            minus[k] -= h;
            double fd = (scalarAt(f, plus) - scalarAt(f, minus)) / (2 * h);
            assertEquals(fd, g[k], 1e-6 * Math.max(1, Math.abs(fd)), "∂f/∂θ_" + k);
        }
    }

    private double scalarAt(Expr f, double[] theta) {
        return ev.evaluate(f, EvalContext.builder(NET, theta).input(X).build()).value().toArray()[0];
    }
}
