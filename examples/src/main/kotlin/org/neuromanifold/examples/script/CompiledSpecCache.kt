package org.neuromanifold.examples.script

import java.io.IOException
import java.net.URLClassLoader
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.Paths
import java.nio.file.StandardCopyOption
import java.nio.file.attribute.FileTime
import java.security.MessageDigest
import java.util.jar.Attributes
import java.util.jar.JarEntry
import java.util.jar.JarFile
import java.util.jar.JarOutputStream
import java.util.jar.Manifest
import kotlin.script.experimental.jvm.impl.KJvmCompiledModuleInMemory
import kotlin.script.experimental.jvm.impl.KJvmCompiledScript
import kotlin.script.experimental.jvm.impl.copyWithoutModule
import kotlin.script.experimental.jvm.impl.createScriptFromClassLoader
import kotlin.script.experimental.jvm.impl.scriptMetadataPath
import kotlin.script.experimental.jvm.impl.toBytes

/**
 * Compiled specs on disk, one jar per compilation, named by a SHA-256 [key] of everything the
 * compilation depends on: the script's text and file name, the Kotlin version, the script definition
 * and the classpath's [fingerprint][SpecClasspath.fingerprint]. A hit loads the script's classes from
 * the jar and skips the Kotlin compiler entirely, which is most of a spec's start-up.
 *
 * The jar holds the compiler's class files and the compiled script's metadata (as the Kotlin scripting
 * host's own jar cache does), and names the script class in its manifest. Writes go to a temporary
 * file that is then moved into place, so a reader never sees half a jar; a jar that cannot be read is
 * treated as a miss.
 *
 * The cache keeps the [maxEntries] most recently used jars (a few kilobytes each): a hit marks its jar
 * as used, and a store removes the least recently used beyond the limit, so editing a spec many times
 * does not fill the disk.
 *
 * @property directory  where the jars live (created on first store)
 * @property maxEntries how many compiled specs to keep
 */
class CompiledSpecCache @JvmOverloads constructor(val directory: Path, val maxEntries: Int = DEFAULT_MAX_ENTRIES) {
    init {
        require(maxEntries > 0) { "maxEntries: expected > 0, got $maxEntries" }
    }

    /** The cache key of a compilation. */
    fun key(scriptText: String, scriptFileName: String, classpathFingerprint: String): String {
        val digest = MessageDigest.getInstance("SHA-256")
        for (part in listOf(FORMAT, KotlinVersion.CURRENT.toString(), DEFAULT_IMPORTS.joinToString(","), JVM_TARGET,
            scriptFileName, classpathFingerprint, scriptText)) {
            digest.update(part.toByteArray(Charsets.UTF_8))
            digest.update(0)
        }
        return digest.digest().joinToString("") { "%02x".format(it) }
    }

    /** The jar of a key. */
    fun jarOf(key: String): Path = directory.resolve("$key.jar")

    /**
     * The compiled script stored under [key], its classes loaded by a new class loader under [parent];
     * `null` on a miss or an unreadable entry.
     */
    fun load(key: String, parent: ClassLoader): KJvmCompiledScript? {
        val jar = jarOf(key)
        if (!Files.isRegularFile(jar)) return null
        return try {
            val className = JarFile(jar.toFile()).use { it.manifest?.mainAttributes?.getValue(Attributes.Name.MAIN_CLASS) }
                ?: return null
            val loader = URLClassLoader("nm-spec-" + key.take(12), arrayOf(jar.toUri().toURL()), parent)
            createScriptFromClassLoader(className, loader).also {
                Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis()))
            }
        } catch (e: IOException) {
            null
        } catch (e: ClassNotFoundException) {
            null
        } catch (e: IllegalArgumentException) {
            null
        }
    }

    /**
     * Stores a freshly compiled script under [key].
     *
     * @throws IOException when the directory or the jar cannot be written
     * @throws IllegalArgumentException when the script was not compiled in memory (nothing to store)
     */
    fun store(key: String, script: KJvmCompiledScript) {
        val module = script.getCompiledModule() as? KJvmCompiledModuleInMemory
            ?: throw IllegalArgumentException("compiled spec ${script.scriptClassFQName}: its classes are not in memory")
        Files.createDirectories(directory)
        val manifest = Manifest().apply {
            mainAttributes[Attributes.Name.MANIFEST_VERSION] = "1.0"
            mainAttributes[Attributes.Name.MAIN_CLASS] = script.scriptClassFQName
        }
        val temporary = Files.createTempFile(directory, "spec-", ".jar.part")
        try {
            JarOutputStream(Files.newOutputStream(temporary), manifest).use { jar ->
                jar.putNextEntry(JarEntry(scriptMetadataPath(script.scriptClassFQName)))
                jar.write(script.copyWithoutModule().toBytes())
                jar.closeEntry()
                for ((path, bytes) in module.compilerOutputFiles.toSortedMap()) {
                    jar.putNextEntry(JarEntry(path))
                    jar.write(bytes)
                    jar.closeEntry()
                }
            }
            Files.move(temporary, jarOf(key), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE)
        } finally {
            Files.deleteIfExists(temporary)
        }
        prune()
    }

    /** Removes the least recently used jars beyond [maxEntries]; files that vanish meanwhile are skipped. */
    internal fun prune() {
        val jars = Files.list(directory).use { files ->
            files.filter { it.fileName.toString().endsWith(".jar") }.toList()
        }
        if (jars.size <= maxEntries) return
        val byLastUse = jars.mapNotNull { jar ->
            try {
                jar to Files.getLastModifiedTime(jar).toMillis()
            } catch (e: IOException) {
                null
            }
        }.sortedWith(compareBy<Pair<Path, Long>> { it.second }.thenBy { it.first.fileName.toString() })
        for ((jar, _) in byLastUse.take(byLastUse.size - maxEntries)) {
            try {
                Files.deleteIfExists(jar)
            } catch (e: IOException) {
                // another run may hold or have removed it; the next store tries again
            }
        }
    }

    companion object {
        /** The default number of compiled specs kept. */
        const val DEFAULT_MAX_ENTRIES: Int = 256

        /** Bumped when the layout of a cache entry changes. */
        private const val FORMAT = "neuromanifold-spec-cache-1"

        /**
         * `$NEUROMANIFOLD_CACHE/scripts`, else `$XDG_CACHE_HOME/neuromanifold/scripts`, else
         * `~/.cache/neuromanifold/scripts`.
         */
        @JvmStatic
        fun defaultDirectory(): Path {
            System.getenv("NEUROMANIFOLD_CACHE")?.takeIf { it.isNotBlank() }?.let { return Paths.get(it, "scripts") }
            val base = System.getenv("XDG_CACHE_HOME")?.takeIf { it.isNotBlank() }?.let { Paths.get(it) }
                ?: Paths.get(System.getProperty("user.home"), ".cache")
            return base.resolve("neuromanifold").resolve("scripts")
        }
    }
}
