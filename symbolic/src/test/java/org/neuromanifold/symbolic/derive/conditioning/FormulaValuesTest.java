package org.neuromanifold.symbolic.derive.conditioning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;

class FormulaValuesTest {
    private static final String PHI1 = "E^(-z1^2/2)/Sqrt[2*Pi]";
    private static final String PHI2 = "E^(-z2^2/2)/Sqrt[2*Pi]";

    @Test
    void oneDimensionalGaussianIntegralsByPanels() {
        double v = FormulaValues.scalar(SymjaOps.parse("Integrate[z1^2*" + PHI1 + ", {z1, -Infinity, Infinity}]"),
                Map.of());
        assertEquals(1, v, 1e-14);
        double half = FormulaValues.scalar(SymjaOps.parse("Integrate[Piecewise[{{0, z1 < 0}}, q*z1^2]*" + PHI1
                + ", {z1, -Infinity, Infinity}]"), Map.of("q", 3.0));
        assertEquals(1.5, half, 1e-13);
    }

    @Test
    void multipleGaussianIntegralsByTensorGaussHermite() {
        // E[(μ1 + σ z1)(μ2 + σ z2)] = μ1 μ2 for independent standard normals
        String f = "Integrate[(mu1 + sigma*z1)*(mu2 + sigma*z2)*" + PHI1 + "*" + PHI2
                + ", {z1, -Infinity, Infinity}, {z2, -Infinity, Infinity}]";
        assertEquals(0.7 * -1.3, FormulaValues.scalar(SymjaOps.parse(f), Map.of("mu1", 0.7, "mu2", -1.3, "sigma", 2.0)),
                1e-12);
        String g = "Integrate[(mu1 + sigma*z1)^2*" + PHI1 + "*" + PHI2 + ", {z1, -Infinity, Infinity}, "
                + "{z2, -Infinity, Infinity}]";
        assertEquals(0.49 + 4, FormulaValues.scalar(SymjaOps.parse(g), Map.of("mu1", 0.7, "sigma", 2.0)), 1e-12);
    }

    @Test
    void derivativesAndListsByTheCoreDifferentiator() {
        double x = 1.5;
        double y = -2;
        assertArrayEquals(new double[] {2 * y, 2 * x, 2 * x, 0},
                FormulaValues.of(SymjaOps.parse("D[x^2*y, {{x, y}, 2}]"), Map.of("x", x, "y", y)), 1e-14);
        assertArrayEquals(new double[] {2 * x * y, x * x, 0, 3 * y * y},
                FormulaValues.of(SymjaOps.parse("D[{x^2*y, y^3}, {{x, y}}]"), Map.of("x", x, "y", y)), 1e-14);
        assertArrayEquals(new double[] {1, x, y, x * y},
                FormulaValues.of(SymjaOps.parse("{{1, x}, {y, x*y}}"), Map.of("x", x, "y", y)), 0);
    }

    @Test
    void sumsTermByTerm() {
        assertEquals(2 * 0.3, FormulaValues.scalar(SymjaOps.parse("Sum[(2/n)*q, {j, 1, n}]"),
                Map.of("n", 7.0, "q", 0.3)), 1e-15);
        assertEquals(55, FormulaValues.scalar(SymjaOps.parse("Sum[j, {j, 1, n}]"), Map.of("n", 10.0)), 0);
    }

    @Test
    void unsupportedFormsAreRefusedWithTheirText() {
        SpecificationException e = assertThrows(SpecificationException.class, () -> FormulaValues.scalar(
                SymjaOps.parse("Integrate[D[x^2, x], {x, 0, 1}]"), Map.of()));
        assertEquals(ErrorCode.UNSUPPORTED, e.code());
        SpecificationException shape = assertThrows(SpecificationException.class, () -> FormulaValues.scalar(
                SymjaOps.parse("{1, 2}"), Map.of()));
        assertEquals(ErrorCode.SHAPE_MISMATCH, shape.code());
    }
}
