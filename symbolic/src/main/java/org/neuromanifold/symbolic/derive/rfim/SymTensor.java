package org.neuromanifold.symbolic.derive.rfim;

import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;

/**
 * A scalar, vector or matrix of Symja expressions (row-major, the numeric engine's shape conventions),
 * with the structural operations of the tensor notation. Entries are combined with {@code F.Plus} and
 * {@code F.Times} and not evaluated; evaluation happens when an entry is proved. Build on a thread
 * prepared for Symja.
 *
 * @param rank    0, 1 or 2
 * @param rows    rows (the length of a vector, 1 for a scalar)
 * @param cols    columns (1 for a scalar or vector)
 * @param entries row-major entries
 */
record SymTensor(int rank, int rows, int cols, IExpr[] entries) {
    SymTensor {
        if (entries.length != rows * cols) {
            throw new IllegalArgumentException("entries: expected " + rows * cols + ", got " + entries.length);
        }
        entries = entries.clone();
    }

    static SymTensor scalar(IExpr e) {
        return new SymTensor(0, 1, 1, new IExpr[] {e});
    }

    static SymTensor vector(List<IExpr> es) {
        return new SymTensor(1, es.size(), 1, es.toArray(IExpr[]::new));
    }

    static SymTensor matrix(int rows, int cols, IExpr[] es) {
        return new SymTensor(2, rows, cols, es);
    }

    int size() {
        return entries.length;
    }

    IExpr get(int i) {
        return entries[i];
    }

    IExpr get(int i, int j) {
        return entries[i * cols + j];
    }

    String shape() {
        return rank == 0 ? "scalar" : rank == 1 ? "vector(" + rows + ")" : rows + "×" + cols;
    }

    SymTensor map(UnaryOperator<IExpr> f) {
        return new SymTensor(rank, rows, cols, Arrays.stream(entries).map(f).toArray(IExpr[]::new));
    }

    /** Elementwise a ∘ b with scalar broadcasting, {@code op} building one entry. */
    static SymTensor elementwise(SymTensor a, SymTensor b, java.util.function.BinaryOperator<IExpr> op, String name) {
        if (a.rank == 0 && b.rank != 0) {
            return b.map(y -> op.apply(a.get(0), y));
        }
        if (b.rank == 0) {
            return a.map(y -> op.apply(y, b.get(0)));
        }
        if (a.rank != b.rank || a.rows != b.rows || a.cols != b.cols) {
            throw mismatch(name, a, b);
        }
        IExpr[] out = new IExpr[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = op.apply(a.entries[i], b.entries[i]);
        }
        return new SymTensor(a.rank, a.rows, a.cols, out);
    }

    static SymTensor add(SymTensor a, SymTensor b) {
        return elementwise(a, b, F::Plus, "Add");
    }

    static SymTensor sub(SymTensor a, SymTensor b) {
        return elementwise(a, b, F::Subtract, "Sub");
    }

    static SymTensor mul(SymTensor a, SymTensor b) {
        return elementwise(a, b, F::Times, "Mul");
    }

    static SymTensor div(SymTensor a, SymTensor b) {
        return elementwise(a, b, F::Divide, "Div");
    }

    static SymTensor outer(SymTensor a, SymTensor b) {
        if (a.rank == 2 || b.rank == 2) {
            throw mismatch("Outer", a, b);
        }
        IExpr[] out = new IExpr[a.size() * b.size()];
        for (int i = 0; i < a.size(); i++) {
            for (int j = 0; j < b.size(); j++) {
                out[i * b.size() + j] = F.Times(a.get(i), b.get(j));
            }
        }
        return matrix(a.size(), b.size(), out);
    }

    static SymTensor dot(SymTensor a, SymTensor b) {
        if (a.rank == 2 || b.rank == 2 || a.size() != b.size()) {
            throw mismatch("Dot", a, b);
        }
        IExpr[] terms = new IExpr[a.size()];
        for (int i = 0; i < terms.length; i++) {
            terms[i] = F.Times(a.get(i), b.get(i));
        }
        return scalar(terms.length == 1 ? terms[0] : F.Plus(terms));
    }

    /** The Kronecker product, with the conventions of {@code Expr.Kron}. */
    static SymTensor kron(SymTensor a, SymTensor b) {
        int ra = a.rows;
        int ca = a.cols;
        int rb = b.rows;
        int cb = b.cols;
        int rows = ra * rb;
        int cols = ca * cb;
        IExpr[] out = new IExpr[rows * cols];
        for (int i = 0; i < ra; i++) {
            for (int k = 0; k < rb; k++) {
                for (int j = 0; j < ca; j++) {
                    for (int l = 0; l < cb; l++) {
                        out[(i * rb + k) * cols + j * cb + l] = F.Times(a.get(i * ca + j), b.get(k * cb + l));
                    }
                }
            }
        }
        if (cols == 1) {
            return a.rank == 0 && b.rank == 0 ? scalar(out[0]) : new SymTensor(1, rows, 1, out);
        }
        return matrix(rows, cols, out);
    }

    /** The block-diagonal matrix, with the conventions of {@code Expr.Diag}. */
    static SymTensor diag(List<SymTensor> blocks) {
        int rows = 0;
        int cols = 0;
        for (SymTensor b : blocks) {
            rows += b.rank == 2 ? b.rows : b.size();
            cols += b.rank == 2 ? b.cols : b.size();
        }
        IExpr[] out = new IExpr[rows * cols];
        Arrays.fill(out, F.C0);
        int r0 = 0;
        int c0 = 0;
        for (SymTensor b : blocks) {
            if (b.rank == 2) {
                for (int i = 0; i < b.rows; i++) {
                    for (int j = 0; j < b.cols; j++) {
                        out[(r0 + i) * cols + c0 + j] = b.get(i, j);
                    }
                }
                r0 += b.rows;
                c0 += b.cols;
            } else {
                for (int q = 0; q < b.size(); q++) {
                    out[(r0 + q) * cols + c0 + q] = b.get(q);
                }
                r0 += b.size();
                c0 += b.size();
            }
        }
        return matrix(rows, cols, out);
    }

    /** Matrix·matrix or matrix·vector. */
    static SymTensor matmul(SymTensor a, SymTensor b) {
        int inner = a.rank == 2 ? a.cols : 1;
        int bRows = b.rank == 2 ? b.rows : b.size();
        if (a.rank != 2 || inner != bRows) {
            throw mismatch("MatMul", a, b);
        }
        int bCols = b.rank == 2 ? b.cols : 1;
        IExpr[] out = new IExpr[a.rows * bCols];
        for (int i = 0; i < a.rows; i++) {
            for (int j = 0; j < bCols; j++) {
                IExpr[] terms = new IExpr[inner];
                for (int k = 0; k < inner; k++) {
                    terms[k] = F.Times(a.get(i, k), b.get(k * bCols + j));
                }
                out[i * bCols + j] = inner == 1 ? terms[0] : F.Plus(terms);
            }
        }
        return b.rank == 2 ? matrix(a.rows, bCols, out) : new SymTensor(1, a.rows, 1, out);
    }

    /** A permutation of a square matrix's rows and columns (or a vector's entries): out[p] = this[order[p]]. */
    SymTensor permuted(int[] order) {
        if (rank == 1) {
            IExpr[] out = new IExpr[order.length];
            for (int p = 0; p < order.length; p++) {
                out[p] = entries[order[p]];
            }
            return new SymTensor(1, order.length, 1, out);
        }
        IExpr[] out = new IExpr[order.length * order.length];
        for (int p = 0; p < order.length; p++) {
            for (int q = 0; q < order.length; q++) {
                out[p * order.length + q] = get(order[p], order[q]);
            }
        }
        return matrix(order.length, order.length, out);
    }

    private static SpecificationException mismatch(String op, SymTensor a, SymTensor b) {
        return new SpecificationException(ErrorCode.SHAPE_MISMATCH, op,
                op + ": operands of shapes " + a.shape() + " and " + b.shape() + " do not fit together");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SymTensor t && t.rank == rank && t.rows == rows && t.cols == cols
                && Arrays.equals(t.entries, entries);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(entries) * 31 + rows * 7 + cols;
    }

    @Override
    public String toString() {
        return "SymTensor(" + shape() + ", " + Arrays.toString(entries) + ")";
    }
}
