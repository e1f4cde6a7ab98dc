package org.neuromanifold.examples.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.neuromanifold.core.result.Counterexample;
import org.neuromanifold.core.result.VerificationResult;
import org.neuromanifold.numeric.verify.VerificationConfig;
import org.neuromanifold.numeric.verify.VerificationReport;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** How {@code verify} shows a {@link VerificationReport}: a short table for people, one JSON object for tools. */
final class VerifyOutput {
    private VerifyOutput() {
    }

    static String verdict(boolean holds) {
        return holds ? "holds" : "fails";
    }

    /** The human-readable report. */
    static void print(PrintWriter out, VerificationReport report, VerificationConfig config) {
        VerificationResult r = report.result();
        out.println(r.id() + ": " + report.title());
        new Table("id", "activation", "depth", "width", "bias", "trials", "expected", "observed", "max abs err",
                "max rel err", "tolerance")
                .row(r.id(), r.activation(), r.depth(), r.width(), r.bias(), r.trials(), verdict(r.expected()),
                        verdict(r.holds()), Table.num(r.maxAbsError()), Table.num(r.maxRelError()),
                        Table.num(r.tolerance()))
                .print(out);
        out.println();
        out.println(r.asPredicted()
                ? "As predicted: the identity " + verdict(r.holds()) + (r.expected() ? "." : ", and the preconditions "
                        + "said it need not hold.")
                : "Not as predicted: the preconditions say it should " + (r.expected() ? "hold" : "fail")
                        + ", but it " + verdict(r.holds()) + ".");
        for (String p : report.failingPreconditions()) {
            out.println("  precondition not met: " + p);
        }
        out.println("Networks: widths " + widths(report.widths()) + (report.loss() == null ? "" : ", loss "
                + report.loss()) + (report.dataSize() > 0 ? ", " + report.dataSize() + " data rows" : "")
                + ", seed " + report.seed() + ".");
        out.println("Rule: |lhs - rhs| <= tol * max(|lhs|, |rhs|, m)" + (report.exact() ? ""
                : " + z * SE (z = " + Table.num(report.zScore()) + ")") + ", m = " + Table.num(report.scale())
                + " (median size of the sides); " + (report.exact() ? "every evaluation exact."
                        : "Monte Carlo expectations."));
        if (report.vanishingTrials() > 0) {
            out.println("Note: in " + report.vanishingTrials() + " of " + r.trials()
                    + " trials both sides were exactly 0.");
        }
        if (!r.holds()) {
            out.println("Failed in " + report.failedTrials() + " of " + r.trials() + " trials (first: trial "
                    + report.firstFailedTrial() + ").");
        }
        Counterexample ce = r.counterexample();
        if (ce != null) {
            out.println();
            out.println("Smallest counterexample found (" + report.shrinkEvaluations()
                    + " evaluations spent shrinking):");
            out.println("  network: widths " + widths(ce.widths()) + ", activation " + ce.activation() + ", "
                    + (ce.bias() ? "with biases" : "no biases"));
            int pad = Math.max(3, ce.parameterNames().stream().mapToInt(String::length).max().orElse(0));
            for (int i = 0; i < ce.theta().length; i++) {
                out.println("  " + padded(ce.parameterNames().get(i), pad) + " = " + value(ce.theta()[i]));
            }
            int d = ce.widths()[0];
            int k = ce.widths()[ce.widths().length - 1];
            out.println("  " + padded("x", pad) + " = " + rows(ce.x(), d));
            out.println("  " + padded("y", pad) + " = " + (ce.y().length == 0 ? "(not used)" : rows(ce.y(), k)));
            out.println("  " + padded("lhs", pad) + " = " + vector(ce.lhs()));
            out.println("  " + padded("rhs", pad) + " = " + vector(ce.rhs()));
        }
        out.flush();
    }

    private static String widths(int[] w) {
        return Arrays.stream(w).mapToObj(Integer::toString).collect(Collectors.joining(" -> "));
    }

    private static String padded(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }

    /** A value as people write it: 1, -0.5, 0.25 exactly; others to six significant digits. */
    static String value(double v) {
        if (Double.isFinite(v)) {
            String exact = java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
            if (exact.length() <= 8) {
                return exact;
            }
        }
        return Table.num(v);
    }

    private static String vector(double[] v) {
        return Arrays.stream(v).mapToObj(VerifyOutput::value).collect(Collectors.joining(", ", "[", "]"));
    }

    /** Row-major rows of width w: one row as a vector, several as a list of vectors. */
    private static String rows(double[] a, int w) {
        if (a.length <= w) {
            return vector(a);
        }
        return IntStream.range(0, a.length / w).mapToObj(r -> vector(Arrays.copyOfRange(a, r * w, r * w + w)))
                .collect(Collectors.joining(", ", "[", "]"));
    }

    /** The one JSON object of {@code --json}. */
    static ObjectNode json(VerificationReport report, VerificationConfig config) {
        VerificationResult r = report.result();
        ObjectNode o = Json.object();
        o.put("id", r.id());
        o.put("title", report.title());
        o.put("activation", r.activation());
        o.put("outputActivation", config.outputActivation().label());
        o.put("depth", r.depth());
        o.put("width", r.width());
        o.put("bias", r.bias());
        o.put("trials", r.trials());
        o.put("holds", r.holds());
        o.put("expected", r.expected());
        Json.putNumber(o, "maxAbsError", r.maxAbsError());
        Json.putNumber(o, "maxRelError", r.maxRelError());
        Json.putNumber(o, "tolerance", r.tolerance());
        if (report.loss() == null) {
            o.putNull("loss");
        } else {
            o.put("loss", report.loss());
        }
        ArrayNode widths = o.putArray("widths");
        Arrays.stream(report.widths()).forEach(widths::add);
        o.put("dataSize", report.dataSize());
        o.put("seed", report.seed());
        ArrayNode pre = o.putArray("failingPreconditions");
        report.failingPreconditions().forEach(pre::add);
        Json.putNumber(o, "scale", report.scale());
        o.put("exact", report.exact());
        if (report.exact()) {
            o.putNull("zScore"); // no standard errors entered the verdict
        } else {
            Json.putNumber(o, "zScore", report.zScore());
        }
        o.put("failedTrials", report.failedTrials());
        o.put("firstFailedTrial", report.firstFailedTrial());
        o.put("vanishingTrials", report.vanishingTrials());
        Counterexample ce = r.counterexample();
        if (ce == null) {
            o.putNull("counterexample");
        } else {
            ObjectNode c = o.putObject("counterexample");
            ArrayNode w = c.putArray("widths");
            Arrays.stream(ce.widths()).forEach(w::add);
            c.put("activation", ce.activation());
            c.put("bias", ce.bias());
            ObjectNode theta = c.putObject("theta");
            List<String> names = ce.parameterNames();
            for (int i = 0; i < names.size(); i++) {
                Json.putNumber(theta, names.get(i), ce.theta()[i]);
            }
            array(c, "x", ce.x());
            array(c, "y", ce.y());
            array(c, "lhs", ce.lhs());
            array(c, "rhs", ce.rhs());
            c.put("shrinkEvaluations", report.shrinkEvaluations());
        }
        return o;
    }

    private static void array(ObjectNode o, String field, double[] values) {
        ArrayNode a = o.putArray(field);
        for (double v : values) {
            if (Double.isFinite(v)) {
                a.add(v);
            } else {
                a.add(Double.toString(v));
            }
        }
    }
}
