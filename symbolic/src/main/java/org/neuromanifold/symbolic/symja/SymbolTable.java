package org.neuromanifold.symbolic.symja;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * A bidirectional map between core symbol names (a {@code Term.Var}'s name, a parameter name such as
 * {@code W0[1,2]}) and Symja symbol names.
 *
 * <p>A core name is kept as it is when Symja can use it unchanged. Otherwise it is sanitised: runs of
 * characters other than letters and digits become a single {@code x} ({@code W0[1,2]} → {@code W0x1x2},
 * {@code b1[0]} → {@code b1x0}); a name that starts with a digit, or that Symja would read as a built-in
 * ({@code E}, {@code I}, {@code N}, {@code D}, {@code C}, {@code Pi}, but also {@code beta}, {@code gamma},
 * {@code pi}, which Symja prints as {@code Beta}, {@code Gamma}, {@code Pi}), gets the prefix {@code v}
 * ({@code beta} → {@code vbeta}); a name already taken by another core name gets a numeric suffix.
 *
 * <p>Symja symbols that were never registered map back to themselves ({@link #coreName} returns the
 * Symja name), so expressions that Symja produced from scratch can be read back too.
 */
public final class SymbolTable {
    private final Map<String, String> coreToSymja = new LinkedHashMap<>();
    private final Map<String, String> symjaToCore = new HashMap<>();

    private SymbolTable() {
    }

    /** An empty table. */
    public static SymbolTable create() {
        return new SymbolTable();
    }

    /** The Symja name of {@code coreName}, allocating it on first use. */
    public synchronized String symjaName(String coreName) {
        Objects.requireNonNull(coreName, "coreName");
        String known = coreToSymja.get(coreName);
        if (known != null) {
            return known;
        }
        SymjaRuntime.prepareThread();
        String base = sanitise(coreName);
        if (!safe(base)) {
            base = "v" + base;
        }
        String candidate = base;
        for (int k = 2; symjaToCore.containsKey(candidate) || !safe(candidate); k++) {
            candidate = base + k;
        }
        coreToSymja.put(coreName, candidate);
        symjaToCore.put(candidate, coreName);
        return candidate;
    }

    /** The Symja symbol of {@code coreName} (call on a thread prepared for Symja). */
    ISymbol symbol(String coreName) {
        return F.symbol(symjaName(coreName));
    }

    /**
     * The core name of a Symja symbol: the registered one, or {@code symjaName} itself when it was never
     * registered.
     */
    public synchronized String coreName(String symjaName) {
        return symjaToCore.getOrDefault(Objects.requireNonNull(symjaName, "symjaName"), symjaName);
    }

    /** The registered core name of {@code symjaName}, if it was registered. */
    public synchronized Optional<String> registeredCoreName(String symjaName) {
        return Optional.ofNullable(symjaToCore.get(symjaName));
    }

    /** The mapping core name → Symja name, in registration order. */
    public synchronized Map<String, String> mapping() {
        return Map.copyOf(coreToSymja);
    }

    /** Letters and digits kept, every other run of characters replaced by one {@code x}. */
    static String sanitise(String coreName) {
        String joined = Arrays.stream(coreName.split("[^A-Za-z0-9]+")).filter(s -> !s.isEmpty())
                .collect(Collectors.joining("x"));
        if (joined.isEmpty()) {
            return "v";
        }
        return Character.isDigit(joined.charAt(0)) ? "v" + joined : joined;
    }

    /** Whether Symja reads and prints {@code name} as a plain user symbol of that exact name. */
    private static boolean safe(String name) {
        ISymbol s = F.symbol(name);
        return !s.isBuiltInSymbol() && s.getSymbolName().equals(name) && s.toMMA().equals(name);
    }

    @Override
    public synchronized String toString() {
        return "SymbolTable" + coreToSymja;
    }
}
