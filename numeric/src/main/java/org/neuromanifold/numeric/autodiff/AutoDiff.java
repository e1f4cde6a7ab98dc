package org.neuromanifold.numeric.autodiff;

import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;
import org.neuromanifold.numeric.tensor.Tensor;

/**
 * Derivatives of what a {@link Tape} computed: reverse mode ({@link #vjp}, {@link #grad}), forward mode
 * ({@link #jvp}), exact Hessian-vector products ({@link #hvp}, forward over reverse), dense Jacobians
 * and Hessians.
 *
 * <p>Every derivative is itself recorded on the tape (the rules of {@link Rules} are tape ops), so the
 * returned handles can be used like any other node and differentiated again. Sweeps are loops over
 * node handles, which are in topological order: no recursion, no sorting. Fan-out is handled by
 * accumulating the cotangents of a node's consumers.
 *
 * <p>The static helpers at the end ({@link #gradient(TapeFunction, Tensor)} and friends) run a function
 * on a fresh tape for callers who do not want to manage one.
 */
public final class AutoDiff {
    private AutoDiff() {
    }

    /**
     * Reverse mode: the cotangents ⟨seed, ∂output/∂w⟩ for each {@code w} in {@code wrt}, i.e. the
     * vector-Jacobian products {@code seedᵀ J_w}. A {@code w} the output does not depend on gets a zero
     * node. {@code wrt} may name intermediate nodes: their cotangent is the derivative of the output
     * with respect to that node's value, with everything it does not feed held fixed.
     *
     * @param seed a node shaped like {@code output}
     * @return one node per {@code wrt} entry, shaped like it
     */
    public static int[] vjp(Tape t, int output, int seed, int... wrt) {
        if (!t.sameShape(seed, output)) {
            throw SpecificationException.expected(ErrorCode.SHAPE_MISMATCH, "vjp seed",
                    "the output's shape " + t.shape(output), t.shape(seed));
        }
        int[] result = new int[wrt.length];
        if (wrt.length == 0) {
            return result;
        }
        int lo = Integer.MAX_VALUE;
        for (int w : wrt) {
            t.rank(w); // validates the handle
            lo = Math.min(lo, w);
        }
        if (lo > output) {
            return zeros(t, wrt);
        }
        // only the ancestors of the output are visited, in descending handle order (a topological order)
        int[] len = new int[1];
        int[] order = t.ancestors(new int[] {output}, lo, len);
        int n = len[0];
        boolean[] needs = t.scratchFlags(output + 1);
        int[] cot = t.scratchInts(output + 1);
        for (int i = 0; i < n; i++) {
            needs[order[i]] = false;
            cot[order[i]] = Rules.ZERO;
        }
        for (int w : wrt) {
            if (t.reached(w)) {
                needs[w] = true;
            }
        }
        // which of them depend on some wrt node (only those receive cotangents)
        for (int i = 0; i < n; i++) {
            int id = order[i];
            if (!needs[id]) {
                for (int k = 0, a = t.arity(id); k < a; k++) {
                    int in = t.input(id, k);
                    if (in >= lo && needs[in]) {
                        needs[id] = true;
                        break;
                    }
                }
            }
        }
        if (!needs[output]) {
            return zeros(t, wrt);
        }
        cot[output] = seed;
        for (int i = n - 1; i >= 0; i--) {
            int id = order[i];
            int c = cot[id];
            int arity = t.arity(id);
            if (c == Rules.ZERO || arity == 0) {
                continue;
            }
            Rules.Vjp rule = Rules.vjp(t.op(id));
            for (int k = 0; k < arity; k++) {
                int in = t.input(id, k);
                if (in < lo || !needs[in]) {
                    continue;
                }
                int ck = rule.cotangent(t, id, k, c);
                if (ck == Rules.ZERO) {
                    continue;
                }
                requireShape(t, ck, in, id);
                int prev = cot[in];
                cot[in] = prev == Rules.ZERO ? ck : t.add(prev, ck);
            }
        }
        for (int j = 0; j < wrt.length; j++) {
            int w = wrt[j];
            int c = t.reached(w) && needs[w] ? cot[w] : Rules.ZERO;
            result[j] = c == Rules.ZERO ? t.zerosLike(w) : c;
        }
        return result;
    }

    /** ∇_w of a scalar output for each {@code w} in {@code wrt} (reverse mode, seed 1). */
    public static int[] grad(Tape t, int output, int... wrt) {
        if (t.size(output) != 1) {
            throw SpecificationException.expected(ErrorCode.SHAPE_MISMATCH, "grad output", "a scalar",
                    t.shape(output));
        }
        int seed = t.rank(output) == 0 ? t.scalar(1.0) : t.reshapeLike(t.scalar(1.0), output);
        return vjp(t, output, seed, wrt);
    }

    /** ∇_w of a scalar output. */
    public static int grad(Tape t, int output, int wrt) {
        return grad(t, output, new int[] {wrt})[0];
    }

    /**
     * Forward mode: the directional derivatives Σ_j (∂output_i/∂wrt_j)·tangent_j of each output, for
     * tangents placed on the {@code wrt} nodes (which are treated as independent inputs).
     *
     * @param tangents one node per {@code wrt} entry, shaped like it
     * @return one node per output, shaped like it
     */
    public static int[] jvp(Tape t, int[] outputs, int[] wrt, int[] tangents) {
        if (tangents.length != wrt.length) {
            throw SpecificationException.expected(ErrorCode.SHAPE_MISMATCH, "jvp tangents",
                    wrt.length + " tangents (one per wrt node)", tangents.length);
        }
        int lo = Integer.MAX_VALUE;
        for (int j = 0; j < wrt.length; j++) {
            if (!t.sameShape(tangents[j], wrt[j])) {
                throw SpecificationException.expected(ErrorCode.SHAPE_MISMATCH, "jvp tangent " + j,
                        "the shape of its wrt node " + t.shape(wrt[j]), t.shape(tangents[j]));
            }
            lo = Math.min(lo, wrt[j]);
        }
        int hi = -1;
        for (int o : outputs) {
            t.rank(o);
            hi = Math.max(hi, o);
        }
        int[] result = new int[outputs.length];
        if (wrt.length == 0 || hi < lo) {
            for (int i = 0; i < outputs.length; i++) {
                result[i] = t.zerosLike(outputs[i]);
            }
            return result;
        }
        // only the ancestors of the outputs are visited, in ascending handle order
        int[] len = new int[1];
        int[] order = t.ancestors(outputs, lo, len);
        int n = len[0];
        int[] tan = t.scratchInts(hi + 1);
        boolean[] seeded = t.scratchFlags(hi + 1);
        for (int i = 0; i < n; i++) {
            tan[order[i]] = Rules.ZERO;
            seeded[order[i]] = false;
        }
        for (int j = 0; j < wrt.length; j++) {
            if (t.reached(wrt[j])) {
                tan[wrt[j]] = tangents[j];
                seeded[wrt[j]] = true;
            }
        }
        int[] local = new int[4];
        for (int i = 0; i < n; i++) {
            int id = order[i];
            int arity = t.arity(id);
            if (seeded[id] || arity == 0) {
                continue;
            }
            if (local.length < arity) {
                local = new int[arity];
            }
            boolean any = false;
            for (int k = 0; k < arity; k++) {
                int in = t.input(id, k);
                int tk = in >= lo ? tan[in] : Rules.ZERO;
                local[k] = tk;
                any |= tk != Rules.ZERO;
            }
            if (any) {
                int r = Rules.jvp(t.op(id)).tangent(t, id, local);
                if (r != Rules.ZERO) {
                    requireShape(t, r, id, id);
                }
                tan[id] = r;
            }
        }
        for (int i = 0; i < outputs.length; i++) {
            int o = outputs[i];
            int r = o >= lo ? tan[o] : Rules.ZERO;
            result[i] = r == Rules.ZERO ? t.zerosLike(o) : r;
        }
        return result;
    }

    /** Forward mode for one output and one input: J·tangent. */
    public static int jvp(Tape t, int output, int wrt, int tangent) {
        return jvp(t, new int[] {output}, new int[] {wrt}, new int[] {tangent})[0];
    }

    /**
     * The exact Hessian-vector product ∇²f(x)·v of a scalar {@code f}: the gradient is recorded in
     * reverse mode, then differentiated in forward mode along {@code v} (forward over reverse). No
     * finite differences.
     */
    public static int hvp(Tape t, int f, int x, int v) {
        int g = grad(t, f, x);
        return jvp(t, g, x, v);
    }

    /**
     * The dense Jacobian ∂y/∂x as a {@code size(y) × size(x)} matrix (entries flattened row-major on both
     * sides). Reverse mode (one sweep per output entry) when {@code size(y) ≤ size(x)}, forward mode (one
     * sweep per input entry) otherwise. The result is built with {@link Op#STACK} and stays
     * differentiable.
     */
    public static int jacobian(Tape t, int y, int x) {
        int m = t.size(y);
        int n = t.size(x);
        if (m <= n) {
            int[] rows = new int[m];
            for (int i = 0; i < m; i++) {
                rows[i] = t.flatten(vjp(t, y, t.basisLike(y, i), x)[0]);
            }
            return t.stack(rows);
        }
        int[] cols = new int[n];
        for (int j = 0; j < n; j++) {
            cols[j] = t.flatten(jvp(t, y, x, t.basisLike(x, j)));
        }
        return t.transpose(t.stack(cols));
    }

    /**
     * The dense Hessian ∇²f of a scalar {@code f} with respect to {@code x} ({@code size(x)} square): one
     * exact Hessian-vector product per column, through one recorded gradient. Meant for small models
     * (cost ≈ size(x) gradient evaluations).
     */
    public static int hessian(Tape t, int f, int x) {
        int g = grad(t, f, x);
        int n = t.size(x);
        int[] cols = new int[n];
        for (int j = 0; j < n; j++) {
            cols[j] = t.flatten(jvp(t, g, x, t.basisLike(x, j)));
        }
        // row j holds H e_j, the j-th column; H is symmetric, and the transpose keeps the layout exact
        return t.transpose(t.stack(cols));
    }

    // ---- one-shot helpers on a fresh tape --------------------------------------------------------

    /** A function recorded on a tape: {@code x} is the input node, the result the output node. */
    @FunctionalInterface
    public interface TapeFunction {
        int apply(Tape tape, int x);
    }

    /** f(x). */
    public static Tensor value(TapeFunction f, Tensor x) {
        Tape t = new Tape();
        return t.value(f.apply(t, t.leaf(x)));
    }

    /** ∇f(x) of a scalar function. */
    public static Tensor gradient(TapeFunction f, Tensor x) {
        Tape t = new Tape();
        int xn = t.leaf(x);
        return t.value(grad(t, f.apply(t, xn), xn));
    }

    /** J(x)·v. */
    public static Tensor jvp(TapeFunction f, Tensor x, Tensor v) {
        Tape t = new Tape();
        int xn = t.leaf(x);
        return t.value(jvp(t, f.apply(t, xn), xn, t.leaf(v)));
    }

    /** uᵀ J(x). */
    public static Tensor vjp(TapeFunction f, Tensor x, Tensor u) {
        Tape t = new Tape();
        int xn = t.leaf(x);
        return t.value(vjp(t, f.apply(t, xn), t.leaf(u), xn)[0]);
    }

    /** ∇²f(x)·v of a scalar function (exact). */
    public static Tensor hvp(TapeFunction f, Tensor x, Tensor v) {
        Tape t = new Tape();
        int xn = t.leaf(x);
        return t.value(hvp(t, f.apply(t, xn), xn, t.leaf(v)));
    }

    /** The dense Jacobian of f at x. */
    public static Tensor jacobian(TapeFunction f, Tensor x) {
        Tape t = new Tape();
        int xn = t.leaf(x);
        return t.value(jacobian(t, f.apply(t, xn), xn));
    }

    /** The dense Hessian of a scalar f at x. */
    public static Tensor hessian(TapeFunction f, Tensor x) {
        Tape t = new Tape();
        int xn = t.leaf(x);
        return t.value(hessian(t, f.apply(t, xn), xn));
    }

    private static int[] zeros(Tape t, int[] wrt) {
        int[] r = new int[wrt.length];
        for (int j = 0; j < wrt.length; j++) {
            r[j] = t.zerosLike(wrt[j]);
        }
        return r;
    }

    private static void requireShape(Tape t, int derivative, int like, int node) {
        if (!t.sameShape(derivative, like)) {
            throw new IllegalStateException("differentiation rule of " + t.op(node) + " (node " + node
                    + ") returned " + t.shape(derivative) + " where " + t.shape(like) + " was expected");
        }
    }
}
