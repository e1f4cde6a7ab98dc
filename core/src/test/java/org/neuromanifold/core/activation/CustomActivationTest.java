package org.neuromanifold.core.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuromanifold.core.testing.SpecAssertions.assertSpecError;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neuromanifold.core.error.ErrorCode;

/** User-defined activations from a formula. */
class CustomActivationTest {

    @Test
    void swishHasTheTextbookDerivatives() {
        CustomActivation swish = CustomActivation.of("swish", "z*sigmoid(z)");
        for (int k = -20; k <= 20; k++) {
            double z = k / 4.0;
            double s = 1 / (1 + Math.exp(-z));
            assertEquals(z * s, swish.value(z), 1e-15 * Math.max(1, Math.abs(z)));
            assertEquals(s + z * s * (1 - s), swish.derivative(z), 1e-14);
            assertEquals(s * (1 - s) * (2 + z * (1 - 2 * s)), swish.secondDerivative(z), 1e-14);
        }
        assertEquals("swish", swish.name());
        assertFalse(swish.positivelyHomogeneous());
        assertTrue(swish.hyperparameters().isEmpty());
        assertEquals("swish", swish.label());
    }

    @Test
    void hyperparametersAreBoundAndShownInTheLabel() {
        CustomActivation a = CustomActivation.of("scaled", "beta*z", Map.of("beta", 1.5), true);
        assertEquals(3.0, a.value(2), 0);
        assertEquals(1.5, a.derivative(-7), 0);
        assertEquals(0.0, a.secondDerivative(-7), 0);
        assertEquals("scaled(beta=1.5)", a.label());
        assertEquals(Map.of("beta", 1.5), a.hyperparameters());
        assertEquals("beta*z", a.formula());
    }

    /**
     * The label lists hyperparameters sorted by name. With a hash-ordered map the order would depend on
     * the JVM's per-run salt, and the label (shown in tables and JSON) would change from run to run.
     */
    @Test
    void labelOrderIsDeterministic() {
        var a = CustomActivation.of("c", "a*z + b*z + cc*z + dd*z + e1*z",
                Map.of("dd", 4.0, "b", 2.0, "e1", 5.0, "a", 1.0, "cc", 3.0), true);
        assertEquals("c(a=1.0, b=2.0, cc=3.0, dd=4.0, e1=5.0)", a.label());
        assertEquals(List.of("a", "b", "cc", "dd", "e1"),
                List.copyOf(a.hyperparameters().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> a.hyperparameters().put("f", 1.0));
    }

    @Test
    void formulaErrorsNameTheActivation() {
        assertSpecError(ErrorCode.FORMULA_SYNTAX, () -> CustomActivation.of("bad", "z*("),
                "activation 'bad' formula", "position 4");
        assertSpecError(ErrorCode.UNKNOWN_SYMBOL, () -> CustomActivation.of("bad", "z*beta"),
                "activation 'bad' formula", "'beta'", "[z]");
        assertSpecError(ErrorCode.FORMULA_SYNTAX, () -> CustomActivation.of("blank", "  "),
                "activation 'blank' formula", "empty");
    }

    @Test
    void hyperparameterErrorsNameTheActivationAndTheSymbol() {
        assertSpecError(ErrorCode.NOT_FINITE,
                () -> CustomActivation.of("c", "beta*z", Map.of("beta", Double.NaN), false),
                "activation 'c' hyperparameter beta", "NaN");
        assertSpecError(ErrorCode.OUT_OF_RANGE, () -> CustomActivation.of("c", "z", Map.of("z", 1.0), false),
                "activation 'c'", "'z' is the variable");
    }

    @Test
    void equalityIsByNameFormulaHyperparametersAndDeclaration() {
        CustomActivation a = CustomActivation.of("s", "z*sigmoid(b*z)", Map.of("b", 1.0), false);
        CustomActivation same = CustomActivation.of("s", "z * sigmoid(b * z)", Map.of("b", 1.0), false);
        assertEquals(a, same);
        assertEquals(a.hashCode(), same.hashCode());
        assertNotEquals(a, CustomActivation.of("s", "z*sigmoid(b*z)", Map.of("b", 2.0), false));
        assertNotEquals(a, CustomActivation.of("t", "z*sigmoid(b*z)", Map.of("b", 1.0), false));
        assertNotEquals(a, CustomActivation.of("s", "z*sigmoid(b*z)", Map.of("b", 1.0), true));
        assertNotEquals(a, CustomActivation.of("s", "sigmoid(b*z)*z", Map.of("b", 1.0), false));
        assertTrue(a.toString().contains("z*sigmoid(b*z)"), a.toString());
    }

    @Test
    void formulaPrintsBackToAnEquivalentFormula() {
        CustomActivation a = CustomActivation.of("m", "max(0.1*z, z) - z^2/3", Map.of(), false);
        CustomActivation reparsed = CustomActivation.of("m", a.formula(), Map.of(), false);
        for (int k = -12; k <= 12; k++) {
            double z = k / 3.0 + 0.01;
            assertEquals(a.value(z), reparsed.value(z), 1e-15 * Math.max(1, Math.abs(a.value(z))));
            assertEquals(a.derivative(z), reparsed.derivative(z), 1e-15 * Math.max(1, Math.abs(a.derivative(z))));
        }
    }
}
