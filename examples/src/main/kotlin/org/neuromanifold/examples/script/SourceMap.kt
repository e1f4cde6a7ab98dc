package org.neuromanifold.examples.script

/**
 * The JSR-45 source map (SMAP) the Kotlin compiler writes into a class's `SourceDebugExtension`
 * attribute. Code inlined from an `inline` function (`network { … }`, `model { … }`) runs under line
 * numbers past the end of the file; the `Kotlin` stratum maps them to the inline function's own file,
 * the `KotlinDebug` stratum to the line of the call site. Both are read here, so a stack frame in
 * inlined code can be traced to the script line that called it.
 *
 * Line section entries have the form `InputStartLine[#FileId][,RepeatCount]:OutputStartLine[,Increment]`:
 * input line `InputStartLine + i` (0 ≤ i < RepeatCount) covers output lines
 * `OutputStartLine + i·Increment` up to (excluding) `OutputStartLine + (i+1)·Increment`.
 */
internal class SourceMap private constructor(private val strata: Map<String, Stratum>) {
    /** One source position: the file's name as the SMAP gives it, and the line in it. */
    data class Position(val file: String, val line: Int)

    private class Range(val inputStart: Int, val fileId: Int, val repeat: Int, val outputStart: Int, val increment: Int)

    private class Stratum(val files: Map<Int, String>, val ranges: List<Range>) {
        fun map(outputLine: Int): Position? {
            for (r in ranges) {
                val offset = outputLine - r.outputStart
                if (offset >= 0 && offset < r.repeat * r.increment) {
                    return Position(files[r.fileId] ?: return null, r.inputStart + offset / r.increment)
                }
            }
            return null
        }
    }

    /** Where output line [line] of the class comes from in [stratum] (`Kotlin` or `KotlinDebug`), if mapped. */
    fun map(stratum: String, line: Int): Position? = strata[stratum]?.map(line)

    companion object {
        /** Parses an SMAP; `null` if it is not one. */
        fun parse(text: String): SourceMap? {
            val lines = text.lines()
            if (lines.firstOrNull()?.trim() != "SMAP") return null
            val strata = LinkedHashMap<String, Stratum>()
            var name: String? = null
            var files = LinkedHashMap<Int, String>()
            var ranges = mutableListOf<Range>()
            var section = ""
            var lastFileId = 0
            var i = 3 // SMAP, output file name, default stratum
            fun close() {
                name?.let { strata[it] = Stratum(files, ranges) }
            }
            while (i < lines.size) {
                val line = lines[i].trim()
                i++
                when {
                    line.startsWith("*S ") -> {
                        close()
                        name = line.substring(3).trim()
                        files = LinkedHashMap()
                        ranges = mutableListOf()
                        section = ""
                        lastFileId = 0
                    }
                    line == "*F" || line == "*L" -> section = line
                    line.startsWith("*") -> section = ""
                    section == "*F" && line.isNotEmpty() -> {
                        // "+ id name" followed by a path line, or "id name"
                        val withPath = line.startsWith("+")
                        val parts = line.removePrefix("+").trim().split(Regex("\\s+"), limit = 2)
                        val id = parts[0].toIntOrNull() ?: return null
                        files[id] = parts.getOrElse(1) { "" }
                        if (withPath) i++
                    }
                    section == "*L" && line.isNotEmpty() -> {
                        val range = range(line, lastFileId) ?: return null
                        lastFileId = range.fileId
                        ranges += range
                    }
                }
            }
            close()
            return SourceMap(strata)
        }

        private val ENTRY = Regex("(\\d+)(?:#(\\d+))?(?:,(\\d+))?:(\\d+)(?:,(\\d+))?")

        private fun range(entry: String, lastFileId: Int): Range? {
            val m = ENTRY.matchEntire(entry) ?: return null
            val (inputStart, fileId, repeat, outputStart, increment) = m.destructured
            return Range(inputStart.toInt(), fileId.toIntOrNull() ?: lastFileId, repeat.toIntOrNull() ?: 1,
                outputStart.toInt(), increment.toIntOrNull() ?: 1)
        }
    }
}
