package org.neuromanifold.numeric.verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.neuromanifold.core.activation.IdentityActivation;
import org.neuromanifold.core.activation.LeakyRelu;
import org.neuromanifold.core.activation.Relu;
import org.neuromanifold.core.activation.Tanh;
import org.neuromanifold.core.catalogue.CatalogueIdentities;
import org.neuromanifold.core.data.Dataset;
import org.neuromanifold.core.data.InputDistribution;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;
import org.neuromanifold.core.expr.Expr;
import org.neuromanifold.core.expr.Exprs;
import org.neuromanifold.core.expr.Identity;
import org.neuromanifold.core.expr.Relation;
import org.neuromanifold.core.model.Dense;
import org.neuromanifold.core.model.Network;
import org.neuromanifold.core.result.Counterexample;

/**
 * Verification on a given model: a network of any shape (per-layer activations and biases), a fixed data
 * set, an input distribution. Checked against closed forms and an independent forward pass by plain loops
 * with the radial derivative by central differences; each with a negative control.
 */
class GivenModelTest {
    private static final Relu RELU = new Relu();
    private static final IdentityActivation LINEAR = new IdentityActivation();

    /** 3 → 5 → 2 → 1 with ReLU, then leaky ReLU, bias-free: Euler's hypotheses hold layer by layer. */
    private static Network homogeneous() {
        return Network.of(3, List.of(new Dense(3, 5, false, RELU), new Dense(5, 2, false, new LeakyRelu(0.2)),
                new Dense(2, 1, false, LINEAR)));
    }

    @Test
    void eulerHoldsOnANonUniformHomogeneousNetwork() {
        VerificationReport r = Verifier.verify(VerificationConfig.builder(CatalogueIdentities.EULER)
                .network(homogeneous()).trials(300).seed(3).threads(2).build());
        assertTrue(r.holds(), "max rel error " + r.result().maxRelError());
        assertTrue(r.expected());
        assertArrayEquals(new int[] {3, 5, 2, 1}, r.widths());
        assertEquals("relu/leaky-relu(iota=0.2)", r.result().activation());
        assertEquals(2, r.result().depth());
        assertEquals(5, r.result().width(), "the widest hidden layer");
        assertFalse(r.result().bias());
    }

    /**
     * ReLU then tanh: Euler fails. The shrinker keeps the layers' own activations (a network of ReLU layers
     * only would satisfy the identity), so the counterexample still has both; its sides are recomputed by
     * an independent forward pass.
     */
    @Test
    void eulerFailsWhenOneLayerIsTanhAndTheCounterexampleKeepsThatLayer() {
        Network net = Network.of(2, List.of(new Dense(2, 3, false, RELU), new Dense(3, 3, false, new Tanh()),
                new Dense(3, 1, false, LINEAR)));
        VerificationConfig c = VerificationConfig.builder(CatalogueIdentities.EULER).network(net).trials(100).seed(1)
                .threads(1).build();
        VerificationReport r = Verifier.verify(c);
        assertFalse(r.holds());
        assertFalse(r.expected());
        Counterexample ce = r.counterexample();
        assertNotNull(ce);
        assertEquals("relu/tanh", ce.activation(), "the shrunk network keeps ReLU and tanh layers");
        assertArrayEquals(new int[] {1, 1, 1, 1}, ce.widths());
        Network shrunk = c.network(ce.widths());
        assertEquals(List.of("relu", "tanh", "identity"),
                shrunk.layers().stream().map(d -> d.activation().name()).toList());

        double h = 1e-5; // central differences on O(1) values: error ~1e-10 (see HandReference)
        double[] plus = scaled(ce.theta(), 1 + h);
        double[] minus = scaled(ce.theta(), 1 - h);
        double radial = (forward(shrunk, plus, ce.x()) - forward(shrunk, minus, ce.x())) / (2 * h);
        double f = forward(shrunk, ce.theta(), ce.x());
        assertEquals(radial, ce.lhs()[0], 1e-7, "⟨∇_θ f, θ⟩ as d/dc f(cθ)");
        assertEquals(3 * f, ce.rhs()[0], 1e-12, "(L + 1) f with L = 2");
        assertTrue(Math.abs(radial - 3 * f) > 1e-3, "a genuine failure: " + ce);
    }

    /** (1/N) Σ_i ‖x_i‖², an identity about the data alone. */
    private static Identity secondMoment(double value) {
        Expr lhs = Exprs.meanOverData(new Expr.SumOf(Exprs.pow(Exprs.input(), 2)));
        return new Identity("second-moment", "second moment of the data", lhs, Relation.EQ, Exprs.constant(value),
                List.of(), "test");
    }

    @Test
    void aGivenDataSetIsUsedInEveryTrialAndKeptWhenShrinking() {
        Dataset data = Dataset.of(new double[][] {{1, 2}, {0.5, -1}, {3, 0}}, new double[][] {{1}, {0}, {2}});
        double moment = (1 + 4 + 0.25 + 1 + 9) / 3.0;
        Network net = Network.mlp(new int[] {2, 2, 1}, RELU, LINEAR, false);
        VerificationReport holds = Verifier.verify(VerificationConfig.builder(secondMoment(moment)).network(net)
                .data(data).trials(50).threads(1).build());
        assertTrue(holds.holds(), "the given rows in every trial: " + holds.result().maxRelError());
        assertEquals(3, holds.dataSize());

        // negative control: the same statement on data drawn per trial fails
        VerificationReport drawn = Verifier.verify(VerificationConfig.builder(secondMoment(moment)).network(net)
                .dataSize(3).trials(50).threads(1).build());
        assertFalse(drawn.holds());

        // a wrong value fails, and the counterexample shows the given rows unchanged
        VerificationReport wrong = Verifier.verify(VerificationConfig.builder(secondMoment(moment + 1)).network(net)
                .data(data).trials(20).threads(1).build());
        assertFalse(wrong.holds());
        assertArrayEquals(data.inputsFlat(), wrong.counterexample().x(), "rows and values kept");
        assertEquals(moment, wrong.counterexample().lhs()[0], 1e-12);
    }

    /** Σ_c 1[x_c > 0] = d: true where every coordinate is positive, false on half of the draws of N(0, I). */
    @Test
    void aGivenInputDistributionIsWhereXIsDrawn() {
        Identity positive = new Identity("positive", "x is positive", new Expr.SumOf(Exprs.step(Exprs.input())),
                Relation.EQ, Exprs.constant(2), List.of(), "test");
        Network net = Network.mlp(new int[] {2, 1}, LINEAR, LINEAR, false);
        VerificationReport inside = Verifier.verify(VerificationConfig.builder(positive).network(net)
                .inputs(new InputDistribution.Uniform(1, 2, 2)).trials(200).threads(1).build());
        assertTrue(inside.holds());

        VerificationReport gaussian = Verifier.verify(VerificationConfig.builder(positive).network(net).trials(200)
                .threads(1).build());
        assertFalse(gaussian.holds(), "negative control: N(0, I) has negative coordinates");
        VerificationReport shifted = Verifier.verify(VerificationConfig.builder(positive).network(net)
                .inputs(new InputDistribution.Gaussian(new double[] {0.5, 0.5}, 1)).trials(200).threads(1).build());
        assertFalse(shifted.holds());
        double[] x = shifted.counterexample().x();
        assertTrue(Arrays.stream(x).noneMatch(v -> v == Math.rint(v)),
                "inputs from a distribution are not replaced by simple values: " + Arrays.toString(x));
    }

    @Test
    void theMlpPathIsUnchanged() {
        VerificationConfig.Builder b = VerificationConfig.builder(CatalogueIdentities.EULER).activation("tanh", null,
                null, null).depth(1).width(3).trials(40).seed(2).threads(1);
        VerificationConfig mlp = b.build();
        assertNull(mlp.architecture());
        VerificationConfig given = VerificationConfig.builder(CatalogueIdentities.EULER).network(mlp.network())
                .trials(40).seed(2).threads(1).build();
        VerificationReport a = Verifier.verify(mlp);
        VerificationReport g = Verifier.verify(given);
        assertEquals(a.result().maxAbsError(), g.result().maxAbsError(), "the same draws for the same network");
        assertEquals(a.failedTrials(), g.failedTrials());
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        VerificationConfig.Builder b = VerificationConfig.builder(CatalogueIdentities.LOSS_EULER)
                .network(homogeneous()).trials(200).seed(9);
        VerificationReport one = Verifier.verify(b.threads(1).build());
        VerificationReport two = Verifier.verify(b.threads(2).build());
        assertEquals(one.result(), two.result());
    }

    @Test
    void badGivenModelsAreRefusedNamingTheArgument() {
        Network net = homogeneous();
        SpecificationException shape = assertThrows(SpecificationException.class,
                () -> VerificationConfig.builder(CatalogueIdentities.EULER).network(net).depth(3).width(4).build());
        assertEquals(ErrorCode.UNSUPPORTED, shape.code());
        assertEquals("depth", shape.argument());
        assertTrue(shape.getMessage().contains("[depth, width]"), shape.getMessage());

        SpecificationException inputs = assertThrows(SpecificationException.class,
                () -> VerificationConfig.builder(CatalogueIdentities.EULER).network(net)
                        .inputs(new InputDistribution.Uniform(0, 1, 2)).build());
        assertEquals(ErrorCode.SHAPE_MISMATCH, inputs.code());
        assertEquals("inputs", inputs.argument());
        assertTrue(inputs.getMessage().contains("dimension 3"), inputs.getMessage());

        Dataset narrow = Dataset.of(new double[][] {{1, 2}}, new double[][] {{1}});
        SpecificationException data = assertThrows(SpecificationException.class,
                () -> VerificationConfig.builder(CatalogueIdentities.LOSS_EULER).network(net).data(narrow).build());
        assertEquals("data", data.argument());
        assertTrue(data.getMessage().contains("width 3"), data.getMessage());

        Dataset noTargets = Dataset.ofFlat(new double[] {1, 2, 3}, 3, new double[0], 0);
        SpecificationException targets = assertThrows(SpecificationException.class,
                () -> VerificationConfig.builder(CatalogueIdentities.LOSS_EULER).network(net).data(noTargets).build());
        assertEquals("data", targets.argument());
        assertTrue(targets.getMessage().contains("reads the targets"), targets.getMessage());

        Dataset one = Dataset.of(new double[][] {{1, 2, 3}}, new double[][] {{1}});
        SpecificationException rows = assertThrows(SpecificationException.class,
                () -> VerificationConfig.builder(CatalogueIdentities.LOSS_EULER).network(net).data(one).dataSize(4)
                        .build());
        assertEquals("dataSize", rows.argument());
    }

    private static double[] scaled(double[] theta, double c) {
        return Arrays.stream(theta).map(v -> c * v).toArray();
    }

    /** f_θ(x) for a one-output network by plain loops over the layout (per layer W row-major, then b). */
    private static double forward(Network net, double[] theta, double[] x) {
        double[] h = x.clone();
        int off = 0;
        for (Dense d : net.layers()) {
            double[] next = new double[d.out()];
            for (int i = 0; i < d.out(); i++) {
                double z = d.bias() ? theta[off + d.in() * d.out() + i] : 0;
                for (int j = 0; j < d.in(); j++) {
                    z += theta[off + i * d.in() + j] * h[j];
                }
                next[i] = d.activation().value(z);
            }
            off += d.parameterCount();
            h = next;
        }
        return h[0];
    }
}
