package org.neuromanifold.examples.cli;

import java.io.PrintWriter;

import org.neuromanifold.core.error.SpecificationException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code neuromanifold} command-line program. Every command takes {@code --seed} and {@code --json};
 * with {@code --json} stdout carries exactly one JSON document and everything else goes to stderr.
 */
@Command(name = "neuromanifold", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = "The mathematics of neural networks: derive, verify, compute.",
        subcommands = {CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Builds the command line with its subcommands and error handling. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        for (Object command : Commands.all()) {
            cl.addSubcommand(command);
        }
        cl.setExecutionExceptionHandler(Main::handleExecutionException);
        return cl;
    }

    /** Exit codes: 0 success, 1 a verdict the caller asked to fail on, 2 bad input, 3 internal error. */
    private static int handleExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (e instanceof SpecificationException se) {
            err.println("neuromanifold: " + se.getMessage() + " [" + se.code() + "]");
            return 2;
        }
        if (e instanceof IllegalArgumentException iae) {
            err.println("neuromanifold: " + iae.getMessage());
            return 2;
        }
        err.println("neuromanifold: internal error: " + e);
        e.printStackTrace(err);
        return 3;
    }

    public static void main(String[] args) {
        int code = commandLine().execute(args);
        System.exit(code);
    }
}
