package org.neuromanifold.symbolic.derive.rfim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;
import org.neuromanifold.symbolic.derive.DerivedResult;
import org.neuromanifold.symbolic.derive.Derivers;
import org.neuromanifold.symbolic.symja.SymjaEngine;

/** ng-invariance and fim-rank, with their negative controls, and the registry. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NaturalGradientAndRankTest {
    private DerivedResult invariance;
    private DerivedResult networkRank;
    private DerivedResult layerRank;

    @BeforeAll
    void derive() {
        SymjaEngine.prepareThread();
        invariance = new NaturalGradientInvarianceDeriver().derive(RfimTesting.request("", Map.of()));
        networkRank = new FisherRankDeriver().derive(RfimTesting.request("network", Map.of()));
        layerRank = new FisherRankDeriver().derive(RfimTesting.request("layer", Map.of()));
    }

    @Test
    void naturalGradientIsInvariant() {
        // the two transformation rules, the inverse of a product, Simplify
        RfimTesting.assertFullyProved(invariance, 3);
        assertEquals(3, invariance.crossChecks().size());
        // the closed form on the concrete model: the least-squares offset of the two points
        String last = ((org.neuromanifold.core.result.Formula.OfSymja) invariance.derivation().result()).input();
        assertTrue(last.contains("x1") && last.contains("y2") && !last.contains("Inverse"), last);
    }

    @Test
    void theOrdinaryGradientIsNotInvariant() {
        var plain = NaturalGradientInvarianceDeriver.numeric(RfimTesting.request("", Map.of())).plainGradient();
        assertFalse(plain.agrees(), plain.toString());
        assertTrue(plain.maxRelError() > 1e-3, plain.toString());
    }

    @Test
    void fisherRankOfANetworkIsAtMostTheSampleSize() {
        RfimTesting.assertFullyProved(networkRank, 1);
        assertTrue(networkRank.seedFormula().orElseThrow().agrees());
        assertTrue(networkRank.crossChecks().get(0).description().contains("ranks [4, 4, 4, 4, 4, 4]"),
                networkRank.crossChecks().get(0).description());
    }

    @Test
    void aLayersRelativeFisherInformationHasRankUpToSampleSizeTimesWidth() {
        RfimTesting.assertFullyProved(layerRank, 1);
        assertTrue(layerRank.crossChecks().get(0).description().contains("ranks [6, 6, 6, 6, 6, 6]"),
                layerRank.crossChecks().get(0).description());
    }

    @Test
    void rankBySvdOfKnownMatrices() {
        // three generic outer products in R^5: rank 3; a claim of rank ≤ 2 fails
        double[][] m = new double[5][5];
        double[][] v = {{1, 2, 0, -1, 3}, {0, 1, 1, 2, -1}, {2, -1, 3, 0, 1}};
        for (double[] a : v) {
            for (int i = 0; i < 5; i++) {
                for (int j = 0; j < 5; j++) {
                    m[i][j] += a[i] * a[j];
                }
            }
        }
        assertEquals(3, FisherRankDeriver.rank(m).rank());
        assertTrue(FisherRankDeriver.rank(m).gap() > 1e10);
        assertEquals(5, FisherRankDeriver.rank(new double[][] {{2, 0, 0, 0, 0}, {0, 1, 0, 0, 0}, {0, 0, 3, 0, 0},
                {0, 0, 0, 1, 0}, {0, 0, 0, 0, 1e-3}}).rank());
    }

    @Test
    void aSampleAsLargeAsTheParameterCountIsRefused() {
        var e = assertThrows(SpecificationException.class,
                () -> new FisherRankDeriver().derive(RfimTesting.request("network", Map.of("samples", 19.0))));
        assertEquals(ErrorCode.OUT_OF_RANGE, e.code());
    }

    @Test
    void theRegistryKnowsEveryRelativeFisherId() {
        for (String id : List.of("rfim-neuron", "rfim-linear", "rfim-layer", "rfim-softmax", "rfim-two-layer",
                "ng-invariance", "fim-rank")) {
            assertEquals(id, Derivers.require(id).id());
        }
    }

    @Test
    void theDerivationsCompile() {
        RfimTesting.assertCompiles(List.of(invariance.derivation(), networkRank.derivation(), layerRank.derivation()));
    }
}
