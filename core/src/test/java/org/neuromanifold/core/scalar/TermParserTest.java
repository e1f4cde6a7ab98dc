package org.neuromanifold.core.scalar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuromanifold.core.testing.SpecAssertions.assertSpecError;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.neuromanifold.core.error.ErrorCode;

/** Precedence, associativity, functions, numbers and error positions of {@link TermParser}. */
class TermParserTest {
    private static final Set<String> SYMBOLS = Set.of("z", "a", "b", "c");
    private static final Map<String, Double> AT = Map.of("z", 3.0, "a", 8.0, "b", 2.0, "c", 4.0);

    static Term parse(String formula) {
        return TermParser.parse("formula", formula, SYMBOLS);
    }

    static double eval(String formula) {
        return TermCompiler.evaluate(parse(formula), AT);
    }

    /** Golden values at z = 3, a = 8, b = 2, c = 4 (exact in binary floating point). */
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
        "-z^2; -9",
        "(-z)^2; 9",
        "-2^2; -4",
        "2^3^2; 512",
        "(2^3)^2; 64",
        "2^-1; 0.5",
        "z^-2*9; 1",
        "a/b/c; 1",
        "a/(b/c); 16",
        "a-b-c; 2",
        "a-(b-c); 10",
        "2+3*4; 14",
        "(2+3)*4; 20",
        "2*3^2; 18",
        "-a*b; -16",
        "a*-b; -16",
        "--z; 3",
        "+z; 3",
        "z - -b; 5",
        "a / b * c; 16",
        "1e-3*1000; 1",
        "1.5E+2; 150",
        ".5*b; 1",
        "3.; 3",
        "2.5e1; 25",
        "max(a, b); 8",
        "max(b, a); 8",
        "min(a, b); 2",
        "min(-a, -b); -8",
        "relu(b - a); 0",
        "relu(a - b); 6",
        "piecewise(b - a, 5, 6); 5",
        "piecewise(a - b, 5, 6); 6",
        "piecewise(0, 5, 6); 6",
        "abs(-z); 3",
        "sqrt(c); 2",
        "exp(0) + log(1) + ln(1); 1",
        "tanh(0) + sech(0) + sin(0) + cos(0); 2",
        "sigmoid(0) + sigm(0) + logistic(0); 1.5",
        "arccos(1); 0",
        "EXP(0); 1",
        "  z  *  ( a + b )  ; 30",
    })
    void goldenValues(String formula, double expected) {
        assertEquals(expected, eval(formula), 0, formula);
    }

    @Test
    void constantsPiAndE() {
        assertEquals(Math.PI, eval("pi"), 0);
        assertEquals(Math.E, eval("e"), 0);
        assertEquals(1.0, eval("ln(e)"), 1e-16);
        // a bound symbol shadows the constant
        assertEquals(Term.variable("e"), TermParser.parse("f", "e", Set.of("e")));
    }

    @Test
    void structure() {
        Term z = Term.variable("z");
        assertEquals(Term.product(Term.MINUS_ONE, Term.power(z, Term.constant(2))), parse("-z^2"));
        assertEquals(Term.constant(512), parse("2^3^2"));
        assertEquals(new Term.Product(List.of(Term.variable("a"), new Term.Power(Term.variable("b"), Term.MINUS_ONE),
                new Term.Power(Term.variable("c"), Term.MINUS_ONE))), parse("a/b/c"));
        assertEquals(new Term.Power(z, new Term.Power(Term.variable("a"), Term.variable("b"))), parse("z^a^b"));
        assertEquals(new Term.Piecewise(Term.difference(z, Term.variable("a")), Term.variable("a"), z),
                parse("max(z, a)"));
        assertEquals(new Term.Piecewise(z, Term.ZERO, z), parse("relu(z)"));
        assertEquals(Term.constant(1e-3), parse("1e-3"));
        assertEquals(Term.apply(Fn.SIGMOID, z), parse("sigmoid(z)"));
    }

    @Test
    void emptyFormula() {
        assertSpecError(ErrorCode.FORMULA_SYNTAX, () -> parse(""), "formula", "empty");
        assertSpecError(ErrorCode.FORMULA_SYNTAX, () -> parse(" \t "), "empty");
        assertSpecError(ErrorCode.FORMULA_SYNTAX, () -> TermParser.parse("f", null, SYMBOLS), "empty");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
        "z^; 3; expected a number, symbol or '('",
        "(z; 3; expected ')'",
        "z +; 4; expected a number",
        "z + * 2; 5; unexpected character '*'",
        "z 2; 3; expected an operator or the end",
        "2z; 2; expected an operator or the end",
        "z)(; 2; expected an operator or the end",
        "(); 2; unexpected character ')'",
        "z $ 2; 3; expected an operator or the end",
        "$; 1; unexpected character '$'",
        "1.2.3; 1; malformed number '1.2.3'",
        ".; 1; malformed number '.'",
        "z + 1e400; 5; number '1e400' is too large for a double",
        "foo(z); 1; unknown function 'foo'",
        "z + bar(z, 1); 5; unknown function 'bar'",
        "max(z); 1; function 'max' takes 2 arguments, got 1",
        "relu(z, z); 1; function 'relu' takes 1 argument, got 2",
        "exp(); 1; function 'exp' takes 1 argument, got 0",
        "piecewise(z, 1); 1; function 'piecewise' takes 3 arguments, got 2",
        "max(z,; 7; expected a number",
    })
    void syntaxErrorsGiveThePosition(String formula, int position, String what) {
        assertSpecError(ErrorCode.FORMULA_SYNTAX, () -> parse(formula), "formula: ", what,
                "at position " + position + " of \"" + formula + "\"");
    }

    @Test
    void unknownFunctionListsTheKnownOnes() {
        var e = assertSpecError(ErrorCode.FORMULA_SYNTAX, () -> parse("softsign(z)"), "unknown function 'softsign'",
                "position 1");
        for (String f : List.of("exp", "log", "ln", "sqrt", "sin", "cos", "tanh", "sech", "sigmoid", "arccos", "abs",
                "max", "min", "relu", "piecewise")) {
            assertTrue(e.getMessage().contains(f), "lists " + f + ": " + e.getMessage());
        }
    }

    @Test
    void unknownSymbolListsTheAllowedOnes() {
        var e = assertSpecError(ErrorCode.UNKNOWN_SYMBOL, () -> parse("z + q"), "unknown symbol 'q'",
                "position 5", "[a, b, c, z]", "pi, e");
        assertEquals("formula", e.argument());
        assertSpecError(ErrorCode.UNKNOWN_SYMBOL, () -> TermParser.parse("f", "Z", Set.of("z")), "'Z'", "[z]");
    }
}
