package org.neuromanifold.examples.script

import java.io.IOException
import java.nio.file.Files
import java.nio.file.Path
import java.util.function.BooleanSupplier
import java.util.function.Consumer

/**
 * Runs a spec again each time its file changes, in the same JVM: after the first compilation the
 * compiler is loaded and warm, so an edited spec is recompiled in a fraction of a cold start. This is
 * `neuromanifold run --watch`.
 *
 * @param host       runs the spec
 * @param file       the spec file
 * @param pollMillis how often the file is read to see whether it changed
 */
class SpecWatcher(private val host: SpecHost, private val file: Path, private val pollMillis: Long = 200) {
    /**
     * Runs the spec, then again whenever its bytes change, until [stop] returns true (asked before every
     * poll). A file that cannot be read for a moment (an editor replacing it) counts as unchanged.
     *
     * @param onRun receives each run's outcome
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    fun watch(seed: Long, stop: BooleanSupplier, onRun: Consumer<SpecRun>) {
        var seen = read()
        onRun.accept(host.run(file, seed))
        while (!stop.asBoolean) {
            Thread.sleep(pollMillis)
            val now = read() ?: continue
            if (seen == null || !now.contentEquals(seen)) {
                seen = now
                onRun.accept(host.run(file, seed))
            }
        }
    }

    private fun read(): ByteArray? = try {
        Files.readAllBytes(file)
    } catch (e: IOException) {
        null
    }
}
