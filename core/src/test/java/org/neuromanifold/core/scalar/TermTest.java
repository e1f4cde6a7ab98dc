package org.neuromanifold.core.scalar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The smart constructors of {@link Term} fold constants and flatten nesting; the records validate. */
class TermTest {
    private static final Term Z = Term.variable("z");
    private static final Term A = Term.variable("a");

    @Test
    void sumFoldsConstantsDropsZerosAndFlattens() {
        assertEquals(Term.constant(5), Term.sum(Term.constant(2), Term.constant(3)));
        assertEquals(Z, Term.sum(Z, Term.ZERO));
        assertEquals(Term.ZERO, Term.sum(Term.constant(2), Term.constant(-2)));
        assertEquals(Term.ZERO, Term.sum(List.of()));
        assertEquals(new Term.Sum(List.of(Z, A, Term.constant(3))),
                Term.sum(Term.constant(1), Term.sum(Z, Term.constant(2)), A));
    }

    @Test
    void productFoldsConstantsZeroAndOnesAndFlattens() {
        assertEquals(Term.constant(6), Term.product(Term.constant(2), Term.constant(3)));
        assertEquals(Z, Term.product(Term.ONE, Z));
        assertEquals(Term.ZERO, Term.product(Z, Term.ZERO, A));
        assertEquals(Term.ONE, Term.product(List.of()));
        assertEquals(new Term.Product(List.of(Term.constant(6), Z, A)),
                Term.product(Term.constant(2), Term.product(Z, Term.constant(3)), A));
        assertEquals(Z, Term.product(Term.MINUS_ONE, Term.MINUS_ONE, Z));
    }

    @Test
    void powerFolds() {
        assertEquals(Term.ONE, Term.power(Z, Term.ZERO));
        assertEquals(Z, Term.power(Z, Term.ONE));
        assertEquals(Term.constant(8), Term.power(Term.constant(2), Term.constant(3)));
        assertEquals(new Term.Power(Z, Term.constant(2)), Term.square(Z));
        // a non-finite constant power is kept symbolic
        assertEquals(new Term.Power(Term.ZERO, Term.MINUS_ONE), Term.power(Term.ZERO, Term.MINUS_ONE));
        assertEquals(Term.constant(0.5), Term.power(Term.constant(2), Term.MINUS_ONE));
        assertEquals(Term.constant(-27), Term.power(Term.constant(-3), Term.constant(3)));
        assertEquals(Term.constant(0.0625), Term.power(Term.constant(0.5), Term.constant(4)));
        assertEquals(Term.constant(Math.pow(2, 60)), Term.power(Term.constant(2), Term.constant(60)));
        assertEquals(Term.constant(0x1p-1022), Term.power(Term.constant(2), Term.constant(-1022)));
    }

    /** Powers whose value would be rounded stay symbolic: the exact meaning matters to computer algebra. */
    @Test
    void powerDoesNotFoldRoundedValues() {
        assertEquals(new Term.Power(Term.constant(3), Term.MINUS_ONE), Term.power(Term.constant(3), Term.MINUS_ONE));
        assertEquals(new Term.Power(Term.constant(2), Term.constant(0.5)),
                Term.power(Term.constant(2), Term.constant(0.5)));
        assertEquals(new Term.Power(Term.constant(0.1), Term.constant(2)),
                Term.power(Term.constant(0.1), Term.constant(2)), "0.1·0.1 rounds");
        assertEquals(new Term.Power(Term.constant(3), Term.constant(40)),
                Term.power(Term.constant(3), Term.constant(40)),
                "3^40 > 2^53 is not representable");
        assertEquals(new Term.Power(Term.constant(2), Term.constant(-1074)),
                Term.power(Term.constant(2), Term.constant(-1074)), "subnormal");
        // "z/3" keeps the 3 and prints back as written; numerically it is the same z·fl(1/3)
        Term third = TermParser.parse("f", "z/3", Set.of("z"));
        assertEquals(Term.quotient(Z, Term.constant(3)), third);
        assertEquals("z/3", TermPrinter.print(third));
        assertEquals(7 * (1.0 / 3), TermCompiler.compile(third, "z", Map.of()).applyAsDouble(7), 0);
    }

    @Test
    void derivedConstructors() {
        assertEquals(new Term.Product(List.of(Term.MINUS_ONE, Z)), Term.negate(Z));
        assertEquals(Term.constant(-4), Term.negate(Term.constant(4)));
        assertEquals(new Term.Sum(List.of(Z, new Term.Product(List.of(Term.MINUS_ONE, A)))), Term.difference(Z, A));
        assertEquals(new Term.Product(List.of(Z, new Term.Power(A, Term.MINUS_ONE))), Term.quotient(Z, A));
        // no like-term collection: z − z stays a sum (simplification is the symbolic module's job)
        assertEquals(new Term.Sum(List.of(Z, Term.negate(Z))), Term.difference(Z, Z));
    }

    @Test
    void applyFoldsExactValuesOnly() {
        assertEquals(Term.ONE, Term.apply(Fn.EXP, Term.ZERO));
        assertEquals(Term.ZERO, Term.apply(Fn.LOG, Term.ONE));
        assertEquals(Term.constant(2), Term.apply(Fn.ABS, Term.constant(-2)));
        assertEquals(Term.constant(3), Term.apply(Fn.SQRT, Term.constant(9)));
        assertEquals(Term.ZERO, Term.apply(Fn.ARCCOS, Term.ONE));
        assertInstanceOf(Term.Apply.class, Term.apply(Fn.EXP, Term.ONE), "e stays symbolic");
        assertInstanceOf(Term.Apply.class, Term.apply(Fn.SQRT, Term.constant(2)));
        assertInstanceOf(Term.Apply.class, Term.apply(Fn.SIGMOID, Term.ZERO), "1/2 is not an integer");
        assertInstanceOf(Term.Apply.class, Term.apply(Fn.TANH, Z));
        assertEquals(Term.constant(1 << 30), Term.apply(Fn.SQRT, Term.constant(Math.pow(2, 60))));
        assertEquals(Term.ONE, Term.apply(Fn.COS, Term.ZERO));
        assertEquals(Term.ZERO, Term.apply(Fn.TANH, Term.ZERO));
        assertEquals(Term.ONE, Term.apply(Fn.SECH, Term.ZERO));
    }

    /** Results that only round to an integer stay symbolic: tanh(20) is not 1, exp(−800) is not 0. */
    @Test
    void applyDoesNotFoldRoundedIntegers() {
        assertInstanceOf(Term.Apply.class, Term.apply(Fn.TANH, Term.constant(20)));
        assertInstanceOf(Term.Apply.class, Term.apply(Fn.EXP, Term.constant(-800)));
        assertInstanceOf(Term.Apply.class, Term.apply(Fn.SIGMOID, Term.constant(40)));
        assertInstanceOf(Term.Apply.class, Term.apply(Fn.SECH, Term.constant(800)));
        assertInstanceOf(Term.Apply.class, Term.apply(Fn.COS, Term.constant(1e-9)));
        assertInstanceOf(Term.Apply.class, Term.apply(Fn.LOG, Term.constant(1 + 1e-15)));
        assertInstanceOf(Term.Apply.class, Term.apply(Fn.SQRT, Term.constant(Math.nextUp(4.0))));
        // the parser folds the same way: tanh(20) keeps its exact meaning for computer algebra
        assertInstanceOf(Term.Apply.class, TermParser.parse("f", "tanh(20)", Set.of()));
    }

    @Test
    void recordsValidate() {
        assertThrows(IllegalArgumentException.class, () -> new Term.Const(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new Term.Var(""));
        assertThrows(NullPointerException.class, () -> new Term.Var(null));
        assertThrows(NullPointerException.class, () -> new Term.Power(Z, null));
        assertThrows(NullPointerException.class, () -> new Term.Apply(null, Z));
        assertThrows(NullPointerException.class, () -> new Term.Piecewise(Z, Z, null));
        // an empty sum or product has no first term; printing it used to throw IndexOutOfBoundsException
        assertThrows(IllegalArgumentException.class, () -> new Term.Sum(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Term.Product(List.of()));
        assertEquals("z", TermPrinter.print(new Term.Sum(List.of(Z))));
        assertEquals("z", TermPrinter.print(new Term.Product(List.of(Z))));
    }

    @Test
    void sumsAndProductsAreImmutableCopies() {
        List<Term> parts = new ArrayList<>(List.of(Z, A));
        Term.Sum s = new Term.Sum(parts);
        parts.add(Term.ONE);
        assertEquals(2, s.terms().size());
        assertThrows(UnsupportedOperationException.class, () -> s.terms().add(Z));
        Term.Product p = new Term.Product(parts);
        assertThrows(UnsupportedOperationException.class, () -> p.factors().add(Z));
    }

    @Test
    void fnLookup() {
        for (Fn fn : Fn.values()) {
            assertEquals(fn, Fn.byFormulaName(fn.formulaName()).orElseThrow());
            assertEquals(fn, Fn.byFormulaName(fn.formulaName().toUpperCase(Locale.ROOT)).orElseThrow());
        }
        assertEquals(Fn.LOG, Fn.byFormulaName("ln").orElseThrow());
        assertEquals(Fn.SIGMOID, Fn.byFormulaName("sigm").orElseThrow());
        assertEquals(Fn.SIGMOID, Fn.byFormulaName("logistic").orElseThrow());
        assertEquals(true, Fn.byFormulaName("max").isEmpty());
    }

    /** Fn values against java.lang.Math and the textbook definitions, including the stable sigmoid. */
    @Test
    void fnValues() {
        for (double x : new double[] {-30, -2.5, -0.1, 0, 0.1, 0.7, 2.5, 30}) {
            assertEquals(1 / (1 + Math.exp(-x)), Fn.SIGMOID.apply(x), 1e-16, "sigmoid " + x);
            assertEquals(1 / Math.cosh(x), Fn.SECH.apply(x), 1e-16);
            assertEquals(Math.abs(x), Fn.ABS.apply(x), 0);
        }
        assertEquals(0.0, Fn.SIGMOID.apply(-1e300), 0);
        assertEquals(1.0, Fn.SIGMOID.apply(1e300), 0);
        assertEquals(Math.exp(-700), Fn.SIGMOID.apply(-700), 1e-15 * Math.exp(-700),
                "relative accuracy in the left tail");
    }
}
