/**
 * Networks of core's IR as numeric functions of a flat θ: the forward pass on a tape
 * ({@link org.neuromanifold.numeric.model.NetworkGraph}), losses and their derivatives per sample and
 * over data sets ({@link org.neuromanifold.numeric.model.NetworkEvaluator}), and the batched training
 * path on the GEMM kernels ({@link org.neuromanifold.numeric.model.BatchedMlp}).
 */
package org.neuromanifold.numeric.model;
