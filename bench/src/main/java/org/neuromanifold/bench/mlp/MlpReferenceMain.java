package org.neuromanifold.bench.mlp;

/**
 * Prints the reference summary of the MLP benchmark as {@code key=value} lines (shortest round-trip
 * decimal), so that scripts outside the JVM (the numpy peer) can be checked against it.
 */
public final class MlpReferenceMain {
    private MlpReferenceMain() {
    }

    /** Prints {@code loss}, {@code firstLayerWeightL1}, {@code gradientL2}, {@code gradientDotTheta}. */
    public static void main(String[] args) {
        MlpGradientSummary s = MlpReferenceGradient.standardSummary();
        System.out.println("loss=" + s.loss());
        System.out.println("firstLayerWeightL1=" + s.firstLayerWeightL1());
        System.out.println("gradientL2=" + s.gradientL2());
        System.out.println("gradientDotTheta=" + s.gradientDotTheta());
        System.out.println("thetaL2=" + s.thetaL2());
    }
}
