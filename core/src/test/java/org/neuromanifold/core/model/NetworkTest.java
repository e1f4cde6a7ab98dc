package org.neuromanifold.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuromanifold.core.testing.SpecAssertions.assertSpecError;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neuromanifold.core.activation.CustomActivation;
import org.neuromanifold.core.activation.IdentityActivation;
import org.neuromanifold.core.activation.LeakyRelu;
import org.neuromanifold.core.activation.Relu;
import org.neuromanifold.core.activation.Sigmoid;
import org.neuromanifold.core.activation.Tanh;
import org.neuromanifold.core.error.ErrorCode;

/** Construction, validation and derived quantities of {@link Network} and {@link Dense}. */
class NetworkTest {
    private static final Relu RELU = new Relu();
    private static final IdentityActivation ID = new IdentityActivation();

    @Test
    void mismatchedWidthsNameTheLayerAndBothWidths() {
        var e = assertSpecError(ErrorCode.WIDTH_MISMATCH,
                () -> Network.of(3, List.of(new Dense(3, 4, true, RELU), new Dense(5, 2, true, ID))),
                "layer 1", "input width 5", "layer 0's output width 4");
        assertEquals("layer 1", e.argument());
        assertSpecError(ErrorCode.WIDTH_MISMATCH, () -> Network.of(3, List.of(new Dense(2, 4, false, RELU))),
                "layer 0", "input width 2", "the input width 3");
    }

    @Test
    void nonPositiveWidthsAreRejected() {
        assertSpecError(ErrorCode.NON_POSITIVE_SIZE, () -> new Dense(0, 3, true, RELU), "Dense in", "positive", "0");
        assertSpecError(ErrorCode.NON_POSITIVE_SIZE, () -> new Dense(3, -2, true, RELU), "Dense out", "-2");
        assertSpecError(ErrorCode.NON_POSITIVE_SIZE, () -> Network.of(0, List.of(new Dense(1, 1, true, RELU))),
                "network input width", "0");
        assertSpecError(ErrorCode.NON_POSITIVE_SIZE, () -> Network.mlp(new int[] {3, 0, 1}, RELU, ID, true),
                "widths[1]", "0");
        assertSpecError(ErrorCode.NON_POSITIVE_SIZE, () -> Network.mlp(new int[] {3, 4, -1}, RELU, ID, true),
                "widths[2]", "-1");
        assertThrows(NullPointerException.class, () -> new Dense(1, 1, true, null));
    }

    /** θ is one double[], so more than 2³¹ − 1 parameters cannot be laid out; int arithmetic would wrap. */
    @Test
    void parameterCountBeyondTheArrayLimitIsRejected() {
        assertSpecError(ErrorCode.OUT_OF_RANGE, () -> new Dense(50_000, 50_000, false, RELU), "Dense 50000→50000",
                "2147483647", "2500000000");
        assertSpecError(ErrorCode.OUT_OF_RANGE, () -> new Dense(46_341, 46_340, true, RELU), "2147488280");
        Dense big = new Dense(40_000, 40_000, false, RELU);
        assertEquals(1_600_000_000, big.parameterCount());
        assertSpecError(ErrorCode.OUT_OF_RANGE, () -> Network.of(40_000, List.of(big, big)), "network",
                "3200000000");
    }

    @Test
    void emptyLayerListAndTooFewWidthsAreRejected() {
        assertSpecError(ErrorCode.EMPTY, () -> Network.of(3, List.of()), "layers", "at least one");
        assertSpecError(ErrorCode.EMPTY, () -> Network.mlp(new int[] {3}, RELU, ID, true), "widths", "1 value");
        assertSpecError(ErrorCode.EMPTY, () -> Network.mlp(new int[0], RELU, ID, true), "widths", "0 value");
        assertThrows(NullPointerException.class, () -> new Network(3, List.of(new Dense(3, 1, true, ID)), null));
    }

    @Test
    void mlpBuildsTheLayersInOrder() {
        Network n = Network.mlp(new int[] {4, 8, 6, 2}, RELU, new Sigmoid(), true);
        assertEquals(List.of(new Dense(4, 8, true, RELU), new Dense(8, 6, true, RELU),
                new Dense(6, 2, true, new Sigmoid())), n.layers());
        assertEquals(OutputHead.NONE, n.head());
        assertEquals(4, n.inputDim());
        assertEquals(2, n.depth(), "three weight matrices W0, W1, W2: L = 2 hidden layers");
        assertEquals(2, n.outputDim());
        assertArrayEquals(new int[] {4, 8, 6, 2}, n.widths());
        assertEquals(4 * 8 + 8 + 8 * 6 + 6 + 6 * 2 + 2, n.parameterCount());
        assertEquals(n.parameterCount(), n.layout().size());
        assertFalse(n.biasFree());
        Network single = Network.mlp(new int[] {5, 1}, RELU, ID, false);
        assertEquals(0, single.depth());
        assertEquals(List.of(new Dense(5, 1, false, ID)), single.layers(), "the only layer gets the output activation");
        assertEquals(5, single.parameterCount());
    }

    @Test
    void widthsIsADefensiveCopy() {
        Network n = Network.mlp(new int[] {2, 3, 1}, RELU, ID, false);
        n.widths()[0] = 99;
        assertArrayEquals(new int[] {2, 3, 1}, n.widths());
    }

    @Test
    void biasFreeAndPositivelyHomogeneous() {
        assertTrue(Network.mlp(new int[] {2, 3, 1}, RELU, ID, false).biasFree());
        assertTrue(Network.mlp(new int[] {2, 3, 1}, RELU, ID, false).positivelyHomogeneous());
        assertTrue(Network.mlp(new int[] {2, 3, 1}, new LeakyRelu(0.2), ID, true).positivelyHomogeneous(),
                "homogeneity of the activations does not depend on biases");
        assertFalse(Network.mlp(new int[] {2, 3, 1}, new Tanh(), ID, false).positivelyHomogeneous());
        assertFalse(Network.mlp(new int[] {2, 3, 1}, RELU, new Sigmoid(), false).positivelyHomogeneous(),
                "one non-homogeneous layer suffices");
        Network softmax = new Network(2, List.of(new Dense(2, 3, false, RELU)), OutputHead.SOFTMAX);
        assertFalse(softmax.positivelyHomogeneous(), "softmax is not homogeneous");
        assertTrue(softmax.biasFree());
        List<Dense> mixed = List.of(new Dense(2, 3, false, RELU), new Dense(3, 1, true, ID));
        assertFalse(Network.of(2, mixed).biasFree());
        var custom = CustomActivation.of("leaky-max", "max(0.1*z, z)", Map.of(), true);
        assertTrue(Network.mlp(new int[] {2, 2, 1}, custom, ID, false).positivelyHomogeneous());
    }

    @Test
    void layersListIsImmutableAndCopied() {
        List<Dense> layers = new ArrayList<>(List.of(new Dense(2, 2, true, RELU)));
        Network n = Network.of(2, layers);
        layers.add(new Dense(2, 7, true, RELU));
        assertEquals(1, n.layers().size());
        assertThrows(UnsupportedOperationException.class, () -> n.layers().add(new Dense(2, 2, true, RELU)));
    }

    @Test
    void withActivationReplacesHiddenAndOutput() {
        Network n = Network.mlp(new int[] {2, 3, 3, 1}, RELU, ID, true);
        Network t = n.withActivation(new Tanh(), new Sigmoid());
        assertEquals(Network.mlp(new int[] {2, 3, 3, 1}, new Tanh(), new Sigmoid(), true), t);
        assertEquals(n, Network.mlp(new int[] {2, 3, 3, 1}, RELU, ID, true), "the original is unchanged");
        Network s = new Network(2, List.of(new Dense(2, 3, false, RELU)), OutputHead.SOFTMAX).withActivation(ID, ID);
        assertEquals(OutputHead.SOFTMAX, s.head());
    }

    @Test
    void equalityAndToString() {
        Network a = Network.mlp(new int[] {2, 3, 1}, new LeakyRelu(0.1), ID, false);
        assertEquals(a, Network.mlp(new int[] {2, 3, 1}, new LeakyRelu(0.1), ID, false));
        assertEquals(a.hashCode(), Network.mlp(new int[] {2, 3, 1}, new LeakyRelu(0.1), ID, false).hashCode());
        assertNotEquals(a, Network.mlp(new int[] {2, 3, 1}, new LeakyRelu(0.2), ID, false));
        assertNotEquals(a, Network.mlp(new int[] {2, 3, 1}, new LeakyRelu(0.1), ID, true));
        assertEquals("Network(2: Dense(2→3, no bias, leaky-relu(iota=0.1)), Dense(3→1, no bias, identity))",
                a.toString());
        assertEquals(2 * 3 + 3, new Dense(2, 3, true, RELU).parameterCount());
    }

    @Test
    void initializationSchemes() {
        assertEquals(2.0, new Initialization.He().weightVarianceScale());
        assertEquals(0.0, new Initialization.He().biasVariance());
        assertEquals(1.0, new Initialization.Xavier().weightVarianceScale());
        assertEquals(0.0, new Initialization.Xavier().biasVariance());
        var s = new Initialization.Scaled(1.5, 0.05);
        assertEquals(1.5, s.weightVarianceScale());
        assertEquals(0.05, s.biasVariance());
        assertEquals(0.0, new Initialization.Scaled(1, 0).biasVariance());
        assertSpecError(ErrorCode.OUT_OF_RANGE, () -> new Initialization.Scaled(0, 0), "sw2", "> 0");
        assertSpecError(ErrorCode.NOT_FINITE, () -> new Initialization.Scaled(Double.NaN, 0), "sw2", "NaN");
        assertSpecError(ErrorCode.OUT_OF_RANGE, () -> new Initialization.Scaled(1, -0.1), "sb2", ">= 0", "-0.1");
        assertSpecError(ErrorCode.NOT_FINITE, () -> new Initialization.Scaled(1, Double.POSITIVE_INFINITY), "sb2");
    }
}
