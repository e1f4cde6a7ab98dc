package org.neuromanifold.numeric.verify;

import java.util.Arrays;

import org.neuromanifold.core.data.Dataset;
import org.neuromanifold.core.error.SpecificationException;
import org.neuromanifold.core.expr.Relation;
import org.neuromanifold.core.loss.BinaryCrossEntropyLoss;
import org.neuromanifold.core.loss.HingeLoss;
import org.neuromanifold.core.loss.Loss;
import org.neuromanifold.core.loss.SoftmaxCrossEntropyLoss;
import org.neuromanifold.numeric.random.Xoshiro256PlusPlus;

/**
 * Shrinks a failing instance to a small one that still fails: fewest layers, then narrowest widths, then
 * fewest data rows, then simplest values. Deterministic: every random draw comes from streams of a seed
 * derived from the run's seed and the failing trial's index, and candidates are tried in a fixed order.
 *
 * <p>A candidate is accepted when both sides are finite, some entry disagrees by the run's rule
 * ({@link Agreement}, with the run's tolerance, z and typical magnitude m), and no sample sits near a
 * kink ({@link KinkGuard}) — a point where an identity that holds almost everywhere proves nothing. A
 * candidate on which the identity cannot be evaluated (it may fix a dimension) is not accepted.
 * <ol>
 * <li><b>Layers.</b> Depths 0, 1, … below the current one, each with {@value #ATTEMPTS} fresh random
 * instances; the first that fails is kept.</li>
 * <li><b>Widths.</b> Input width, each hidden width, output width in turn: smaller widths in ascending
 * order with {@value #ATTEMPTS} fresh random instances each; then removing single units of the current
 * instance (a column of the next weight matrix, a row and bias entry of the previous one, the matching
 * input or target entries), keeping every other value, for as long as one removal still fails.</li>
 * <li><b>Rows.</b> For an identity over a data set: a single row of the current data set, else removing
 * single rows for as long as one removal still fails.</li>
 * <li><b>Values.</b> Each entry of θ, then of the inputs, then of the targets, is replaced by the
 * simplest value that keeps the failure, from the list {@link #SIMPLE} (0, ±1, ±2, ±½, ±3, …), trying
 * only values simpler than the current one; passes repeat until nothing changes. Targets stay in the
 * loss's domain (0/1, ±1, one-hot). Entries that are still not simple are then rounded to 1, 2, 3 or 4
 * significant digits, the fewest that keeps the failure.</li>
 * </ol>
 * Fresh random instances follow the configuration: the architecture's layers
 * ({@link VerificationConfig#network(int[])}) and its input distribution; a width the distribution cannot
 * supply is not redrawn, only narrowed by unit removal (a coordinate of x removed is a draw from the
 * marginal), and inputs drawn from a distribution are not simplified (a simpler value could lie outside
 * its support). A given data set is part of the model: its rows, values, and the input and output widths
 * stay as they are.
 * The work is bounded by {@value #MAX_EVALUATIONS} evaluations; past that the instance reached so far
 * is returned.
 */
final class Shrinker {
    /** Fresh random instances tried per candidate architecture. */
    static final int ATTEMPTS = 16;
    /** The evaluation budget of one shrink. */
    static final int MAX_EVALUATIONS = 50_000;
    /** Simple values, simplest first. */
    static final double[] SIMPLE = {0, 1, -1, 2, -2, 0.5, -0.5, 3, -3, 1.5, -1.5, 4, -4, 0.25, -0.25, 5, -5, 2.5,
        -2.5, 10, -10};
    private static final long SALT = 0x5d1c7e6b3a2f9e41L;
    private static final int PASSES = 4;

    private final VerificationConfig config;
    private final IdentityScan scan;
    private final SideEvaluator evaluator;
    private final Relation relation;
    private final double floor;
    private final double z;
    private final long seed;
    private long stream;
    private int evaluations;
    private Instance current;
    private SideEvaluator.Sides currentSides;

    /**
     * @param floor the run's typical magnitude m
     * @param z     the run's z
     * @param trial the index of the failing trial (part of the shrink seed)
     */
    Shrinker(VerificationConfig config, IdentityScan scan, SideEvaluator evaluator, double floor, double z,
            int trial) {
        this.config = config;
        this.scan = scan;
        this.evaluator = evaluator;
        this.relation = config.identity().relation();
        this.floor = floor;
        this.z = z;
        this.seed = Xoshiro256PlusPlus.mix64(config.seed() ^ SALT) ^ Xoshiro256PlusPlus.mix64(trial);
    }

    /** The shrunk instance and its sides. */
    record Shrunk(Instance instance, SideEvaluator.Sides sides, int evaluations) {
    }

    /** Shrinks {@code failing}, which must fail. */
    Shrunk shrink(Instance failing, SideEvaluator.Sides sides) {
        current = failing;
        currentSides = sides;
        layers();
        widths();
        rows();
        values();
        return new Shrunk(current, currentSides, evaluations);
    }

    // ---- the acceptance test ---------------------------------------------------------------------------

    /** Whether {@code candidate} fails genuinely; if so it becomes the current instance. */
    private boolean accept(Instance candidate) {
        if (evaluations >= MAX_EVALUATIONS) {
            return false;
        }
        evaluations++;
        if (KinkGuard.nearKink(candidate, config.loss(), scan)) {
            return false;
        }
        SideEvaluator.Sides s;
        try {
            s = evaluator.evaluate(candidate);
        } catch (SpecificationException e) {
            // the identity is not defined on this candidate (e.g. it fixes an input dimension)
            return false;
        }
        boolean fails = false;
        for (int c = 0; c < s.lhs().length; c++) {
            double l = s.lhs()[c];
            double r = s.rhs()[c];
            if (!Double.isFinite(l) || !Double.isFinite(r)) {
                return false;
            }
            double se = s.exact() ? 0 : s.differenceError()[c];
            fails |= !Agreement.agrees(Agreement.violation(relation, l, r), Agreement.magnitude(l, r), se, floor,
                    config.tolerance(), z);
        }
        if (fails) {
            current = candidate;
            currentSides = s;
        }
        return fails;
    }

    /**
     * Whether fresh instances with these widths can be drawn: inputs from a given distribution need its
     * dimension, and a fixed data set (whose rows the redraw keeps) the current input and output widths.
     */
    private boolean canRedraw(int[] widths) {
        int[] now = current.network().widths();
        boolean inputsFit = config.inputs() == null || widths[0] == config.inputs().dim();
        boolean dataFits = config.data() == null
                || widths[0] == now[0] && widths[widths.length - 1] == now[now.length - 1];
        return inputsFit && dataFits;
    }

    /** A fresh random instance with the given widths (see {@link #canRedraw}); with a fixed data set, its current rows. */
    private Instance random(int[] widths) {
        int rows = Math.max(current.dataSize(), 1);
        Dataset rowsKept = config.data() == null || current.dataX() == null ? null
                : Dataset.ofFlat(current.dataX(), widths[0], current.dataY(), widths[widths.length - 1]);
        return InstanceSampler.draw(config.network(widths), scan, config.loss(), config.initialization(), rows,
                config.inputs(), rowsKept, Xoshiro256PlusPlus.of(seed, stream++));
    }

    // ---- 1. layers ---------------------------------------------------------------------------------------

    private void layers() {
        int[] w = current.network().widths();
        int depth = w.length - 2;
        for (int target = 0; target < depth; target++) {
            int[] cand = new int[target + 2];
            System.arraycopy(w, 0, cand, 0, target + 1);
            cand[target + 1] = w[w.length - 1];
            for (int a = 0; a < ATTEMPTS && canRedraw(cand); a++) {
                if (accept(random(cand))) {
                    return;
                }
            }
        }
    }

    // ---- 2. widths ---------------------------------------------------------------------------------------

    private void widths() {
        int positions = current.network().widths().length;
        for (int p = 0; p < positions; p++) {
            if (config.data() != null && (p == 0 || p == positions - 1)) {
                continue; // a fixed data set fixes the input and output widths
            }
            narrowByRedraw(p);
            while (current.network().widths()[p] > 1 && removeOneUnit(p)) {
                // keep removing while a removal still fails
            }
        }
    }

    private void narrowByRedraw(int p) {
        int[] w = current.network().widths();
        for (int width : smallerWidths(w[p])) {
            int[] cand = w.clone();
            cand[p] = width;
            for (int a = 0; a < ATTEMPTS && canRedraw(cand); a++) {
                if (accept(random(cand))) {
                    return;
                }
            }
        }
    }

    /** Widths below {@code w}, ascending: all of them for small w, a spread of them for large w. */
    static int[] smallerWidths(int w) {
        if (w <= 16) {
            int[] all = new int[w - 1];
            for (int i = 0; i < all.length; i++) {
                all[i] = i + 1;
            }
            return all;
        }
        return Arrays.stream(new int[] {1, 2, 3, 4, w / 4, w / 2, 3 * w / 4, w - 1}).distinct().sorted().toArray();
    }

    private boolean removeOneUnit(int p) {
        int width = current.network().widths()[p];
        for (int j = 0; j < width; j++) {
            Instance cand = Surgery.removeUnit(current, p, j, config, scan);
            if (cand != null && accept(cand)) {
                return true;
            }
        }
        return false;
    }

    // ---- 3. rows -----------------------------------------------------------------------------------------

    private void rows() {
        int n = current.dataSize();
        if (n <= 1 || config.data() != null) {
            return;
        }
        for (int i = 0; i < n; i++) {
            if (accept(Surgery.keepRows(current, new int[] {i}))) {
                return;
            }
        }
        boolean removed = true;
        while (removed && current.dataSize() > 1) {
            removed = false;
            for (int i = 0; i < current.dataSize() && !removed; i++) {
                int[] keep = new int[current.dataSize() - 1];
                for (int r = 0, q = 0; r < current.dataSize(); r++) {
                    if (r != i) {
                        keep[q++] = r;
                    }
                }
                removed = accept(Surgery.keepRows(current, keep));
            }
        }
    }

    // ---- 4. values ---------------------------------------------------------------------------------------

    /** Which array of the instance a value lives in. */
    private enum Slot {
        THETA, X, DATA_X, Y, DATA_Y
    }

    private static double[] array(Instance inst, Slot slot) {
        return switch (slot) {
            case THETA -> inst.theta();
            case X -> inst.x();
            case DATA_X -> inst.dataX();
            case Y -> inst.y();
            case DATA_Y -> inst.dataY();
        };
    }

    /**
     * The real-valued slots the shrinker may simplify: θ always; inputs unless they come from a given
     * distribution (a simpler value could lie outside its support); data rows unless the data set is given.
     */
    private Slot[] realSlots() {
        if (config.inputs() != null) {
            return new Slot[] {Slot.THETA};
        }
        return config.data() != null ? new Slot[] {Slot.THETA, Slot.X} : new Slot[] {Slot.THETA, Slot.X, Slot.DATA_X};
    }

    private void values() {
        Slot[] real = realSlots();
        for (int pass = 0; pass < PASSES; pass++) {
            boolean changed = false;
            for (Slot slot : real) {
                double[] a = array(current, slot);
                for (int i = 0; a != null && i < a.length; i++) {
                    changed |= simplify(slot, i, SIMPLE);
                }
            }
            changed |= targets();
            if (!changed) {
                break;
            }
        }
        for (Slot slot : real) {
            double[] a = array(current, slot);
            for (int i = 0; a != null && i < a.length; i++) {
                round(slot, i);
            }
        }
        if (targetDomain(config.loss()) == null) {
            for (Slot slot : new Slot[] {Slot.Y, Slot.DATA_Y}) {
                double[] a = targetArray(slot);
                for (int i = 0; a != null && i < a.length; i++) {
                    round(slot, i);
                }
            }
        }
    }

    /** Replaces entry i of {@code slot} by the first value of {@code candidates} simpler than it that keeps the failure. */
    private boolean simplify(Slot slot, int i, double[] candidates) {
        double v = array(current, slot)[i];
        int rank = rank(v, candidates);
        for (int c = 0; c < rank; c++) {
            Instance cand = current.copy();
            array(cand, slot)[i] = candidates[c];
            if (accept(cand)) {
                return true;
            }
        }
        return false;
    }

    private static int rank(double v, double[] candidates) {
        for (int c = 0; c < candidates.length; c++) {
            if (Double.compare(candidates[c], v) == 0 || (v == 0 && candidates[c] == 0)) {
                return c;
            }
        }
        return candidates.length;
    }

    /** The targets the identity reads and the shrinker may change (not those of a given data set), or {@code null}. */
    private double[] targetArray(Slot slot) {
        if (slot == Slot.Y) {
            return current.y();
        }
        return scan.dataTargets() && config.data() == null ? current.dataY() : null;
    }

    /** The admissible target values of a loss, simplest first; {@code null} for real targets, empty for one-hot. */
    private static double[] targetDomain(Loss loss) {
        return switch (loss) {
            case BinaryCrossEntropyLoss b -> new double[] {0, 1};
            case HingeLoss h -> new double[] {1, -1};
            case SoftmaxCrossEntropyLoss s -> new double[0];
            case null, default -> null;
        };
    }

    private boolean targets() {
        boolean changed = false;
        double[] domain = targetDomain(config.loss());
        for (Slot slot : new Slot[] {Slot.Y, Slot.DATA_Y}) {
            double[] a = targetArray(slot);
            if (a == null) {
                continue;
            }
            if (domain == null) {
                for (int i = 0; i < a.length; i++) {
                    changed |= simplify(slot, i, SIMPLE);
                }
            } else if (domain.length > 0) {
                for (int i = 0; i < a.length; i++) {
                    changed |= simplify(slot, i, domain);
                }
            } else {
                changed |= oneHot(slot);
            }
        }
        return changed;
    }

    /** Moves each one-hot target row to the lowest class that keeps the failure. */
    private boolean oneHot(Slot slot) {
        int k = current.network().outputDim();
        boolean changed = false;
        int rows = array(current, slot).length / k;
        for (int r = 0; r < rows; r++) {
            double[] a = array(current, slot);
            int hot = 0;
            while (hot < k && a[r * k + hot] != 1) {
                hot++;
            }
            for (int c = 0; c < hot; c++) {
                Instance cand = current.copy();
                double[] t = array(cand, slot);
                Arrays.fill(t, r * k, r * k + k, 0);
                t[r * k + c] = 1;
                if (accept(cand)) {
                    changed = true;
                    break;
                }
            }
        }
        return changed;
    }

    /** Rounds entry i to the fewest significant digits (1 to 4) that keep the failure. */
    private void round(Slot slot, int i) {
        double v = array(current, slot)[i];
        if (rank(v, SIMPLE) < SIMPLE.length || v == 0 || !Double.isFinite(v)) {
            return;
        }
        for (int digits = 1; digits <= 4; digits++) {
            double r = roundSignificant(v, digits);
            if (r == v) {
                return;
            }
            Instance cand = current.copy();
            array(cand, slot)[i] = r;
            if (accept(cand)) {
                return;
            }
        }
    }

    /** {@code v} rounded to {@code digits} significant decimal digits. */
    static double roundSignificant(double v, int digits) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(digits)).doubleValue();
    }
}
