package org.neuromanifold.symbolic.symja;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.neuromanifold.core.activation.Activation;
import org.neuromanifold.core.activation.Activations;
import org.neuromanifold.core.error.SpecificationException;
import org.neuromanifold.core.model.Dense;
import org.neuromanifold.core.model.Network;
import org.neuromanifold.core.model.OutputHead;
import org.neuromanifold.core.model.ParameterBlock;
import org.neuromanifold.core.model.ParameterLayout;
import org.neuromanifold.core.result.SymbolicOutcome;
import org.neuromanifold.core.result.SymbolicVerdict;

class SymbolicNetworkTest {
    private final SymjaEngine symja = SymjaEngine.shared();

    /**
     * An independent forward pass written for this test (the numeric engine lives in another module and
     * is not used here): h ← σ(W h + b) layer by layer with the activations' own numeric {@code value},
     * then an optional softmax.
     */
    private static double[] forward(Network net, double[] theta, double[] x) {
        ParameterLayout layout = net.layout();
        double[] h = x.clone();
        for (int t = 0; t < net.layers().size(); t++) {
            Dense d = net.layers().get(t);
            ParameterBlock w = layout.weight(t);
            ParameterBlock b = layout.biasOrNull(t);
            double[] next = new double[d.out()];
            for (int i = 0; i < d.out(); i++) {
                double s = b == null ? 0 : theta[b.index(i, 0)];
                for (int j = 0; j < d.in(); j++) {
                    s += theta[w.index(i, j)] * h[j];
                }
                next[i] = d.activation().value(s);
            }
            h = next;
        }
        if (net.head() == OutputHead.SOFTMAX) {
            double max = java.util.Arrays.stream(h).max().orElse(0);
            double total = 0;
            for (int i = 0; i < h.length; i++) {
                h[i] = Math.exp(h[i] - max);
                total += h[i];
            }
            for (int i = 0; i < h.length; i++) {
                h[i] /= total;
            }
        }
        return h;
    }

    private static List<Network> networks() {
        Activation relu = Activations.named("relu");
        return List.of(
                Network.mlp(new int[] {2, 3, 2}, relu, Activations.named("identity"), false),
                Network.mlp(new int[] {3, 2, 1}, Activations.named("tanh"), Activations.named("sigmoid"), true),
                Network.of(2, List.of(new Dense(2, 2, true, Activations.named("leaky-relu", 0.1, null, null)),
                        new Dense(2, 2, false, Activations.named("leaky-relu", 0.3, null, null)),
                        new Dense(2, 1, true, Activations.named("elu", null, null, 1.5)))),
                Network.mlp(new int[] {2, 2, 1}, Activations.named("prelu-smooth", 0.2, 0.4, null),
                        Activations.named("softplus"), true),
                new Network(2, List.of(new Dense(2, 3, true, Activations.named("sigmoid"))), OutputHead.SOFTMAX));
    }

    private static double[] random(SplittableRandom r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = -1.5 + 3 * r.nextDouble();
        }
        return v;
    }

    @Test
    void symbolsFollowTheParameterLayout() {
        Network net = Network.mlp(new int[] {3, 2, 1}, Activations.named("tanh"), Activations.named("identity"), true);
        SymbolicNetwork s = SymbolicNetwork.of(net, SymbolicNetwork.Hyperparameters.SYMBOLIC);
        assertEquals(List.of("W0x0x0", "W0x0x1", "W0x0x2", "W0x1x0", "W0x1x1", "W0x1x2", "b0x0", "b0x1", "W1x0x0",
                "W1x0x1", "b1x0"), s.parameterSymbols());
        assertEquals("W0x1x2", s.parameterSymbol("W0[1,2]"));
        assertEquals("b1[0]", s.parameterName("b1x0"));
        assertEquals(5, s.parameterIndex("W0x1x2"));
        assertEquals(List.of("x1", "x2", "x3"), s.inputSymbols());
        assertEquals("W1x0x0*Tanh[W0x0x0*x1+W0x0x1*x2+W0x0x2*x3+b0x0]+W1x0x1*Tanh[W0x1x0*x1+W0x1x1*x2+W0x1x2*x3+b0x1]+b1x0",
                SymjaExprs.input(s.output(0)).replace(" ", ""));
        assertThrows(SpecificationException.class, () -> s.parameterSymbol("W9[0,0]"));
    }

    @Test
    void hyperparametersAreSymbolsOrExactValues() {
        Network net = networks().get(2);
        SymbolicNetwork symbolic = SymbolicNetwork.of(net, SymbolicNetwork.Hyperparameters.SYMBOLIC);
        // the two leaky layers use different iotas, so each gets its own symbol
        assertEquals(java.util.Map.of("iotaL0", 0.1, "iotaL1", 0.3, "alpha", 1.5), symbolic.hyperparameterValues());
        String text = SymjaExprs.input(symbolic.output(0));
        assertTrue(text.contains("iotaL0") && text.contains("iotaL1") && text.contains("alpha"), text);
        SymbolicNetwork bound = SymbolicNetwork.of(net, SymbolicNetwork.Hyperparameters.BOUND);
        String boundText = SymjaExprs.input(bound.output(0));
        assertTrue(boundText.contains("1/10") && boundText.contains("3/10") && boundText.contains("3/2"), boundText);
        assertTrue(bound.hyperparameterValues().isEmpty());
    }

    /**
     * At random θ and x, the Symja expression (exact substitution, then N) and the same terms compiled in
     * double precision both equal the independent forward pass. Tolerance 1e-12 relative: a few dozen
     * correctly rounded operations on values of order 1.
     */
    @Test
    void outputsEqualAnIndependentForwardPass() {
        SplittableRandom r = new SplittableRandom(7);
        for (Network net : networks()) {
            for (SymbolicNetwork.Hyperparameters mode : SymbolicNetwork.Hyperparameters.values()) {
                SymbolicNetwork s = SymbolicNetwork.of(net, mode);
                for (int trial = 0; trial < 3; trial++) {
                    double[] theta = random(r, net.parameterCount());
                    double[] x = random(r, net.inputDim());
                    double[] expected = forward(net, theta, x);
                    double[] compiled = s.evaluate(theta, x);
                    for (int k = 0; k < expected.length; k++) {
                        IExpr numeric = symja.evaluate(F.N(F.ReplaceAll(s.output(k), s.rules(theta, x)))).valueOrThrow();
                        double tol = 1e-12 * Math.max(1, Math.abs(expected[k]));
                        assertEquals(expected[k], numeric.evalf(), tol, net + " " + mode + " output " + k + " (Symja)");
                        assertEquals(expected[k], compiled[k], tol, net + " " + mode + " output " + k + " (terms)");
                    }
                }
            }
        }
    }

    /** Σ_p p ∂f/∂p − (L+1) f for output 0, differentiated by Symja. */
    private IExpr eulerDefect(SymbolicNetwork s) {
        IExpr f = s.output(0);
        return symja.run(session -> {
            var terms = F.PlusAlloc(s.parameterSymbols().size() + 1);
            for (String p : s.parameterSymbols()) {
                IExpr symbol = F.symbol(p);
                terms.append(F.Times(symbol, session.eval(F.D(f, symbol))));
            }
            terms.append(F.Times(F.ZZ(-(s.network().depth() + 1)), f));
            return (IExpr) terms;
        }).valueOrThrow();
    }

    @Test
    void eulerIdentityOfASmallReluNetworkIsProvedByCaseSplit() {
        // ⟨∇_θ f, θ⟩ = (L+1) f for a bias-free ReLU network (seed 000, Lemma 2.1), checked by Symja
        Network net = Network.mlp(new int[] {2, 2, 1}, Activations.named("relu"), Activations.named("identity"), false);
        SymbolicVerdict v = SymjaProver.shared().proveZero(eulerDefect(SymbolicNetwork.of(net,
                SymbolicNetwork.Hyperparameters.SYMBOLIC)), Assumptions.none());
        assertEquals(SymbolicOutcome.PROVED, v.outcome(), v.detail());
        assertTrue(v.detail().startsWith("case split on 2 condition(s) into 4 case(s)"), v.detail());
    }

    @Test
    void eulerIdentityFailsWithBiasesOrTanh() {
        Network biased = Network.mlp(new int[] {2, 2, 1}, Activations.named("relu"), Activations.named("identity"), true);
        Network tanh = Network.mlp(new int[] {2, 2, 1}, Activations.named("tanh"), Activations.named("identity"), false);
        for (Network net : List.of(biased, tanh)) {
            SymbolicVerdict v = SymjaProver.shared().proveZero(eulerDefect(SymbolicNetwork.of(net,
                    SymbolicNetwork.Hyperparameters.SYMBOLIC)), Assumptions.none());
            assertEquals(SymbolicOutcome.REFUTED, v.outcome(), net + ": " + v.detail());
        }
    }
}
