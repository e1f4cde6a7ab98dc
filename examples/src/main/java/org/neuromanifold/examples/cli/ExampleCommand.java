package org.neuromanifold.examples.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.neuromanifold.examples.programs.ExampleProgram;
import org.neuromanifold.examples.programs.ExamplePrograms;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code example <name>}: runs one of the readable example programs; {@code example --list} lists them.
 *
 * <p>Exit codes: 0 when every outcome was the one the theory predicts, 1 when one was not, 2 for an
 * unknown name (the message lists the known ones).
 */
@Command(name = "example", mixinStandardHelpOptions = true,
        description = {"Run a readable example program: it declares a model, verifies numerically, derives "
                + "symbolically and writes LaTeX (and a PDF when pdflatex is installed).",
            "Their sources are in examples/src/main/{kotlin,java}/org/neuromanifold/examples/programs."})
final class ExampleCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Parameters(index = "0", arity = "0..1", paramLabel = "<name>", description = "The example (see --list).")
    private String name;

    @Option(names = "--list", description = "List the example programs.")
    private boolean list;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write the LaTeX (default: out/examples/<name>).")
    private Path out;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        if (list || name == null) {
            printList(stdout);
            return 0;
        }
        ExampleProgram program = ExamplePrograms.require(name);
        Path dir = out != null ? out : Path.of("out", "examples", program.getName());
        if (!common.json()) {
            return program.run(dir, common.seed(), stdout) ? 0 : 1;
        }
        // With --json the program's own text goes to stderr and stdout carries one JSON document.
        StringWriter text = new StringWriter();
        boolean asPredicted = program.run(dir, common.seed(), new PrintWriter(text, true));
        spec.commandLine().getErr().print(text);
        spec.commandLine().getErr().flush();
        ObjectNode o = Json.object();
        o.put("example", program.getName());
        o.put("seed", common.seed());
        o.put("asPredicted", asPredicted);
        ArrayNode files = o.putArray("files");
        for (String extension : new String[] {".tex", ".pdf"}) {
            Path file = dir.resolve(program.getName() + extension);
            if (Files.exists(file)) {
                files.add(file.toString());
            }
        }
        o.put("output", text.toString());
        Json.print(stdout, o);
        return asPredicted ? 0 : 1;
    }

    private void printList(PrintWriter stdout) {
        if (common.json()) {
            ArrayNode a = Json.MAPPER.createArrayNode();
            for (ExampleProgram p : ExamplePrograms.getAll()) {
                a.addObject().put("name", p.getName()).put("summary", p.getSummary()).put("source", p.getSource());
            }
            Json.print(stdout, a);
            return;
        }
        Table t = new Table("example", "shows", "source");
        for (ExampleProgram p : ExamplePrograms.getAll()) {
            t.row(p.getName(), p.getSummary(), p.getSource());
        }
        t.print(stdout);
        stdout.println("Run one with: neuromanifold example <name> [--out DIR]");
        stdout.flush();
    }
}
