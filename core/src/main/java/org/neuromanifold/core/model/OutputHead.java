package org.neuromanifold.core.model;

/** What follows the last layer. */
public enum OutputHead {
    /** The last layer's activations are the output. */
    NONE,
    /** A softmax over the last layer's activations (which are then the logits). */
    SOFTMAX
}
