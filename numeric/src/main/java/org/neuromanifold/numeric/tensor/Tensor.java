package org.neuromanifold.numeric.tensor;

import java.util.Arrays;

import org.neuromanifold.core.error.Checks;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;

/**
 * An immutable dense tensor of doubles: a scalar (rank 0), a vector (rank 1) or a matrix (rank 2).
 *
 * <p>Layout: row-major. A matrix with {@code rows × cols} entries stores entry {@code (i, j)} at flat
 * index {@code i·cols + j}; a vector of length {@code n} has {@code rows = n, cols = 1}; a scalar has
 * {@code rows = cols = 1}. Every factory copies its input and every accessor that returns an array
 * returns a copy, so a tensor never changes after it is built.
 */
public final class Tensor {
    private final int rank;
    private final int rows;
    private final int cols;
    private final double[] data;

    private Tensor(int rank, int rows, int cols, double[] data) {
        this.rank = rank;
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    /** A scalar. */
    public static Tensor scalar(double value) {
        return new Tensor(0, 1, 1, new double[] {value});
    }

    /** A vector holding a copy of {@code values} (at least one entry). */
    public static Tensor vector(double... values) {
        if (values.length == 0) {
            throw new SpecificationException(ErrorCode.EMPTY, "vector", "vector: expected at least one entry, got 0");
        }
        return new Tensor(1, values.length, 1, values.clone());
    }

    /** A {@code rows × cols} matrix from a row-major array (copied). */
    public static Tensor matrix(int rows, int cols, double... rowMajor) {
        Checks.positive("matrix rows", rows);
        Checks.positive("matrix cols", cols);
        if (rowMajor.length != rows * cols) {
            throw SpecificationException.expected(ErrorCode.SHAPE_MISMATCH, "matrix entries",
                    rows + " × " + cols + " = " + rows * cols + " row-major values", rowMajor.length + " values");
        }
        return new Tensor(2, rows, cols, rowMajor.clone());
    }

    /** A matrix from its rows (copied); every row must have the same length. */
    public static Tensor matrix(double[][] rowArrays) {
        if (rowArrays.length == 0) {
            throw new SpecificationException(ErrorCode.EMPTY, "matrix", "matrix: expected at least one row, got 0");
        }
        int c = rowArrays[0].length;
        Checks.positive("matrix row 0 length", c);
        double[] d = new double[rowArrays.length * c];
        for (int i = 0; i < rowArrays.length; i++) {
            Checks.sameLength("matrix row " + i + " length", c, rowArrays[i].length);
            System.arraycopy(rowArrays[i], 0, d, i * c, c);
        }
        return new Tensor(2, rowArrays.length, c, d);
    }

    /** The {@code n × n} identity matrix. */
    public static Tensor identity(int n) {
        Checks.positive("identity size", n);
        double[] d = new double[n * n];
        for (int i = 0; i < n; i++) {
            d[i * n + i] = 1;
        }
        return new Tensor(2, n, n, d);
    }

    /**
     * A tensor of the given rank and shape from a flat row-major array, copying {@code length =
     * rows·cols} values from {@code offset}. For rank 0 the shape must be 1×1, for rank 1 {@code cols}
     * must be 1.
     */
    public static Tensor of(int rank, int rows, int cols, double[] source, int offset) {
        checkShape(rank, rows, cols);
        double[] d = Arrays.copyOfRange(source, offset, offset + rows * cols);
        return new Tensor(rank, rows, cols, d);
    }

    /** Checks that (rank, rows, cols) is a valid shape; throws a {@link SpecificationException} if not. */
    public static void checkShape(int rank, int rows, int cols) {
        boolean ok = switch (rank) {
            case 0 -> rows == 1 && cols == 1;
            case 1 -> rows >= 1 && cols == 1;
            case 2 -> rows >= 1 && cols >= 1;
            default -> false;
        };
        if (!ok) {
            throw SpecificationException.expected(ErrorCode.SHAPE_MISMATCH, "shape",
                    "rank 0 (1×1), rank 1 (n×1) or rank 2 (r×c) with positive sizes",
                    "rank " + rank + " with " + rows + "×" + cols);
        }
    }

    /** 0 for a scalar, 1 for a vector, 2 for a matrix. */
    public int rank() {
        return rank;
    }

    /** Number of rows (the length, for a vector; 1 for a scalar). */
    public int rows() {
        return rows;
    }

    /** Number of columns (1 for a scalar or a vector). */
    public int cols() {
        return cols;
    }

    /** Number of entries. */
    public int size() {
        return data.length;
    }

    /** Whether this is a scalar. */
    public boolean isScalar() {
        return rank == 0;
    }

    /** Entry at flat row-major index {@code i}. */
    public double get(int i) {
        return data[i];
    }

    /** Matrix entry {@code (i, j)}. */
    public double get(int i, int j) {
        if (i < 0 || i >= rows || j < 0 || j >= cols) {
            throw SpecificationException.expected(ErrorCode.OUT_OF_RANGE, "index",
                    "(i, j) within " + shapeString(), "(" + i + ", " + j + ")");
        }
        return data[i * cols + j];
    }

    /** The value of a scalar (or of a tensor with exactly one entry). */
    public double scalarValue() {
        if (data.length != 1) {
            throw SpecificationException.expected(ErrorCode.SHAPE_MISMATCH, "tensor", "a scalar", shapeString());
        }
        return data[0];
    }

    /** A copy of the entries, row-major. */
    public double[] toArray() {
        return data.clone();
    }

    /** The entries as a row array per matrix row (a vector gives {@code n} rows of one entry). */
    public double[][] toRows() {
        double[][] out = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(data, i * cols, out[i], 0, cols);
        }
        return out;
    }

    /** Copies the entries into {@code dst} from {@code offset}. */
    public void copyTo(double[] dst, int offset) {
        System.arraycopy(data, 0, dst, offset, data.length);
    }

    /** Largest absolute entry. */
    public double maxAbs() {
        double m = 0;
        for (double v : data) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    /** Whether the shapes are equal (rank, rows and columns). */
    public boolean sameShape(Tensor other) {
        return rank == other.rank && rows == other.rows && cols == other.cols;
    }

    /** {@code scalar}, {@code vector(n)} or {@code matrix(r×c)}. */
    public String shapeString() {
        return shapeString(rank, rows, cols);
    }

    /** The text {@link #shapeString()} prints for a shape. */
    public static String shapeString(int rank, int rows, int cols) {
        return switch (rank) {
            case 0 -> "scalar";
            case 1 -> "vector(" + rows + ")";
            default -> "matrix(" + rows + "×" + cols + ")";
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && t.rank == rank && t.rows == rows && t.cols == cols
                && Arrays.equals(t.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * rank + rows) + cols) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return switch (rank) {
            case 0 -> Double.toString(data[0]);
            case 1 -> Arrays.toString(data);
            default -> Arrays.deepToString(toRows());
        };
    }
}
