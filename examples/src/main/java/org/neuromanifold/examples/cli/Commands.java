package org.neuromanifold.examples.cli;

import java.util.List;

/** The subcommands, in the order the help lists them. */
final class Commands {
    private Commands() {
    }

    static List<Object> all() {
        return List.of(new CatalogueCommand(), new VerifyCommand(), new DeriveCommand(), new RunCommand(),
                new ExampleCommand());
    }
}
