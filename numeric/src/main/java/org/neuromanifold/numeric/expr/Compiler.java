package org.neuromanifold.numeric.expr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;
import org.neuromanifold.core.expr.Expr;
import org.neuromanifold.core.loss.Loss;
import org.neuromanifold.core.loss.StatisticalModel;
import org.neuromanifold.core.model.Dense;
import org.neuromanifold.core.model.Network;
import org.neuromanifold.core.model.ParameterBlock;
import org.neuromanifold.core.model.ParameterGroup;
import org.neuromanifold.numeric.autodiff.AutoDiff;
import org.neuromanifold.numeric.autodiff.Tape;
import org.neuromanifold.numeric.model.NetworkGraph;
import org.neuromanifold.numeric.random.Xoshiro256PlusPlus;

/**
 * Records an {@link Expr} on a {@link Tape}: one case per node type. Derivatives are taken by
 * {@link AutoDiff} on what was recorded; expectations are delegated to {@link Expectations}.
 *
 * <p>Exact rewrites keep common identities cheap without changing their value: J·v is a forward-mode
 * directional derivative, H·v an exact Hessian-vector product, (a bᵀ)·v = a⟨b, v⟩, and a matrix or dot
 * product with an expectation moves inside it (linearity), as does a derivative with respect to θ of
 * an expectation over data or inputs. Sub-expressions that are expensive (derivatives, expectations)
 * are recorded once per sample scope.
 */
final class Compiler {
    final Tape t;
    final Expectations expectations = new Expectations(this);
    final List<MonteCarloGroup> monteCarloGroups = new ArrayList<>();
    /** How many Monte Carlo expectations enclose the node being recorded. */
    int monteCarloDepth;

    EvalContext ctx;
    Network net;
    Loss loss;
    int theta;
    Xoshiro256PlusPlus rng;
    /** The layer index t bound by the innermost enclosing LayerSum, or −1. */
    int boundLayer = -1;
    private final Map<ParameterGroup, int[]> groupIndices = new HashMap<>();
    private Network indexedNetwork;
    private SpecificationException reported;

    Compiler(Tape t) {
        this.t = t;
    }

    /** Starts an evaluation: clears the tape, records θ, x and y, and returns the top-level scope. */
    Scope begin(EvalContext context) {
        this.ctx = context;
        this.net = context.network();
        this.loss = context.loss();
        if (indexedNetwork != net) {
            groupIndices.clear();
            indexedNetwork = net;
        }
        t.reset();
        monteCarloGroups.clear();
        monteCarloDepth = 0;
        reported = null;
        rng = null;
        boundLayer = -1;
        theta = t.vector(context.theta());
        int x = context.input() == null ? -1 : t.vector(context.input());
        int y = context.target() == null ? -1 : t.vector(context.target());
        return new Scope(x, y, "the evaluation context has no " + (x < 0 ? "input x" : "target y")
                + " (give one, or use the term inside an expectation that binds it)");
    }

    /** The generator of this evaluation's Monte Carlo draws (seeded from the context on first use). */
    Xoshiro256PlusPlus rng() {
        if (rng == null) {
            rng = Xoshiro256PlusPlus.of(ctx.seed());
        }
        return rng;
    }

    /** Records {@code e} in scope {@code s}; errors name the innermost node they concern. */
    int eval(Expr e, Scope s) {
        try {
            return record(e, s);
        } catch (SpecificationException ex) {
            if (ex == reported) {
                throw ex;
            }
            reported = new SpecificationException(ex.code(), nodeName(e), describe(e) + ": " + ex.getMessage());
            reported.initCause(ex);
            throw reported;
        }
    }

    private int record(Expr e, Scope s) {
        return switch (e) {
            case Expr.Output o -> forward(s, e).output();
            case Expr.Input i -> requireX(s, e);
            case Expr.Target y -> requireY(s, e);
            case Expr.LossValue l -> lossNode(s, e);
            case Expr.Params p -> params(p.group());
            case Expr.Depth d -> t.scalar(net.depth());
            case Expr.Const c -> t.scalar(c.value());
            case Expr.IdentityMatrix m -> {
                if (m.n() <= 0) {
                    throw fail(e, ErrorCode.UNSUPPORTED, "IdentityMatrix(0) takes its size from the matrix it is"
                            + " combined with; use it as an operand of Add, Sub, Mul or MatMul");
                }
                yield t.identity(m.n());
            }
            case Expr.Grad g -> memoized(e, s);
            case Expr.Hessian h -> memoized(e, s);
            case Expr.Jacobian j -> memoized(e, s);
            case Expr.Expectation ex -> memoized(e, s);
            case Expr.FisherInformation f -> memoized(e, s);
            case Expr.Dot d -> dot(d, s);
            case Expr.Outer o -> t.outer(asVector(eval(o.a(), s), o.a()), asVector(eval(o.b(), s), o.b()));
            case Expr.MatMul m -> matmul(m, s);
            case Expr.Transpose tr -> t.transpose(eval(tr.a(), s));
            case Expr.Trace tr -> t.trace(eval(tr.a(), s));
            case Expr.Component c -> component(c, s);
            case Expr.SumOf so -> t.sum(eval(so.of(), s));
            case Expr.Add a -> arithmetic(e, a.a(), a.b(), s);
            case Expr.Sub a -> arithmetic(e, a.a(), a.b(), s);
            case Expr.Mul a -> arithmetic(e, a.a(), a.b(), s);
            case Expr.Div a -> arithmetic(e, a.a(), a.b(), s);
            case Expr.Neg n -> t.neg(eval(n.a(), s));
            case Expr.Pow p -> t.pow(eval(p.a(), s), p.n());
            case Expr.Apply a -> t.fn(a.fn(), eval(a.a(), s));
            case Expr.Step st -> t.step(eval(st.a(), s));
            case Expr.LayerSum ls -> layerSum(ls, s);
            case Expr.LayerValue lv -> layerValue(lv.quantity(), s, e);
            case Expr.AugmentedInput i -> t.concat(requireX(s, e), t.scalar(1.0));
            case Expr.PreActivation z -> preActivation(z, s);
            case Expr.Diag d -> diag(d, s);
            case Expr.Kron k -> TensorStructure.kron(t, eval(k.a(), s), eval(k.b(), s));
            case Expr.ScalarTerm st -> scalarTerm(st, s);
        };
    }

    private int memoized(Expr e, Scope s) {
        Integer known = s.memoized(e);
        if (known != null) {
            return known;
        }
        int node = switch (e) {
            case Expr.Grad g -> grad(g, s);
            case Expr.Hessian h -> hessian(h, s);
            case Expr.Jacobian j -> jacobian(j, s);
            case Expr.Expectation ex -> expectations.expectation(ex.over(), s, sample -> eval(ex.body(), sample),
                    ExprAnalysis.targetDegree(ex.body(), loss), e);
            case Expr.FisherInformation f -> expectations.fisher(f.group(), s, -1, e);
            default -> throw new IllegalStateException("not memoized: " + e);
        };
        return s.remember(e, node);
    }

    // ---- sample variables and the network ------------------------------------------------------------

    NetworkGraph.Forward forward(Scope s, Expr node) {
        if (s.forward == null) {
            int[] z = new int[net.layers().size()];
            s.forward = NetworkGraph.forward(t, net, theta, requireX(s, node), z);
            s.preActivations = z;
        }
        return s.forward;
    }

    private int preActivation(Expr.PreActivation z, Scope s) {
        if (z.layer() >= net.layers().size()) {
            throw fail(z, ErrorCode.OUT_OF_RANGE, "layer " + z.layer() + " outside [0, " + net.layers().size()
                    + ") of " + net);
        }
        forward(s, z);
        return s.preActivations[z.layer()];
    }

    private int diag(Expr.Diag d, Scope s) {
        int[] blocks = new int[d.blocks().size()];
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = eval(d.blocks().get(i), s);
        }
        return TensorStructure.diag(t, blocks);
    }

    private int scalarTerm(Expr.ScalarTerm st, Scope s) {
        java.util.Map<String, Integer> arguments = new java.util.TreeMap<>();
        new java.util.TreeMap<>(st.arguments()).forEach((name, arg) -> arguments.put(name, eval(arg, s)));
        int value = new TermRecorder(t, arguments, st.constants(), name -> fail(st, ErrorCode.UNKNOWN_SYMBOL,
                "the term uses the symbol '" + name + "', bound neither to an expression "
                        + st.arguments().keySet() + " nor to a number " + st.constants().keySet()))
                .record(st.term());
        // elementwise over the arguments' common shape, also where the term does not use them (a constant ν)
        for (int arg : arguments.values()) {
            if (t.rank(arg) > 0) {
                if (t.rank(value) == 0) {
                    return t.broadcastLike(value, arg);
                }
                if (!t.sameShape(value, arg)) {
                    throw fail(st, ErrorCode.SHAPE_MISMATCH, "arguments of shapes " + t.shape(value) + " and "
                            + t.shape(arg) + " do not broadcast");
                }
            }
        }
        return value;
    }

    /** The node the loss reads (the output f, or the logits under a softmax head with cross-entropy). */
    int lossInput(Scope s, Expr node) {
        if (s.lossInput < 0) {
            Loss l = loss;
            s.lossInput = l == null ? forward(s, node).output() : NetworkGraph.lossInput(net, l, forward(s, node));
        }
        return s.lossInput;
    }

    int lossNode(Scope s, Expr node) {
        if (s.loss < 0) {
            requireLoss(node);
            int f = lossInput(s, node);
            s.loss = t.loss(loss, f, requireY(s, node));
        }
        return s.loss;
    }

    int requireX(Scope s, Expr node) {
        if (s.x < 0) {
            throw fail(node, ErrorCode.UNSUPPORTED, "needs an input x, but " + s.unbound);
        }
        return s.x;
    }

    int requireY(Scope s, Expr node) {
        if (s.y < 0) {
            throw fail(node, ErrorCode.UNSUPPORTED, "needs a target y, but " + s.unbound);
        }
        return s.y;
    }

    Loss requireLoss(Expr node) {
        if (loss == null) {
            throw fail(node, ErrorCode.UNSUPPORTED, "needs a loss, but the evaluation context has none");
        }
        return loss;
    }

    /** The statistical model of the loss (the model's own output distribution). */
    StatisticalModel requireModel(Expr node) {
        return requireLoss(node).statisticalModel().orElseThrow(() -> fail(node, ErrorCode.UNSUPPORTED,
                "needs the model's output distribution, but the loss " + loss.name()
                        + " is not the negative log-likelihood of a statistical model"));
    }

    // ---- layers ------------------------------------------------------------------------------------

    /**
     * Σ_{t=0}^{L} body: the body recorded once per layer with t bound, each time in a fresh scope at the
     * same sample (sharing its forward pass), so that memoized derivatives of one layer never stand in for
     * another's.
     */
    private int layerSum(Expr.LayerSum ls, Scope s) {
        if (s.x >= 0) {
            forward(s, ls);
        }
        int saved = boundLayer;
        int acc = -1;
        try {
            for (int layer = 0; layer < net.layers().size(); layer++) {
                boundLayer = layer;
                int term = eval(ls.body(), s.atSameSample());
                acc = acc < 0 ? term : t.add(acc, term);
            }
        } finally {
            boundLayer = saved;
        }
        return acc;
    }

    /**
     * A value of the bound layer: the node of the forward pass at the scope's x (so that derivatives of f
     * with respect to it are taken through the recorded network). Without an x, W^t and b^t are slices of
     * θ (nothing else can depend on them then).
     */
    private int layerValue(Expr.LayerQuantity q, Scope s, Expr node) {
        if (boundLayer < 0) {
            throw fail(node, ErrorCode.UNSUPPORTED, "refers to layer t, but no enclosing LayerSum binds t");
        }
        Dense d = net.layers().get(boundLayer);
        if (q == Expr.LayerQuantity.BIAS && !d.bias()) {
            throw fail(node, ErrorCode.UNSUPPORTED, "layer " + boundLayer + " (" + d + ") has no bias");
        }
        boolean parameter = q == Expr.LayerQuantity.WEIGHTS || q == Expr.LayerQuantity.BIAS;
        if (s.x < 0 && parameter) {
            Integer known = s.memoized(node);
            if (known != null) {
                return known;
            }
            ParameterBlock block = q == Expr.LayerQuantity.WEIGHTS ? net.layout().weight(boundLayer)
                    : net.layout().biasOrNull(boundLayer);
            return s.remember(node, t.slice(theta, block.offset(), q == Expr.LayerQuantity.WEIGHTS ? 2 : 1,
                    block.rows(), block.cols()));
        }
        NetworkGraph.Layer layer = forward(s, node).layers().get(boundLayer);
        return switch (q) {
            case WEIGHTS -> layer.weights();
            case BIAS -> layer.bias();
            case INPUT -> layer.input();
            case PRE_ACTIVATION -> layer.preActivation();
            case OUTPUT -> layer.output();
        };
    }

    private int params(ParameterGroup group) {
        return group instanceof ParameterGroup.All ? theta : t.gather(theta, indices(group));
    }

    /** The flat θ indices of a group, or {@code null} for all of θ. */
    int[] indices(ParameterGroup group) {
        if (group instanceof ParameterGroup.All) {
            return null;
        }
        return groupIndices.computeIfAbsent(group, g -> net.layout().indices(g));
    }

    // ---- derivatives ---------------------------------------------------------------------------------

    private int wrtNode(Expr.Wrt wrt, Scope s, Expr node) {
        return switch (wrt) {
            case Expr.WrtParams p -> theta;
            case Expr.WrtInput i -> requireX(s, node);
            case Expr.WrtOutput o -> lossInput(s, node);
            case Expr.WrtLayer l -> layerValue(l.quantity(), s, node);
        };
    }

    private static ParameterGroup group(Expr.Wrt wrt) {
        return wrt instanceof Expr.WrtParams p ? p.group() : ParameterGroup.ALL;
    }

    /** ∇ of a scalar expression; for θ the gradient of an expectation over data or inputs is the expectation of gradients. */
    private int grad(Expr.Grad g, Scope s) {
        if (linearOverSamples(g.of(), g.wrt())) {
            Expr.Expectation ex = (Expr.Expectation) g.of();
            Expr inner = new Expr.Grad(ex.body(), g.wrt());
            return expectations.expectation(ex.over(), s, sample -> eval(inner, sample),
                    ExprAnalysis.targetDegree(inner, loss), g);
        }
        rejectMovingMeasure(g.of(), g);
        int of = requireScalar(eval(g.of(), s), g);
        int full = AutoDiff.grad(t, of, wrtNode(g.wrt(), s, g));
        int[] idx = indices(group(g.wrt()));
        return idx == null ? t.flatten(full) : t.gather(full, idx);
    }

    private int hessian(Expr.Hessian h, Scope s) {
        if (linearOverSamples(h.of(), h.wrt())) {
            Expr.Expectation ex = (Expr.Expectation) h.of();
            Expr inner = new Expr.Hessian(ex.body(), h.wrt());
            return expectations.expectation(ex.over(), s, sample -> eval(inner, sample),
                    ExprAnalysis.targetDegree(inner, loss), h);
        }
        rejectMovingMeasure(h.of(), h);
        int of = requireScalar(eval(h.of(), s), h);
        int wrt = wrtNode(h.wrt(), s, h);
        int[] idx = indices(group(h.wrt()));
        if (idx == null) {
            return AutoDiff.hessian(t, of, wrt);
        }
        // one exact Hessian-vector product per group coordinate, through one recorded gradient
        int g = AutoDiff.grad(t, of, theta);
        int[] cols = new int[idx.length];
        for (int j = 0; j < idx.length; j++) {
            cols[j] = t.gather(AutoDiff.jvp(t, g, theta, t.basisLike(theta, idx[j])), idx);
        }
        return t.transpose(t.stack(cols));
    }

    private int jacobian(Expr.Jacobian j, Scope s) {
        if (linearOverSamples(j.of(), j.wrt())) {
            Expr.Expectation ex = (Expr.Expectation) j.of();
            Expr inner = new Expr.Jacobian(ex.body(), j.wrt());
            return expectations.expectation(ex.over(), s, sample -> eval(inner, sample),
                    ExprAnalysis.targetDegree(inner, loss), j);
        }
        rejectMovingMeasure(j.of(), j);
        int of = t.flatten(eval(j.of(), s));
        int wrt = wrtNode(j.wrt(), s, j);
        int[] idx = indices(group(j.wrt()));
        if (idx == null) {
            return AutoDiff.jacobian(t, of, wrt);
        }
        int m = t.size(of);
        if (m <= idx.length) {
            int[] rows = new int[m];
            for (int i = 0; i < m; i++) {
                rows[i] = t.gather(AutoDiff.vjp(t, of, t.basisLike(of, i), theta)[0], idx);
            }
            return t.stack(rows);
        }
        int[] cols = new int[idx.length];
        for (int c = 0; c < idx.length; c++) {
            cols[c] = AutoDiff.jvp(t, of, theta, t.basisLike(theta, idx[c]));
        }
        return t.transpose(t.stack(cols));
    }

    /** J·v as one forward-mode sweep (v a vector over the group's coordinates). */
    private int jacobianTimes(Expr.Jacobian j, int v, Scope s, Expr node) {
        rejectMovingMeasure(j.of(), j);
        int of = t.flatten(eval(j.of(), s));
        int wrt = wrtNode(j.wrt(), s, j);
        return t.flatten(AutoDiff.jvp(t, of, wrt, tangent(j.wrt(), wrt, v, node)));
    }

    /** H·v as one exact Hessian-vector product (forward over reverse). */
    private int hessianTimes(Expr.Hessian h, int v, Scope s, Expr node) {
        rejectMovingMeasure(h.of(), h);
        int of = requireScalar(eval(h.of(), s), h);
        int wrt = wrtNode(h.wrt(), s, h);
        int hv = AutoDiff.hvp(t, of, wrt, tangent(h.wrt(), wrt, v, node));
        int[] idx = indices(group(h.wrt()));
        return idx == null ? t.flatten(hv) : t.gather(hv, idx);
    }

    /**
     * A direction over the derivative's variable: v itself (shaped like the variable, e.g. a matrix for
     * W^t), or v scattered into θ for a parameter group.
     */
    private int tangent(Expr.Wrt wrt, int wrtNode, int v, Expr node) {
        int[] idx = wrt instanceof Expr.WrtParams p ? indices(p.group()) : null;
        if (idx != null) {
            if (t.size(v) != idx.length) {
                throw fail(node, ErrorCode.SHAPE_MISMATCH, "the derivative has " + idx.length
                        + " columns (the parameter group's size), but the vector has " + t.size(v) + " entries");
            }
            return t.scatter(t.flatten(v), idx, t.size(theta));
        }
        if (wrt instanceof Expr.WrtLayer && t.size(v) != t.size(wrtNode)) {
            throw fail(node, ErrorCode.SHAPE_MISMATCH, "the derivative has " + t.size(wrtNode)
                    + " columns (the layer value's size " + t.shape(wrtNode) + "), but the vector has " + t.size(v)
                    + " entries");
        }
        return wrt instanceof Expr.WrtLayer ? t.reshapeLike(t.flatten(v), wrtNode) : v;
    }

    /** Whether a θ-derivative of {@code of} may move inside it: an expectation whose measure does not depend on θ. */
    private static boolean linearOverSamples(Expr of, Expr.Wrt wrt) {
        return wrt instanceof Expr.WrtParams && of instanceof Expr.Expectation ex
                && !(ex.over() instanceof Expr.OverModel);
    }

    /**
     * Refuses derivatives of integrals over a Gaussian output distribution: the quadrature or sampling
     * points are placed at f_θ(x) and are not differentiated. (For Bernoulli and categorical models the
     * enumeration weights are recorded, so those derivatives are exact.)
     */
    private void rejectMovingMeasure(Expr of, Expr node) {
        if (loss != null && loss.statisticalModel().orElse(null) instanceof StatisticalModel.Gaussian
                && ExprAnalysis.integratesOverModel(of)) {
            throw fail(node, ErrorCode.UNSUPPORTED, "differentiating an integral over the model's Gaussian output "
                    + "distribution is not supported (its evaluation points move with f; only Bernoulli and "
                    + "categorical models are enumerated differentiably)");
        }
    }

    // ---- linear algebra with exact rewrites ---------------------------------------------------------

    private int matmul(Expr.MatMul m, Scope s) {
        if (m.a() instanceof Expr.IdentityMatrix i && i.n() == 0) {
            return eval(m.b(), s);
        }
        if (m.b() instanceof Expr.IdentityMatrix i && i.n() == 0) {
            return eval(m.a(), s);
        }
        return matmulBy(m.a(), eval(m.b(), s), s, m);
    }

    /** op(a)·b for an already recorded right operand b. */
    private int matmulBy(Expr a, int b, Scope s, Expr node) {
        if (a instanceof Expr.Jacobian j && j.wrt() instanceof Expr.WrtLayer) {
            // ∂f/∂q applied to a value shaped like q (a matrix for W^t): one forward-mode sweep
            return jacobianTimes(j, t.flatten(b), s, node);
        }
        boolean vector = t.rank(b) <= 1;
        if (vector) {
            switch (a) {
                case Expr.Jacobian j -> {
                    return jacobianTimes(j, t.flatten(b), s, node);
                }
                case Expr.Hessian h -> {
                    return hessianTimes(h, t.flatten(b), s, node);
                }
                case Expr.Outer o -> {
                    // (p qᵀ) v = p ⟨q, v⟩
                    int q = asVector(eval(o.b(), s), o.b());
                    int p = asVector(eval(o.a(), s), o.a());
                    return t.mul(p, t.dot(q, t.flatten(b)));
                }
                case Expr.FisherInformation f -> {
                    return expectations.fisher(f.group(), s, t.flatten(b), node);
                }
                default -> {
                }
            }
        }
        if (a instanceof Expr.Expectation ex) {
            return expectations.expectation(ex.over(), s, sample -> matmulBy(ex.body(), b, sample, node),
                    ExprAnalysis.targetDegree(ex.body(), loss), node);
        }
        return t.matmul(eval(a, s), b);
    }

    private int dot(Expr.Dot d, Scope s) {
        if (d.b() instanceof Expr.Expectation ex && !(d.a() instanceof Expr.Expectation)) {
            int a = eval(d.a(), s);
            return expectations.expectation(ex.over(), s, sample -> t.dot(a, eval(ex.body(), sample)),
                    ExprAnalysis.targetDegree(ex.body(), loss), d);
        }
        if (d.a() instanceof Expr.Expectation ex && !(d.b() instanceof Expr.Expectation)) {
            int b = eval(d.b(), s);
            return expectations.expectation(ex.over(), s, sample -> t.dot(eval(ex.body(), sample), b),
                    ExprAnalysis.targetDegree(ex.body(), loss), d);
        }
        return t.dot(eval(d.a(), s), eval(d.b(), s));
    }

    private int component(Expr.Component c, Scope s) {
        int of = eval(c.of(), s);
        if (c.index() < 0 || c.index() >= t.size(of)) {
            throw fail(c, ErrorCode.OUT_OF_RANGE, "index " + c.index() + " outside [0, " + t.size(of) + ") of "
                    + t.shape(of));
        }
        return t.slice(of, c.index(), 0, 1, 1);
    }

    /** Elementwise arithmetic; IdentityMatrix(0) takes the other operand's (square) size. */
    private int arithmetic(Expr e, Expr left, Expr right, Scope s) {
        int a;
        int b;
        if (left instanceof Expr.IdentityMatrix i && i.n() == 0) {
            b = eval(right, s);
            a = identityLike(b, e);
        } else {
            a = eval(left, s);
            b = right instanceof Expr.IdentityMatrix i && i.n() == 0 ? identityLike(a, e) : eval(right, s);
        }
        return switch (e) {
            case Expr.Add x -> t.add(a, b);
            case Expr.Sub x -> t.sub(a, b);
            case Expr.Mul x -> t.mul(a, b);
            case Expr.Div x -> t.div(a, b);
            default -> throw new IllegalStateException("not arithmetic: " + e);
        };
    }

    private int identityLike(int other, Expr node) {
        if (t.rank(other) != 2 || t.rows(other) != t.cols(other)) {
            throw fail(node, ErrorCode.SHAPE_MISMATCH, "IdentityMatrix(0) needs a square matrix beside it, got "
                    + t.shape(other));
        }
        return t.identity(t.rows(other));
    }

    private int asVector(int node, Expr e) {
        if (t.rank(node) == 2) {
            throw fail(e, ErrorCode.SHAPE_MISMATCH, "expected a vector or scalar, got " + t.shape(node));
        }
        return t.flatten(node);
    }

    private int requireScalar(int node, Expr e) {
        if (t.size(node) != 1) {
            throw fail(e, ErrorCode.SHAPE_MISMATCH, "a gradient or Hessian needs a scalar, got " + t.shape(node));
        }
        return node;
    }

    // ---- errors ---------------------------------------------------------------------------------------

    /** An error about {@code node}, reported as is (not wrapped again by enclosing nodes). */
    SpecificationException fail(Expr node, ErrorCode code, String message) {
        reported = new SpecificationException(code, nodeName(node), describe(node) + ": " + message);
        return reported;
    }

    static String nodeName(Expr e) {
        return e.getClass().getSimpleName();
    }

    static String describe(Expr e) {
        String s = e.toString();
        return s.length() <= 160 ? s : s.substring(0, 157) + "...";
    }
}
