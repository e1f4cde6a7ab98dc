package org.neuromanifold.core.scalar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link TermPrinter}: golden outputs, and print-then-parse round trips on random terms. */
class TermPrinterTest {
    private static final Set<String> SYMBOLS = Set.of("z", "a");

    @ParameterizedTest(name = "{0} prints as {1}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
        "-z^2; -z^2",
        "(-z)^2; (-z)^2",
        "a/z/z; a/z/z",
        "z - (a + z); z - (a + z)",
        "z - a*z; z - a*z",
        "(z + a)^2; (z + a)^2",
        "z^a^2; z^a^2",
        "(z^a)^2; (z^a)^2",
        "2*z; 2*z",
        "z*2; 2*z",
        "0.5*z; 0.5*z",
        "-0.5*z; -0.5*z",
        "a - 0.5*z; a - 0.5*z",
        "exp(-z); exp(-z)",
        "relu(z); piecewise(z, 0, z)",
        "-1/z; -1/z",
        "z^-1; 1/z",
        "1/z; 1/z",
        "1/(z + a); 1/(z + a)",
        "(1/z)^2; (1/z)^2",
        "a - 1/z; a - 1/z",
        "z^(1/a); z^(1/a)",
        "1/(1/z); 1/(1/z)",
        "1/(-z); 1/(-z)",
        "a + 1/z^2; a + 1/z^2",
        "z^(a-1); z^(a - 1)",
        "-(z + a); -(z + a)",
        "a*(z + 1); a*(z + 1)",
        "1e-5*z; 1.0E-5*z",
        "1e20; 1.0E20",
        "z - 3; z - 3",
    })
    void golden(String formula, String printed) {
        assertEquals(printed, TermPrinter.print(TermParser.parse("f", formula, SYMBOLS)), formula);
    }

    @Test
    void numbers() {
        assertEquals("3", TermPrinter.number(3.0));
        assertEquals("-3", TermPrinter.number(-3.0));
        assertEquals("0", TermPrinter.number(-0.0));
        assertEquals("0.1", TermPrinter.number(0.1));
        assertEquals("1.0E15", TermPrinter.number(1e15));
        assertEquals("999999999999999", TermPrinter.number(999999999999999.0));
        assertEquals(0.1, Double.parseDouble(TermPrinter.number(0.1)), 0);
    }

    /**
     * Random terms over z and a (sums, products, quotients, integer and fractional powers, every
     * elementary function, piecewise), printed and parsed back, evaluate equal at random points.
     * The two terms may differ in constant folding and association, so they agree to rounding,
     * amplified by cancellation in sums: 10⁻⁹·max(1, |value|). Printing is also a fixed point after
     * one round trip.
     */
    @Test
    void printThenParseEvaluatesEqual() {
        SplittableRandom random = new SplittableRandom(424242);
        for (int n = 0; n < 400; n++) {
            assertRoundTrip(randomTerm(random, 4), random);
        }
    }

    static void assertRoundTrip(Term term, SplittableRandom random) {
        String printed = TermPrinter.print(term);
        Term reparsed = TermParser.parse("printed", printed, SYMBOLS);
        assertEquals(printed, TermPrinter.print(TermParser.parse("printed", TermPrinter.print(reparsed), SYMBOLS)),
                "printing is stable after one round trip");
        var original = TermCompiler.compile(term, List.of("z", "a"), Map.of());
        var roundTrip = TermCompiler.compile(reparsed, List.of("z", "a"), Map.of());
        for (int k = 0; k < 8; k++) {
            double[] x = {random.nextDouble(-2, 2), random.nextDouble(-2, 2)};
            double u = original.applyAsDouble(x);
            double v = roundTrip.applyAsDouble(x);
            if (Double.isNaN(u) && Double.isNaN(v) || u == v) {
                continue;
            }
            assertTrue(Math.abs(u - v) <= 1e-9 * Math.max(1, Math.abs(u)),
                    "\"" + printed + "\" at " + Arrays.toString(x) + ": " + u + " vs " + v + "\nterm "
                            + term + "\nreparsed " + reparsed);
        }
    }

    private static final double[] CONSTANTS = {0.5, 2, 3, -1.5, 0.25, 1e-3, 7, -1, 1.0 / 3};
    private static final int[] EXPONENTS = {2, 3, -1, -2};

    static Term randomTerm(SplittableRandom r, int depth) {
        if (depth == 0 || r.nextInt(10) < 2) {
            return switch (r.nextInt(3)) {
                case 0 -> Term.variable("z");
                case 1 -> Term.variable("a");
                default -> Term.constant(CONSTANTS[r.nextInt(CONSTANTS.length)]);
            };
        }
        return switch (r.nextInt(10)) {
            case 0 -> Term.sum(children(r, depth));
            case 1 -> Term.product(children(r, depth));
            case 2 -> Term.difference(randomTerm(r, depth - 1), randomTerm(r, depth - 1));
            case 3 -> Term.quotient(randomTerm(r, depth - 1), Term.sum(Term.constant(1.5),
                    Term.square(randomTerm(r, depth - 1))));
            case 4 -> Term.power(randomTerm(r, depth - 1), Term.constant(EXPONENTS[r.nextInt(EXPONENTS.length)]));
            case 5 -> Term.power(Term.sum(Term.ONE, Term.apply(Fn.ABS, randomTerm(r, depth - 1))),
                    randomTerm(r, depth - 1));
            case 6 -> Term.negate(randomTerm(r, depth - 1));
            case 7 -> new Term.Piecewise(randomTerm(r, depth - 1), randomTerm(r, depth - 1), randomTerm(r, depth - 1));
            default -> Term.apply(Fn.values()[r.nextInt(Fn.values().length)], randomTerm(r, depth - 1));
        };
    }

    private static List<Term> children(SplittableRandom r, int depth) {
        List<Term> out = new ArrayList<>();
        int n = 2 + r.nextInt(2);
        for (int i = 0; i < n; i++) {
            out.add(randomTerm(r, depth - 1));
        }
        return out;
    }
}
