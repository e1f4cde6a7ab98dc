package org.neuromanifold.core.data;

import org.neuromanifold.core.error.Checks;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;

/**
 * An immutable data set of {@code n} inputs of width {@code inputDim} and targets of width
 * {@code targetDim}, stored row-major in flat arrays.
 */
public final class Dataset {
    private final double[] inputs;
    private final double[] targets;
    private final int size;
    private final int inputDim;
    private final int targetDim;

    private Dataset(double[] inputs, double[] targets, int size, int inputDim, int targetDim) {
        this.inputs = inputs;
        this.targets = targets;
        this.size = size;
        this.inputDim = inputDim;
        this.targetDim = targetDim;
    }

    /**
     * A data set from rows. Every input row must have the same width, every target row too, and every
     * value must be finite; the error names the first offending row.
     */
    public static Dataset of(double[][] inputs, double[][] targets) {
        if (inputs.length == 0) {
            throw new SpecificationException(ErrorCode.EMPTY, "inputs", "inputs: expected at least one row, got 0");
        }
        if (targets.length != inputs.length) {
            throw SpecificationException.expected(ErrorCode.SHAPE_MISMATCH, "targets",
                    inputs.length + " rows (one per input)", targets.length + " rows");
        }
        int d = Checks.positive("inputs[0] width", inputs[0].length);
        int k = targets[0].length;
        double[] x = new double[inputs.length * d];
        double[] y = new double[inputs.length * k];
        for (int i = 0; i < inputs.length; i++) {
            Checks.sameLength("inputs[" + i + "] width", d, inputs[i].length);
            Checks.sameLength("targets[" + i + "] width", k, targets[i].length);
            Checks.finite("inputs[" + i + "]", inputs[i]);
            Checks.finite("targets[" + i + "]", targets[i]);
            System.arraycopy(inputs[i], 0, x, i * d, d);
            System.arraycopy(targets[i], 0, y, i * k, k);
        }
        return new Dataset(x, y, inputs.length, d, k);
    }

    /** A data set from flat row-major arrays (copied); {@code targetDim} may be 0 (no targets). */
    public static Dataset ofFlat(double[] inputs, int inputDim, double[] targets, int targetDim) {
        Checks.positive("inputDim", inputDim);
        if (targetDim < 0) {
            throw SpecificationException.expected(ErrorCode.NON_POSITIVE_SIZE, "targetDim", "a size >= 0", targetDim);
        }
        if (inputs.length == 0 || inputs.length % inputDim != 0) {
            throw SpecificationException.expected(ErrorCode.SHAPE_MISMATCH, "inputs",
                    "a positive multiple of inputDim " + inputDim + " values", inputs.length);
        }
        int n = inputs.length / inputDim;
        if (targets.length != n * targetDim) {
            throw SpecificationException.expected(ErrorCode.SHAPE_MISMATCH, "targets",
                    n + " rows × " + targetDim + " = " + n * targetDim + " values", targets.length);
        }
        Checks.finite("inputs", inputs);
        Checks.finite("targets", targets);
        return new Dataset(inputs.clone(), targets.clone(), n, inputDim, targetDim);
    }

    public int size() {
        return size;
    }

    public int inputDim() {
        return inputDim;
    }

    public int targetDim() {
        return targetDim;
    }

    /** A copy of input row {@code i}. */
    public double[] input(int i) {
        double[] r = new double[inputDim];
        System.arraycopy(inputs, i * inputDim, r, 0, inputDim);
        return r;
    }

    /** A copy of target row {@code i}. */
    public double[] target(int i) {
        double[] r = new double[targetDim];
        System.arraycopy(targets, i * targetDim, r, 0, targetDim);
        return r;
    }

    /** A copy of all inputs, row-major. */
    public double[] inputsFlat() {
        return inputs.clone();
    }

    /** A copy of all targets, row-major. */
    public double[] targetsFlat() {
        return targets.clone();
    }

    /** Rows {@code [from, to)} as a new data set. */
    public Dataset slice(int from, int to) {
        if (from < 0 || to > size || from >= to) {
            throw SpecificationException.expected(ErrorCode.OUT_OF_RANGE, "slice",
                    "0 <= from < to <= " + size, "[" + from + ", " + to + ")");
        }
        double[] x = java.util.Arrays.copyOfRange(inputs, from * inputDim, to * inputDim);
        double[] y = java.util.Arrays.copyOfRange(targets, from * targetDim, to * targetDim);
        return new Dataset(x, y, to - from, inputDim, targetDim);
    }

    @Override
    public String toString() {
        return "Dataset(" + size + " × " + inputDim + " → " + targetDim + ")";
    }
}
