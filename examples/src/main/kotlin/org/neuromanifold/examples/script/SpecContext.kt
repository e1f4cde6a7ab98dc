package org.neuromanifold.examples.script

import org.neuromanifold.numeric.random.Xoshiro256PlusPlus
import java.util.random.RandomGenerator

/**
 * The implicit receiver of a spec script: what a spec can see of the run that evaluates it.
 *
 * @property report   where the spec reports what it found (checks, values, verdicts, derivations, LaTeX)
 * @property seed     the run's seed (`--seed`); a spec draws every random number from it
 * @property specName the script's file name, e.g. `euler.nm.kts`
 */
class SpecContext(val report: SpecReport, val seed: Long, val specName: String) {
    /**
     * A generator seeded from [seed] (independent streams by [stream]), so the same `--seed` gives the
     * same numbers bit for bit.
     */
    fun random(stream: Long = 0): RandomGenerator = Xoshiro256PlusPlus.of(seed, stream)
}
