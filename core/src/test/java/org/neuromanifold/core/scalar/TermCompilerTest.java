package org.neuromanifold.core.scalar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.neuromanifold.core.testing.SpecAssertions.assertSpecError;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.neuromanifold.core.error.ErrorCode;

/** Numeric evaluation of terms. */
class TermCompilerTest {

    @Test
    void variablesAreReadInTheGivenOrderAndOtherSymbolsFromTheBindings() {
        Term t = TermParser.parse("f", "x - 2*y + k^3", Set.of("x", "y", "k"));
        var f = TermCompiler.compile(t, List.of("y", "x"), Map.of("k", 2.0));
        assertEquals(10 - 2 * 1 + 8, f.applyAsDouble(new double[] {1, 10}), 0);
        assertEquals(-3 + 8, TermCompiler.evaluate(t, Map.of("x", 1.0, "y", 2.0, "k", 2.0)), 0);
    }

    @Test
    void aVariableShadowsABindingOfTheSameName() {
        Term t = Term.variable("z");
        assertEquals(4.0, TermCompiler.compile(t, "z", Map.of("z", 9.0)).applyAsDouble(4), 0);
    }

    @Test
    void unboundSymbolIsNamedWithTheVariablesAndBindings() {
        Term t = TermParser.parse("f", "z*omega", Set.of("z", "omega"));
        var e = assertSpecError(ErrorCode.UNKNOWN_SYMBOL, () -> TermCompiler.compile(t, "z", Map.of("iota", 0.1)),
                "'omega'", "[z]", "[iota]");
        assertEquals("omega", e.argument());
    }

    @Test
    void powersAndPiecewise() {
        var c = TermCompiler.compile(TermParser.parse("f", "z^-1 + z^2 + z^0.5 + z^3", Set.of("z")), "z", Map.of());
        assertEquals(0.25 + 16 + 2 + 64, c.applyAsDouble(4), 0);
        var pw = TermCompiler.compile(TermParser.parse("f", "piecewise(z, -1, 1)", Set.of("z")), "z", Map.of());
        assertEquals(-1, pw.applyAsDouble(-1e-300), 0);
        assertEquals(1, pw.applyAsDouble(0.0), 0, "condition = 0 takes the 'otherwise' branch");
        assertEquals(1, pw.applyAsDouble(-0.0), 0, "−0 is not < 0");
        assertEquals(1, pw.applyAsDouble(1), 0);
    }
}
