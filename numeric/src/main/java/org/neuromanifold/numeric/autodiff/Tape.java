package org.neuromanifold.numeric.autodiff;

import java.util.Arrays;

import org.neuromanifold.core.activation.Activation;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;
import org.neuromanifold.core.loss.BinaryCrossEntropyLoss;
import org.neuromanifold.core.loss.HingeLoss;
import org.neuromanifold.core.loss.Loss;
import org.neuromanifold.core.loss.SoftmaxCrossEntropyLoss;
import org.neuromanifold.core.loss.SquareLoss;
import org.neuromanifold.core.scalar.Fn;
import org.neuromanifold.numeric.tensor.Tensor;

/**
 * An eager computation tape: every op computes its value at once and records itself, so
 * {@link AutoDiff} can differentiate what was computed. Nodes are plain {@code int} handles in
 * creation order, which is a topological order: a node's inputs always have smaller handles, and the
 * reverse sweep is a loop downwards with no sorting and no recursion.
 *
 * <p>Storage is arena-style for low per-op overhead: node metadata lives in one packed {@code int[]},
 * values in one {@code double[]} (row-major, addressed by offset), and both grow by doubling.
 * {@link #reset()} and {@link #rewind(int)} reuse the memory, so a tape reused across many small
 * evaluations allocates nothing in the steady state. Values are never changed after they are
 * computed; {@link Op#RESHAPE} and {@link Op#SLICE} therefore share their input's storage.
 *
 * <p>Shapes: scalars, vectors and matrices (see {@link Tensor}). Every op checks its operands' shapes
 * and throws a {@link SpecificationException} ({@link ErrorCode#SHAPE_MISMATCH}) naming the op and
 * both shapes.
 *
 * <p>Not thread-safe: use one tape per thread.
 */
public final class Tape {
    // packed node layout: STRIDE ints per node
    private static final int OP = 0;
    private static final int IN_START = 1;
    private static final int ARITY = 2;
    private static final int RANK = 3;
    private static final int ROWS = 4;
    private static final int COLS = 5;
    private static final int OFF = 6;
    private static final int I0 = 7;
    private static final int I1 = 8;
    private static final int ARENA_END = 9;
    private static final int INPUTS_END = 10;
    private static final int STRIDE = 11;

    private static final Op[] OPS = Op.values();

    private int[] meta = new int[STRIDE * 64];
    private double[] dparam = new double[64];
    private Object[] oparam = new Object[64];
    private int[] inputs = new int[128];
    private double[] arena = new double[1024];
    private int count;
    private int used;
    private int inputsUsed;

    private double[] scratch = new double[64];
    private final double[] one = new double[1];
    private int[] scratchInts = new int[64];
    private boolean[] scratchFlags = new boolean[64];
    private int[] stamps = new int[64];
    private int stamp;
    private int[] stack = new int[64];
    private int[] found = new int[64];

    /** Forgets every node; the memory is kept for reuse. */
    public void reset() {
        used = 0;
        inputsUsed = 0;
        Arrays.fill(oparam, 0, count, null);
        count = 0;
    }

    /** A mark for {@link #rewind(int)}: the current number of nodes. */
    public int mark() {
        return count;
    }

    /** Forgets every node created after {@code mark}; their handles become invalid. */
    public void rewind(int mark) {
        if (mark < 0 || mark > count) {
            throw SpecificationException.expected(ErrorCode.OUT_OF_RANGE, "mark", "a mark in [0, " + count + "]",
                    mark);
        }
        used = mark == 0 ? 0 : meta[(mark - 1) * STRIDE + ARENA_END];
        inputsUsed = mark == 0 ? 0 : meta[(mark - 1) * STRIDE + INPUTS_END];
        Arrays.fill(oparam, mark, count, null);
        count = mark;
    }

    /** Number of nodes on the tape. */
    public int size() {
        return count;
    }

    // ---- node metadata -----------------------------------------------------------------------------

    /** The op that produced {@code node}. */
    public Op op(int node) {
        return OPS[meta[check(node) * STRIDE + OP]];
    }

    /** Number of inputs of {@code node}. */
    public int arity(int node) {
        return meta[check(node) * STRIDE + ARITY];
    }

    /** Input {@code k} of {@code node}. */
    public int input(int node, int k) {
        return inputs[meta[node * STRIDE + IN_START] + k];
    }

    /** 0 (scalar), 1 (vector) or 2 (matrix). */
    public int rank(int node) {
        return meta[check(node) * STRIDE + RANK];
    }

    /** Rows (length for a vector, 1 for a scalar). */
    public int rows(int node) {
        return meta[node * STRIDE + ROWS];
    }

    /** Columns (1 for a scalar or vector). */
    public int cols(int node) {
        return meta[node * STRIDE + COLS];
    }

    /** Number of entries. */
    public int size(int node) {
        return meta[node * STRIDE + ROWS] * meta[node * STRIDE + COLS];
    }

    /** The shape as text, e.g. {@code vector(3)}. */
    public String shape(int node) {
        return Tensor.shapeString(rank(node), rows(node), cols(node));
    }

    /** Whether two nodes have the same rank and shape. */
    public boolean sameShape(int a, int b) {
        int pa = a * STRIDE;
        int pb = b * STRIDE;
        return meta[pa + RANK] == meta[pb + RANK] && meta[pa + ROWS] == meta[pb + ROWS]
                && meta[pa + COLS] == meta[pb + COLS];
    }

    int offset(int node) {
        return meta[node * STRIDE + OFF];
    }

    int intParam0(int node) {
        return meta[node * STRIDE + I0];
    }

    int intParam1(int node) {
        return meta[node * STRIDE + I1];
    }

    double doubleParam(int node) {
        return dparam[node];
    }

    Object objectParam(int node) {
        return oparam[node];
    }

    /** The value arena (package-private: rules and sweeps read values through offsets). */
    double[] data() {
        return arena;
    }

    /** A reusable int array of at least {@code n} entries for the sweeps (contents undefined). */
    int[] scratchInts(int n) {
        if (scratchInts.length < n) {
            scratchInts = new int[Math.max(n, 2 * scratchInts.length)];
        }
        return scratchInts;
    }

    /** A reusable boolean array of at least {@code n} entries for the sweeps (contents undefined). */
    boolean[] scratchFlags(int n) {
        if (scratchFlags.length < n) {
            scratchFlags = new boolean[Math.max(n, 2 * scratchFlags.length)];
        }
        return scratchFlags;
    }

    /**
     * The nodes with handle ≥ {@code lo} from which some root is reachable (the roots included), in
     * ascending order: an iterative depth-first walk over inputs, so its cost is proportional to that
     * sub-graph, not to the tape. Afterwards {@link #reached(int)} tells membership until the next call.
     * The returned array is reused by the next call; its first {@code length} entries are valid, where
     * length is written to {@code lengthOut[0]}.
     */
    int[] ancestors(int[] roots, int lo, int[] lengthOut) {
        if (stamps.length < count) {
            stamps = Arrays.copyOf(stamps, Math.max(count, 2 * stamps.length));
        }
        if (++stamp == Integer.MAX_VALUE) {
            Arrays.fill(stamps, 0);
            stamp = 1;
        }
        int top = 0;
        int n = 0;
        for (int r : roots) {
            if (r >= lo && stamps[r] != stamp) {
                stamps[r] = stamp;
                stack = push(stack, top++, r);
            }
        }
        while (top > 0) {
            int id = stack[--top];
            found = push(found, n++, id);
            int p = id * STRIDE;
            int start = meta[p + IN_START];
            for (int k = 0, a = meta[p + ARITY]; k < a; k++) {
                int in = inputs[start + k];
                if (in >= lo && stamps[in] != stamp) {
                    stamps[in] = stamp;
                    stack = push(stack, top++, in);
                }
            }
        }
        Arrays.sort(found, 0, n);
        lengthOut[0] = n;
        return found;
    }

    /** Whether {@code node} was found by the last {@link #ancestors} walk. */
    boolean reached(int node) {
        return node < stamps.length && stamps[node] == stamp;
    }

    private static int[] push(int[] a, int at, int v) {
        if (at == a.length) {
            a = Arrays.copyOf(a, 2 * a.length);
        }
        a[at] = v;
        return a;
    }

    // ---- reading values ---------------------------------------------------------------------------

    /** The value of {@code node} as an immutable tensor (a copy). */
    public Tensor value(int node) {
        int p = check(node) * STRIDE;
        return Tensor.of(meta[p + RANK], meta[p + ROWS], meta[p + COLS], arena, meta[p + OFF]);
    }

    /** Entry {@code i} (flat, row-major) of {@code node}'s value. */
    public double get(int node, int i) {
        if (i < 0 || i >= size(check(node))) {
            throw SpecificationException.expected(ErrorCode.OUT_OF_RANGE, "index", "an index in [0, " + size(node)
                    + ") of " + shape(node), i);
        }
        return arena[offset(node) + i];
    }

    /** The value of a node with exactly one entry. */
    public double scalarValue(int node) {
        if (size(check(node)) != 1) {
            throw SpecificationException.expected(ErrorCode.SHAPE_MISMATCH, "node " + node, "a scalar", shape(node));
        }
        return arena[offset(node)];
    }

    /** Copies {@code node}'s value (row-major) into {@code dst} from {@code dstOffset}. */
    public void copyTo(int node, double[] dst, int dstOffset) {
        System.arraycopy(arena, offset(check(node)), dst, dstOffset, size(node));
    }

    /** A copy of {@code node}'s value as a flat array. */
    public double[] toArray(int node) {
        int off = offset(check(node));
        return Arrays.copyOfRange(arena, off, off + size(node));
    }

    // ---- leaves -----------------------------------------------------------------------------------

    /** A leaf holding a copy of {@code t}. */
    public int leaf(Tensor t) {
        int n = newNode(Op.LEAF, t.rank(), t.rows(), t.cols(), true);
        t.copyTo(arena, offset(n));
        return n;
    }

    /** A scalar leaf. */
    public int scalar(double value) {
        int n = newNode(Op.LEAF, 0, 1, 1, true);
        arena[offset(n)] = value;
        return n;
    }

    /** A vector leaf holding a copy of {@code values}. */
    public int vector(double[] values) {
        return vector(values, 0, values.length);
    }

    /** A vector leaf holding a copy of {@code values[offset, offset+length)}. */
    public int vector(double[] values, int offset, int length) {
        positive("vector length", length);
        int n = newNode(Op.LEAF, 1, length, 1, true);
        System.arraycopy(values, offset, arena, offset(n), length);
        return n;
    }

    /** A {@code rows × cols} matrix leaf from a row-major array (copied). */
    public int matrix(int rows, int cols, double[] rowMajor) {
        positive("matrix rows", rows);
        positive("matrix cols", cols);
        if (rowMajor.length != rows * cols) {
            throw SpecificationException.expected(ErrorCode.SHAPE_MISMATCH, "matrix entries",
                    rows * cols + " values", rowMajor.length);
        }
        int n = newNode(Op.LEAF, 2, rows, cols, true);
        System.arraycopy(rowMajor, 0, arena, offset(n), rows * cols);
        return n;
    }

    /** A leaf of zeros of the given shape. */
    public int zeros(int rank, int rows, int cols) {
        Tensor.checkShape(rank, rows, cols);
        int n = newNode(Op.LEAF, rank, rows, cols, true);
        Arrays.fill(arena, offset(n), offset(n) + rows * cols, 0.0);
        return n;
    }

    /** A leaf of zeros shaped like {@code node}. */
    public int zerosLike(int node) {
        return zeros(rank(node), rows(node), cols(node));
    }

    /** A leaf shaped like {@code node} with 1 at flat index {@code index} and 0 elsewhere. */
    public int basisLike(int node, int index) {
        int n = zerosLike(node);
        if (index < 0 || index >= size(n)) {
            throw SpecificationException.expected(ErrorCode.OUT_OF_RANGE, "basis index",
                    "an index in [0, " + size(n) + ")", index);
        }
        arena[offset(n) + index] = 1.0;
        return n;
    }

    /** The {@code n × n} identity matrix as a leaf. */
    public int identity(int n) {
        positive("identity size", n);
        int node = zeros(2, n, n);
        int off = offset(node);
        for (int i = 0; i < n; i++) {
            arena[off + i * n + i] = 1.0;
        }
        return node;
    }

    // ---- elementwise arithmetic -------------------------------------------------------------------

    /** a + b (scalar broadcasting). */
    public int add(int a, int b) {
        return binary(Op.ADD, a, b);
    }

    /** a − b (scalar broadcasting). */
    public int sub(int a, int b) {
        return binary(Op.SUB, a, b);
    }

    /** a ⊙ b (scalar broadcasting). */
    public int mul(int a, int b) {
        return binary(Op.MUL, a, b);
    }

    /** a ⊘ b (scalar broadcasting). */
    public int div(int a, int b) {
        return binary(Op.DIV, a, b);
    }

    private int binary(Op op, int a, int b) {
        check(a);
        check(b);
        int ra = rank(a);
        int rb = rank(b);
        boolean aScalar = ra == 0;
        boolean bScalar = rb == 0;
        int rank;
        int rows;
        int cols;
        if (sameShape(a, b) || bScalar) {
            rank = ra;
            rows = rows(a);
            cols = cols(a);
        } else if (aScalar) {
            rank = rb;
            rows = rows(b);
            cols = cols(b);
        } else {
            throw SpecificationException.expected(ErrorCode.SHAPE_MISMATCH, name(op) + " operands",
                    "equal shapes or a scalar operand", shape(a) + " and " + shape(b));
        }
        int node = newNode(op, rank, rows, cols, true);
        pushInputs(node, a, b);
        int n = rows * cols;
        if (aScalar == bScalar) {
            elementwise(op, n, offset(a), offset(b), offset(node));
        } else if (aScalar) {
            scalarLeft(op, n, arena[offset(a)], offset(b), offset(node));
        } else {
            scalarRight(op, n, offset(a), arena[offset(b)], offset(node));
        }
        return node;
    }

    /** out = a op b over n entries of equal shape (plain loops the JIT vectorises). */
    private void elementwise(Op op, int n, int ao, int bo, int o) {
        double[] v = arena;
        switch (op) {
            case ADD -> {
                for (int i = 0; i < n; i++) {
                    v[o + i] = v[ao + i] + v[bo + i];
                }
            }
            case SUB -> {
                for (int i = 0; i < n; i++) {
                    v[o + i] = v[ao + i] - v[bo + i];
                }
            }
            case MUL -> {
                for (int i = 0; i < n; i++) {
                    v[o + i] = v[ao + i] * v[bo + i];
                }
            }
            default -> {
                for (int i = 0; i < n; i++) {
                    v[o + i] = v[ao + i] / v[bo + i];
                }
            }
        }
    }

    /** out = s op b. */
    private void scalarLeft(Op op, int n, double s, int bo, int o) {
        double[] v = arena;
        for (int i = 0; i < n; i++) {
            double b = v[bo + i];
            v[o + i] = switch (op) {
                case ADD -> s + b;
                case SUB -> s - b;
                case MUL -> s * b;
                default -> s / b;
            };
        }
    }

    /** out = a op s. */
    private void scalarRight(Op op, int n, int ao, double s, int o) {
        double[] v = arena;
        for (int i = 0; i < n; i++) {
            double a = v[ao + i];
            v[o + i] = switch (op) {
                case ADD -> a + s;
                case SUB -> a - s;
                case MUL -> a * s;
                default -> a / s;
            };
        }
    }

    /** −a. */
    public int neg(int a) {
        int node = unaryNode(Op.NEG, a);
        double[] v = arena;
        int ao = offset(a);
        int o = offset(node);
        for (int i = 0, n = size(a); i < n; i++) {
            v[o + i] = -v[ao + i];
        }
        return node;
    }

    /** c·a for a constant c. */
    public int scale(int a, double c) {
        int node = unaryNode(Op.SCALE, a);
        dparam[node] = c;
        double[] v = arena;
        int ao = offset(a);
        int o = offset(node);
        for (int i = 0, n = size(a); i < n; i++) {
            v[o + i] = c * v[ao + i];
        }
        return node;
    }

    /** The scalar {@code s} repeated into the given shape. */
    public int broadcast(int s, int rank, int rows, int cols) {
        check(s);
        if (rank(s) != 0) {
            throw SpecificationException.expected(ErrorCode.SHAPE_MISMATCH, "broadcast operand", "a scalar",
                    shape(s));
        }
        Tensor.checkShape(rank, rows, cols);
        int node = newNode(Op.BROADCAST, rank, rows, cols, true);
        pushInputs(node, s);
        Arrays.fill(arena, offset(node), offset(node) + rows * cols, arena[offset(s)]);
        return node;
    }

    /** The scalar {@code s} repeated into {@code like}'s shape. */
    public int broadcastLike(int s, int like) {
        return broadcast(s, rank(like), rows(like), cols(like));
    }

    /** a^n elementwise for an integer n (n = 0 gives 1, also at 0). */
    public int pow(int a, int n) {
        int node = unaryNode(Op.POW, a);
        meta[node * STRIDE + I0] = n;
        double[] v = arena;
        int ao = offset(a);
        int o = offset(node);
        int size = size(a);
        switch (n) {
            case 0 -> Arrays.fill(v, o, o + size, 1.0);
            case 1 -> System.arraycopy(v, ao, v, o, size);
            case 2 -> {
                for (int i = 0; i < size; i++) {
                    v[o + i] = v[ao + i] * v[ao + i];
                }
            }
            case -1 -> {
                for (int i = 0; i < size; i++) {
                    v[o + i] = 1.0 / v[ao + i];
                }
            }
            default -> {
                for (int i = 0; i < size; i++) {
                    v[o + i] = intPower(v[ao + i], n);
                }
            }
        }
        return node;
    }

    /** x^n by repeated squaring (a handful of multiplications for the small exponents identities use). */
    static double intPower(double x, int n) {
        if (n < 0) {
            return 1.0 / intPower(x, -n);
        }
        double result = 1.0;
        double base = x;
        int e = n;
        while (e > 0) {
            if ((e & 1) != 0) {
                result *= base;
            }
            base *= base;
            e >>>= 1;
        }
        return result;
    }

    /** The Heaviside step 1[a &gt; 0] elementwise (0 at a = 0). */
    public int step(int a) {
        int node = unaryNode(Op.STEP, a);
        double[] v = arena;
        int ao = offset(a);
        int o = offset(node);
        for (int i = 0, n = size(a); i < n; i++) {
            v[o + i] = v[ao + i] > 0 ? 1.0 : 0.0;
        }
        return node;
    }

    /** sign(a) elementwise, with sign(0) = 0. */
    public int sign(int a) {
        int node = unaryNode(Op.SIGN, a);
        double[] v = arena;
        int ao = offset(a);
        int o = offset(node);
        for (int i = 0, n = size(a); i < n; i++) {
            double x = v[ao + i];
            v[o + i] = x > 0 ? 1.0 : x < 0 ? -1.0 : 0.0;
        }
        return node;
    }

    /** An elementary function applied elementwise. */
    public int fn(Fn fn, int a) {
        int node = unaryNode(Op.FN, a);
        oparam[node] = java.util.Objects.requireNonNull(fn, "fn");
        double[] v = arena;
        int ao = offset(a);
        int o = offset(node);
        for (int i = 0, n = size(a); i < n; i++) {
            v[o + i] = fn.apply(v[ao + i]);
        }
        return node;
    }

    /** σ(a) elementwise. */
    public int activation(Activation sigma, int a) {
        int node = unaryNode(Op.ACTIVATION, a);
        oparam[node] = java.util.Objects.requireNonNull(sigma, "activation");
        Kernels.K.activation(sigma, size(a), arena, offset(a), arena, offset(node), null, 0);
        return node;
    }

    /** σ'(a) elementwise. */
    public int activationDerivative(Activation sigma, int a) {
        int node = unaryNode(Op.ACTIVATION_DERIVATIVE, a);
        oparam[node] = java.util.Objects.requireNonNull(sigma, "activation");
        int n = size(a);
        Kernels.K.activation(sigma, n, arena, offset(a), scratch(n), 0, arena, offset(node));
        return node;
    }

    /** σ''(a) elementwise. */
    public int activationSecondDerivative(Activation sigma, int a) {
        int node = unaryNode(Op.ACTIVATION_SECOND_DERIVATIVE, a);
        oparam[node] = java.util.Objects.requireNonNull(sigma, "activation");
        Kernels.K.activationSecondDerivative(sigma, size(a), arena, offset(a), arena, offset(node));
        return node;
    }

    // ---- reductions and softmax -------------------------------------------------------------------

    /** Σ of all entries. */
    public int sum(int a) {
        check(a);
        int node = newNode(Op.SUM, 0, 1, 1, true);
        pushInputs(node, a);
        arena[offset(node)] = Kernels.K.sum(size(a), arena, offset(a));
        return node;
    }

    /** ⟨a, b⟩ of two tensors of the same shape. */
    public int dot(int a, int b) {
        check(a);
        check(b);
        if (!sameShape(a, b)) {
            throw SpecificationException.expected(ErrorCode.SHAPE_MISMATCH, "dot operands", "equal shapes",
                    shape(a) + " and " + shape(b));
        }
        int node = newNode(Op.DOT, 0, 1, 1, true);
        pushInputs(node, a, b);
        arena[offset(node)] = Kernels.K.dot(size(a), arena, offset(a), arena, offset(b));
        return node;
    }

    /** softmax(a) of a vector (stable: the maximum is subtracted first). */
    public int softmax(int a) {
        requireVector("softmax operand", a);
        int node = unaryNode(Op.SOFTMAX, a);
        Kernels.K.softmaxRows(1, size(a), arena, offset(a), arena, offset(node), null);
        return node;
    }

    /** ln Σ exp(a_i) of a vector (stable). */
    public int logSumExp(int a) {
        requireVector("logSumExp operand", a);
        int node = newNode(Op.LOG_SUM_EXP, 0, 1, 1, true);
        pushInputs(node, a);
        int n = size(a);
        Kernels.K.softmaxRows(1, n, arena, offset(a), scratch(n), 0, one);
        arena[offset(node)] = one[0];
        return node;
    }

    // ---- linear algebra ---------------------------------------------------------------------------

    /** a bᵀ of two vectors. */
    public int outer(int a, int b) {
        requireVector("outer left operand", a);
        requireVector("outer right operand", b);
        int m = size(a);
        int n = size(b);
        int node = newNode(Op.OUTER, 2, m, n, true);
        pushInputs(node, a, b);
        double[] v = arena;
        int ao = offset(a);
        int bo = offset(b);
        int o = offset(node);
        for (int i = 0; i < m; i++) {
            double ai = v[ao + i];
            for (int j = 0; j < n; j++) {
                v[o + i * n + j] = ai * v[bo + j];
            }
        }
        return node;
    }

    /** A·B (matrix·matrix) or A·v (matrix·vector). */
    public int matmul(int a, int b) {
        return matmul(a, b, false, false);
    }

    /**
     * op(A)·op(B) with op the identity or the transpose; for a vector {@code b}, op(A)·b and
     * {@code transB} must be false.
     */
    public int matmul(int a, int b, boolean transA, boolean transB) {
        check(a);
        check(b);
        if (rank(a) != 2) {
            throw SpecificationException.expected(ErrorCode.SHAPE_MISMATCH, "matmul left operand", "a matrix",
                    shape(a));
        }
        int m = transA ? cols(a) : rows(a);
        int k = transA ? rows(a) : cols(a);
        if (rank(b) == 1) {
            if (transB) {
                throw SpecificationException.expected(ErrorCode.SHAPE_MISMATCH, "matmul right operand",
                        "a matrix when it is transposed", shape(b));
            }
            if (size(b) != k) {
                throw SpecificationException.expected(ErrorCode.SHAPE_MISMATCH, "matmul operands",
                        "a vector of length " + k + " for " + (transA ? "the transpose of " : "") + shape(a),
                        shape(b));
            }
            int node = newNode(Op.MATMUL, 1, m, 1, true);
            pushInputs(node, a, b);
            meta[node * STRIDE + I0] = transA ? 1 : 0;
            Kernels.K.gemv(transA, rows(a), cols(a), 1.0, arena, offset(a), cols(a), arena, offset(b), 0.0, arena,
                    offset(node));
            return node;
        }
        if (rank(b) != 2) {
            throw SpecificationException.expected(ErrorCode.SHAPE_MISMATCH, "matmul right operand",
                    "a matrix or a vector", shape(b));
        }
        int kb = transB ? cols(b) : rows(b);
        int n = transB ? rows(b) : cols(b);
        if (kb != k) {
            throw SpecificationException.expected(ErrorCode.SHAPE_MISMATCH, "matmul operands",
                    "inner sizes to agree", (transA ? "transpose of " : "") + shape(a) + " times "
                            + (transB ? "transpose of " : "") + shape(b));
        }
        int node = newNode(Op.MATMUL, 2, m, n, true);
        pushInputs(node, a, b);
        meta[node * STRIDE + I0] = transA ? 1 : 0;
        meta[node * STRIDE + I1] = transB ? 1 : 0;
        Kernels.K.gemm(transA, transB, m, n, k, 1.0, arena, offset(a), cols(a), arena, offset(b), cols(b), 0.0,
                arena, offset(node), n);
        return node;
    }

    /** Aᵀ of a matrix. */
    public int transpose(int a) {
        check(a);
        if (rank(a) != 2) {
            throw SpecificationException.expected(ErrorCode.SHAPE_MISMATCH, "transpose operand", "a matrix",
                    shape(a));
        }
        int r = rows(a);
        int c = cols(a);
        int node = newNode(Op.TRANSPOSE, 2, c, r, true);
        pushInputs(node, a);
        double[] v = arena;
        int ao = offset(a);
        int o = offset(node);
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                v[o + j * r + i] = v[ao + i * c + j];
            }
        }
        return node;
    }

    /** Σ A_ii of a square matrix. */
    public int trace(int a) {
        check(a);
        if (rank(a) != 2 || rows(a) != cols(a)) {
            throw SpecificationException.expected(ErrorCode.SHAPE_MISMATCH, "trace operand", "a square matrix",
                    shape(a));
        }
        int node = newNode(Op.TRACE, 0, 1, 1, true);
        pushInputs(node, a);
        int n = rows(a);
        int ao = offset(a);
        double acc = 0;
        for (int i = 0; i < n; i++) {
            acc += arena[ao + i * n + i];
        }
        arena[offset(node)] = acc;
        return node;
    }

    // ---- structure --------------------------------------------------------------------------------

    /** The same entries in another shape of equal size (shares storage). */
    public int reshape(int a, int rank, int rows, int cols) {
        check(a);
        Tensor.checkShape(rank, rows, cols);
        if (rows * cols != size(a)) {
            throw SpecificationException.expected(ErrorCode.SHAPE_MISMATCH, "reshape",
                    Tensor.shapeString(rank, rows, cols) + " to hold " + size(a) + " entries of " + shape(a),
                    rows * cols + " entries");
        }
        int node = newNode(Op.RESHAPE, rank, rows, cols, false);
        meta[node * STRIDE + OFF] = offset(a);
        pushInputs(node, a);
        return node;
    }

    /** {@code a} as a vector of all its entries. */
    public int flatten(int a) {
        return rank(a) == 1 ? a : reshape(a, 1, size(a), 1);
    }

    /** {@code a} reshaped like {@code like} (which must have the same number of entries). */
    public int reshapeLike(int a, int like) {
        return sameShape(a, like) ? a : reshape(a, rank(like), rows(like), cols(like));
    }

    /**
     * The entries {@code [offset, offset + rows·cols)} of {@code a}'s flat storage, in the given shape
     * (shares storage). This is how a flat parameter vector θ is cut into weight matrices and biases.
     */
    public int slice(int a, int offset, int rank, int rows, int cols) {
        check(a);
        Tensor.checkShape(rank, rows, cols);
        if (offset < 0 || offset + rows * cols > size(a)) {
            throw SpecificationException.expected(ErrorCode.OUT_OF_RANGE, "slice",
                    "a range inside the " + size(a) + " entries of " + shape(a),
                    "[" + offset + ", " + (offset + rows * cols) + ")");
        }
        int node = newNode(Op.SLICE, rank, rows, cols, false);
        meta[node * STRIDE + OFF] = offset(a) + offset;
        meta[node * STRIDE + I0] = offset;
        pushInputs(node, a);
        return node;
    }

    /** {@code a}'s entries placed at flat {@code offset} into zeros of the given (larger) shape. */
    public int embed(int a, int offset, int rank, int rows, int cols) {
        check(a);
        Tensor.checkShape(rank, rows, cols);
        if (offset < 0 || offset + size(a) > rows * cols) {
            throw SpecificationException.expected(ErrorCode.OUT_OF_RANGE, "embed",
                    "a range inside " + Tensor.shapeString(rank, rows, cols),
                    "[" + offset + ", " + (offset + size(a)) + ")");
        }
        int node = newNode(Op.EMBED, rank, rows, cols, true);
        meta[node * STRIDE + I0] = offset;
        pushInputs(node, a);
        int o = offset(node);
        Arrays.fill(arena, o, o + rows * cols, 0.0);
        System.arraycopy(arena, offset(a), arena, o + offset, size(a));
        return node;
    }

    /** The vector (a[idx[0]], a[idx[1]], …) of flat entries; {@code idx} is not copied and must not change. */
    public int gather(int a, int[] idx) {
        check(a);
        if (idx.length == 0) {
            throw new SpecificationException(ErrorCode.EMPTY, "gather indices", "gather: expected indices, got none");
        }
        int n = size(a);
        for (int i : idx) {
            if (i < 0 || i >= n) {
                throw SpecificationException.expected(ErrorCode.OUT_OF_RANGE, "gather index",
                        "an index in [0, " + n + ") of " + shape(a), i);
            }
        }
        int node = newNode(Op.GATHER, 1, idx.length, 1, true);
        oparam[node] = idx;
        pushInputs(node, a);
        int ao = offset(a);
        int o = offset(node);
        double[] v = arena;
        for (int k = 0; k < idx.length; k++) {
            v[o + k] = v[ao + idx[k]];
        }
        return node;
    }

    /**
     * A vector of length {@code n}, zero except {@code out[idx[k]] += a[k]}; {@code idx} is not copied and
     * must not change.
     */
    public int scatter(int a, int[] idx, int n) {
        check(a);
        positive("scatter length", n);
        if (size(a) != idx.length) {
            throw SpecificationException.expected(ErrorCode.SHAPE_MISMATCH, "scatter operand",
                    idx.length + " entries (one per index)", shape(a));
        }
        for (int i : idx) {
            if (i < 0 || i >= n) {
                throw SpecificationException.expected(ErrorCode.OUT_OF_RANGE, "scatter index",
                        "an index in [0, " + n + ")", i);
            }
        }
        int node = newNode(Op.SCATTER, 1, n, 1, true);
        oparam[node] = idx;
        pushInputs(node, a);
        int ao = offset(a);
        int o = offset(node);
        double[] v = arena;
        Arrays.fill(v, o, o + n, 0.0);
        for (int k = 0; k < idx.length; k++) {
            v[o + idx[k]] += v[ao + k];
        }
        return node;
    }

    /** Vectors or scalars joined end to end into one vector. */
    public int concat(int... parts) {
        if (parts.length == 0) {
            throw new SpecificationException(ErrorCode.EMPTY, "concat", "concat: expected at least one part");
        }
        int total = 0;
        for (int p : parts) {
            check(p);
            if (rank(p) > 1) {
                throw SpecificationException.expected(ErrorCode.SHAPE_MISMATCH, "concat part", "a vector or scalar",
                        shape(p));
            }
            total += size(p);
        }
        int node = newNode(Op.CONCAT, 1, total, 1, true);
        pushInputs(node, parts);
        int o = offset(node);
        for (int p : parts) {
            System.arraycopy(arena, offset(p), arena, o, size(p));
            o += size(p);
        }
        return node;
    }

    /** Equal-shape vectors (or scalars) stacked as the rows of a matrix. */
    public int stack(int... rowNodes) {
        if (rowNodes.length == 0) {
            throw new SpecificationException(ErrorCode.EMPTY, "stack", "stack: expected at least one row");
        }
        int first = check(rowNodes[0]);
        int width = size(first);
        for (int r : rowNodes) {
            check(r);
            if (rank(r) > 1 || !sameShape(r, first)) {
                throw SpecificationException.expected(ErrorCode.SHAPE_MISMATCH, "stack row",
                        "vectors or scalars of one shape " + shape(first), shape(r));
            }
        }
        int node = newNode(Op.STACK, 2, rowNodes.length, width, true);
        pushInputs(node, rowNodes);
        int o = offset(node);
        for (int r : rowNodes) {
            System.arraycopy(arena, offset(r), arena, o, width);
            o += width;
        }
        return node;
    }

    // ---- losses -----------------------------------------------------------------------------------

    /** ℓ(f, y) of a core loss; f and y are vectors (or scalars) of the same length. */
    public int loss(Loss loss, int f, int y) {
        return switch (loss) {
            case SquareLoss s -> squareLoss(f, y);
            case BinaryCrossEntropyLoss b -> bceLoss(f, y);
            case SoftmaxCrossEntropyLoss c -> softmaxCrossEntropy(f, y);
            case HingeLoss h -> hingeLoss(f, y);
        };
    }

    /** ½‖f − y‖². */
    public int squareLoss(int f, int y) {
        int node = lossNode(Op.SQUARE_LOSS, f, y);
        double[] v = arena;
        int fo = offset(f);
        int yo = offset(y);
        double acc = 0;
        for (int i = 0, n = size(f); i < n; i++) {
            double r = v[fo + i] - v[yo + i];
            acc += r * r;
        }
        v[offset(node)] = 0.5 * acc;
        return node;
    }

    /**
     * Binary cross-entropy on logits Σ softplus(f) − y f, evaluated as Σ y·softplus(−f) + (1−y)·softplus(f)
     * so that small losses keep their relative accuracy.
     */
    public int bceLoss(int f, int y) {
        int node = lossNode(Op.BCE_LOSS, f, y);
        double[] v = arena;
        int fo = offset(f);
        int yo = offset(y);
        double acc = 0;
        for (int i = 0, n = size(f); i < n; i++) {
            double fi = v[fo + i];
            double yi = v[yo + i];
            double spPos = softplus(fi);
            double spNeg = softplus(-fi);
            acc += (yi == 0 ? 0 : yi * spNeg) + (yi == 1 ? 0 : (1 - yi) * spPos);
        }
        v[offset(node)] = acc;
        return node;
    }

    static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    /** Softmax cross-entropy on logits Σ y_i (logsumexp(f) − f_i). */
    public int softmaxCrossEntropy(int f, int y) {
        int node = lossNode(Op.SOFTMAX_CE_LOSS, f, y);
        int n = size(f);
        Kernels.K.softmaxRows(1, n, arena, offset(f), scratch(n), 0, one);
        double lse = one[0];
        double[] v = arena;
        int fo = offset(f);
        int yo = offset(y);
        double acc = 0;
        for (int i = 0; i < n; i++) {
            double yi = v[yo + i];
            if (yi != 0) {
                acc += yi * (lse - v[fo + i]);
            }
        }
        v[offset(node)] = acc;
        return node;
    }

    /** Σ max(0, 1 − y f). */
    public int hingeLoss(int f, int y) {
        int node = lossNode(Op.HINGE_LOSS, f, y);
        double[] v = arena;
        int fo = offset(f);
        int yo = offset(y);
        double acc = 0;
        for (int i = 0, n = size(f); i < n; i++) {
            acc += Math.max(0, 1 - v[yo + i] * v[fo + i]);
        }
        v[offset(node)] = acc;
        return node;
    }

    private int lossNode(Op op, int f, int y) {
        check(f);
        check(y);
        if (rank(f) > 1 || rank(y) > 1 || size(f) != size(y)) {
            throw SpecificationException.expected(ErrorCode.SHAPE_MISMATCH, name(op) + " operands",
                    "an output f and a target y of the same length", shape(f) + " and " + shape(y));
        }
        int node = newNode(op, 0, 1, 1, true);
        pushInputs(node, f, y);
        return node;
    }

    // ---- internals --------------------------------------------------------------------------------

    private int unaryNode(Op op, int a) {
        check(a);
        int node = newNode(op, rank(a), rows(a), cols(a), true);
        pushInputs(node, a);
        return node;
    }

    /** Allocates a node (and, if {@code ownStorage}, its value slot); inputs are pushed separately. */
    private int newNode(Op op, int rank, int rows, int cols, boolean ownStorage) {
        int node = count;
        int p = node * STRIDE;
        if (p + STRIDE > meta.length) {
            meta = Arrays.copyOf(meta, 2 * meta.length);
            dparam = Arrays.copyOf(dparam, 2 * dparam.length);
            oparam = Arrays.copyOf(oparam, 2 * oparam.length);
        }
        int size = rows * cols;
        if (ownStorage) {
            if (used + size > arena.length) {
                arena = Arrays.copyOf(arena, Math.max(2 * arena.length, used + size));
            }
            meta[p + OFF] = used;
            used += size;
        }
        meta[p + OP] = op.ordinal();
        meta[p + IN_START] = inputsUsed;
        meta[p + ARITY] = 0;
        meta[p + RANK] = rank;
        meta[p + ROWS] = rows;
        meta[p + COLS] = cols;
        meta[p + I0] = 0;
        meta[p + I1] = 0;
        meta[p + ARENA_END] = used;
        meta[p + INPUTS_END] = inputsUsed;
        dparam[node] = 0;
        count++;
        return node;
    }

    private void pushInputs(int node, int... ins) {
        if (inputsUsed + ins.length > inputs.length) {
            inputs = Arrays.copyOf(inputs, Math.max(2 * inputs.length, inputsUsed + ins.length));
        }
        int p = node * STRIDE;
        meta[p + IN_START] = inputsUsed;
        meta[p + ARITY] = ins.length;
        System.arraycopy(ins, 0, inputs, inputsUsed, ins.length);
        inputsUsed += ins.length;
        meta[p + INPUTS_END] = inputsUsed;
    }

    private void pushInputs(int node, int a) {
        if (inputsUsed + 1 > inputs.length) {
            inputs = Arrays.copyOf(inputs, 2 * inputs.length);
        }
        int p = node * STRIDE;
        meta[p + IN_START] = inputsUsed;
        meta[p + ARITY] = 1;
        inputs[inputsUsed++] = a;
        meta[p + INPUTS_END] = inputsUsed;
    }

    private void pushInputs(int node, int a, int b) {
        if (inputsUsed + 2 > inputs.length) {
            inputs = Arrays.copyOf(inputs, 2 * inputs.length);
        }
        int p = node * STRIDE;
        meta[p + IN_START] = inputsUsed;
        meta[p + ARITY] = 2;
        inputs[inputsUsed++] = a;
        inputs[inputsUsed++] = b;
        meta[p + INPUTS_END] = inputsUsed;
    }

    private double[] scratch(int n) {
        if (scratch.length < n) {
            scratch = new double[Math.max(n, 2 * scratch.length)];
        }
        return scratch;
    }

    private int check(int node) {
        if (node < 0 || node >= count) {
            throw SpecificationException.expected(ErrorCode.OUT_OF_RANGE, "node",
                    "a node of this tape (0 <= node < " + count + ")", node);
        }
        return node;
    }

    private void requireVector(String what, int a) {
        check(a);
        if (rank(a) != 1) {
            throw SpecificationException.expected(ErrorCode.SHAPE_MISMATCH, what, "a vector", shape(a));
        }
    }

    private static void positive(String what, int n) {
        if (n <= 0) {
            throw SpecificationException.expected(ErrorCode.NON_POSITIVE_SIZE, what, "a positive size", n);
        }
    }

    private static String name(Op op) {
        return op.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The kernel implementation in use, resolved once. */
    private static final class Kernels {
        static final org.neuromanifold.numeric.kernel.Kernels K =
                org.neuromanifold.numeric.kernel.KernelProvider.kernels();
    }
}
