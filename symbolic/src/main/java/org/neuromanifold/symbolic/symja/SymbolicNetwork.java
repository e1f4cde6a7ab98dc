package org.neuromanifold.symbolic.symja;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.neuromanifold.core.activation.Activation;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;
import org.neuromanifold.core.model.Dense;
import org.neuromanifold.core.model.Network;
import org.neuromanifold.core.model.OutputHead;
import org.neuromanifold.core.model.ParameterBlock;
import org.neuromanifold.core.model.ParameterLayout;
import org.neuromanifold.core.scalar.Fn;
import org.neuromanifold.core.scalar.Term;
import org.neuromanifold.core.scalar.TermCompiler;

/**
 * A small concrete {@link Network} as symbolic expressions: per output component, a core {@link Term}
 * and its Symja expression, with one symbol per parameter and per input.
 *
 * <p>Symbols: parameter {@code W0[1,2]} is {@code W0x1x2}, {@code b1[0]} is {@code b1x0} (the
 * {@link ParameterLayout} name with brackets and commas replaced by {@code x}); inputs are {@code x1 … xd}
 * (1-based, as in the mathematics); activation hyperparameters keep their names ({@code iota},
 * {@code omega}, {@code alpha}) with the suffix {@code L<t>} ({@code iotaL1}) only when two layers use the
 * same name with different values. Layer {@code t} computes {@code h ↦ σ_t(W^t h + b^t)} with each
 * activation's {@link Activation#symbolic()} form substituted for σ (ReLU-like activations are
 * {@code Piecewise}); a softmax head gives {@code exp(a_k) / Σ_j exp(a_j)}.
 *
 * <p>The size of the expressions grows with depth (every use of σ's variable copies the pre-activation),
 * so this is meant for the small instances a symbolic check runs on.
 *
 * <pre>{@code
 * SymbolicNetwork net = SymbolicNetwork.of(network, SymbolicNetwork.Hyperparameters.SYMBOLIC);
 * IExpr f0 = net.output(0);                        // Symja expression of f_θ(x)_0
 * String w = net.parameterSymbol("W0[1,2]");       // "W0x1x2"
 * double[] y = net.evaluate(theta, x);             // the same expressions in double precision
 * }</pre>
 */
public final class SymbolicNetwork {

    /** How activation hyperparameters (ι, ω, α, ...) appear in the expressions. */
    public enum Hyperparameters {
        /** As symbols, with their values in {@link #hyperparameterValues()}. */
        SYMBOLIC,
        /** As their exact values ({@code 0.1} → {@code 1/10}). */
        BOUND
    }

    private final Network network;
    private final List<Term> outputs;
    private final List<String> parameterSymbols;
    private final Map<String, Integer> parameterIndex;
    private final List<String> parameterNames;
    private final List<String> inputSymbols;
    private final Map<String, Double> hyperparameterValues;
    private final SymbolTable symbols;

    private SymbolicNetwork(Network network, List<Term> outputs, List<String> parameterSymbols,
            List<String> parameterNames, List<String> inputSymbols, Map<String, Double> hyperparameterValues,
            SymbolTable symbols) {
        this.network = network;
        this.outputs = List.copyOf(outputs);
        this.parameterSymbols = List.copyOf(parameterSymbols);
        this.parameterNames = List.copyOf(parameterNames);
        this.inputSymbols = List.copyOf(inputSymbols);
        this.hyperparameterValues = Map.copyOf(hyperparameterValues);
        this.symbols = symbols;
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < parameterSymbols.size(); i++) {
            index.put(parameterSymbols.get(i), i);
        }
        this.parameterIndex = Map.copyOf(index);
    }

    /** Builds the expressions of {@code network}. */
    public static SymbolicNetwork of(Network network, Hyperparameters mode) {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(mode, "mode");
        ParameterLayout layout = network.layout();
        List<String> parameterNames = layout.names();
        List<String> parameterSymbols = parameterNames.stream().map(SymbolTable::sanitise).toList();
        List<String> inputs = new ArrayList<>();
        for (int j = 1; j <= network.inputDim(); j++) {
            inputs.add("x" + j);
        }
        Map<String, Double> hyperValues = new LinkedHashMap<>();
        List<Map<String, Term>> hyperTerms = hyperparameters(network, mode, hyperValues);
        for (String h : hyperValues.keySet()) {
            if (inputs.contains(h) || parameterSymbols.contains(h)) {
                throw new SpecificationException(ErrorCode.UNSUPPORTED, "hyperparameter " + h,
                        "hyperparameter " + h + ": its name is also a parameter or input symbol of the network");
            }
        }

        List<Term> h = inputs.stream().map(Term::variable).toList();
        for (int t = 0; t < network.layers().size(); t++) {
            Dense layer = network.layers().get(t);
            ParameterBlock w = layout.weight(t);
            ParameterBlock b = layout.biasOrNull(t);
            List<Term> next = new ArrayList<>(layer.out());
            for (int i = 0; i < layer.out(); i++) {
                List<Term> sum = new ArrayList<>();
                for (int j = 0; j < layer.in(); j++) {
                    sum.add(Term.product(Term.variable(parameterSymbols.get(w.index(i, j))), h.get(j)));
                }
                if (b != null) {
                    sum.add(Term.variable(parameterSymbols.get(b.index(i, 0))));
                }
                Term pre = Term.sum(sum);
                Map<String, Term> replacements = new HashMap<>(hyperTerms.get(t));
                replacements.put(Activation.VARIABLE, pre);
                next.add(TermSubstitution.substitute(layer.activation().symbolic(), replacements));
            }
            h = next;
        }
        List<Term> outputs = network.head() == OutputHead.SOFTMAX ? softmax(h) : h;
        SymbolTable table = SymbolTable.create();
        parameterSymbols.forEach(table::symjaName);
        inputs.forEach(table::symjaName);
        hyperValues.keySet().forEach(table::symjaName);
        return new SymbolicNetwork(network, outputs, parameterSymbols, parameterNames, inputs, hyperValues, table);
    }

    /** Per layer, what each hyperparameter symbol of its activation becomes. */
    private static List<Map<String, Term>> hyperparameters(Network network, Hyperparameters mode,
            Map<String, Double> values) {
        Map<String, Double> firstValue = new HashMap<>();
        Map<String, Boolean> conflicting = new HashMap<>();
        for (Dense d : network.layers()) {
            d.activation().hyperparameters().forEach((name, value) -> {
                Double seen = firstValue.putIfAbsent(name, value);
                if (seen != null && !seen.equals(value)) {
                    conflicting.put(name, true);
                }
            });
        }
        List<Map<String, Term>> perLayer = new ArrayList<>();
        for (int t = 0; t < network.layers().size(); t++) {
            Map<String, Term> terms = new HashMap<>();
            for (var e : network.layers().get(t).activation().hyperparameters().entrySet()) {
                if (mode == Hyperparameters.BOUND) {
                    terms.put(e.getKey(), Term.constant(e.getValue()));
                } else {
                    String symbol = conflicting.containsKey(e.getKey()) ? e.getKey() + "L" + t : e.getKey();
                    values.put(symbol, e.getValue());
                    terms.put(e.getKey(), Term.variable(symbol));
                }
            }
            perLayer.add(terms);
        }
        return perLayer;
    }

    private static List<Term> softmax(List<Term> logits) {
        List<Term> exps = logits.stream().map(a -> Term.apply(Fn.EXP, a)).toList();
        Term total = Term.sum(exps);
        return exps.stream().map(e -> Term.quotient(e, total)).toList();
    }

    /** The network. */
    public Network network() {
        return network;
    }

    /** The number of output components. */
    public int outputCount() {
        return outputs.size();
    }

    /** Output component {@code k} as a core term over {@link #parameterSymbols()}, {@link #inputSymbols()} and the hyperparameters. */
    public Term outputTerm(int k) {
        return outputs.get(checkOutput(k));
    }

    /** Every output component as a core term. */
    public List<Term> outputTerms() {
        return outputs;
    }

    /** Output component {@code k} as a Symja expression (not evaluated). */
    public IExpr output(int k) {
        return SymjaTerms.toSymja(outputTerm(k), symbols);
    }

    /** Every output component as a Symja expression. */
    public List<IExpr> outputs() {
        return outputs.stream().map(t -> SymjaTerms.toSymja(t, symbols)).toList();
    }

    /** The parameter symbols in {@link ParameterLayout} order ({@code W0x0x0, W0x0x1, …}). */
    public List<String> parameterSymbols() {
        return parameterSymbols;
    }

    /** The symbol of the parameter at flat index {@code index}. */
    public String parameterSymbol(int index) {
        if (index < 0 || index >= parameterSymbols.size()) {
            throw SpecificationException.expected(ErrorCode.OUT_OF_RANGE, "parameter index",
                    "an index in [0, " + parameterSymbols.size() + ")", index);
        }
        return parameterSymbols.get(index);
    }

    /** The symbol of a parameter given by its layout name, e.g. {@code W0[1,2]} → {@code W0x1x2}. */
    public String parameterSymbol(String parameterName) {
        int i = parameterNames.indexOf(parameterName);
        if (i < 0) {
            throw new SpecificationException(ErrorCode.OUT_OF_RANGE, "parameter name",
                    "parameter name: expected one of " + parameterNames + ", got '" + parameterName + "'");
        }
        return parameterSymbols.get(i);
    }

    /** The layout name of a parameter symbol, e.g. {@code W0x1x2} → {@code W0[1,2]}. */
    public String parameterName(String symbol) {
        return parameterNames.get(parameterIndex(symbol));
    }

    /** The flat θ index of a parameter symbol. */
    public int parameterIndex(String symbol) {
        Integer i = parameterIndex.get(symbol);
        if (i == null) {
            throw new SpecificationException(ErrorCode.OUT_OF_RANGE, "parameter symbol",
                    "parameter symbol: expected one of " + parameterSymbols + ", got '" + symbol + "'");
        }
        return i;
    }

    /** The input symbols {@code x1 … xd}. */
    public List<String> inputSymbols() {
        return inputSymbols;
    }

    /** Hyperparameter symbols and their values ({@link Hyperparameters#SYMBOLIC} mode; empty when bound). */
    public Map<String, Double> hyperparameterValues() {
        return hyperparameterValues;
    }

    /** The symbol table of the Symja expressions (core names equal Symja names except reserved ones). */
    public SymbolTable symbols() {
        return symbols;
    }

    /** Values of every symbol at θ and x (hyperparameters included). */
    public Map<String, Double> bind(double[] theta, double[] x) {
        network.layout().requireValid(theta);
        if (x.length != inputSymbols.size()) {
            throw SpecificationException.expected(ErrorCode.SHAPE_MISMATCH, "x", "an input of length "
                    + inputSymbols.size(), "length " + x.length);
        }
        Map<String, Double> env = new LinkedHashMap<>(hyperparameterValues);
        for (int i = 0; i < theta.length; i++) {
            env.put(parameterSymbols.get(i), theta[i]);
        }
        for (int j = 0; j < x.length; j++) {
            env.put(inputSymbols.get(j), x[j]);
        }
        return env;
    }

    /** {@code {W0x0x0 -> θ0, …, x1 -> x[0], …, iota -> 0.1}}: Symja substitution rules (exact values). */
    public IAST rules(double[] theta, double[] x) {
        Map<String, Double> env = bind(theta, x);
        SymjaRuntime.prepareThread();
        var list = F.ListAlloc(env.size());
        env.forEach((name, value) -> list.append(F.Rule(symbols.symbol(name), SymjaTerms.exact(value))));
        return list;
    }

    /** f_θ(x) computed from the output terms in double precision. */
    public double[] evaluate(double[] theta, double[] x) {
        Map<String, Double> env = bind(theta, x);
        double[] out = new double[outputs.size()];
        List<String> names = new ArrayList<>(env.keySet());
        double[] values = names.stream().mapToDouble(env::get).toArray();
        for (int k = 0; k < out.length; k++) {
            ToDoubleFunction<double[]> f = TermCompiler.compile(outputs.get(k), names, Map.of());
            out[k] = f.applyAsDouble(values);
        }
        return out;
    }

    private int checkOutput(int k) {
        if (k < 0 || k >= outputs.size()) {
            throw SpecificationException.expected(ErrorCode.OUT_OF_RANGE, "output component",
                    "an index in [0, " + outputs.size() + ")", k);
        }
        return k;
    }
}
