package org.neuromanifold.numeric.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.neuromanifold.core.activation.IdentityActivation;
import org.neuromanifold.core.catalogue.CatalogueIdentities;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;
import org.neuromanifold.core.loss.HingeLoss;
import org.neuromanifold.core.loss.SquareLoss;

/** Defaults per identity, and bad configurations refused with the argument named. */
class VerificationConfigTest {

    private static SpecificationException refused(Consumer<VerificationConfig.Builder> edit) {
        return assertThrows(SpecificationException.class, () -> {
            VerificationConfig.Builder b = VerificationConfig.builder(CatalogueIdentities.EULER);
            edit.accept(b);
            b.build();
        });
    }

    @Test
    void badSizesAreRefusedNamingTheArgument() {
        assertEquals("depth", refused(b -> b.depth(-1)).argument());
        assertEquals("width", refused(b -> b.width(0)).argument());
        assertEquals("trials", refused(b -> b.trials(0)).argument());
        assertEquals("trials", refused(b -> b.trials(VerificationConfig.MAX_TRIALS + 1)).argument());
        assertEquals("threads", refused(b -> b.threads(0)).argument());
        assertEquals("dataSize", refused(b -> b.dataSize(0)).argument());
        assertEquals("inputDim", refused(b -> b.inputDim(0)).argument());
        assertEquals("outputDim", refused(b -> b.outputDim(-2)).argument());
        SpecificationException e = refused(b -> b.width(0));
        assertEquals(ErrorCode.NON_POSITIVE_SIZE, e.code());
        assertTrue(e.getMessage().contains("got 0"), e.getMessage());
    }

    @Test
    void badTolerancesAreRefused() {
        SpecificationException nan = refused(b -> b.tolerance(Double.NaN));
        assertEquals("tolerance", nan.argument());
        assertEquals(ErrorCode.NOT_FINITE, nan.code());
        assertEquals("tolerance", refused(b -> b.tolerance(-1e-12)).argument());
        assertEquals("zScore", refused(b -> b.zScore(Double.POSITIVE_INFINITY)).argument());
    }

    @Test
    void unknownActivationIsRefused() {
        SpecificationException e = refused(b -> b.activation("swish", null, null, null));
        assertEquals(ErrorCode.UNKNOWN_ACTIVATION, e.code());
        assertEquals("activation", e.argument());
        assertEquals("prelu-smooth omega", refused(b -> b.activation("prelu-smooth", null, 0.0, null)).argument());
    }

    @Test
    void theModelFisherNeedsALossWithAStatisticalModel() {
        SpecificationException e = assertThrows(SpecificationException.class,
                () -> VerificationConfig.builder(CatalogueIdentities.FISHER_RAO_MODEL).loss("hinge").build());
        assertEquals("loss", e.argument());
        assertEquals(ErrorCode.UNSUPPORTED, e.code());
    }

    @Test
    void defaultsSuitEachIdentity() {
        VerificationConfig euler = VerificationConfig.builder(CatalogueIdentities.EULER).build();
        assertNull(euler.loss(), "Euler's identity is about f alone");
        assertInstanceOf(IdentityActivation.class, euler.outputActivation());
        assertEquals(2, euler.depth());
        assertEquals(8, euler.width());
        assertEquals(8, euler.inputDim());
        assertEquals(1, euler.outputDim());
        assertEquals(0.0, euler.initialization().biasVariance());
        assertInstanceOf(SquareLoss.class, VerificationConfig.builder(CatalogueIdentities.LOSS_EULER).build().loss());
        assertInstanceOf(SquareLoss.class, VerificationConfig.builder(CatalogueIdentities.FISHER_RAO).build().loss());
        assertInstanceOf(HingeLoss.class, VerificationConfig.builder(CatalogueIdentities.HINGE_GRAD).build().loss());
        assertEquals(3, VerificationConfig.builder(CatalogueIdentities.LOSS_EULER).loss("softmax-ce").build()
                .outputDim());
        VerificationConfig biased = VerificationConfig.builder(CatalogueIdentities.EULER).bias(true).build();
        assertTrue(biased.initialization().biasVariance() > 0, "biases must be drawn non-zero to matter");
        VerificationConfig same = VerificationConfig.builder(CatalogueIdentities.EULER).activation("tanh", null, null,
                null).activationOnOutput().build();
        assertEquals(same.activation(), same.outputActivation());
        assertEquals("tanh, output tanh", same.activationLabel());
    }

    @Test
    void theScanSeesWhatAnIdentityReads() {
        IdentityScan euler = IdentityScan.of(CatalogueIdentities.EULER);
        assertTrue(euler.input() && !euler.target() && !euler.data() && !euler.loss());
        IdentityScan hinge = IdentityScan.of(CatalogueIdentities.HINGE_GRAD);
        assertTrue(hinge.input() && hinge.target() && hinge.loss() && hinge.step() && !hinge.data());
        IdentityScan lossEuler = IdentityScan.of(CatalogueIdentities.LOSS_EULER);
        assertTrue(!lossEuler.input() && lossEuler.data() && lossEuler.dataTargets() && !lossEuler.model());
        IdentityScan model = IdentityScan.of(CatalogueIdentities.FISHER_RAO_MODEL);
        assertTrue(model.data() && !model.dataTargets() && model.model(),
                "the model Fisher draws y from the model, not from the data");
    }
}
