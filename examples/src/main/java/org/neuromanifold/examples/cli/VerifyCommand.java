package org.neuromanifold.examples.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.neuromanifold.core.catalogue.CatalogueIdentities;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;
import org.neuromanifold.core.expr.Identity;
import org.neuromanifold.numeric.verify.VerificationConfig;
import org.neuromanifold.numeric.verify.VerificationReport;
import org.neuromanifold.numeric.verify.Verifier;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code verify <id>}: checks an identity of the catalogue numerically on random networks and, when it
 * fails, shows the smallest counterexample found. The verdict is data: the exit code is 0 whether the
 * identity holds or not, and 2 for bad input.
 */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Checks an identity numerically on random networks (θ, x, y drawn from the seed) and "
                + "shrinks a failure to a small counterexample.",
            "Identities: euler, loss-euler, fisher-rao (--fisher empirical|model), hinge-grad."})
final class VerifyCommand implements Callable<Integer> {
    /** The ids this command checks (the catalogue identities stated as Expr terms). */
    static final List<String> IDS = List.of("euler", "loss-euler", "fisher-rao", "hinge-grad");

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "The identity: ${COMPLETION-CANDIDATES}.",
            completionCandidates = IdCandidates.class)
    private String id;

    @CommandLine.Mixin
    private ActivationOptions activation = new ActivationOptions();

    @Option(names = "--depth", defaultValue = "2", paramLabel = "L",
            description = "Hidden layers L (L+1 weight matrices; default ${DEFAULT-VALUE}).")
    private int depth;

    @Option(names = "--width", defaultValue = "8", paramLabel = "n",
            description = "Hidden width (default ${DEFAULT-VALUE}).")
    private int width;

    @Option(names = "--input-dim", paramLabel = "d", description = "Input width (default: the hidden width).")
    private Integer inputDim;

    @Option(names = "--output-dim", paramLabel = "k",
            description = "Output width (default 1; 3 for softmax-ce).")
    private Integer outputDim;

    @Option(names = "--bias", arity = "1", defaultValue = "false", paramLabel = "true|false",
            description = "Whether the layers have biases (default ${DEFAULT-VALUE}).")
    private boolean bias;

    @Option(names = "--loss", paramLabel = "LOSS", description = "square, bce, softmax-ce or hinge (default: hinge "
            + "for hinge-grad, square for loss-euler and fisher-rao; euler uses none).")
    private String loss;

    @Option(names = "--fisher", defaultValue = "empirical", paramLabel = "empirical|model",
            description = "For fisher-rao: the empirical Fisher or the model Fisher, y drawn from the model "
                    + "(default ${DEFAULT-VALUE}).")
    private String fisher;

    @Option(names = "--data-size", defaultValue = "4", paramLabel = "N",
            description = "Rows of the data set of loss-euler and fisher-rao (default ${DEFAULT-VALUE}).")
    private int dataSize;

    @Option(names = "--trials", defaultValue = "10000", paramLabel = "N",
            description = "Random instances (default ${DEFAULT-VALUE}).")
    private int trials;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Seed (default ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--tolerance", paramLabel = "TOL",
            description = "Relative tolerance (default " + VerificationConfig.DEFAULT_TOLERANCE + ").")
    private Double tolerance;

    @Option(names = "--threads", paramLabel = "T",
            description = "Worker threads (default: one per processor; results do not depend on it).")
    private Integer threads;

    @Option(names = "--json", description = "Print one JSON object on stdout instead of the table.")
    private boolean json;

    /** Completion candidates and the {@code ${COMPLETION-CANDIDATES}} of the help. */
    static final class IdCandidates implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return IDS.iterator();
        }
    }

    @Override
    public Integer call() {
        VerificationConfig config = config();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        VerificationReport report;
        try (VerifyProgress progress = new VerifyProgress(err, "verify " + id, VerifyProgress.onTerminal())) {
            report = Verifier.verify(config, progress);
        }
        if (json) {
            Json.print(out, VerifyOutput.json(report, config));
        } else {
            VerifyOutput.print(out, report, config);
        }
        return 0;
    }

    /** The verifier's configuration from the options (every value is checked by the builder). */
    VerificationConfig config() {
        VerificationConfig.Builder b = VerificationConfig.builder(identity()).depth(depth).width(width).bias(bias)
                .dataSize(dataSize).trials(trials).seed(seed);
        activation.apply(b);
        if (inputDim != null) {
            b.inputDim(inputDim);
        }
        if (outputDim != null) {
            b.outputDim(outputDim);
        }
        if (loss != null) {
            b.loss(loss);
        }
        if (tolerance != null) {
            b.tolerance(tolerance);
        }
        if (threads != null) {
            b.threads(threads);
        }
        return b.build();
    }

    private Identity identity() {
        if (!IDS.contains(id)) {
            throw new SpecificationException(ErrorCode.UNKNOWN_IDENTITY, "ID",
                    "ID: '" + id + "' is not an identity the numeric verifier checks; expected one of " + IDS);
        }
        if (!fisher.equals("empirical") && !fisher.equals("model")) {
            throw SpecificationException.expected(ErrorCode.OUT_OF_RANGE, "--fisher", "empirical or model",
                    "'" + fisher + "'");
        }
        if (id.equals("fisher-rao")) {
            return fisher.equals("model") ? CatalogueIdentities.FISHER_RAO_MODEL : CatalogueIdentities.FISHER_RAO;
        }
        if (fisher.equals("model")) {
            throw new SpecificationException(ErrorCode.UNSUPPORTED, "--fisher",
                    "--fisher: only fisher-rao has a model Fisher variant, not " + id);
        }
        return CatalogueIdentities.find(id).orElseThrow();
    }
}
