package org.neuromanifold.core.error;

/**
 * Stable codes for every specification error. Tests assert the code, not the wording, so messages
 * can improve without breaking callers.
 */
public enum ErrorCode {
    /** A layer's input width differs from the previous layer's output width. */
    WIDTH_MISMATCH,
    /** A width, dimension or count is zero or negative. */
    NON_POSITIVE_SIZE,
    /** A parameter, hyperparameter, input or target is NaN or infinite. */
    NOT_FINITE,
    /** A hyperparameter lies outside its admissible range (e.g. iota outside [0, 1), omega <= 0). */
    OUT_OF_RANGE,
    /** An activation name that the library does not know. */
    UNKNOWN_ACTIVATION,
    /** A loss name that the library does not know. */
    UNKNOWN_LOSS,
    /** An identity id that the catalogue does not know. */
    UNKNOWN_IDENTITY,
    /** A formula that does not parse. */
    FORMULA_SYNTAX,
    /** A formula that uses a symbol nobody bound. */
    UNKNOWN_SYMBOL,
    /** Arrays, tensors or data sets whose shapes do not fit together. */
    SHAPE_MISMATCH,
    /** A collection that must not be empty is empty. */
    EMPTY,
    /** A combination the library does not support (named in the message). */
    UNSUPPORTED,
    /** A data file that is truncated or not in the expected format. */
    BAD_FILE
}
