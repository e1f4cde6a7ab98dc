package org.neuromanifold.examples.script

import java.lang.classfile.Attributes
import java.lang.classfile.ClassFile
import java.util.concurrent.ConcurrentHashMap

/**
 * Script lines from the JVM's stack. A compiled spec's frames carry the script's file name and a line
 * number; that is the script line, except inside code inlined from an `inline` function of the DSL
 * (`network { … }`, `model { … }`, `dataset { … }`), whose lines lie past the end of the script. Those
 * are traced to the calling line through the class's [SourceMap].
 *
 * @param scriptFileName the spec's file name, as the compiled classes record it
 */
internal class ScriptLines(private val scriptFileName: String) {
    private val walker: StackWalker = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
    private val sourceMaps = ConcurrentHashMap<String, Any>()

    /** The script line of the innermost frame of the current stack in the script, or 0 if none. */
    fun callerLine(): Int = walker.walk { frames ->
        frames.filter { it.fileName == scriptFileName && it.lineNumber > 0 }
            .map { scriptLine(it.className, it.lineNumber, it.declaringClass.classLoader) }
            .filter { it != null }.findFirst().map { it!! }.orElse(0)
    }

    /**
     * The script line of the innermost frame in the script of [error]'s stack trace, or else of its
     * causes', or `null` when no frame was in the script. [loader] loaded the script's classes.
     */
    fun lineOf(error: Throwable, loader: ClassLoader?): Int? {
        var e: Throwable? = error
        val seen = HashSet<Throwable>()
        while (e != null && seen.add(e)) {
            for (frame in e.stackTrace) {
                if (frame.fileName == scriptFileName && frame.lineNumber > 0) {
                    scriptLine(frame.className, frame.lineNumber, loader)?.let { return it }
                }
            }
            e = e.cause
        }
        return null
    }

    /** The script line of [line] in [className], or `null` for inlined code that maps nowhere in the script. */
    private fun scriptLine(className: String, line: Int, loader: ClassLoader?): Int? {
        val map = sourceMap(className, loader) ?: return line
        map.map("KotlinDebug", line)?.let { if (it.file == scriptFileName) return it.line }
        val own = map.map("Kotlin", line) ?: return line
        return if (own.file == scriptFileName) own.line else null
    }

    /** The class's source map, or `null` when it has none (no inlined code) or its bytes are unavailable. */
    private fun sourceMap(className: String, loader: ClassLoader?): SourceMap? {
        if (loader == null) return null
        val cached = sourceMaps.computeIfAbsent(className) { name ->
            val bytes = loader.getResourceAsStream(name.replace('.', '/') + ".class")?.use { it.readAllBytes() }
            val smap = bytes?.let { b ->
                try {
                    ClassFile.of().parse(b).findAttribute(Attributes.sourceDebugExtension()).orElse(null)
                        ?.let { SourceMap.parse(String(it.contents(), Charsets.UTF_8)) }
                } catch (e: IllegalArgumentException) {
                    null // not a class file the JDK can read: lines stay as the frames give them
                }
            }
            smap ?: NONE
        }
        return cached as? SourceMap
    }

    private companion object {
        private val NONE = Any()
    }
}
