package org.neuromanifold.numeric.verify;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.neuromanifold.core.expr.Identity;
import org.neuromanifold.core.expr.Precondition;
import org.neuromanifold.core.expr.Relation;
import org.neuromanifold.core.model.Network;
import org.neuromanifold.core.result.Counterexample;
import org.neuromanifold.core.result.VerificationResult;
import org.neuromanifold.numeric.random.Xoshiro256PlusPlus;

/**
 * The numeric verifier: draws random instances (θ, x, y, a data set) from a seed, evaluates both sides
 * of an identity on each with the {@link org.neuromanifold.numeric.expr.ExprEvaluator}, reports the
 * largest absolute and relative errors against a stated tolerance, and shrinks a failure to a small
 * counterexample ({@link Shrinker}).
 *
 * <pre>{@code
 * VerificationReport r = Verifier.verify(VerificationConfig.builder(CatalogueIdentities.EULER)
 *         .activation("tanh", null, null, null).depth(2).width(8).trials(10_000).seed(1).build());
 * r.holds();            // observed: false
 * r.expected();         // the preconditions say: false (tanh is not positively homogeneous)
 * r.counterexample();   // widths [1, 1, 1], W0[0,0] = W1[0,0] = 1, x = [1]: lhs 1.1816 ≠ rhs 1.5232
 * }</pre>
 *
 * <h2>The verdict</h2>
 * For trial i and entry c of the sides, with l and r the two values and SE the standard error of
 * l − r (0 when both sides are exact):
 * <ul>
 * <li>violation v = |l − r| for {@code =}, max(0, l − r) for {@code ≤};</li>
 * <li>the entry agrees when <b>v ≤ tol · max(|l|, |r|, m) + z · SE</b>;</li>
 * <li>m, the run's typical magnitude, is the median over trials of max_c max(|l_c|, |r_c|), leaving out
 * trials where both sides vanish (and non-finite ones). It keeps a
 * rare instance where a side cancels to nearly 0 from failing on rounding alone (the rounding error of
 * a sum is relative to its terms, not to its value), while every instance of ordinary size is judged
 * relatively;</li>
 * <li>z defaults to the Bonferroni value Φ⁻¹(1 − α / (2 · trials · entries)) with α = 10⁻³, so that an
 * identity that holds fails a whole Monte Carlo run with probability at most about 10⁻³;</li>
 * <li>a NaN or infinite side never agrees.</li>
 * </ul>
 * The identity <b>holds</b> (observed) when every entry of every trial agrees; it is <b>expected</b> to
 * hold when every precondition holds for the configured network and loss. A precondition that fails is
 * not an error: the verdict then says whether the identity holds anyway. The reported relative error is
 * v / max(|l|, |r|, m) (0 when v = 0), the absolute error v; both are maxima over trials and entries.
 *
 * <h2>Determinism</h2>
 * Trial i draws everything from {@code Xoshiro256PlusPlus.of(seed, i)} alone (order of draws:
 * {@link InstanceSampler}), its result is stored at index i, and the summary is computed after all
 * trials in index order, so the report is identical bit for bit whatever the thread count. The
 * counterexample is shrunk from the failing trial with the smallest index.
 */
public final class Verifier {
    /** Trials a worker claims at a time. */
    private static final int BLOCK = 64;
    /** How often progress is reported while trials run. */
    private static final long PROGRESS_MILLIS = 200;

    private final VerificationConfig config;
    private final Identity identity;
    private final Network network;
    private final IdentityScan scan;

    private Verifier(VerificationConfig config) {
        this.config = config;
        this.identity = config.identity();
        this.network = config.network();
        this.scan = IdentityScan.of(identity);
    }

    /** Runs the verification. */
    public static VerificationReport verify(VerificationConfig config) {
        return verify(config, ProgressListener.NONE);
    }

    /** Runs the verification, reporting progress to {@code progress} on the calling thread. */
    public static VerificationReport verify(VerificationConfig config, ProgressListener progress) {
        return new Verifier(config).run(progress);
    }

    /** Trial i's instance under {@code config} (for tests and tools that re-create a trial). */
    static Instance trialInstance(VerificationConfig config, int trial) {
        return new Verifier(config).instance(trial);
    }

    /** Trial i's instance: a function of (seed, i) only. */
    Instance instance(int trial) {
        return InstanceSampler.draw(network, scan, config.loss(), config.initialization(), config.dataSize(),
                config.inputs(), config.data(), Xoshiro256PlusPlus.of(config.seed(), trial));
    }

    /** Per-trial results, stored by trial index: entry c of trial i at {@code i * entries + c}. */
    private static final class Store {
        final int entries;
        final double[] violation;
        final double[] magnitude;
        final double[] standardError;
        final double[] trialMagnitude;
        volatile boolean sampled;

        Store(int trials, int entries) {
            this.entries = entries;
            this.violation = new double[trials * entries];
            this.magnitude = new double[trials * entries];
            this.standardError = new double[trials * entries];
            this.trialMagnitude = new double[trials];
        }

        void put(int trial, SideEvaluator.Sides s, Relation relation) {
            double worst = 0;
            for (int c = 0; c < entries; c++) {
                double l = s.lhs()[c];
                double r = s.rhs()[c];
                int at = trial * entries + c;
                violation[at] = Agreement.violation(relation, l, r);
                magnitude[at] = Agreement.magnitude(l, r);
                worst = Double.isNaN(magnitude[at]) ? Double.NaN : Math.max(worst, magnitude[at]);
                if (!s.exact()) {
                    standardError[at] = s.differenceError()[c];
                    sampled = true;
                }
            }
            trialMagnitude[trial] = worst;
        }
    }

    private VerificationReport run(ProgressListener progress) {
        int trials = config.trials();
        Relation relation = identity.relation();
        SideEvaluator first = new SideEvaluator(identity, config.loss());
        SideEvaluator.Sides s0 = first.evaluate(instance(0));
        int entries = s0.lhs().length;
        if ((long) trials * entries > Integer.MAX_VALUE / 2) {
            throw org.neuromanifold.core.error.SpecificationException.expected(
                    org.neuromanifold.core.error.ErrorCode.OUT_OF_RANGE, "trials",
                    "at most " + (Integer.MAX_VALUE / 2 / entries) + " trials for sides with " + entries + " entries",
                    trials);
        }
        Store store = new Store(trials, entries);
        store.put(0, s0, relation);
        runTrials(store, progress);

        double floor = Agreement.typicalMagnitude(store.trialMagnitude);
        double z = config.zScore() != null ? config.zScore() : Agreement.bonferroniZ((long) trials * entries);
        double tol = config.tolerance();
        double maxAbs = 0;
        double maxRel = 0;
        int failed = 0;
        int firstFailed = -1;
        int vanishing = 0;
        for (int i = 0; i < trials; i++) {
            boolean trialFails = false;
            boolean zero = true;
            for (int c = 0; c < entries; c++) {
                int at = i * entries + c;
                double v = store.violation[at];
                double m = store.magnitude[at];
                maxAbs = Double.isNaN(v) ? Double.NaN : Math.max(maxAbs, v);
                maxRel = Double.isNaN(v) ? Double.NaN : Math.max(maxRel, Agreement.relative(v, m, floor));
                trialFails |= !Agreement.agrees(v, m, store.standardError[at], floor, tol, z);
                zero &= m == 0;
            }
            if (trialFails) {
                failed++;
                if (firstFailed < 0) {
                    firstFailed = i;
                }
            }
            if (zero) {
                vanishing++;
            }
        }

        Counterexample counterexample = null;
        int shrinkEvaluations = 0;
        if (firstFailed >= 0) {
            progress.shrinking();
            Instance failing = instance(firstFailed);
            Shrinker shrinker = new Shrinker(config, scan, first, floor, z, firstFailed);
            Shrinker.Shrunk shrunk = shrinker.shrink(failing, first.evaluate(failing));
            shrinkEvaluations = shrunk.evaluations();
            counterexample = counterexample(shrunk.instance(), shrunk.sides());
        }
        boolean expected = identity.expectedToHold(network, config.loss());
        VerificationResult result = new VerificationResult(identity.id(), config.activationLabel(), config.depth(),
                config.width(), config.bias(), trials, failed == 0, expected, maxAbs, maxRel, tol, counterexample);
        List<String> failing = identity.failingPreconditions(network, config.loss()).stream()
                .map(Precondition::statement).toList();
        return new VerificationReport(result, identity.title(), config.loss() == null ? null : config.loss().name(),
                network.widths(), scan.data() ? config.dataSize() : 0, config.seed(), failing, floor, z,
                !store.sampled, failed, firstFailed, vanishing, shrinkEvaluations);
    }

    /** Trials 1 … n−1 on worker threads; the calling thread reports progress and waits. */
    private void runTrials(Store store, ProgressListener progress) {
        int trials = config.trials();
        if (trials == 1) {
            progress.trials(1, 1);
            return;
        }
        AtomicInteger next = new AtomicInteger(1);
        AtomicInteger done = new AtomicInteger(1);
        AtomicReference<RuntimeException> error = new AtomicReference<>();
        Relation relation = identity.relation();
        int blocks = (trials - 1 + BLOCK - 1) / BLOCK;
        int workers = Math.min(config.threads(), blocks);
        Thread[] threads = new Thread[workers];
        for (int w = 0; w < workers; w++) {
            threads[w] = new Thread(() -> {
                SideEvaluator evaluator = new SideEvaluator(identity, config.loss());
                try {
                    while (error.get() == null) {
                        int from = next.getAndAdd(BLOCK);
                        if (from >= trials) {
                            return;
                        }
                        int to = Math.min(trials, from + BLOCK);
                        for (int i = from; i < to; i++) {
                            store.put(i, evaluator.evaluate(instance(i)), relation);
                        }
                        done.addAndGet(to - from);
                    }
                } catch (RuntimeException e) {
                    error.compareAndSet(null, e);
                }
            }, "verify-" + identity.id() + "-" + w);
            threads[w].setDaemon(true);
            threads[w].start();
        }
        try {
            for (Thread t : threads) {
                while (t.isAlive()) {
                    t.join(PROGRESS_MILLIS);
                    progress.trials(done.get(), trials);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error.compareAndSet(null, new IllegalStateException("verification interrupted", e));
            for (Thread t : threads) {
                t.interrupt();
            }
        }
        if (error.get() != null) {
            throw error.get();
        }
        progress.trials(trials, trials);
    }

    private Counterexample counterexample(Instance inst, SideEvaluator.Sides sides) {
        Network net = inst.network();
        double[] x = inst.x() != null ? inst.x() : inst.dataX() != null ? inst.dataX() : new double[0];
        double[] y = inst.y() != null ? inst.y() : scan.dataTargets() ? inst.dataY() : new double[0];
        String label = config.architecture() == null ? config.activationLabel()
                : VerificationConfig.activationLabel(net);
        return new Counterexample(net.widths(), label, !net.biasFree(), inst.theta(),
                net.layout().names(), x, y, positiveZero(sides.lhs()), positiveZero(sides.rhs()));
    }

    /** A copy with −0.0 written as 0.0 (a counterexample is read by people). */
    private static double[] positiveZero(double[] a) {
        double[] out = a.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += 0.0;
        }
        return out;
    }
}
