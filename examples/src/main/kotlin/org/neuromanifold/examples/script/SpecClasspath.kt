package org.neuromanifold.examples.script

import java.io.File
import java.nio.file.Files
import java.security.MessageDigest
import kotlin.script.experimental.jvm.util.classpathFromClassloader

/**
 * The classpath specs are compiled against: the program's own (the launcher's `-cp`, or a test
 * runner's), so a spec can use every class the program has, and nothing else.
 */
object SpecClasspath {
    /**
     * The program's classpath as files: the entries of the class loader that loaded the DSL (a
     * manifest-only jar, as test runners use, is expanded to its `Class-Path`).
     *
     * @throws IllegalStateException when the class loader's classpath cannot be found
     */
    fun current(): List<File> {
        val loader = SpecScript::class.java.classLoader
        val files = classpathFromClassloader(loader, true)
            ?: throw IllegalStateException("cannot determine the program's classpath from its class loader $loader")
        return files.filter { it.exists() }.map { it.absoluteFile }.distinct()
    }

    /**
     * A digest that changes when any class on the classpath changes: path, size and modification time of
     * every jar, and of every file under every directory. A compiled spec inlines the DSL's inline
     * functions and links against its signatures, so it must not outlive a change to them.
     */
    fun fingerprint(classpath: List<File>): String {
        val digest = MessageDigest.getInstance("SHA-256")
        fun add(text: String) = digest.update((text + "\n").toByteArray(Charsets.UTF_8))
        for (entry in classpath) {
            add(entry.path)
            if (entry.isDirectory) {
                Files.walk(entry.toPath()).use { paths ->
                    paths.filter { Files.isRegularFile(it) }.sorted().forEach { p ->
                        add("  ${entry.toPath().relativize(p)} ${Files.size(p)} ${Files.getLastModifiedTime(p).toMillis()}")
                    }
                }
            } else {
                add("  ${entry.length()} ${entry.lastModified()}")
            }
        }
        return digest.digest().joinToString("") { "%02x".format(it) }
    }
}
