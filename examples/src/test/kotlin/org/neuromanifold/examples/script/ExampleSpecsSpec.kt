package org.neuromanifold.examples.script

import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldNotBeEmpty
import io.kotest.matchers.shouldBe
import io.kotest.matchers.types.shouldBeInstanceOf
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.Paths
import kotlin.io.path.name

/** The example specs shipped in `examples/specs` compile, run, and every check in them passes. */
class ExampleSpecsSpec : FunSpec({
    val specs: List<Path> = Files.list(Paths.get("specs")).use { files ->
        files.filter { it.name.endsWith(".nm.kts") }.sorted().toList()
    }

    test("there are example specs") {
        specs.shouldNotBeEmpty()
    }

    val host = SpecHost(cache = null)
    for (spec in specs) {
        test("${spec.name} runs and passes") {
            val run = host.run(spec, seed = 1)
            withClue({ describe(run) }) { run.shouldBeInstanceOf<SpecRun.Completed>() }
            val report = (run as SpecRun.Completed).report
            withClue(report.findings.filter { it.passed == false }.joinToString("\n") { "${it.line}: ${it.subject}" }) {
                report.passed shouldBe true
            }
            report.findings.filter { it.passed != null }.shouldNotBeEmpty()
        }
    }
})
