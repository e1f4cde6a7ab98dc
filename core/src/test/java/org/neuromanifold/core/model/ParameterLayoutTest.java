package org.neuromanifold.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.neuromanifold.core.testing.SpecAssertions.assertSpecError;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.neuromanifold.core.activation.IdentityActivation;
import org.neuromanifold.core.activation.Relu;
import org.neuromanifold.core.activation.Tanh;
import org.neuromanifold.core.error.ErrorCode;

/** Names, storage order, groups and flatten/unflatten of {@link ParameterLayout}. */
class ParameterLayoutTest {
    /** 2 → 3 (bias) → 2 (no bias) → 1 (bias): 6 + 3 + 6 + 2 + 1 = 18 parameters. */
    private static final Network NET = Network.of(2, List.of(new Dense(2, 3, true, new Relu()),
            new Dense(3, 2, false, new Relu()), new Dense(2, 1, true, new IdentityActivation())));

    @Test
    void namesInStorageOrder() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                expected.add("W0[" + i + "," + j + "]");
            }
        }
        for (int i = 0; i < 3; i++) {
            expected.add("b0[" + i + "]");
        }
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                expected.add("W1[" + i + "," + j + "]");
            }
        }
        expected.add("W2[0,0]");
        expected.add("W2[0,1]");
        expected.add("b2[0]");
        ParameterLayout layout = NET.layout();
        assertEquals(expected, layout.names());
        assertEquals(18, layout.size());
        for (int k = 0; k < expected.size(); k++) {
            assertEquals(expected.get(k), layout.name(k));
        }
        assertSpecError(ErrorCode.OUT_OF_RANGE, () -> layout.name(18), "parameter index", "[0, 18)", "18");
        assertSpecError(ErrorCode.OUT_OF_RANGE, () -> layout.name(-1), "-1");
    }

    @Test
    void blocks() {
        ParameterLayout layout = NET.layout();
        assertEquals(List.of(
                new ParameterBlock("W0", 0, ParameterBlock.Kind.WEIGHT, 3, 2, 0),
                new ParameterBlock("b0", 0, ParameterBlock.Kind.BIAS, 3, 1, 6),
                new ParameterBlock("W1", 1, ParameterBlock.Kind.WEIGHT, 2, 3, 9),
                new ParameterBlock("W2", 2, ParameterBlock.Kind.WEIGHT, 1, 2, 15),
                new ParameterBlock("b2", 2, ParameterBlock.Kind.BIAS, 1, 1, 17)), layout.blocks());
        assertSame(layout.blocks().get(2), layout.weight(1));
        assertNull(layout.biasOrNull(1));
        assertEquals(layout.blocks().get(4), layout.biasOrNull(2));
        assertEquals(9 + 1 * 3 + 2, layout.weight(1).index(1, 2));
        assertEquals("W1[1,2]", layout.weight(1).entryName(1, 2));
        assertEquals("b0[2]", layout.biasOrNull(0).entryName(2, 0));
        assertSpecError(ErrorCode.OUT_OF_RANGE, () -> layout.weight(3), "layer", "[0, 3)", "3");
    }

    /** A layout is a value: the same network gives equal layouts, a different bias pattern does not. */
    @Test
    void layoutsAreValues() {
        assertEquals(NET.layout(), NET.layout());
        assertEquals(NET.layout().hashCode(), NET.layout().hashCode());
        Network tanhTwin = NET.withActivation(new Tanh(), new IdentityActivation());
        assertEquals(NET.layout(), tanhTwin.layout(), "activations do not change where parameters live");
        Network noBias = Network.mlp(new int[] {2, 3, 2, 1}, new Relu(), new IdentityActivation(), false);
        assertNotEquals(NET.layout(), noBias.layout());
        assertEquals("ParameterLayout(18 parameters: [W0 3×2, b0 3×1, W1 2×3, W2 1×2, b2 1×1])",
                NET.layout().toString());
    }

    @Test
    void groupIndices() {
        ParameterLayout layout = NET.layout();
        int[] all = new int[18];
        for (int k = 0; k < 18; k++) {
            all[k] = k;
        }
        assertArrayEquals(all, layout.indices(ParameterGroup.ALL));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8}, layout.indices(new ParameterGroup.Layer(0)));
        assertArrayEquals(new int[] {9, 10, 11, 12, 13, 14}, layout.indices(new ParameterGroup.Layer(1)));
        assertArrayEquals(new int[] {15, 16, 17}, layout.indices(new ParameterGroup.Layer(2)));
        // neuron i of a layer: row i of W, then b[i] — the vector w of t = wᵀx̃
        assertArrayEquals(new int[] {2, 3, 7}, layout.indices(new ParameterGroup.Neuron(0, 1)));
        assertArrayEquals(new int[] {12, 13, 14}, layout.indices(new ParameterGroup.Neuron(1, 1)));
        assertArrayEquals(new int[] {15, 16, 17}, layout.indices(new ParameterGroup.Neuron(2, 0)));
        List<String> names = layout.names();
        int[] neuron = layout.indices(new ParameterGroup.Neuron(0, 2));
        assertEquals(List.of("W0[2,0]", "W0[2,1]", "b0[2]"), Arrays.stream(neuron).mapToObj(names::get).toList());
        assertSpecError(ErrorCode.OUT_OF_RANGE, () -> layout.indices(new ParameterGroup.Neuron(0, 3)),
                "neuron index", "[0, 3)", "layer 0", "3");
        assertSpecError(ErrorCode.OUT_OF_RANGE, () -> layout.indices(new ParameterGroup.Neuron(1, -1)), "-1");
        assertSpecError(ErrorCode.OUT_OF_RANGE, () -> layout.indices(new ParameterGroup.Layer(5)), "layer", "5");
        assertSpecError(ErrorCode.OUT_OF_RANGE, () -> layout.indices(new ParameterGroup.Neuron(-1, 0)), "layer");
    }

    /** Every index belongs to exactly one layer group, and the layer groups are the union of their neurons. */
    @Test
    void groupsPartitionTheta() {
        ParameterLayout layout = NET.layout();
        int[] count = new int[layout.size()];
        for (int t = 0; t < NET.layers().size(); t++) {
            List<Integer> fromNeurons = new ArrayList<>();
            for (int i = 0; i < NET.layers().get(t).out(); i++) {
                for (int k : layout.indices(new ParameterGroup.Neuron(t, i))) {
                    fromNeurons.add(k);
                }
            }
            int[] layer = layout.indices(new ParameterGroup.Layer(t));
            for (int k : layer) {
                count[k]++;
            }
            assertEquals(Arrays.stream(layer).sorted().boxed().toList(),
                    fromNeurons.stream().sorted().toList(), "layer " + t);
        }
        for (int c : count) {
            assertEquals(1, c);
        }
    }

    @Test
    void flattenUnflattenRoundTrip() {
        ParameterLayout layout = NET.layout();
        SplittableRandom random = new SplittableRandom(5);
        double[] theta = random.doubles(layout.size()).toArray();
        double[] rebuilt = new double[layout.size()];
        for (ParameterBlock b : layout.blocks()) {
            double[][] m = layout.unflatten(theta, b);
            assertEquals(b.rows(), m.length);
            for (int i = 0; i < b.rows(); i++) {
                assertEquals(b.cols(), m[i].length);
                for (int j = 0; j < b.cols(); j++) {
                    assertEquals(theta[b.index(i, j)], m[i][j], 0, b.entryName(i, j));
                }
            }
            layout.flattenInto(m, b, rebuilt);
        }
        assertArrayEquals(theta, rebuilt, 0);
        // unflatten copies: changing the matrix does not touch θ
        double[][] w0 = layout.unflatten(theta, layout.weight(0));
        w0[0][0] = 1e9;
        assertEquals(theta[0], layout.unflatten(theta, layout.weight(0))[0][0], 0);
        // W1[1,2] is row-major: offset 9 + 1·3 + 2
        assertEquals(theta[14], layout.unflatten(theta, layout.weight(1))[1][2], 0);
    }

    @Test
    void flattenIntoRejectsWrongShapes() {
        ParameterLayout layout = NET.layout();
        double[] theta = new double[layout.size()];
        assertSpecError(ErrorCode.SHAPE_MISMATCH, () -> layout.flattenInto(new double[2][2], layout.weight(0), theta),
                "W0", "3 rows", "2");
        assertSpecError(ErrorCode.SHAPE_MISMATCH,
                () -> layout.flattenInto(new double[][] {{1, 2}, {3, 4}, {5}}, layout.weight(0), theta), "W0 row 2",
                "2 columns", "1");
    }

    /** A θ of the wrong length is a specification error, not an index exception or a silent partial copy. */
    @Test
    void flattenAndUnflattenRejectWrongThetaLength() {
        ParameterLayout layout = NET.layout();
        ParameterBlock w0 = layout.weight(0);
        assertSpecError(ErrorCode.SHAPE_MISMATCH, () -> layout.unflatten(new double[4], w0), "theta", "length 18",
                "length 4");
        assertSpecError(ErrorCode.SHAPE_MISMATCH, () -> layout.unflatten(new double[30], w0), "length 30");
        assertSpecError(ErrorCode.SHAPE_MISMATCH, () -> layout.flattenInto(new double[3][2], w0, new double[17]),
                "theta", "length 18", "length 17");
    }

    @Test
    void requireValidNamesTheFirstBadParameter() {
        ParameterLayout layout = NET.layout();
        double[] theta = new double[18];
        assertSame(theta, layout.requireValid(theta));
        theta[13] = Double.NaN;
        theta[16] = Double.POSITIVE_INFINITY;
        var e = assertSpecError(ErrorCode.NOT_FINITE, () -> layout.requireValid(theta), "W1[1,1]", "NaN");
        assertEquals("W1[1,1]", e.argument());
        theta[13] = 0;
        assertSpecError(ErrorCode.NOT_FINITE, () -> layout.requireValid(theta), "W2[0,1]", "Infinity");
        assertSpecError(ErrorCode.SHAPE_MISMATCH, () -> layout.requireValid(new double[17]), "theta", "length 18",
                "length 17");
        assertSpecError(ErrorCode.SHAPE_MISMATCH, () -> layout.requireValid(new double[19]), "length 19");
    }
}
