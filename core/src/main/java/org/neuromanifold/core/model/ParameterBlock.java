package org.neuromanifold.core.model;

/**
 * One named block of θ: the weight matrix {@code W<t>} (row-major, {@code rows = out}, {@code cols = in})
 * or the bias vector {@code b<t>} ({@code cols = 1}) of layer {@code t}, stored at {@code offset}.
 */
public record ParameterBlock(String name, int layer, Kind kind, int rows, int cols, int offset) {
    /** Weight matrix or bias vector. */
    public enum Kind {
        WEIGHT, BIAS
    }

    /** Number of entries. */
    public int size() {
        return rows * cols;
    }

    /** Flat index of entry {@code (i, j)} ({@code j = 0} for a bias). */
    public int index(int i, int j) {
        return offset + i * cols + j;
    }

    /** The entry's name: {@code W0[i,j]} or {@code b1[i]}. */
    public String entryName(int i, int j) {
        return kind == Kind.WEIGHT ? name + "[" + i + "," + j + "]" : name + "[" + i + "]";
    }
}
