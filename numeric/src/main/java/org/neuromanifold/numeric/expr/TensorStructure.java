package org.neuromanifold.numeric.expr;

import org.neuromanifold.numeric.autodiff.Tape;

/**
 * Block-diagonal matrices and Kronecker products recorded with differentiable tape ops (gather,
 * scatter, reshape), so derivatives through them are exact.
 */
final class TensorStructure {
    private TensorStructure() {
    }

    /**
     * a ⊗ b: entry ((i, k), (j, l)) = a_{ij} b_{kl}. Vectors count as columns and scalars as 1×1; the
     * result is a matrix unless both operands have one column (then a vector, or a scalar).
     */
    static int kron(Tape t, int a, int b) {
        int ra = rows(t, a);
        int ca = cols(t, a);
        int rb = rows(t, b);
        int cb = cols(t, b);
        // the outer product of the flattened operands holds every a_{ij} b_{kl} at
        // (i·ca + j)·(rb·cb) + k·cb + l; gather them in row-major order of the Kronecker product
        int products = t.flatten(t.outer(t.flatten(a), t.flatten(b)));
        int rows = ra * rb;
        int cols = ca * cb;
        int[] idx = new int[rows * cols];
        for (int i = 0; i < ra; i++) {
            for (int k = 0; k < rb; k++) {
                for (int j = 0; j < ca; j++) {
                    for (int l = 0; l < cb; l++) {
                        idx[(i * rb + k) * cols + j * cb + l] = (i * ca + j) * (rb * cb) + k * cb + l;
                    }
                }
            }
        }
        int flat = t.gather(products, idx);
        if (cols == 1) {
            return t.rank(a) == 0 && t.rank(b) == 0 ? t.reshape(flat, 0, 1, 1) : flat;
        }
        return t.reshape(flat, 2, rows, cols);
    }

    /**
     * diag(B₁, …, B_k): matrices are blocks, scalars 1×1 blocks, and a vector contributes each of its
     * components as a 1×1 block.
     */
    static int diag(Tape t, int[] blocks) {
        int rows = 0;
        int cols = 0;
        for (int b : blocks) {
            rows += t.rank(b) == 2 ? t.rows(b) : t.size(b);
            cols += t.rank(b) == 2 ? t.cols(b) : t.size(b);
        }
        int acc = -1;
        int r0 = 0;
        int c0 = 0;
        for (int b : blocks) {
            int br = t.rank(b) == 2 ? t.rows(b) : 1;
            int bc = t.rank(b) == 2 ? t.cols(b) : 1;
            int repeats = t.rank(b) == 2 ? 1 : t.size(b);
            int[] idx = new int[t.size(b)];
            for (int q = 0; q < repeats; q++) {
                for (int i = 0; i < br; i++) {
                    for (int j = 0; j < bc; j++) {
                        // entry (i, j) of the q-th 1×1 block of a vector, or of the matrix block
                        idx[q * br * bc + i * bc + j] = (r0 + q * br + i) * cols + c0 + q * bc + j;
                    }
                }
            }
            int placed = t.scatter(t.flatten(b), idx, rows * cols);
            acc = acc < 0 ? placed : t.add(acc, placed);
            r0 += br * repeats;
            c0 += bc * repeats;
        }
        return t.reshape(acc, 2, rows, cols);
    }

    private static int rows(Tape t, int node) {
        return t.rank(node) == 2 ? t.rows(node) : t.size(node);
    }

    private static int cols(Tape t, int node) {
        return t.rank(node) == 2 ? t.cols(node) : 1;
    }
}
