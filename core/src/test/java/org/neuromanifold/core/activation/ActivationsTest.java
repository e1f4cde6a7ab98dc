package org.neuromanifold.core.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.neuromanifold.core.testing.SpecAssertions.assertSpecError;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.scalar.Term;

/** Lookup by name, defaults, labels and validation of hyperparameters. */
class ActivationsTest {

    @ParameterizedTest
    @ValueSource(doubles = {-0.1, -1e-300, 1.0, 1.5, 1e300})
    void leakyReluIotaOutsideHalfOpenUnitIntervalIsRejected(double iota) {
        assertSpecError(ErrorCode.OUT_OF_RANGE, () -> new LeakyRelu(iota), "leaky-relu iota", "[0.0, 1.0)",
                String.valueOf(iota));
        assertSpecError(ErrorCode.OUT_OF_RANGE, () -> new SmoothPrelu(iota, 0.5), "prelu-smooth iota",
                String.valueOf(iota));
        assertSpecError(ErrorCode.OUT_OF_RANGE, () -> Activations.named("leaky-relu", iota, null, null),
                "leaky-relu iota", String.valueOf(iota));
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void nonFiniteHyperparametersAreRejected(double bad) {
        String shown = String.valueOf(bad);
        assertSpecError(ErrorCode.NOT_FINITE, () -> new LeakyRelu(bad), "leaky-relu iota", "finite", shown);
        assertSpecError(ErrorCode.NOT_FINITE, () -> new SmoothPrelu(bad, 0.5), "prelu-smooth iota", shown);
        assertSpecError(ErrorCode.NOT_FINITE, () -> new SmoothPrelu(0.1, bad), "prelu-smooth omega", shown);
        assertSpecError(ErrorCode.NOT_FINITE, () -> new Elu(bad), "elu alpha", shown);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -0.0, -1e-12, -3})
    void nonPositiveOmegaAndAlphaAreRejected(double bad) {
        assertSpecError(ErrorCode.OUT_OF_RANGE, () -> new SmoothPrelu(0.1, bad), "prelu-smooth omega", "> 0",
                String.valueOf(bad));
        assertSpecError(ErrorCode.OUT_OF_RANGE, () -> Activations.named("prelu-smooth", null, bad, null),
                "prelu-smooth omega");
        assertSpecError(ErrorCode.OUT_OF_RANGE, () -> new Elu(bad), "elu alpha", "> 0", String.valueOf(bad));
        assertSpecError(ErrorCode.OUT_OF_RANGE, () -> Activations.named("elu", null, null, bad), "elu alpha");
    }

    @Test
    void boundaryValuesAreAccepted() {
        assertEquals(0.0, new LeakyRelu(0.0).iota());
        assertEquals(Math.nextDown(1.0), new LeakyRelu(Math.nextDown(1.0)).iota());
        assertEquals(Double.MIN_VALUE, new SmoothPrelu(0, Double.MIN_VALUE).omega());
        assertEquals(Double.MIN_VALUE, new Elu(Double.MIN_VALUE).alpha());
    }

    @Test
    void unknownNameListsTheKnownNames() {
        var e = assertSpecError(ErrorCode.UNKNOWN_ACTIVATION, () -> Activations.named("relu6"), "'relu6'");
        for (String name : Activations.NAMES) {
            assertEquals(true, e.getMessage().contains(name), "message lists " + name + ": " + e.getMessage());
        }
        assertEquals("activation", e.argument());
        assertSpecError(ErrorCode.UNKNOWN_ACTIVATION, () -> Activations.named("ReLU"), "'ReLU'");
        assertThrows(NullPointerException.class, () -> Activations.named(null));
    }

    @Test
    void namesAndDefaults() {
        assertEquals(List.of("identity", "relu", "leaky-relu", "prelu-smooth", "tanh", "sigmoid", "elu", "softplus"),
                Activations.NAMES);
        List<Activation> all = Activations.all();
        assertEquals(Activations.NAMES, all.stream().map(Activation::name).toList());
        assertEquals(new LeakyRelu(Activations.DEFAULT_IOTA), Activations.named("leaky-relu"));
        assertEquals(new SmoothPrelu(Activations.DEFAULT_IOTA, Activations.DEFAULT_OMEGA),
                Activations.named("prelu-smooth"));
        assertEquals(new Elu(Activations.DEFAULT_ALPHA), Activations.named("elu"));
        assertEquals(new SmoothPrelu(0.2, 0.3), Activations.named("prelu-smooth", 0.2, 0.3, 9.0));
        assertEquals(new Elu(0.4), Activations.named("elu", 0.2, 0.3, 0.4));
        assertInstanceOf(IdentityActivation.class, Activations.named("linear"));
        assertEquals(new LeakyRelu(0.3), Activations.named("prelu", 0.3, null, null));
        for (Activation a : all) {
            assertEquals(a, Activations.named(a.name()), "named(name()) round trip");
            assertEquals(a.hashCode(), Activations.named(a.name()).hashCode());
        }
        assertNotEquals(new LeakyRelu(0.1), new LeakyRelu(0.2));
    }

    @Test
    void labelsShowHyperparametersInDeclarationOrder() {
        assertEquals("relu", new Relu().label());
        assertEquals("leaky-relu(iota=0.1)", new LeakyRelu(0.1).label());
        assertEquals("prelu-smooth(iota=0.1, omega=0.5)", new SmoothPrelu(0.1, 0.5).label());
        assertEquals("elu(alpha=2.0)", new Elu(2).label());
    }

    /** Every symbol of the symbolic form other than z is bound by hyperparameters(), and nothing else is. */
    @Test
    void hyperparameterMapsBindExactlyTheFreeSymbols() {
        List<Activation> all = new ArrayList<>(Activations.all());
        all.add(CustomActivation.of("c", "a*z + log(1 + exp(b*z))", Map.of("a", 1.0, "b", 2.0), false));
        for (Activation a : all) {
            Set<String> free = symbols(a.symbolic());
            free.remove(Activation.VARIABLE);
            assertEquals(free, a.hyperparameters().keySet(), a.label());
        }
    }

    @Test
    void hyperparameterMapsAreUnmodifiable() {
        for (Activation a : Activations.all()) {
            assertThrows(UnsupportedOperationException.class, () -> a.hyperparameters().put("x", 1.0), a.label());
        }
    }

    static Set<String> symbols(Term t) {
        Set<String> out = new HashSet<>();
        collect(t, out);
        return out;
    }

    private static void collect(Term t, Set<String> out) {
        switch (t) {
            case Term.Const c -> {
            }
            case Term.Var v -> out.add(v.name());
            case Term.Sum s -> s.terms().forEach(x -> collect(x, out));
            case Term.Product p -> p.factors().forEach(x -> collect(x, out));
            case Term.Power p -> {
                collect(p.base(), out);
                collect(p.exponent(), out);
            }
            case Term.Apply a -> collect(a.argument(), out);
            case Term.Piecewise pw -> {
                collect(pw.condition(), out);
                collect(pw.whenNegative(), out);
                collect(pw.otherwise(), out);
            }
        }
    }
}
