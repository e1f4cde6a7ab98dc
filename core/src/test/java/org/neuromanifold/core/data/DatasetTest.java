package org.neuromanifold.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.neuromanifold.core.testing.SpecAssertions.assertSpecError;

import org.junit.jupiter.api.Test;
import org.neuromanifold.core.error.ErrorCode;

/** Validation, access, slicing and immutability of {@link Dataset}. */
class DatasetTest {
    private static final double[][] X = {{1, 2}, {3, 4}, {5, 6}};
    private static final double[][] Y = {{0}, {1}, {0.5}};

    @Test
    void rowsAreStoredRowMajor() {
        Dataset d = Dataset.of(X, Y);
        assertEquals(3, d.size());
        assertEquals(2, d.inputDim());
        assertEquals(1, d.targetDim());
        assertArrayEquals(new double[] {3, 4}, d.input(1));
        assertArrayEquals(new double[] {0.5}, d.target(2));
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, d.inputsFlat());
        assertArrayEquals(new double[] {0, 1, 0.5}, d.targetsFlat());
        assertEquals("Dataset(3 × 2 → 1)", d.toString());
    }

    @Test
    void raggedRowsNameTheRow() {
        assertSpecError(ErrorCode.SHAPE_MISMATCH,
                () -> Dataset.of(new double[][] {{1, 2}, {3}}, new double[][] {{0}, {1}}),
                "inputs[1] width", "length 2", "got 1");
        assertSpecError(ErrorCode.SHAPE_MISMATCH,
                () -> Dataset.of(new double[][] {{1}, {2}, {3}}, new double[][] {{0}, {1}, {1, 2}}), "targets[2] width",
                "length 1", "got 2");
    }

    @Test
    void nonFiniteValuesNameTheRowAndColumn() {
        assertSpecError(ErrorCode.NOT_FINITE,
                () -> Dataset.of(new double[][] {{1, 2}, {3, Double.NaN}}, new double[][] {{0}, {1}}), "inputs[1][1]",
                "NaN");
        assertSpecError(ErrorCode.NOT_FINITE,
                () -> Dataset.of(new double[][] {{1}, {2}}, new double[][] {{Double.POSITIVE_INFINITY}, {1}}),
                "targets[0][0]", "Infinity");
        assertSpecError(ErrorCode.NOT_FINITE,
                () -> Dataset.ofFlat(new double[] {1, 2, Double.NaN, 4}, 2, new double[] {0, 1}, 1), "inputs[2]",
                "NaN");
    }

    @Test
    void emptyAndMismatchedCountsAreRejected() {
        assertSpecError(ErrorCode.EMPTY, () -> Dataset.of(new double[0][], new double[0][]), "inputs", "at least one");
        assertSpecError(ErrorCode.SHAPE_MISMATCH, () -> Dataset.of(X, new double[][] {{0}, {1}}), "targets",
                "3 rows (one per input)", "2 rows");
        assertSpecError(ErrorCode.NON_POSITIVE_SIZE, () -> Dataset.of(new double[][] {{}}, new double[][] {{1}}),
                "inputs[0] width", "0");
        assertSpecError(ErrorCode.SHAPE_MISMATCH, () -> Dataset.ofFlat(new double[0], 2, new double[0], 1), "inputs",
                "multiple of inputDim 2", "0");
        assertSpecError(ErrorCode.SHAPE_MISMATCH, () -> Dataset.ofFlat(new double[5], 2, new double[2], 1), "inputs",
                "5");
        assertSpecError(ErrorCode.SHAPE_MISMATCH, () -> Dataset.ofFlat(new double[6], 2, new double[4], 1), "targets",
                "3 rows × 1 = 3 values", "4");
        assertSpecError(ErrorCode.NON_POSITIVE_SIZE, () -> Dataset.ofFlat(new double[6], 0, new double[3], 1),
                "inputDim", "0");
        assertSpecError(ErrorCode.NON_POSITIVE_SIZE, () -> Dataset.ofFlat(new double[6], 2, new double[3], -1),
                "targetDim", ">= 0", "-1");
    }

    @Test
    void targetsMayBeEmpty() {
        Dataset d = Dataset.of(new double[][] {{1}, {2}}, new double[][] {{}, {}});
        assertEquals(0, d.targetDim());
        assertArrayEquals(new double[0], d.target(1));
        Dataset flat = Dataset.ofFlat(new double[] {1, 2}, 1, new double[0], 0);
        assertEquals(2, flat.size());
        assertEquals(0, flat.targetDim());
    }

    @Test
    void ofFlatAgreesWithOfRows() {
        Dataset flat = Dataset.ofFlat(new double[] {1, 2, 3, 4, 5, 6}, 2, new double[] {0, 1, 0.5}, 1);
        Dataset rows = Dataset.of(X, Y);
        assertArrayEquals(rows.inputsFlat(), flat.inputsFlat());
        assertArrayEquals(rows.targetsFlat(), flat.targetsFlat());
        assertEquals(rows.size(), flat.size());
    }

    @Test
    void slicing() {
        Dataset d = Dataset.of(X, Y);
        Dataset s = d.slice(1, 3);
        assertEquals(2, s.size());
        assertArrayEquals(new double[] {3, 4, 5, 6}, s.inputsFlat());
        assertArrayEquals(new double[] {1, 0.5}, s.targetsFlat());
        assertArrayEquals(new double[] {5, 6}, s.input(1));
        assertEquals(1, d.slice(0, 1).size());
        assertSpecError(ErrorCode.OUT_OF_RANGE, () -> d.slice(2, 2), "slice", "0 <= from < to <= 3", "[2, 2)");
        assertSpecError(ErrorCode.OUT_OF_RANGE, () -> d.slice(-1, 2), "[-1, 2)");
        assertSpecError(ErrorCode.OUT_OF_RANGE, () -> d.slice(0, 4), "[0, 4)");
    }

    /** No way in or out shares an array with the data set. */
    @Test
    void copiesAreDefensive() {
        double[][] x = {{1, 2}, {3, 4}};
        double[][] y = {{0}, {1}};
        Dataset d = Dataset.of(x, y);
        x[0][0] = 100;
        y[1][0] = 100;
        d.input(0)[1] = 100;
        d.target(0)[0] = 100;
        d.inputsFlat()[2] = 100;
        d.targetsFlat()[1] = 100;
        Dataset s = d.slice(0, 2);
        s.inputsFlat()[0] = 100;
        assertArrayEquals(new double[] {1, 2, 3, 4}, d.inputsFlat());
        assertArrayEquals(new double[] {0, 1}, d.targetsFlat());
        assertArrayEquals(new double[] {1, 2, 3, 4}, s.inputsFlat());

        double[] flatX = {1, 2, 3, 4};
        double[] flatY = {0, 1};
        Dataset f = Dataset.ofFlat(flatX, 2, flatY, 1);
        flatX[0] = 100;
        flatY[0] = 100;
        assertArrayEquals(new double[] {1, 2, 3, 4}, f.inputsFlat());
        assertArrayEquals(new double[] {0, 1}, f.targetsFlat());
    }
}
