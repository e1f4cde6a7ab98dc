package org.neuromanifold.symbolic.derive.rfim;

import java.util.List;
import java.util.Map;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.neuromanifold.core.scalar.Term;
import org.neuromanifold.core.scalar.TermCompiler;
import org.neuromanifold.symbolic.symja.SymbolTable;
import org.neuromanifold.symbolic.symja.SymjaTerms;

/**
 * A small matrix expression — explicit matrices of Symja expressions, products, inverses, transposes —
 * with two interpreters: Symja ({@code Dot}, {@code Inverse}, {@code Transpose}, kept unevaluated for
 * display or evaluated for proofs) and double precision (each entry read back as a core term, evaluated
 * by {@link TermCompiler}; inverses by Commons Math's LU decomposition). Vectors are n×1 matrices.
 */
sealed interface MatrixTerm {
    /** An explicit matrix (row-major entries). */
    record Leaf(String name, int rows, int cols, IExpr[] entries) implements MatrixTerm {
        public Leaf {
            entries = entries.clone();
        }
    }

    /** A product, left to right. */
    record Product(List<MatrixTerm> factors) implements MatrixTerm {
        public Product {
            factors = List.copyOf(factors);
        }
    }

    /** The inverse of a square matrix. */
    record Inverse(MatrixTerm of) implements MatrixTerm {
    }

    /** The transpose. */
    record Transpose(MatrixTerm of) implements MatrixTerm {
    }

    static MatrixTerm product(MatrixTerm... factors) {
        return new Product(List.of(factors));
    }

    /** The Symja form: {@code Dot}, {@code Inverse}, {@code Transpose} of explicit lists (not evaluated). */
    static IExpr symja(MatrixTerm m) {
        return switch (m) {
            case Leaf l -> {
                var rows = F.ListAlloc(l.rows());
                for (int i = 0; i < l.rows(); i++) {
                    var row = F.ListAlloc(l.cols());
                    for (int j = 0; j < l.cols(); j++) {
                        row.append(l.entries()[i * l.cols() + j]);
                    }
                    rows.append(row);
                }
                yield rows;
            }
            case Product p -> F.Dot(p.factors().stream().map(MatrixTerm::symja).toArray(IExpr[]::new));
            case Inverse i -> F.Inverse(symja(i.of()));
            case Transpose t -> F.Transpose(symja(t.of()));
        };
    }

    /** The value at an assignment of the symbols (names as in {@code table}). */
    static RealMatrix value(MatrixTerm m, SymbolTable table, Map<String, Double> point) {
        return switch (m) {
            case Leaf l -> {
                double[][] v = new double[l.rows()][l.cols()];
                for (int i = 0; i < l.rows(); i++) {
                    for (int j = 0; j < l.cols(); j++) {
                        Term t = SymjaTerms.toTerm(l.entries()[i * l.cols() + j], table);
                        v[i][j] = TermCompiler.evaluate(t, point);
                    }
                }
                yield new Array2DRowRealMatrix(v, false);
            }
            case Product p -> {
                RealMatrix acc = value(p.factors().get(0), table, point);
                for (MatrixTerm f : p.factors().subList(1, p.factors().size())) {
                    acc = acc.multiply(value(f, table, point));
                }
                yield acc;
            }
            case Inverse i -> new LUDecomposition(value(i.of(), table, point)).getSolver().getInverse();
            case Transpose t -> value(t.of(), table, point).transpose();
        };
    }

    /** The value flattened row-major. */
    static double[] flatValue(MatrixTerm m, SymbolTable table, Map<String, Double> point) {
        RealMatrix v = value(m, table, point);
        double[] out = new double[v.getRowDimension() * v.getColumnDimension()];
        for (int i = 0; i < v.getRowDimension(); i++) {
            for (int j = 0; j < v.getColumnDimension(); j++) {
                out[i * v.getColumnDimension() + j] = v.getEntry(i, j);
            }
        }
        return out;
    }
}
