package org.neuromanifold.examples.cli;

import picocli.CommandLine.Option;

/** Options every command takes. */
final class CommonOptions {
    @Option(names = "--seed", defaultValue = "1", description = "Seed of every random choice (default ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--json", description = "Print one JSON document on stdout (logs go to stderr).")
    private boolean json;

    long seed() {
        return seed;
    }

    boolean json() {
        return json;
    }
}
