package org.neuromanifold.symbolic.derive.rfim;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import org.neuromanifold.core.activation.Activation;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;
import org.neuromanifold.core.expr.Expr;
import org.neuromanifold.core.model.Dense;
import org.neuromanifold.core.model.ParameterBlock;
import org.neuromanifold.core.model.ParameterGroup;
import org.neuromanifold.core.model.ParameterLayout;
import org.neuromanifold.core.scalar.Term;
import org.neuromanifold.symbolic.symja.Assumptions;
import org.neuromanifold.symbolic.symja.SymbolTable;
import org.neuromanifold.symbolic.symja.SymjaEngine;
import org.neuromanifold.symbolic.symja.SymjaExprs;
import org.neuromanifold.symbolic.symja.SymjaResult;
import org.neuromanifold.symbolic.symja.SymjaTerms;
import org.neuromanifold.symbolic.symja.TermSubstitution;

/**
 * A small concrete {@link StochasticNetwork} in Symja, with one symbol per parameter ({@code W0x1x2},
 * {@code b0x1}), per input ({@code x1 … xd}) and per hyperparameter ({@code iota}, {@code omega},
 * {@code alpha}, and {@code s} for a Gaussian response), and an interpreter of the tensor expressions
 * the relative-Fisher derivations use: each {@link Expr} becomes a {@link SymTensor}, so that a step
 * e_i = e_{i+1} can be proved entry by entry on the instance.
 *
 * <p>Meanings follow the numeric engine: {@code FisherInformation} of a group is computed from its
 * definition with the response model as the seed states it (enumeration of the Bernoulli or categorical
 * outcomes; for a Gaussian response the moments of N(μ, s²) from its moment generating function);
 * {@code Output}, {@code LossValue} and an expectation over the model refer to the engine form of
 * {@link StochasticNetwork} (supported for the sigmoid Bernoulli and categorical responses, where it is
 * the declared model itself). An expectation over the data is interpreted per sample (a step proved for
 * every sample holds for the average). Layer groups are ordered neuron by neuron
 * ({@link StochasticNetwork#neuronMajor}). Other nodes are refused with {@link ErrorCode#UNSUPPORTED}.
 */
final class SymbolicInstance {
    /** The Gaussian response's noise scale as a symbol. */
    static final String NOISE = "s";

    private final StochasticNetwork net;
    private final SymjaEngine engine;
    private final SymbolTable table = SymbolTable.create();
    private final IExpr[] theta;
    private final IExpr[] x;
    private final List<IExpr[]> pre = new ArrayList<>();
    /**
     * The last pre-activations as free symbols (or null); ∂z_l/∂θ_a of the actual ones, and symbols J_la
     * standing for them (the derivative of a deep block is large; identities that hold for every J are
     * proved with the symbols, others after {@link #concrete} substitutes the actual derivatives).
     */
    private IExpr[] outputSymbols;
    private IExpr[][] outputJacobian;
    private IExpr[][] jacobianSymbols;
    private final Set<String> hyperparameters = new LinkedHashSet<>();
    private final GaussianMoments gaussian;

    private SymbolicInstance(StochasticNetwork net, boolean opaqueOutputs) {
        this.net = net;
        this.engine = SymjaEngine.shared();
        this.gaussian = new GaussianMoments(engine);
        ParameterLayout layout = net.declared().layout();
        List<String> names = layout.names();
        theta = new IExpr[names.size()];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = symbol(names.get(i));
        }
        int d = net.declared().inputDim();
        x = new IExpr[d];
        List<Term> h = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            x[j] = symbol("x" + (j + 1));
            h.add(Term.variable("x" + (j + 1)));
        }
        for (int t = 0; t < net.layerCount(); t++) {
            Dense layer = net.declared().layers().get(t);
            ParameterBlock w = layout.weight(t);
            ParameterBlock b = layout.biasOrNull(t);
            Activation f = layer.activation();
            hyperparameters.addAll(f.hyperparameters().keySet());
            IExpr[] z = new IExpr[layer.out()];
            List<Term> next = new ArrayList<>();
            for (int i = 0; i < layer.out(); i++) {
                List<Term> sum = new ArrayList<>();
                for (int j = 0; j < layer.in(); j++) {
                    sum.add(Term.product(Term.variable(names.get(w.index(i, j))), h.get(j)));
                }
                if (b != null) {
                    sum.add(Term.variable(names.get(b.index(i, 0))));
                }
                Term zi = Term.sum(sum);
                z[i] = SymjaTerms.toSymja(zi, table);
                next.add(TermSubstitution.substitute(f.symbolic(), Map.of(Activation.VARIABLE, zi)));
            }
            pre.add(z);
            h = next;
        }
        if (net.response() instanceof ResponseModel.Gaussian) {
            hyperparameters.add(NOISE);
        }
        boolean categorical = net.response() instanceof ResponseModel.Categorical;
        if (opaqueOutputs || categorical) {
            // the last pre-activations become free symbols and every θ-derivative goes through them by the chain
            // rule (an identity proved for all u holds at u = z(θ)). Exponentials of linear forms in several
            // symbols, and nested tanh, defeat Symja's simplifier, so the symbols are chosen to make the model
            // rational: a categorical layer's logits are u_l = ln a_l (a_l > 0, e^{u_l} = a_l), a tanh
            // response's u_l = artanh(2q_l − 1) with q_l = p(y_l = 1) in (0, 1), so that the scores
            // ∂_u ln p = 2(1 − q) and −2q are polynomials
            IExpr[] z = pre.get(pre.size() - 1);
            outputSymbols = new IExpr[z.length];
            outputJacobian = new IExpr[z.length][theta.length];
            jacobianSymbols = new IExpr[z.length][theta.length];
            IExpr[] outputs = new IExpr[z.length];
            for (int l = 0; l < z.length; l++) {
                outputs[l] = switch (net.response()) {
                    case ResponseModel.Categorical c -> F.Log(outputSymbols[l] = F.symbol("aLogit" + (l + 1)));
                    case ResponseModel.TanhBernoulli b -> F.ArcTanh(F.Subtract(F.Times(F.C2,
                            outputSymbols[l] = F.symbol("qOutput" + (l + 1))), F.C1));
                    default -> outputSymbols[l] = F.symbol("uOutput" + (l + 1));
                };
                for (int a = 0; a < theta.length; a++) {
                    outputJacobian[l][a] = value(F.D(z[l], theta[a]), "the derivative of a last pre-activation");
                    jacobianSymbols[l][a] = outputJacobian[l][a].isZero() ? F.C0 : F.symbol("jOutput" + (l + 1) + "x" + a);
                }
            }
            pre.set(pre.size() - 1, outputs);
        }
    }

    /** dv_l/du_l for the symbol v_l of the last pre-activation u_l: a_l, 2q_l(1 − q_l) or 1. */
    private IExpr symbolPerOutput(int l) {
        return switch (net.response()) {
            case ResponseModel.Categorical c -> outputSymbols[l];
            case ResponseModel.TanhBernoulli b -> F.Times(F.C2, outputSymbols[l], F.Subtract(F.C1, outputSymbols[l]));
            default -> F.C1;
        };
    }

    /**
     * d f/dθ_a, through the symbols of the last pre-activations when there are any:
     * ∂f/∂θ_a + Σ_l ∂f/∂u_l ∂z_l/∂θ_a (with ∂f/∂u_l = a_l ∂f/∂a_l for logits u_l = ln a_l and
     * 2q_l(1 − q_l) ∂f/∂q_l for u_l = artanh(2q_l − 1)).
     */
    private IExpr totalD(IExpr f, IExpr parameter) {
        if (outputSymbols == null) {
            return F.D(f, parameter);
        }
        int a = java.util.Arrays.asList(theta).indexOf(parameter);
        IExpr[] terms = new IExpr[outputSymbols.length + 1];
        terms[0] = F.D(f, parameter);
        for (int l = 0; l < outputSymbols.length; l++) {
            // ∂f/∂u_l = (dv_l/du_l) ∂f/∂v_l
            IExpr du = F.Times(symbolPerOutput(l), F.D(f, outputSymbols[l]));
            terms[l + 1] = F.Times(du, jacobianSymbols[l][a]);
        }
        return F.Plus(terms);
    }

    /**
     * Rules binding every parameter and input symbol to exact values (and the hyperparameters to
     * {@code hyperparameters}), for evaluating an entry at a concrete instance; not for instances whose last
     * pre-activations are symbols.
     */
    IAST rules(double[] thetaValues, double[] xValues, java.util.Map<String, Double> hyperparameterValues) {
        if (outputSymbols != null) {
            throw new IllegalStateException("rules: the last pre-activations are symbols on this instance");
        }
        var rules = F.ListAlloc();
        for (int i = 0; i < theta.length; i++) {
            rules.append(F.Rule(theta[i], SymjaTerms.exact(thetaValues[i])));
        }
        for (int j = 0; j < x.length; j++) {
            rules.append(F.Rule(x[j], SymjaTerms.exact(xValues[j])));
        }
        hyperparameterValues.forEach((k, v) -> rules.append(F.Rule(F.symbol(table.symjaName(k)), SymjaTerms.exact(v))));
        return rules;
    }

    /** Whether {@code t} mentions a symbol J_la standing for a derivative of a last pre-activation. */
    boolean mentionsJacobianSymbols(SymTensor t) {
        if (jacobianSymbols == null) {
            return false;
        }
        for (int i = 0; i < t.size(); i++) {
            if (SymjaExprs.freeSymbols(t.get(i)).stream().anyMatch(n -> n.startsWith("jOutput"))) {
                return true;
            }
        }
        return false;
    }

    /** {@code t} with every J_la replaced by the actual derivative ∂z_l/∂θ_a. */
    SymTensor concrete(SymTensor t) {
        if (jacobianSymbols == null) {
            return t;
        }
        var rules = F.ListAlloc();
        for (int l = 0; l < jacobianSymbols.length; l++) {
            for (int a = 0; a < theta.length; a++) {
                if (!jacobianSymbols[l][a].isZero()) {
                    rules.append(F.Rule(jacobianSymbols[l][a], outputJacobian[l][a]));
                }
            }
        }
        return t.map(e -> F.ReplaceAll(e, rules));
    }

    /** The instance of {@code net} (keep it small: the expressions grow with every layer). */
    static SymbolicInstance of(StochasticNetwork net) {
        return new SymbolicInstance(net, false);
    }

    /**
     * The instance of {@code net} with the last layer's pre-activations as free symbols u_l, θ-derivatives
     * passing through them by the chain rule: for deep blocks, whose nested activations otherwise exhaust
     * Symja's simplifier. Identities proved this way hold for all u, hence at u = z(θ).
     */
    static SymbolicInstance withSymbolicOutputs(StochasticNetwork net) {
        return new SymbolicInstance(net, true);
    }

    StochasticNetwork network() {
        return net;
    }

    /** The hypotheses on the hyperparameter symbols present: s &gt; 0, 0 ≤ ι &lt; 1, ω &gt; 0, α &gt; 0. */
    Assumptions assumptions() {
        List<String> out = new ArrayList<>();
        if (outputSymbols != null) {
            for (IExpr v : outputSymbols) {
                switch (net.response()) {
                    case ResponseModel.Categorical c -> out.add(SymjaExprs.input(v) + " > 0");
                    case ResponseModel.TanhBernoulli b -> out.add("0 < " + SymjaExprs.input(v) + " < 1");
                    default -> {
                    }
                }
            }
        }
        for (String h : hyperparameters) {
            String name = table.symjaName(h);
            switch (h) {
                case "iota" -> out.add("0 <= " + name + " < 1");
                default -> out.add(name + " > 0");
            }
        }
        return Assumptions.of(out);
    }

    /** A short description for certificates, e.g. {@code d = 2, widths [3, 1]}. */
    String describe() {
        return "the concrete instance with input dimension d = " + net.declared().inputDim() + ", widths "
                + java.util.Arrays.toString(net.declared().widths()) + " and symbolic parameters, inputs"
                + (hyperparameters.isEmpty() ? "" : " and hyperparameters " + hyperparameters)
                + (outputSymbols == null ? "" : ", the last pre-activations as free symbols" + switch (net.response()) {
                    case ResponseModel.Categorical c -> " u_l = ln a_l";
                    case ResponseModel.TanhBernoulli b -> " u_l = artanh(2q_l \u2212 1)";
                    default -> " u_l";
                } + " (\u03b8-derivatives through them by the chain rule, \u2202u_l/\u2202\u03b8_a as symbols J_la "
                        + "where both sides are in terms of them)");
    }

    private ISymbol symbol(String coreName) {
        return F.symbol(table.symjaName(coreName));
    }

    // ---- the interpreter -----------------------------------------------------------------------------

    /** Inside an expectation over the model: the outcome y and symbols standing for the loss's input. */
    private record Scope(SymTensor y, IExpr[] lossInput) {
    }

    /** {@code e} on this instance. */
    SymTensor eval(Expr e) {
        return eval(e, null);
    }

    private SymTensor eval(Expr e, Scope scope) {
        return switch (e) {
            case Expr.Params p -> SymTensor.vector(select(p.group()));
            case Expr.Input i -> SymTensor.vector(List.of(x));
            case Expr.AugmentedInput i -> {
                List<IExpr> v = new ArrayList<>(List.of(x));
                v.add(F.C1);
                yield SymTensor.vector(v);
            }
            case Expr.PreActivation z -> {
                if (z.layer() >= pre.size()) {
                    throw unsupported(e, "layer " + z.layer() + " outside the " + pre.size() + " layers");
                }
                yield SymTensor.vector(List.of(pre.get(z.layer())));
            }
            case Expr.Output o -> SymTensor.vector(List.of(engineOutput()));
            case Expr.Target t -> {
                if (scope == null) {
                    throw unsupported(e, "a target needs an expectation over the model around it");
                }
                yield scope.y;
            }
            case Expr.LossValue l -> {
                if (scope == null) {
                    throw unsupported(e, "the loss needs an expectation over the model around it");
                }
                yield SymTensor.scalar(engineLoss(scope.lossInput, scope.y));
            }
            case Expr.Const c -> SymTensor.scalar(SymjaTerms.exact(c.value()));
            case Expr.IdentityMatrix m -> identity(m, e);
            case Expr.Component c -> SymTensor.scalar(eval(c.of(), scope).get(c.index()));
            case Expr.Dot d -> SymTensor.dot(eval(d.a(), scope), eval(d.b(), scope));
            case Expr.Outer o -> SymTensor.outer(eval(o.a(), scope), eval(o.b(), scope));
            case Expr.MatMul m -> SymTensor.matmul(eval(m.a(), scope), eval(m.b(), scope));
            case Expr.Add a -> SymTensor.add(eval(a.a(), scope), eval(a.b(), scope));
            case Expr.Sub a -> SymTensor.sub(eval(a.a(), scope), eval(a.b(), scope));
            case Expr.Mul a -> SymTensor.mul(eval(a.a(), scope), eval(a.b(), scope));
            case Expr.Div a -> SymTensor.div(eval(a.a(), scope), eval(a.b(), scope));
            case Expr.Neg n -> eval(n.a(), scope).map(F::Negate);
            case Expr.Pow p -> eval(p.a(), scope).map(v -> F.Power(v, F.ZZ(p.n())));
            case Expr.Diag d -> SymTensor.diag(d.blocks().stream().map(b -> eval(b, scope)).toList());
            case Expr.Kron k -> SymTensor.kron(eval(k.a(), scope), eval(k.b(), scope));
            case Expr.ScalarTerm st -> scalarTerm(st, scope);
            case Expr.Grad g -> grad(g, scope);
            case Expr.Expectation ex -> expectation(ex, scope);
            case Expr.FisherInformation f -> fisher(f.group());
            default -> throw unsupported(e, "this node has no symbolic interpretation in the relative Fisher derivations");
        };
    }

    private SymTensor identity(Expr.IdentityMatrix m, Expr e) {
        if (m.n() <= 0) {
            throw unsupported(e, "an identity matrix of unspecified size");
        }
        IExpr[] out = new IExpr[m.n() * m.n()];
        for (int i = 0; i < out.length; i++) {
            out[i] = i % (m.n() + 1) == 0 ? F.C1 : F.C0;
        }
        return SymTensor.matrix(m.n(), m.n(), out);
    }

    /** The parameter symbols of a group; a layer's neuron by neuron. */
    List<IExpr> select(ParameterGroup group) {
        int[] idx = DefinitionFisher.groupIndices(net, group);
        List<IExpr> out = new ArrayList<>(idx.length);
        for (int i : idx) {
            out.add(theta[i]);
        }
        return out;
    }

    /** The term with each bound variable replaced, entry by entry, by its expression; constants stay symbols. */
    private SymTensor scalarTerm(Expr.ScalarTerm st, Scope scope) {
        IExpr body = SymjaTerms.toSymja(st.term(), table);
        Map<String, SymTensor> args = new TreeMap<>();
        st.arguments().forEach((name, arg) -> args.put(name, eval(arg, scope)));
        SymTensor shape = args.values().stream().filter(a -> a.rank() > 0).findFirst()
                .orElse(SymTensor.scalar(F.C0));
        for (SymTensor a : args.values()) {
            if (a.rank() > 0 && (a.rank() != shape.rank() || a.size() != shape.size())) {
                throw new SpecificationException(ErrorCode.SHAPE_MISMATCH, "ScalarTerm",
                        "ScalarTerm: arguments of shapes " + a.shape() + " and " + shape.shape() + " do not broadcast");
            }
        }
        st.constants().keySet().forEach(hyperparameters::add);
        IExpr[] out = new IExpr[shape.size()];
        for (int i = 0; i < out.length; i++) {
            var rules = F.ListAlloc(args.size());
            for (var a : args.entrySet()) {
                rules.append(F.Rule(F.symbol(table.symjaName(a.getKey())),
                        a.getValue().rank() == 0 ? a.getValue().get(0) : a.getValue().get(i)));
            }
            out[i] = F.ReplaceAll(body, rules);
            if (outputSymbols != null) {
                // a coefficient at a symbolic output is a rational function of one symbol: factored (cheap),
                // its common factors cancel and it meets the polynomial scores
                out[i] = value(F.Factor(out[i]), "a coefficient, factored");
            }
        }
        return new SymTensor(shape.rank(), shape.rows(), shape.cols(), out);
    }

    private SymTensor grad(Expr.Grad g, Scope scope) {
        SymTensor of = eval(g.of(), scope);
        if (of.rank() != 0) {
            throw unsupported(g, "a gradient needs a scalar, got " + of.shape());
        }
        IExpr f = of.get(0);
        return switch (g.wrt()) {
            case Expr.WrtParams p -> {
                IExpr actual = scope == null ? f : substituteLossInput(f, scope);
                yield SymTensor.vector(select(p.group()).stream().map(v -> totalD(actual, v)).toList());
            }
            case Expr.WrtOutput o -> {
                if (scope == null) {
                    throw unsupported(g, "∂/∂f needs an expectation over the model around it");
                }
                List<IExpr> out = new ArrayList<>();
                for (IExpr v : scope.lossInput) {
                    out.add(F.D(f, v));
                }
                yield SymTensor.vector(out);
            }
            case Expr.WrtInput i -> SymTensor.vector(List.of(x).stream().map(v -> (IExpr) F.D(f, v)).toList());
            case Expr.WrtLayer l -> throw unsupported(g, "derivatives with respect to a layer quantity ("
                    + l.quantity() + ") are not interpreted symbolically here");
        };
    }

    // ---- the engine form: output, loss, expectation over the model --------------------------------------

    private IExpr[] lastPre() {
        return pre.get(pre.size() - 1);
    }

    /** f_θ(x) of the engine form: the logits u (sigmoid Bernoulli) or softmax(u) (categorical). */
    private IExpr[] engineOutput() {
        IExpr[] u = lastPre();
        return switch (net.response()) {
            case ResponseModel.SigmoidBernoulli b -> u.clone();
            case ResponseModel.Categorical c -> softmax(u);
            default -> throw new SpecificationException(ErrorCode.UNSUPPORTED, "Output",
                    "Output: the engine form of the response " + net.response().description()
                            + " relabels y, so its output is not the declared network's; use FisherInformation");
        };
    }

    /** The node the engine's loss reads: the logits u. */
    private IExpr[] engineLossInput() {
        engineOutput();
        return lastPre();
    }

    private static IExpr[] softmax(IExpr[] u) {
        IExpr[] exps = new IExpr[u.length];
        for (int i = 0; i < u.length; i++) {
            exps[i] = F.Power(S.E, u[i]);
        }
        IExpr total = F.Plus(exps);
        IExpr[] out = new IExpr[u.length];
        for (int i = 0; i < u.length; i++) {
            out[i] = F.Divide(exps[i], total);
        }
        return out;
    }

    /** −ln p(y | f) of the engine's model at loss input {@code f}. */
    private IExpr engineLoss(IExpr[] f, SymTensor y) {
        List<IExpr> terms = new ArrayList<>();
        switch (net.response()) {
            case ResponseModel.SigmoidBernoulli b -> {
                // softplus(f) − y f per component
                for (int l = 0; l < f.length; l++) {
                    terms.add(F.Subtract(F.Log(F.Plus(F.C1, F.Power(S.E, f[l]))), F.Times(y.get(l), f[l])));
                }
            }
            case ResponseModel.Categorical c -> {
                IExpr[] exps = new IExpr[f.length];
                for (int l = 0; l < f.length; l++) {
                    exps[l] = F.Power(S.E, f[l]);
                    terms.add(F.Times(F.CN1, y.get(l), f[l]));
                }
                terms.add(F.Log(F.Plus(exps)));
            }
            default -> throw new SpecificationException(ErrorCode.UNSUPPORTED, "LossValue",
                    "LossValue: not interpreted for the response " + net.response().description());
        }
        return F.Plus(terms.toArray(IExpr[]::new));
    }

    private IExpr substituteLossInput(IExpr e, Scope scope) {
        IExpr[] actual = engineLossInput();
        var rules = F.ListAlloc(actual.length);
        for (int l = 0; l < actual.length; l++) {
            rules.append(F.Rule(scope.lossInput[l], actual[l]));
        }
        return F.ReplaceAll(e, rules);
    }

    private SymTensor expectation(Expr.Expectation ex, Scope scope) {
        if (ex.over() instanceof Expr.OverData) {
            // per sample: both sides of a step are averages of their bodies over the same data
            return eval(ex.body(), scope);
        }
        if (!(ex.over() instanceof Expr.OverModel) || scope != null) {
            throw unsupported(ex, "only an expectation over the model's output (not nested) or over the data");
        }
        IExpr[] f = engineLossInput();
        int k = f.length;
        IExpr[] fSymbols = new IExpr[k];
        for (int l = 0; l < k; l++) {
            fSymbols[l] = F.symbol("fLossInput" + (l + 1));
        }
        List<IExpr[]> outcomes = new ArrayList<>();
        List<IExpr> weights = new ArrayList<>();
        if (net.response() instanceof ResponseModel.Categorical) {
            IExpr[] eta = softmax(f);
            for (int i = 0; i < k; i++) {
                IExpr[] y = new IExpr[k];
                for (int l = 0; l < k; l++) {
                    y[l] = l == i ? F.C1 : F.C0;
                }
                outcomes.add(y);
                weights.add(eta[i]);
            }
        } else {
            for (int mask = 0; mask < (1 << k); mask++) {
                IExpr[] y = new IExpr[k];
                IExpr[] w = new IExpr[k];
                for (int l = 0; l < k; l++) {
                    boolean one = ((mask >>> l) & 1) == 1;
                    y[l] = one ? F.C1 : F.C0;
                    IExpr p = F.LogisticSigmoid(f[l]);
                    w[l] = one ? p : F.Subtract(F.C1, p);
                }
                outcomes.add(y);
                weights.add(F.Times(w));
            }
        }
        SymTensor acc = null;
        for (int o = 0; o < outcomes.size(); o++) {
            Scope inner = new Scope(SymTensor.vector(List.of(outcomes.get(o))), fSymbols);
            IExpr weight = weights.get(o);
            SymTensor body = eval(ex.body(), inner).map(v -> F.Times(weight, substituteLossInput(v, inner)));
            acc = acc == null ? body : SymTensor.add(acc, body);
        }
        return acc;
    }

    // ---- Fisher information from the definition, with the seed's response model ----------------------

    /** 𝔼_y[∇ ln p ∇ ln pᵀ] over the group's parameters (unevaluated sums of evaluated scores). */
    SymTensor fisher(ParameterGroup group) {
        List<IExpr> params = select(group);
        IExpr[] u = lastPre();
        int k = u.length;
        int n = params.size();
        IExpr[] out = new IExpr[n * n];
        if (net.response() instanceof ResponseModel.Gaussian g) {
            IExpr[] y = new IExpr[k];
            IExpr[] mean = new IExpr[k];
            IExpr s = F.symbol(table.symjaName(NOISE));
            List<IExpr> terms = new ArrayList<>();
            for (int l = 0; l < k; l++) {
                y[l] = F.symbol("yResponse" + (l + 1));
                mean[l] = activationAt(g.activation(), u[l]);
                // ln N(y | μ, s²) = −(y − μ)²/(2 s²) − ln s − ln(2π)/2
                terms.add(F.Subtract(F.Times(F.CN1D2, F.Power(F.Subtract(y[l], mean[l]), F.C2), F.Power(s, F.CN2)),
                        F.Plus(F.Log(s), F.Times(F.C1D2, F.Log(F.Times(F.C2, S.Pi))))));
            }
            IExpr lnp = F.Plus(terms.toArray(IExpr[]::new));
            IExpr[] score = scores(lnp, params);
            for (int a = 0; a < n; a++) {
                for (int c = a; c < n; c++) {
                    IExpr e = gaussian.expectation(F.Times(score[a], score[c]), y, mean, s);
                    out[a * n + c] = e;
                    out[c * n + a] = e;
                }
            }
            return SymTensor.matrix(n, n, out);
        }
        List<IExpr> weights = new ArrayList<>();
        List<IExpr[]> scores = new ArrayList<>();
        for (Outcome o : outcomes(u)) {
            weights.add(o.probability);
            scores.add(scores(o.logProbability, params));
        }
        for (int a = 0; a < n; a++) {
            for (int c = a; c < n; c++) {
                IExpr[] terms = new IExpr[weights.size()];
                for (int o = 0; o < terms.length; o++) {
                    terms[o] = F.Times(weights.get(o), scores.get(o)[a], scores.get(o)[c]);
                }
                IExpr e = F.Plus(terms);
                out[a * n + c] = e;
                out[c * n + a] = e;
            }
        }
        return SymTensor.matrix(n, n, out);
    }

    private record Outcome(IExpr probability, IExpr logProbability) {
    }

    /** The enumerated outcomes of a Bernoulli or categorical response, with p(y) and ln p(y). */
    private List<Outcome> outcomes(IExpr[] u) {
        int k = u.length;
        List<Outcome> out = new ArrayList<>();
        if (net.response() instanceof ResponseModel.Categorical) {
            IExpr[] eta = softmax(u);
            for (int i = 0; i < k; i++) {
                out.add(new Outcome(eta[i], F.Log(eta[i])));
            }
            return out;
        }
        for (int mask = 0; mask < (1 << k); mask++) {
            IExpr[] p = new IExpr[k];
            IExpr[] ln = new IExpr[k];
            for (int l = 0; l < k; l++) {
                boolean high = ((mask >>> l) & 1) == 1;
                IExpr a = activationAt(net.response().activation(), u[l]);
                p[l] = switch (net.response()) {
                    // p(y = ±1) = (1 ± tanh u)/2
                    case ResponseModel.TanhBernoulli b -> F.Times(F.C1D2, high ? F.Plus(F.C1, a) : F.Subtract(F.C1, a));
                    // p(y = 1) = sigm(u), p(y = 0) = 1 − sigm(u)
                    case ResponseModel.SigmoidBernoulli b -> high ? a : F.Subtract(F.C1, a);
                    default -> throw new IllegalStateException("not a Bernoulli response: " + net.response());
                };
                if (outputSymbols != null) {
                    // with a symbolic output the probability is rational in its symbol (q or 1 − q for tanh)
                    p[l] = value(F.Factor(p[l]), "an outcome's probability, factored");
                }
                ln[l] = F.Log(p[l]);
            }
            out.add(new Outcome(F.Times(p), F.Plus(ln)));
        }
        return out;
    }

    /** σ(u) from the activation's symbolic form, hyperparameters as symbols. */
    private IExpr activationAt(Activation a, IExpr u) {
        IExpr body = SymjaTerms.toSymja(a.symbolic(), table);
        return F.ReplaceAll(body, F.Rule(F.symbol(table.symjaName(Activation.VARIABLE)), u));
    }

    /** ∂ ln p / ∂θ_a for each parameter, evaluated by Symja. */
    private IExpr[] scores(IExpr lnp, List<IExpr> params) {
        IExpr[] out = new IExpr[params.size()];
        for (int a = 0; a < out.length; a++) {
            IExpr score = totalD(lnp, params.get(a));
            if (outputSymbols != null && !(net.response() instanceof ResponseModel.Gaussian)) {
                // with symbolic outputs a Bernoulli or categorical score is rational in the output symbols: over a
                // common denominator (cheap on one score) the factor p(y) of d ln p = dp/p cancels, e.g.
                // ∂_u ln(1 − σ(u)) = −σ(1 − σ)/(1 − σ) = −σ, so that the Fisher entries become polynomials
                score = F.Together(score);
            }
            out[a] = value(score, "the score ∂ ln p/∂" + params.get(a));
        }
        return out;
    }

    private IExpr value(IExpr e, String what) {
        SymjaResult<IExpr> r = engine.evaluate(e);
        if (r instanceof SymjaResult.Undecided<IExpr> u) {
            throw new SpecificationException(ErrorCode.UNSUPPORTED, what, what + ": " + u.explanation());
        }
        return r.valueOrThrow();
    }

    private static SpecificationException unsupported(Expr e, String why) {
        String s = e.toString();
        return new SpecificationException(ErrorCode.UNSUPPORTED, e.getClass().getSimpleName(),
                (s.length() > 120 ? s.substring(0, 117) + "..." : s) + ": " + why);
    }
}
