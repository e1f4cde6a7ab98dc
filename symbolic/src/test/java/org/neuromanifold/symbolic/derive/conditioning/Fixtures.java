package org.neuromanifold.symbolic.derive.conditioning;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.neuromanifold.symbolic.derive.DeriveRequest;
import org.neuromanifold.symbolic.derive.DerivedResult;

/**
 * Derivations shared by the tests of this package, computed once per test run with small Monte Carlo
 * sizes (the derivations themselves are the same as in a default run).
 */
final class Fixtures {
    /** Small Monte Carlo settings: the checks stay meaningful (they are judged in standard errors). */
    static final Map<String, Double> SMALL = Map.of("samples", 4000.0, "width", 64.0, "depth", 6.0, "networks", 6.0,
            "inputs", 8.0);
    static final long SEED = 11;
    static final int POINTS = 8;

    private static final Map<String, DerivedResult> CACHE = new ConcurrentHashMap<>();

    private Fixtures() {
    }

    static DeriveRequest request(String variant) {
        return new DeriveRequest(variant, SMALL, SEED, POINTS);
    }

    static DerivedResult mse(String variant) {
        return CACHE.computeIfAbsent("mse/" + variant, k -> new MseHessianDeriver().derive(request(variant)));
    }

    static DerivedResult he() {
        return CACHE.computeIfAbsent("he", k -> new HeInitDeriver().derive(request("")));
    }

    static DerivedResult xavier() {
        return CACHE.computeIfAbsent("xavier", k -> new XavierInitDeriver().derive(request("")));
    }
}
