/** Immutable row-major double tensors (scalars, vectors, matrices), the value type of the numeric results. */
package org.neuromanifold.numeric.tensor;
