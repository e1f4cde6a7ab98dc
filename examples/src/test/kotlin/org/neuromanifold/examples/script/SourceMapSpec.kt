package org.neuromanifold.examples.script

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.nulls.shouldBeNull
import io.kotest.matchers.shouldBe

/** JSR-45 source maps as the Kotlin compiler writes them for a script that calls inline builders. */
class SourceMapSpec : FunSpec({
    // The SMAP of a compiled spec (euler.nm.kts, 71 lines) calling model { … } on lines 19, 20, 28, 29.
    val smap = listOf(
        "SMAP", "euler.nm.kts", "Kotlin",
        "*S Kotlin", "*F",
        "+ 1 euler.nm.kts", "Euler_nm",
        "+ 2 ModelScope.kt", "org/neuromanifold/dsl/ModelScopeKt",
        "+ 3 ModelScope.kt", "org/neuromanifold/dsl/ModelScope",
        "+ 4 fake.kt", "kotlin/jvm/internal/FakeKt",
        "*L", "1#1,71:1", "92#2,2:72", "94#2:77", "92#2,3:78", "92#2,3:81", "39#3,3:74", "1#4:84",
        "*S KotlinDebug", "*F", "+ 1 euler.nm.kts", "Euler_nm",
        "*L", "19#1:72,2", "19#1:77", "28#1:78,3", "29#1:81,3", "20#1:74,3",
        "*E",
    ).joinToString("\n")

    test("the script's own lines map to themselves") {
        val map = SourceMap.parse(smap)!!
        map.map("Kotlin", 1) shouldBe SourceMap.Position("euler.nm.kts", 1)
        map.map("Kotlin", 71) shouldBe SourceMap.Position("euler.nm.kts", 71)
    }

    test("inlined lines map to the inline function's file and to the calling line") {
        val map = SourceMap.parse(smap)!!
        // 92#2,2:72 — ModelScope.kt lines 92, 93 run as lines 72, 73
        map.map("Kotlin", 73) shouldBe SourceMap.Position("ModelScope.kt", 93)
        map.map("Kotlin", 80) shouldBe SourceMap.Position("ModelScope.kt", 94)
        // 19#1:72,2 — both come from the call on line 19; 20#1:74,3 covers 74..76
        map.map("KotlinDebug", 72) shouldBe SourceMap.Position("euler.nm.kts", 19)
        map.map("KotlinDebug", 73) shouldBe SourceMap.Position("euler.nm.kts", 19)
        map.map("KotlinDebug", 76) shouldBe SourceMap.Position("euler.nm.kts", 20)
        map.map("KotlinDebug", 83) shouldBe SourceMap.Position("euler.nm.kts", 29)
    }

    test("lines outside every range, and text that is no SMAP, map nowhere") {
        val map = SourceMap.parse(smap)!!
        map.map("KotlinDebug", 5).shouldBeNull()
        map.map("KotlinDebug", 85).shouldBeNull()
        map.map("NoSuchStratum", 1).shouldBeNull()
        SourceMap.parse("not a source map").shouldBeNull()
    }
})
