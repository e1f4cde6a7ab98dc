package org.neuromanifold.numeric.autodiff;

import org.neuromanifold.core.activation.Activation;
import org.neuromanifold.core.activation.IdentityActivation;
import org.neuromanifold.core.activation.LeakyRelu;
import org.neuromanifold.core.activation.Relu;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;
import org.neuromanifold.core.scalar.Fn;

/**
 * The differentiation rules: for every {@link Op}, its reverse-mode rule (VJP: the cotangent of one
 * input given the output's cotangent) and its forward-mode rule (JVP: the output's tangent given the
 * inputs' tangents), side by side in one table.
 *
 * <p>Rules are written with tape ops, so the derivative graph is itself on the tape and can be
 * differentiated again: a Hessian-vector product is a JVP through a recorded gradient. The handle
 * {@link #ZERO} ({@code -1}) stands for a symbolic zero, which rules return and accept to skip dead
 * branches.
 */
final class Rules {
    /** A symbolic zero tangent or cotangent. */
    static final int ZERO = -1;

    /** Reverse mode: the cotangent of input {@code k} of {@code node}, or {@link #ZERO}. */
    @FunctionalInterface
    interface Vjp {
        int cotangent(Tape t, int node, int k, int cot);
    }

    /**
     * Forward mode: the tangent of {@code node} from its inputs' tangents ({@code tangents[k]} for input k,
     * {@link #ZERO} if none; at least one is not zero), or {@link #ZERO}. The array is valid only during
     * the call.
     */
    @FunctionalInterface
    interface Jvp {
        int tangent(Tape t, int node, int[] tangents);
    }

    private static final Vjp[] VJP = new Vjp[Op.values().length];
    private static final Jvp[] JVP = new Jvp[Op.values().length];

    private Rules() {
    }

    /** The VJP rule of {@code op}; an op without one is reported by name. */
    static Vjp vjp(Op op) {
        Vjp r = VJP[op.ordinal()];
        if (r == null) {
            throw new SpecificationException(ErrorCode.UNSUPPORTED, op.name(),
                    "reverse mode: op " + op + " has no differentiation rule");
        }
        return r;
    }

    /** The JVP rule of {@code op}; an op without one is reported by name. */
    static Jvp jvp(Op op) {
        Jvp r = JVP[op.ordinal()];
        if (r == null) {
            throw new SpecificationException(ErrorCode.UNSUPPORTED, op.name(),
                    "forward mode: op " + op + " has no differentiation rule");
        }
        return r;
    }

    private static void def(Op op, Vjp vjp, Jvp jvp) {
        VJP[op.ordinal()] = vjp;
        JVP[op.ordinal()] = jvp;
    }

    /** For ops whose derivative is a pointwise factor d = f'(a): cot ⊙ d and tangent ⊙ d. */
    @FunctionalInterface
    private interface Factor {
        int of(Tape t, int node, int a);
    }

    private static void defPointwise(Op op, Factor factor) {
        def(op, (t, node, k, cot) -> {
            int d = factor.of(t, node, in(t, node, 0));
            return d == ZERO ? ZERO : t.mul(cot, d);
        }, (t, node, tan) -> {
            int d = factor.of(t, node, in(t, node, 0));
            return d == ZERO ? ZERO : t.mul(tan[0], d);
        });
    }

    static {
        // ---- elementwise arithmetic ----------------------------------------------------------------
        def(Op.ADD, (t, node, k, cot) -> unbroadcast(t, cot, in(t, node, k)),
                (t, node, tan) -> plus(t, shaped(t, tan[0], node), shaped(t, tan[1], node)));
        def(Op.SUB, (t, node, k, cot) -> unbroadcast(t, k == 0 ? cot : t.neg(cot), in(t, node, k)),
                (t, node, tan) -> tan[1] == ZERO ? shaped(t, tan[0], node)
                        : tan[0] == ZERO ? shaped(t, t.neg(tan[1]), node) : t.sub(tan[0], tan[1]));
        def(Op.MUL, (t, node, k, cot) -> unbroadcast(t, t.mul(cot, in(t, node, 1 - k)), in(t, node, k)),
                (t, node, tan) -> plus(t, tan[0] == ZERO ? ZERO : t.mul(tan[0], in(t, node, 1)),
                        tan[1] == ZERO ? ZERO : t.mul(in(t, node, 0), tan[1])));
        def(Op.DIV, (t, node, k, cot) -> {
            int b = in(t, node, 1);
            // ∂(a/b)/∂a = 1/b, ∂(a/b)/∂b = −(a/b)/b
            return k == 0 ? unbroadcast(t, t.div(cot, b), in(t, node, 0))
                    : unbroadcast(t, t.neg(t.div(t.mul(cot, node), b)), b);
        }, (t, node, tan) -> {
            int b = in(t, node, 1);
            if (tan[1] == ZERO) {
                return t.div(tan[0], b);
            }
            int outTimesDb = t.mul(node, tan[1]);
            return tan[0] == ZERO ? t.neg(t.div(outTimesDb, b)) : t.div(t.sub(tan[0], outTimesDb), b);
        });
        def(Op.NEG, (t, node, k, cot) -> t.neg(cot), (t, node, tan) -> t.neg(tan[0]));
        def(Op.SCALE, (t, node, k, cot) -> t.scale(cot, t.doubleParam(node)),
                (t, node, tan) -> t.scale(tan[0], t.doubleParam(node)));
        def(Op.BROADCAST, (t, node, k, cot) -> t.sum(cot), (t, node, tan) -> t.broadcastLike(tan[0], node));
        defPointwise(Op.POW, (t, node, a) -> {
            int n = t.intParam0(node);
            return n == 0 ? ZERO : n == 1 ? t.broadcastLike(t.scalar(1), a) : t.scale(t.pow(a, n - 1), n);
        });
        def(Op.STEP, (t, node, k, cot) -> ZERO, (t, node, tan) -> ZERO);
        def(Op.SIGN, (t, node, k, cot) -> ZERO, (t, node, tan) -> ZERO);
        defPointwise(Op.FN, Rules::fnDerivative);
        defPointwise(Op.ACTIVATION, (t, node, a) -> t.activationDerivative(activation(t, node), a));
        defPointwise(Op.ACTIVATION_DERIVATIVE, (t, node, a) -> {
            Activation sigma = activation(t, node);
            return piecewiseLinear(sigma) ? ZERO : t.activationSecondDerivative(sigma, a);
        });
        defPointwise(Op.ACTIVATION_SECOND_DERIVATIVE, (t, node, a) -> {
            Activation sigma = activation(t, node);
            if (piecewiseLinear(sigma)) {
                return ZERO;
            }
            throw new SpecificationException(ErrorCode.UNSUPPORTED, "activation " + sigma.label(),
                    "the third derivative of activation " + sigma.label()
                            + " is not available (activations provide sigma, sigma' and sigma'' only)");
        });

        // ---- reductions and softmax --------------------------------------------------------------
        def(Op.SUM, (t, node, k, cot) -> shaped(t, cot, in(t, node, 0)), (t, node, tan) -> t.sum(tan[0]));
        def(Op.DOT, (t, node, k, cot) -> t.mul(cot, in(t, node, 1 - k)),
                (t, node, tan) -> plus(t, tan[0] == ZERO ? ZERO : t.dot(tan[0], in(t, node, 1)),
                        tan[1] == ZERO ? ZERO : t.dot(in(t, node, 0), tan[1])));
        // softmax s: J = diag(s) − s sᵀ, symmetric, so J u = s ⊙ (u − ⟨u, s⟩) in both modes
        def(Op.SOFTMAX, (t, node, k, cot) -> t.mul(node, t.sub(cot, t.dot(cot, node))),
                (t, node, tan) -> t.mul(node, t.sub(tan[0], t.dot(tan[0], node))));
        def(Op.LOG_SUM_EXP, (t, node, k, cot) -> t.mul(cot, t.softmax(in(t, node, 0))),
                (t, node, tan) -> t.dot(t.softmax(in(t, node, 0)), tan[0]));

        // ---- linear algebra ----------------------------------------------------------------------
        def(Op.OUTER, (t, node, k, cot) -> k == 0 ? t.matmul(cot, in(t, node, 1))
                : t.matmul(cot, in(t, node, 0), true, false),
                (t, node, tan) -> plus(t, tan[0] == ZERO ? ZERO : t.outer(tan[0], in(t, node, 1)),
                        tan[1] == ZERO ? ZERO : t.outer(in(t, node, 0), tan[1])));
        def(Op.MATMUL, Rules::matmulVjp, (t, node, tan) -> {
            boolean ta = t.intParam0(node) == 1;
            boolean tb = t.intParam1(node) == 1;
            return plus(t, tan[0] == ZERO ? ZERO : t.matmul(tan[0], in(t, node, 1), ta, tb),
                    tan[1] == ZERO ? ZERO : t.matmul(in(t, node, 0), tan[1], ta, tb));
        });
        def(Op.TRANSPOSE, (t, node, k, cot) -> t.transpose(cot), (t, node, tan) -> t.transpose(tan[0]));
        def(Op.TRACE, (t, node, k, cot) -> t.mul(t.identity(t.rows(in(t, node, 0))), cot),
                (t, node, tan) -> t.trace(tan[0]));

        // ---- structure ---------------------------------------------------------------------------
        def(Op.RESHAPE, (t, node, k, cot) -> t.reshapeLike(cot, in(t, node, 0)),
                (t, node, tan) -> t.reshapeLike(tan[0], node));
        def(Op.SLICE, (t, node, k, cot) -> {
            int a = in(t, node, 0);
            return t.embed(cot, t.intParam0(node), t.rank(a), t.rows(a), t.cols(a));
        }, (t, node, tan) -> t.slice(tan[0], t.intParam0(node), t.rank(node), t.rows(node), t.cols(node)));
        def(Op.EMBED, (t, node, k, cot) -> {
            int a = in(t, node, 0);
            return t.slice(cot, t.intParam0(node), t.rank(a), t.rows(a), t.cols(a));
        }, (t, node, tan) -> t.embed(tan[0], t.intParam0(node), t.rank(node), t.rows(node), t.cols(node)));
        def(Op.GATHER, (t, node, k, cot) -> {
            int a = in(t, node, 0);
            return t.reshapeLike(t.scatter(cot, (int[]) t.objectParam(node), t.size(a)), a);
        }, (t, node, tan) -> t.gather(tan[0], (int[]) t.objectParam(node)));
        def(Op.SCATTER, (t, node, k, cot) -> t.reshapeLike(t.gather(cot, (int[]) t.objectParam(node)),
                in(t, node, 0)), (t, node, tan) -> t.scatter(tan[0], (int[]) t.objectParam(node), t.size(node)));
        def(Op.CONCAT, (t, node, k, cot) -> {
            int offset = 0;
            for (int j = 0; j < k; j++) {
                offset += t.size(in(t, node, j));
            }
            int part = in(t, node, k);
            return t.slice(cot, offset, t.rank(part), t.rows(part), t.cols(part));
        }, (t, node, tan) -> t.concat(materialize(t, node, tan)));
        def(Op.STACK, (t, node, k, cot) -> {
            int row = in(t, node, k);
            return t.slice(cot, k * t.cols(node), t.rank(row), t.rows(row), t.cols(row));
        }, (t, node, tan) -> t.stack(materialize(t, node, tan)));

        // ---- losses ------------------------------------------------------------------------------
        // square: ∂/∂f = f − y, ∂/∂y = −(f − y)
        def(Op.SQUARE_LOSS, (t, node, k, cot) -> {
            int r = t.mul(cot, t.sub(in(t, node, 0), in(t, node, 1)));
            return k == 0 ? r : t.neg(r);
        }, (t, node, tan) -> t.dot(t.sub(in(t, node, 0), in(t, node, 1)),
                tan[1] == ZERO ? tan[0] : tan[0] == ZERO ? t.neg(tan[1]) : t.sub(tan[0], tan[1])));
        // BCE on logits: ∂/∂f = sigm(f) − y, ∂/∂y = −f
        def(Op.BCE_LOSS, (t, node, k, cot) -> t.mul(cot, lossPartial(t, node, k)), Rules::lossJvp);
        // softmax CE: ∂/∂f = softmax(f)·Σy − y, ∂/∂y_i = logsumexp(f) − f_i
        def(Op.SOFTMAX_CE_LOSS, (t, node, k, cot) -> t.mul(cot, lossPartial(t, node, k)), Rules::lossJvp);
        // hinge: ∂/∂f = −y·1[y f < 1], ∂/∂y = −f·1[y f < 1]
        def(Op.HINGE_LOSS, (t, node, k, cot) -> t.mul(cot, lossPartial(t, node, k)), Rules::lossJvp);
    }

    /** ∂ℓ/∂f (k = 0) or ∂ℓ/∂y (k = 1) of a loss node, as tape ops. */
    private static int lossPartial(Tape t, int node, int k) {
        int f = in(t, node, 0);
        int y = in(t, node, 1);
        return switch (t.op(node)) {
            case BCE_LOSS -> k == 0 ? t.sub(t.fn(Fn.SIGMOID, f), y) : t.neg(f);
            case SOFTMAX_CE_LOSS -> k == 0 ? t.sub(t.mul(t.softmax(f), t.sum(y)), y)
                    : t.sub(t.logSumExp(f), f);
            case HINGE_LOSS -> {
                int active = t.step(t.sub(t.scalar(1), t.mul(y, f)));
                yield t.neg(t.mul(k == 0 ? y : f, active));
            }
            default -> throw new IllegalStateException("not a loss with partials: " + t.op(node));
        };
    }

    private static int lossJvp(Tape t, int node, int[] tan) {
        return plus(t, tan[0] == ZERO ? ZERO : t.dot(lossPartial(t, node, 0), tan[0]),
                tan[1] == ZERO ? ZERO : t.dot(lossPartial(t, node, 1), tan[1]));
    }

    /** Cotangents of C = op(A)·op(B) (or op(A)·v), case by case. */
    private static int matmulVjp(Tape t, int node, int k, int cot) {
        int a = in(t, node, 0);
        int b = in(t, node, 1);
        boolean ta = t.intParam0(node) == 1;
        boolean tb = t.intParam1(node) == 1;
        if (t.rank(b) == 1) {
            // c = A v: dA = cot vᵀ, dv = Aᵀ cot; c = Aᵀ v: dA = v cotᵀ, dv = A cot
            if (k == 0) {
                return ta ? t.outer(b, cot) : t.outer(cot, b);
            }
            return t.matmul(a, cot, !ta, false);
        }
        if (k == 0) {
            if (!ta) {
                return tb ? t.matmul(cot, b, false, false) : t.matmul(cot, b, false, true);
            }
            return tb ? t.matmul(b, cot, true, true) : t.matmul(b, cot, false, true);
        }
        if (!tb) {
            return ta ? t.matmul(a, cot, false, false) : t.matmul(a, cot, true, false);
        }
        return ta ? t.matmul(cot, a, true, true) : t.matmul(cot, a, true, false);
    }

    /** f'(a) for an elementary function, as tape ops (using the output {@code node} where that is cheaper). */
    private static int fnDerivative(Tape t, int node, int a) {
        Fn fn = (Fn) t.objectParam(node);
        return switch (fn) {
            case EXP -> node;
            case LOG -> t.pow(a, -1);
            case SQRT -> t.scale(t.pow(node, -1), 0.5);
            case SIN -> t.fn(Fn.COS, a);
            case COS -> t.neg(t.fn(Fn.SIN, a));
            case TANH -> t.sub(t.scalar(1), t.pow(node, 2));
            case SECH -> t.neg(t.mul(node, t.fn(Fn.TANH, a)));
            case SIGMOID -> t.mul(node, t.sub(t.scalar(1), node));
            case ARCCOS -> t.neg(t.pow(t.fn(Fn.SQRT, t.sub(t.scalar(1), t.pow(a, 2))), -1));
            case ABS -> t.sign(a);
        };
    }

    /** Whether σ'' is identically zero (identity, ReLU, leaky ReLU): then all higher derivatives vanish. */
    static boolean piecewiseLinear(Activation sigma) {
        return sigma instanceof Relu || sigma instanceof LeakyRelu || sigma instanceof IdentityActivation;
    }

    private static Activation activation(Tape t, int node) {
        return (Activation) t.objectParam(node);
    }

    private static int in(Tape t, int node, int k) {
        return t.input(node, k);
    }

    /** a + b where either may be {@link #ZERO}. */
    private static int plus(Tape t, int a, int b) {
        return a == ZERO ? b : b == ZERO ? a : t.add(a, b);
    }

    /** A scalar tangent or cotangent broadcast to {@code like}'s shape when {@code like} is not a scalar. */
    private static int shaped(Tape t, int x, int like) {
        if (x == ZERO || t.rank(x) != 0 || t.rank(like) == 0) {
            return x;
        }
        return t.broadcastLike(x, like);
    }

    /** The cotangent of a broadcast scalar operand is the sum of the output cotangent. */
    private static int unbroadcast(Tape t, int cot, int operand) {
        return t.rank(operand) == 0 && t.rank(cot) != 0 ? t.sum(cot) : cot;
    }

    /** The tangents of an n-ary node's inputs with symbolic zeros made explicit. */
    private static int[] materialize(Tape t, int node, int[] tan) {
        int n = t.arity(node);
        int[] parts = new int[n];
        for (int k = 0; k < n; k++) {
            parts[k] = tan[k] == ZERO ? t.zerosLike(in(t, node, k)) : tan[k];
        }
        return parts;
    }
}
