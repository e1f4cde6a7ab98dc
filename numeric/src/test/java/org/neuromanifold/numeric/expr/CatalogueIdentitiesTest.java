package org.neuromanifold.numeric.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.neuromanifold.core.activation.Activation;
import org.neuromanifold.core.activation.Activations;
import org.neuromanifold.core.activation.Elu;
import org.neuromanifold.core.activation.IdentityActivation;
import org.neuromanifold.core.activation.LeakyRelu;
import org.neuromanifold.core.activation.Relu;
import org.neuromanifold.core.activation.Sigmoid;
import org.neuromanifold.core.activation.Tanh;
import org.neuromanifold.core.catalogue.CatalogueIdentities;
import org.neuromanifold.core.data.Dataset;
import org.neuromanifold.core.expr.Identity;
import org.neuromanifold.core.loss.BinaryCrossEntropyLoss;
import org.neuromanifold.core.loss.HingeLoss;
import org.neuromanifold.core.loss.Loss;
import org.neuromanifold.core.loss.SoftmaxCrossEntropyLoss;
import org.neuromanifold.core.loss.SquareLoss;
import org.neuromanifold.core.model.Initialization;
import org.neuromanifold.core.model.Network;
import org.neuromanifold.numeric.init.Initializer;
import org.neuromanifold.numeric.random.Xoshiro256PlusPlus;

/**
 * The identities of the catalogue evaluated on concrete random networks (3 weight layers, width 8):
 * both sides agree to 1e-12 relative for bias-free positively homogeneous networks (ReLU, leaky ReLU,
 * identity), and disagree by far more (≥ 1e-4 relative somewhere among the trials) for tanh, sigmoid,
 * ELU, or with biases — the negative controls. Exact evaluation everywhere: the model Fisher uses
 * enumeration (Bernoulli, categorical) or exact Gauss–Hermite quadrature (Gaussian).
 */
class CatalogueIdentitiesTest {
    private static final int TRIALS = 20;
    private static final double HOLDS = 1e-12;
    private static final double FAILS = 1e-4;

    static List<Activation> homogeneous() {
        return List.of(new Relu(), new LeakyRelu(0.1), new IdentityActivation());
    }

    static List<Activation> notHomogeneous() {
        return List.of(new Tanh(), new Sigmoid(), new Elu(1.0), Activations.named("softplus"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("homogeneous")
    void eulerHoldsForBiasFreeHomogeneousNetworks(Activation a) {
        assertHolds(CatalogueIdentities.EULER, a, false, new SquareLoss());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notHomogeneous")
    void eulerFailsForOtherActivations(Activation a) {
        assertFails(CatalogueIdentities.EULER, a, false, new SquareLoss());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("homogeneous")
    void eulerFailsWithBiases(Activation a) {
        assertFails(CatalogueIdentities.EULER, a, true, new SquareLoss());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("homogeneous")
    void lossEulerHoldsForEveryLoss(Activation a) {
        for (Loss loss : List.of(new SquareLoss(), new BinaryCrossEntropyLoss(), new SoftmaxCrossEntropyLoss(),
                new HingeLoss())) {
            assertHolds(CatalogueIdentities.LOSS_EULER, a, false, loss);
        }
        assertFails(CatalogueIdentities.LOSS_EULER, a, true, new SquareLoss());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notHomogeneous")
    void lossEulerFailsForOtherActivations(Activation a) {
        assertFails(CatalogueIdentities.LOSS_EULER, a, false, new SquareLoss());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("homogeneous")
    void fisherRaoHoldsForTheEmpiricalAndTheModelFisher(Activation a) {
        for (Loss loss : List.of(new SquareLoss(), new BinaryCrossEntropyLoss(), new SoftmaxCrossEntropyLoss())) {
            assertHolds(CatalogueIdentities.FISHER_RAO, a, false, loss);
            assertHolds(CatalogueIdentities.FISHER_RAO_MODEL, a, false, loss);
        }
        assertFails(CatalogueIdentities.FISHER_RAO, a, true, new SquareLoss());
        assertFails(CatalogueIdentities.FISHER_RAO_MODEL, a, true, new BinaryCrossEntropyLoss());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notHomogeneous")
    void fisherRaoFailsForOtherActivations(Activation a) {
        assertFails(CatalogueIdentities.FISHER_RAO, a, false, new SquareLoss());
        assertFails(CatalogueIdentities.FISHER_RAO_MODEL, a, false, new SoftmaxCrossEntropyLoss());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void hingeGradientHoldsForTheHingeLossOnly(Activation a) {
        assertHolds(CatalogueIdentities.HINGE_GRAD, a, true, new HingeLoss());
        assertFails(CatalogueIdentities.HINGE_GRAD, a, true, new SquareLoss());
    }

    static List<Activation> all() {
        return Activations.all();
    }

    // ---- harness --------------------------------------------------------------------------------------

    private static void assertHolds(Identity id, Activation a, boolean bias, Loss loss) {
        double[] r = compare(id, a, bias, loss);
        assertTrue(r[0] <= HOLDS, id.id() + " with " + a.label() + ", bias " + bias + ", " + loss.name()
                + ": worst relative error " + r[0]);
        assertTrue(r[1] > 1e-3, id.id() + ": the sides must not be trivially zero on every trial");
    }

    private static void assertFails(Identity id, Activation a, boolean bias, Loss loss) {
        assertFalse(id.expectedToHold(network(a, bias, loss), loss), "a negative control must violate a precondition");
        double worst = compare(id, a, bias, loss)[0];
        assertTrue(worst >= FAILS, id.id() + " with " + a.label() + ", bias " + bias + ", " + loss.name()
                + " should fail, worst relative error " + worst);
    }

    private static Network network(Activation a, boolean bias, Loss loss) {
        int outputs = loss instanceof SoftmaxCrossEntropyLoss ? 3 : loss instanceof BinaryCrossEntropyLoss ? 2 : 1;
        return Network.mlp(new int[] {4, 8, 8, outputs}, a, a, bias);
    }

    /**
     * {max over trials and entries of |lhs − rhs| / max(|lhs|, |rhs|, 1e-300), max |lhs|}: the worst
     * relative error, and the largest magnitude seen (to tell a real agreement from 0 = 0).
     */
    private static double[] compare(Identity id, Activation a, boolean bias, Loss loss) {
        Network net = network(a, bias, loss);
        ExprEvaluator ev = new ExprEvaluator();
        double worst = 0;
        double magnitude = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            Xoshiro256PlusPlus rng = Xoshiro256PlusPlus.of(2024, trial);
            double[] theta = Initializer.sample(net, new Initialization.Scaled(2.0, 0.5), rng);
            double[][] xs = new double[5][];
            double[][] ys = new double[5][];
            for (int i = 0; i < 5; i++) {
                xs[i] = gaussian(rng, net.inputDim());
                ys[i] = target(loss, net.outputDim(), rng);
            }
            EvalContext ctx = EvalContext.builder(net, theta).loss(loss).input(xs[0]).target(ys[0])
                    .data(Dataset.of(xs, ys)).build();
            List<Estimate> sides = ev.evaluate(id, ctx);
            Estimate lhs = sides.get(0);
            Estimate rhs = sides.get(1);
            assertTrue(lhs.exact() && rhs.exact());
            assertEquals(lhs.value().size(), rhs.value().size());
            for (int i = 0; i < lhs.value().size(); i++) {
                double l = lhs.value().get(i);
                double r = rhs.value().get(i);
                double scale = Math.max(Math.max(Math.abs(l), Math.abs(r)), 1e-300);
                worst = Math.max(worst, Math.abs(l - r) / scale);
                magnitude = Math.max(magnitude, Math.abs(l));
            }
        }
        return new double[] {worst, magnitude};
    }

    private static double[] target(Loss loss, int k, Xoshiro256PlusPlus rng) {
        double[] y = new double[k];
        switch (loss) {
            case SquareLoss s -> rng.fillGaussian(y, 0, k, 0, 1);
            case BinaryCrossEntropyLoss b -> {
                for (int i = 0; i < k; i++) {
                    y[i] = rng.nextBoolean() ? 1 : 0;
                }
            }
            case SoftmaxCrossEntropyLoss c -> y[rng.nextInt(k)] = 1;
            case HingeLoss h -> {
                for (int i = 0; i < k; i++) {
                    y[i] = rng.nextBoolean() ? 1 : -1;
                }
            }
        }
        return y;
    }

    private static double[] gaussian(Xoshiro256PlusPlus rng, int n) {
        double[] v = new double[n];
        rng.fillGaussian(v, 0, n, 0, 1);
        return v;
    }
}
