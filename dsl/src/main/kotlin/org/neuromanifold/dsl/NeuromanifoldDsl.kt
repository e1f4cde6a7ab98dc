package org.neuromanifold.dsl

/**
 * The marker on every receiver of the DSL ([NetworkScope], [DatasetScope], [ModelScope], [Notation],
 * [PreconditionScope]). Inside a nested block only the innermost receiver is implicit, so calling an
 * outer builder's method from an inner block (say `loss = …` inside `network { … }` inside `model { … }`)
 * is a compile error rather than a silent change to the outer object.
 */
@DslMarker
@Target(AnnotationTarget.CLASS)
annotation class NeuromanifoldDsl
