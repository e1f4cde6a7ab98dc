package org.neuromanifold.numeric.autodiff;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuromanifold.numeric.autodiff.FiniteDifferences.TOLERANCE;
import static org.neuromanifold.numeric.autodiff.FiniteDifferences.dot;
import static org.neuromanifold.numeric.autodiff.FiniteDifferences.maxAbs;
import static org.neuromanifold.numeric.autodiff.OpCase.awayFromZero;
import static org.neuromanifold.numeric.autodiff.OpCase.uniform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.neuromanifold.core.activation.Activation;
import org.neuromanifold.core.activation.Activations;
import org.neuromanifold.core.activation.CustomActivation;
import org.neuromanifold.core.scalar.Fn;

/**
 * Every op of the rule table, differentiated three ways and compared with independent values:
 * reverse mode against central finite differences along a random direction, forward mode against
 * reverse mode through ⟨w, J u⟩ = ⟨Jᵀw, u⟩ and against finite differences, and (where second
 * derivatives exist) the forward-over-reverse Hessian-vector product against finite differences of
 * gradients and against the reverse-over-reverse dense Hessian. Tolerances: see
 * {@link FiniteDifferences}; the exact-versus-exact comparisons differ only by rounding, bounded here
 * by 10⁻¹² relative.
 */
class RuleTableTest {
    private static final double EXACT = 1e-12;
    private static final int POINTS = 3;

    static List<OpCase> cases() {
        List<OpCase> c = new ArrayList<>();
        // elementwise arithmetic with scalar broadcasting
        c.add(new OpCase("add vv", uniform(6, -1, 1), (t, x) -> t.add(vec(t, x, 0, 3), vec(t, x, 3, 3)), true));
        c.add(new OpCase("add sv", uniform(4, -1, 1), (t, x) -> t.add(sc(t, x, 0), vec(t, x, 1, 3)), true));
        c.add(new OpCase("add vs", uniform(4, -1, 1), (t, x) -> t.add(vec(t, x, 0, 3), sc(t, x, 3)), true));
        c.add(new OpCase("sub vv", uniform(6, -1, 1), (t, x) -> t.sub(vec(t, x, 0, 3), vec(t, x, 3, 3)), true));
        c.add(new OpCase("sub sv", uniform(4, -1, 1), (t, x) -> t.sub(sc(t, x, 0), vec(t, x, 1, 3)), true));
        c.add(new OpCase("sub vs", uniform(4, -1, 1), (t, x) -> t.sub(vec(t, x, 0, 3), sc(t, x, 3)), true));
        c.add(new OpCase("mul vv", uniform(6, -1, 1), (t, x) -> t.mul(vec(t, x, 0, 3), vec(t, x, 3, 3)), true));
        c.add(new OpCase("mul sv", uniform(4, -1, 1), (t, x) -> t.mul(sc(t, x, 0), vec(t, x, 1, 3)), true));
        c.add(new OpCase("mul mm", uniform(12, -1, 1), (t, x) -> t.mul(mat(t, x, 0, 2, 3), mat(t, x, 6, 2, 3)),
                true));
        c.add(new OpCase("div vv", awayFromZero(6), (t, x) -> t.div(vec(t, x, 0, 3), vec(t, x, 3, 3)), true));
        c.add(new OpCase("div sv", awayFromZero(4), (t, x) -> t.div(sc(t, x, 0), vec(t, x, 1, 3)), true));
        c.add(new OpCase("div vs", awayFromZero(4), (t, x) -> t.div(vec(t, x, 0, 3), sc(t, x, 3)), true));
        c.add(new OpCase("neg", uniform(3, -1, 1), (t, x) -> t.neg(x), true));
        c.add(new OpCase("scale", uniform(3, -1, 1), (t, x) -> t.scale(x, 2.5), true));
        c.add(new OpCase("broadcast", uniform(1, -1, 1), (t, x) -> t.broadcast(sc(t, x, 0), 2, 2, 2), true));
        for (int n : new int[] {0, 1, 2, 3, -1, -2}) {
            c.add(new OpCase("pow " + n, awayFromZero(3), (t, x) -> t.pow(x, n), true));
        }
        c.add(new OpCase("step", awayFromZero(3), (t, x) -> t.step(x), true));
        c.add(new OpCase("sign", awayFromZero(3), (t, x) -> t.sign(x), true));
        for (Fn fn : Fn.values()) {
            var domain = switch (fn) {
                case LOG, SQRT -> uniform(3, 0.3, 2);
                case ARCCOS -> uniform(3, -0.8, 0.8);
                case ABS -> awayFromZero(3);
                default -> uniform(3, -1.5, 1.5);
            };
            c.add(new OpCase("fn " + fn, domain, (t, x) -> t.fn(fn, x), true));
        }
        for (Activation sigma : activations()) {
            c.add(new OpCase("activation " + sigma.label(), awayFromZero(4), (t, x) -> t.activation(sigma, x),
                    true));
            boolean linear = Rules.piecewiseLinear(sigma);
            c.add(new OpCase("activation' " + sigma.label(), awayFromZero(4),
                    (t, x) -> t.activationDerivative(sigma, x), linear));
            if (linear) {
                c.add(new OpCase("activation'' " + sigma.label(), awayFromZero(4),
                        (t, x) -> t.activationSecondDerivative(sigma, x), true));
            }
        }
        // reductions and softmax
        c.add(new OpCase("sum", uniform(6, -1, 1), (t, x) -> t.sum(mat(t, x, 0, 2, 3)), true));
        c.add(new OpCase("dot", uniform(6, -1, 1), (t, x) -> t.dot(vec(t, x, 0, 3), vec(t, x, 3, 3)), true));
        c.add(new OpCase("softmax", uniform(4, -2, 2), (t, x) -> t.softmax(x), true));
        c.add(new OpCase("logSumExp", uniform(4, -2, 2), (t, x) -> t.logSumExp(x), true));
        // linear algebra
        c.add(new OpCase("outer", uniform(5, -1, 1), (t, x) -> t.outer(vec(t, x, 0, 3), vec(t, x, 3, 2)), true));
        c.add(new OpCase("matmul NN", uniform(12, -1, 1),
                (t, x) -> t.matmul(mat(t, x, 0, 2, 3), mat(t, x, 6, 3, 2), false, false), true));
        c.add(new OpCase("matmul TN", uniform(18, -1, 1),
                (t, x) -> t.matmul(mat(t, x, 0, 3, 2), mat(t, x, 6, 3, 4), true, false), true));
        c.add(new OpCase("matmul NT", uniform(18, -1, 1),
                (t, x) -> t.matmul(mat(t, x, 0, 2, 3), mat(t, x, 6, 4, 3), false, true), true));
        c.add(new OpCase("matmul TT", uniform(18, -1, 1),
                (t, x) -> t.matmul(mat(t, x, 0, 3, 2), mat(t, x, 6, 4, 3), true, true), true));
        c.add(new OpCase("matvec", uniform(9, -1, 1), (t, x) -> t.matmul(mat(t, x, 0, 2, 3), vec(t, x, 6, 3)),
                true));
        c.add(new OpCase("matvec T", uniform(9, -1, 1),
                (t, x) -> t.matmul(mat(t, x, 0, 3, 2), vec(t, x, 6, 3), true, false), true));
        c.add(new OpCase("transpose", uniform(6, -1, 1), (t, x) -> t.transpose(mat(t, x, 0, 2, 3)), true));
        c.add(new OpCase("trace", uniform(9, -1, 1), (t, x) -> t.trace(mat(t, x, 0, 3, 3)), true));
        // structure
        c.add(new OpCase("reshape", uniform(6, -1, 1), (t, x) -> t.reshape(x, 2, 2, 3), true));
        c.add(new OpCase("slice", uniform(6, -1, 1), (t, x) -> t.slice(x, 1, 2, 2, 2), true));
        c.add(new OpCase("embed", uniform(3, -1, 1), (t, x) -> t.embed(x, 2, 2, 2, 3), true));
        c.add(new OpCase("gather", uniform(5, -1, 1), (t, x) -> t.gather(x, new int[] {0, 2, 2, 4}), true));
        c.add(new OpCase("scatter", uniform(3, -1, 1), (t, x) -> t.scatter(x, new int[] {1, 4, 1}, 5), true));
        c.add(new OpCase("concat", uniform(6, -1, 1),
                (t, x) -> t.concat(sc(t, x, 0), vec(t, x, 1, 2), vec(t, x, 3, 3)), true));
        c.add(new OpCase("stack", uniform(6, -1, 1),
                (t, x) -> t.stack(vec(t, x, 0, 2), vec(t, x, 2, 2), vec(t, x, 4, 2)), true));
        // losses, differentiated in both f and y
        c.add(new OpCase("square loss", uniform(6, -1, 1), (t, x) -> t.squareLoss(vec(t, x, 0, 3), vec(t, x, 3, 3)),
                true));
        c.add(new OpCase("bce loss", uniform(6, -2, 2), (t, x) -> t.bceLoss(vec(t, x, 0, 3), vec(t, x, 3, 3)), true));
        c.add(new OpCase("softmax ce loss", uniform(8, -2, 2),
                (t, x) -> t.softmaxCrossEntropy(vec(t, x, 0, 4), vec(t, x, 4, 4)), true));
        // hinge: y f ∈ {0.3, 0.5, 1.5, −1.7} (three active margins, one inactive), jittered by ±0.05
        c.add(new OpCase("hinge loss", r -> {
            double[] base = {0.3, -0.5, 1.5, -1.7, 1, -1, 1, 1};
            for (int i = 0; i < 8; i++) {
                base[i] += 0.05 * (2 * r.nextDouble() - 1);
            }
            return base;
        }, (t, x) -> t.hingeLoss(vec(t, x, 0, 4), vec(t, x, 4, 4)), true));
        // a composite: a two-layer tanh network with a softmax head, exercising fan-out and chains
        c.add(new OpCase("composite", uniform(10, -1, 1), (t, x) -> {
            int w = mat(t, x, 0, 2, 3);
            int v = vec(t, x, 6, 3);
            int h = t.fn(Fn.TANH, t.matmul(w, v));
            return t.softmax(t.add(t.mul(h, h), t.scale(h, 0.5)));
        }, true));
        return c;
    }

    static List<Activation> activations() {
        List<Activation> all = new ArrayList<>(Activations.all());
        all.add(CustomActivation.of("swish", "z*sigmoid(z)", Map.of(), false));
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reverseModeMatchesCentralDifferences(OpCase c) {
        SplittableRandom r = new SplittableRandom(c.name().hashCode());
        for (int p = 0; p < POINTS; p++) {
            double[] x = c.point().apply(r);
            double[] w = weightsFor(c, x, r);
            double[] u = unitDirection(x.length, r);
            double[] grad = gradient(c, x, w);
            double fd = FiniteDifferences.directional(z -> new double[] {weighted(c, z, w)}, x, u)[0];
            double ad = dot(grad, u);
            assertClose(fd, ad, TOLERANCE, c + ": ⟨∇s, u⟩ vs central difference");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void forwardModeAgreesWithReverseModeAndDifferences(OpCase c) {
        SplittableRandom r = new SplittableRandom(31L * c.name().hashCode());
        for (int p = 0; p < POINTS; p++) {
            double[] x = c.point().apply(r);
            double[] w = weightsFor(c, x, r);
            double[] u = unitDirection(x.length, r);
            Tape t = new Tape();
            int xn = t.vector(x);
            int out = c.body().apply(t, xn);
            int ju = AutoDiff.jvp(t, out, xn, t.vector(u));
            double[] jvp = t.toArray(ju);
            // ⟨w, J u⟩ = ⟨Jᵀ w, u⟩
            int jtw = AutoDiff.vjp(t, out, t.reshapeLike(t.vector(w), out), xn)[0];
            assertClose(dot(t.toArray(jtw), u), dot(w, jvp), EXACT, c + ": ⟨w, Ju⟩ vs ⟨Jᵀw, u⟩");
            double[] fd = FiniteDifferences.directional(z -> output(c, z), x, u);
            for (int i = 0; i < fd.length; i++) {
                assertClose(fd[i], jvp[i], TOLERANCE, c + ": (J u)[" + i + "] vs central difference");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hessianVectorProductMatchesDifferencesOfGradientsAndDenseHessian(OpCase c) {
        if (!c.secondOrder()) {
            return;
        }
        SplittableRandom r = new SplittableRandom(17L * c.name().hashCode());
        for (int p = 0; p < POINTS; p++) {
            double[] x = c.point().apply(r);
            double[] w = weightsFor(c, x, r);
            double[] v = unitDirection(x.length, r);
            Tape t = new Tape();
            int xn = t.vector(x);
            int s = t.dot(t.flatten(c.body().apply(t, xn)), t.vector(w));
            double[] hv = t.toArray(AutoDiff.hvp(t, s, xn, t.vector(v)));
            double[] fd = FiniteDifferences.directional(z -> gradient(c, z, w), x, v);
            double scale = Math.max(1, maxAbs(hv));
            for (int i = 0; i < hv.length; i++) {
                assertClose(fd[i], hv[i], TOLERANCE * scale, c + ": (Hv)[" + i + "] vs difference of gradients");
            }
            // reverse over reverse: the Jacobian of the recorded gradient, one reverse sweep per row
            int g = AutoDiff.grad(t, s, xn);
            double[] hRor = t.toArray(AutoDiff.jacobian(t, g, xn));
            double[] hFor = t.toArray(AutoDiff.hessian(t, s, xn));
            int n = x.length;
            for (int i = 0; i < n; i++) {
                double hvi = 0;
                for (int j = 0; j < n; j++) {
                    hvi += hRor[i * n + j] * v[j];
                    assertClose(hRor[i * n + j], hFor[i * n + j], EXACT * scale,
                            c + ": H[" + i + "," + j + "] forward-over-reverse vs reverse-over-reverse");
                }
                assertClose(hvi, hv[i], EXACT * scale, c + ": (Hv)[" + i + "] vs dense Hessian times v");
            }
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private static int vec(Tape t, int x, int off, int n) {
        return t.slice(x, off, 1, n, 1);
    }

    private static int mat(Tape t, int x, int off, int rows, int cols) {
        return t.slice(x, off, 2, rows, cols);
    }

    private static int sc(Tape t, int x, int off) {
        return t.slice(x, off, 0, 1, 1);
    }

    /** Random weights w for the scalarisation s(x) = ⟨w, body(x)⟩. */
    private static double[] weightsFor(OpCase c, double[] x, SplittableRandom r) {
        int n = output(c, x).length;
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = 2 * r.nextDouble() - 1;
        }
        return w;
    }

    private static double[] unitDirection(int n, SplittableRandom r) {
        double[] u = new double[n];
        double norm = 0;
        for (int i = 0; i < n; i++) {
            u[i] = r.nextGaussian();
            norm += u[i] * u[i];
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < n; i++) {
            u[i] /= norm;
        }
        return u;
    }

    private static double[] output(OpCase c, double[] x) {
        Tape t = new Tape();
        return t.toArray(c.body().apply(t, t.vector(x)));
    }

    private static double weighted(OpCase c, double[] x, double[] w) {
        return dot(output(c, x), w);
    }

    private static double[] gradient(OpCase c, double[] x, double[] w) {
        Tape t = new Tape();
        int xn = t.vector(x);
        int s = t.dot(t.flatten(c.body().apply(t, xn)), t.vector(w));
        return t.toArray(AutoDiff.grad(t, s, xn));
    }

    static void assertClose(double expected, double actual, double tol, String what) {
        double err = Math.abs(expected - actual);
        assertTrue(err <= tol * Math.max(1, Math.abs(expected)),
                what + ": expected " + expected + ", got " + actual + " (error " + err + ")");
    }
}
