package org.neuromanifold.symbolic.derive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Seeded random variable assignments for the numeric certificates of scalar chains. */
public final class Points {
    private Points() {
    }

    /** A variable's sampling interval [lo, hi]. */
    public record Range(String name, double lo, double hi) {
        public Range {
            if (!(lo <= hi) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
                throw new IllegalArgumentException(name + ": expected a finite interval lo <= hi, got [" + lo + ", "
                        + hi + "]");
            }
        }
    }

    /** {@code n} assignments, each variable uniform on its range, plus the fixed values given. */
    public static List<Map<String, Double>> uniform(long seed, int n, List<Range> ranges, Map<String, Double> fixed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Map<String, Double>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Map<String, Double> p = new LinkedHashMap<>(fixed);
            for (Range r : ranges) {
                p.put(r.name(), r.lo() + (r.hi() - r.lo()) * rng.nextDouble());
            }
            out.add(Map.copyOf(p));
        }
        return List.copyOf(out);
    }
}
