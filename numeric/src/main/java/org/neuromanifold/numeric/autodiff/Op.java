package org.neuromanifold.numeric.autodiff;

/**
 * The closed set of operations a {@link Tape} records. Every op except {@link #LEAF} has a
 * reverse-mode (VJP) and a forward-mode (JVP) rule in {@link Rules}; those rules are written with
 * tape ops themselves, so derivatives of derivatives (Hessian-vector products, Hessians) come from
 * the same table.
 *
 * <p>Shapes: scalars (rank 0), vectors (rank 1) and matrices (rank 2), row-major. "Broadcast" means a
 * scalar operand stands for a tensor of the other operand's shape filled with it.
 */
public enum Op {
    // ---- leaves ---------------------------------------------------------------------------------
    /** A value given from outside (an input, a parameter vector, a constant, an identity matrix). */
    LEAF,

    // ---- elementwise arithmetic (scalar broadcasting) -------------------------------------------
    /** a + b. */
    ADD,
    /** a − b. */
    SUB,
    /** a ⊙ b. */
    MUL,
    /** a ⊘ b. */
    DIV,
    /** −a. */
    NEG,
    /** c·a for a constant c (no derivative with respect to c). */
    SCALE,
    /** a scalar repeated into a given shape. */
    BROADCAST,
    /** a^n elementwise for an integer n. */
    POW,
    /** The Heaviside step 1[a &gt; 0] (zero derivative everywhere; 0 at a = 0). */
    STEP,
    /** sign(a) ∈ {−1, 0, 1} (zero derivative everywhere). */
    SIGN,
    /** An elementary function of core's {@code Fn} applied elementwise. */
    FN,
    /** An activation σ applied elementwise. */
    ACTIVATION,
    /** σ'(a) elementwise. */
    ACTIVATION_DERIVATIVE,
    /** σ''(a) elementwise. */
    ACTIVATION_SECOND_DERIVATIVE,

    // ---- reductions and softmax -----------------------------------------------------------------
    /** Σ of all entries (a scalar). */
    SUM,
    /** ⟨a, b⟩ = Σ a_i b_i of two tensors of the same shape (a scalar). */
    DOT,
    /** Stable softmax of a vector. */
    SOFTMAX,
    /** ln Σ exp(a_i) of a vector, computed with the maximum factored out. */
    LOG_SUM_EXP,

    // ---- linear algebra -------------------------------------------------------------------------
    /** a bᵀ of two vectors (a matrix). */
    OUTER,
    /** op(A)·op(B) (matrix·matrix) or op(A)·v (matrix·vector); op = identity or transpose. */
    MATMUL,
    /** Aᵀ of a matrix. */
    TRANSPOSE,
    /** Σ A_ii of a square matrix. */
    TRACE,

    // ---- structure ------------------------------------------------------------------------------
    /** The same entries in another shape. */
    RESHAPE,
    /** A contiguous range of the flat entries, in a given shape. */
    SLICE,
    /** The input's entries placed at an offset into zeros of a larger shape (the adjoint of SLICE). */
    EMBED,
    /** Entries at given flat indices (a vector). */
    GATHER,
    /** A vector placed at given indices into zeros of length n (the adjoint of GATHER). */
    SCATTER,
    /** Vectors (or scalars) joined end to end. */
    CONCAT,
    /** Equal-shape vectors (or scalars) stacked as the rows of a matrix. */
    STACK,

    // ---- losses (target y second; scalar result) ------------------------------------------------
    /** ½‖f − y‖². */
    SQUARE_LOSS,
    /** Σ softplus(f) − y f: binary cross-entropy on logits. */
    BCE_LOSS,
    /** Σ y_i (logsumexp(f) − f_i): softmax cross-entropy on logits. */
    SOFTMAX_CE_LOSS,
    /** Σ max(0, 1 − y f). */
    HINGE_LOSS
}
