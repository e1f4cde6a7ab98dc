package org.neuromanifold.numeric.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;

/**
 * The one {@code double} vector species every Vector API kernel uses, fixed when this class is
 * initialised. It is a {@code static final} constant on purpose: the JIT only turns Vector API calls
 * into SIMD instructions when the species is a compile-time constant.
 *
 * <p>Default: {@link DoubleVector#SPECIES_PREFERRED} (512 bits, 8 lanes on an AVX-512 machine). The
 * system property {@value #BITS_PROPERTY} = {@code 128 | 256 | 512} selects a narrower shape, which
 * the tests use to exercise the 256-bit code on an AVX-512 machine.
 */
final class Lanes {
    /** System property that selects the vector width in bits. */
    static final String BITS_PROPERTY = "neuromanifold.vector.bits";

    /** The species of every kernel. */
    static final VectorSpecies<Double> S = select(System.getProperty(BITS_PROPERTY));

    /** Lanes per vector. */
    static final int L = S.length();

    private Lanes() {
    }

    static VectorSpecies<Double> select(String bits) {
        if (bits == null || bits.isBlank()) {
            return DoubleVector.SPECIES_PREFERRED;
        }
        VectorSpecies<Double> species = switch (bits.trim()) {
            case "128" -> DoubleVector.SPECIES_128;
            case "256" -> DoubleVector.SPECIES_256;
            case "512" -> DoubleVector.SPECIES_512;
            default -> throw new SpecificationException(ErrorCode.OUT_OF_RANGE, BITS_PROPERTY,
                    "system property " + BITS_PROPERTY + ": expected 128, 256 or 512, found '" + bits + "'");
        };
        int max = VectorShape.preferredShape().vectorBitSize();
        if (species.vectorBitSize() > max) {
            throw new SpecificationException(ErrorCode.UNSUPPORTED, BITS_PROPERTY, "system property "
                    + BITS_PROPERTY + "=" + bits + ": this CPU's widest double vector has " + max + " bits");
        }
        return species;
    }
}
