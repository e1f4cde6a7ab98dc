package org.neuromanifold.symbolic.derive.gradient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.neuromanifold.core.activation.Activation;
import org.neuromanifold.core.activation.Elu;
import org.neuromanifold.core.activation.LeakyRelu;
import org.neuromanifold.core.activation.SmoothPrelu;
import org.neuromanifold.core.model.Network;
import org.neuromanifold.core.model.ParameterBlock;
import org.neuromanifold.core.model.ParameterLayout;
import org.neuromanifold.core.result.SymbolicVerdict;
import org.neuromanifold.core.scalar.Term;
import org.neuromanifold.symbolic.symja.Assumptions;
import org.neuromanifold.symbolic.symja.SymbolTable;
import org.neuromanifold.symbolic.symja.SymbolicNetwork;
import org.neuromanifold.symbolic.symja.SymjaEngine;
import org.neuromanifold.symbolic.symja.SymjaProver;
import org.neuromanifold.symbolic.symja.SymjaResult;
import org.neuromanifold.symbolic.symja.SymjaTerms;
import org.neuromanifold.symbolic.symja.TermSubstitution;

/**
 * The symbolic certificates of the Euler derivation (seed 000, Lemma 2.1), proved by Symja.
 *
 * <p>The general lemmas are stated for one layer of {@value #NEURONS} neurons with {@value #INPUTS}
 * inputs O₁, O₂, O₃ and weights w_ij (and biases b_i), with an arbitrary differentiable function h
 * standing for everything above the layer (see {@link OpaqueFunctions}): they hold for any depth above.
 * The width enters only through the linear forms z_i = Σ_j w_ij O_j + b_i, whose partial derivatives are
 * the same at every width. The activation's own symbolic form is used where σ matters, with its
 * hyperparameters kept symbolic under their admissible ranges (0 ≤ ι &lt; 1, ω &gt; 0, α &gt; 0).
 */
final class EulerLemmas {
    static final int NEURONS = 2;
    static final int INPUTS = 3;
    /** Step limit of the proofs on concrete networks (their expressions grow with depth). */
    private static final Duration INSTANCE_LIMIT = Duration.ofSeconds(4);

    private final Activation sigma;
    private final boolean bias;
    private final SymbolTable names = SymbolTable.create();
    private final Assumptions domain;

    EulerLemmas(Activation sigma, boolean bias) {
        this.sigma = sigma;
        this.bias = bias;
        SymjaEngine.shared();
        this.domain = Assumptions.of(hyperparameterDomain(sigma));
    }

    /** The admissible ranges of the activation's hyperparameters, as Symja conditions. */
    static List<String> hyperparameterDomain(Activation a) {
        List<String> out = new ArrayList<>();
        if (a instanceof LeakyRelu || a instanceof SmoothPrelu) {
            out.add("0 <= " + LeakyRelu.IOTA + " < 1");
        }
        if (a instanceof SmoothPrelu) {
            out.add(SmoothPrelu.OMEGA + " > 0");
        }
        if (a instanceof Elu) {
            out.add(Elu.ALPHA + " > 0");
        }
        return out;
    }

    /** σ(u) in Symja input syntax for a core term u; the activation's hyperparameters stay symbols. */
    private String sigma(Term u) {
        return SymjaTerms.toInput(TermSubstitution.substitute(sigma.symbolic(), Map.of(Activation.VARIABLE, u)), names);
    }

    /** z_i = Σ_j w_ij O_j (+ b_i) as a core term. */
    private Term linearTerm(int i) {
        List<Term> terms = new ArrayList<>();
        for (int j = 1; j <= INPUTS; j++) {
            terms.add(Term.product(Term.variable(w(i, j)), Term.variable(o(j))));
        }
        if (bias) {
            terms.add(Term.variable(b(i)));
        }
        return Term.sum(terms);
    }

    private static String o(int j) {
        return "O" + j;
    }

    private static String w(int i, int j) {
        return "w" + i + j;
    }

    private static String b(int i) {
        return "b" + i;
    }

    /** z_i = Σ_j w_ij O_j (+ b_i). */
    private String linearForm(int i) {
        List<String> terms = new ArrayList<>();
        for (int j = 1; j <= INPUTS; j++) {
            terms.add(w(i, j) + "*" + o(j));
        }
        if (bias) {
            terms.add(b(i));
        }
        return String.join(" + ", terms);
    }

    private static String sum(List<String> terms) {
        return terms.isEmpty() ? "0" : "(" + String.join(") + (", terms) + ")";
    }

    /** The point (a1, a2) of the upper function h and the n-th partial derivative of h there. */
    private static String partial(int k, List<String> point) {
        int[] orders = new int[point.size()];
        orders[k - 1] = 1;
        StringBuilder s = new StringBuilder("Derivative[");
        for (int i = 0; i < orders.length; i++) {
            s.append(i == 0 ? "" : ", ").append(orders[i]);
        }
        return s.append("][h][").append(String.join(", ", point)).append("]").toString();
    }

    /**
     * Chain rule through z^t = W^t O^t (+ b^t): Σ_ij w_ij ∂f/∂w_ij (+ Σ_i b_i ∂f/∂b_i) = Σ_i (∂f/∂z_i) z_i
     * for f = h(z₁, z₂), h arbitrary. Holds with or without biases and for every σ.
     */
    SymbolicVerdict chainRuleThroughPreActivation() {
        List<String> z = new ArrayList<>();
        for (int i = 1; i <= NEURONS; i++) {
            z.add("(" + linearForm(i) + ")");
        }
        String f = "h[" + String.join(", ", z) + "]";
        List<String> lhs = new ArrayList<>();
        for (int i = 1; i <= NEURONS; i++) {
            for (int j = 1; j <= INPUTS; j++) {
                lhs.add(w(i, j) + "*D[" + f + ", " + w(i, j) + "]");
            }
            if (bias) {
                lhs.add(b(i) + "*D[" + f + ", " + b(i) + "]");
            }
        }
        List<String> rhs = new ArrayList<>();
        for (int i = 1; i <= NEURONS; i++) {
            rhs.add(partial(i, z) + "*" + z.get(i - 1));
        }
        return new Verdicts().add("for a layer of " + NEURONS + " neurons with " + INPUTS
                + " inputs and an arbitrary function h of its pre-activations", OpaqueFunctions.of("h")
                        .proveEqual(sum(lhs), sum(rhs), domain)).combined();
    }

    /**
     * Through O^{t+1} = σ(z^t): Σ_i z_i ∂f/∂z_i = Σ_i (∂f/∂O_i) σ(z_i) for f = h(σ(z₁), σ(z₂)). Two facts:
     * the reduction of the difference to Σ_i (∂f/∂O_i)(σ'(z_i) z_i − σ(z_i)), for an arbitrary σ, and
     * σ'(z) z = σ(z) for this σ.
     */
    SymbolicVerdict activationStep() {
        List<String> lhs = new ArrayList<>();
        List<String> rhsAbstract = new ArrayList<>();
        List<String> reduced = new ArrayList<>();
        List<String> point = new ArrayList<>();
        for (int i = 1; i <= NEURONS; i++) {
            point.add("s[z" + i + "]");
        }
        String f = "h[" + String.join(", ", point) + "]";
        for (int i = 1; i <= NEURONS; i++) {
            lhs.add("z" + i + "*D[" + f + ", z" + i + "]");
            rhsAbstract.add(partial(i, point) + "*s[z" + i + "]");
            reduced.add(partial(i, point) + "*(Derivative[1][s][z" + i + "]*z" + i + " - s[z" + i + "])");
        }
        SymbolicVerdict reduction = OpaqueFunctions.of("h", "s").proveEqual(sum(lhs),
                sum(rhsAbstract) + " + " + sum(reduced), Assumptions.none());
        return new Verdicts().add("reduction to Σ_i (∂f/∂O_i)(σ'(z_i) z_i − σ(z_i)) for arbitrary h and σ", reduction)
                .add("σ'(z) z = σ(z) for " + sigma.label(), homogeneity()).combined();
    }

    /** σ'(z) z − σ(z) = 0 for this σ (a case split for kinks). */
    SymbolicVerdict homogeneity() {
        String s = sigma(Term.variable("z"));
        return SymjaProver.shared().proveEqual("z*D[" + s + ", z]", s, domain);
    }

    /**
     * The inductive step ⟨∂f/∂O^s, O^s⟩ = ⟨∂f/∂O^{s+1}, O^{s+1}⟩ for O^{s+1} = σ(W^s O^s (+ b^s)) and an
     * arbitrary f = h(O^{s+1}). Two facts: the reduction of the difference to Σ_i (∂f/∂O^{s+1}_i) ·
     * (σ'(z_i)(z_i − b_i) − σ(z_i)) for an arbitrary σ, and, for this σ, one neuron's residual
     * Σ_j O_j ∂σ(z)/∂O_j − σ(z) = 0 — which needs σ'(z)z = σ(z) and no bias.
     */
    SymbolicVerdict inductiveStep() {
        List<String> point = new ArrayList<>();
        for (int i = 1; i <= NEURONS; i++) {
            point.add("s[" + linearForm(i) + "]");
        }
        String f = "h[" + String.join(", ", point) + "]";
        List<String> lhs = new ArrayList<>();
        for (int j = 1; j <= INPUTS; j++) {
            lhs.add(o(j) + "*D[" + f + ", " + o(j) + "]");
        }
        List<String> rhs = new ArrayList<>();
        for (int i = 1; i <= NEURONS; i++) {
            String zi = "(" + linearForm(i) + ")";
            String withoutBias = bias ? "(" + zi + " - " + b(i) + ")" : zi;
            rhs.add(partial(i, point) + "*s[" + linearForm(i) + "]");
            rhs.add(partial(i, point) + "*(Derivative[1][s][" + linearForm(i) + "]*" + withoutBias + " - s["
                    + linearForm(i) + "])");
        }
        SymbolicVerdict reduction = OpaqueFunctions.of("h", "s").proveEqual(sum(lhs), sum(rhs), Assumptions.none());
        String z = linearForm(1);
        String neuron = sigma(linearTerm(1));
        List<String> directional = new ArrayList<>();
        for (int j = 1; j <= INPUTS; j++) {
            directional.add(o(j) + "*D[" + neuron + ", " + o(j) + "]");
        }
        SymbolicVerdict residual = SymjaProver.shared().proveEqual(sum(directional), neuron, domain);
        return new Verdicts().add("reduction to Σ_i (∂f/∂O^{s+1}_i)(σ'(z_i)(z_i − b_i) − σ(z_i)) for arbitrary h and σ",
                reduction).add("one neuron: Σ_j O_j ∂σ(z)/∂O_j = σ(z) for z = " + z + ", σ = " + sigma.label(), residual)
                .combined();
    }

    /** Σ_{t=0}^{L} f = (L + 1) f, by Symja's Sum. */
    static SymbolicVerdict layerCount(String summed, String closed) {
        return SymjaProver.shared().proveEqual(summed, closed, Assumptions.of("L >= 0"));
    }

    /**
     * θ = (W⁰, b⁰, …, W^L, b^L) on a concrete network: Σ_p p ∂f_k/∂p over all parameters equals the sum
     * of the per-layer blocks, for each output component k, with f differentiated by Symja.
     */
    SymbolicVerdict regrouping(Network network) {
        SymbolicNetwork s = SymbolicNetwork.of(network, SymbolicNetwork.Hyperparameters.SYMBOLIC);
        ParameterLayout layout = network.layout();
        SymjaResult<List<IExpr[]>> sides = SymjaEngine.shared().run(session -> {
            List<IExpr[]> out = new ArrayList<>();
            for (int k = 0; k < s.outputCount(); k++) {
                IExpr f = s.output(k);
                Map<String, IExpr> terms = new HashMap<>();
                for (String p : s.parameterSymbols()) {
                    terms.put(p, F.Times(F.symbol(p), session.eval(F.D(f, F.symbol(p)))));
                }
                var all = F.PlusAlloc(terms.size());
                s.parameterSymbols().forEach(p -> all.append(terms.get(p)));
                var blocks = F.PlusAlloc(terms.size());
                for (ParameterBlock block : layout.blocks()) {
                    var one = F.PlusAlloc(block.size());
                    for (int q = block.offset(); q < block.offset() + block.size(); q++) {
                        one.append(terms.get(s.parameterSymbol(q)));
                    }
                    blocks.append(one);
                }
                out.add(new IExpr[] {all, blocks});
            }
            return out;
        });
        if (sides instanceof SymjaResult.Undecided<List<IExpr[]>> u) {
            return SymbolicVerdict.undecided("differentiating the network: " + u.explanation());
        }
        Verdicts v = new Verdicts();
        List<IExpr[]> pairs = sides.valueOrThrow();
        for (int k = 0; k < pairs.size(); k++) {
            v.add("on " + network + ", output " + k, SymjaProver.shared().proveEqual(pairs.get(k)[0], pairs.get(k)[1],
                    instanceDomain(s)));
        }
        return v.combined();
    }

    /**
     * Seed 000's Lemma 2.1 on a concrete network: Σ_p p ∂f_k/∂p − (L + 1) f_k = 0 for every output
     * component, f differentiated by Symja and the difference reduced by case split over the kinks.
     */
    SymbolicVerdict fullIdentity(Network network) {
        SymbolicNetwork s = SymbolicNetwork.of(network, SymbolicNetwork.Hyperparameters.SYMBOLIC);
        int layers = network.depth() + 1;
        SymjaResult<List<IExpr>> defects = SymjaEngine.shared().run(session -> {
            List<IExpr> out = new ArrayList<>();
            for (int k = 0; k < s.outputCount(); k++) {
                IExpr f = s.output(k);
                var terms = F.PlusAlloc(s.parameterSymbols().size() + 1);
                for (String p : s.parameterSymbols()) {
                    terms.append(F.Times(F.symbol(p), session.eval(F.D(f, F.symbol(p)))));
                }
                terms.append(F.Times(F.ZZ(-layers), f));
                out.add(terms);
            }
            return out;
        });
        if (defects instanceof SymjaResult.Undecided<List<IExpr>> u) {
            return SymbolicVerdict.undecided("differentiating the network: " + u.explanation());
        }
        SymjaProver prover = SymjaProver.shared();
        prover = prover.with(prover.options().withStepLimit(INSTANCE_LIMIT));
        Verdicts v = new Verdicts();
        List<IExpr> list = defects.valueOrThrow();
        for (int k = 0; k < list.size(); k++) {
            v.add("output " + k, prover.proveZero(list.get(k), instanceDomain(s)));
        }
        return v.combined();
    }

    /** The hyperparameter ranges under the names a symbolic network gives them. */
    private Assumptions instanceDomain(SymbolicNetwork s) {
        List<String> conditions = new ArrayList<>();
        for (String h : s.hyperparameterValues().keySet()) {
            String base = h.replaceAll("L[0-9]+$", "");
            for (String c : hyperparameterDomain(sigma)) {
                if (c.contains(base)) {
                    conditions.add(c.replace(base, h));
                }
            }
        }
        return Assumptions.of(conditions);
    }
}
