package org.neuromanifold.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.function.Executable;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;

/** Assertions on {@link SpecificationException}: the stable code and the facts the message must name. */
public final class SpecAssertions {
    private SpecAssertions() {
    }

    /**
     * Asserts that {@code action} throws a {@link SpecificationException} with {@code code} whose message
     * contains every fragment (the argument, the expected and the actual value, ...).
     */
    public static SpecificationException assertSpecError(ErrorCode code, Executable action, String... fragments) {
        SpecificationException e = assertThrows(SpecificationException.class, action);
        assertEquals(code, e.code(), () -> "error code of: " + e.getMessage());
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment),
                    () -> "message \"" + e.getMessage() + "\" does not mention \"" + fragment + "\"");
        }
        return e;
    }
}
