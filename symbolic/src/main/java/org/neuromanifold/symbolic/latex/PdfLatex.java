package org.neuromanifold.symbolic.latex;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs {@code pdflatex} on a document: in a fresh temporary directory, with
 * {@code -interaction=nonstopmode -halt-on-error -no-shell-escape}, stdin closed, under a time limit.
 * Returns the PDF, or the error lines of the log ({@code ! …} and the {@code l.N} context after it).
 *
 * <pre>{@code
 * Optional<PdfLatex> pdflatex = PdfLatex.locate();       // empty when it is not installed
 * PdfLatex.Result r = pdflatex.orElseThrow().compile(source, Duration.ofSeconds(60));
 * if (r instanceof PdfLatex.Result.Success s) Files.write(out, s.pdf());
 * }</pre>
 */
public final class PdfLatex {
    /** Environment variable naming the pdflatex executable (overrides the search on PATH). */
    public static final String EXECUTABLE_VARIABLE = "NEUROMANIFOLD_PDFLATEX";

    private static final String JOB = "document";
    private static final int LOG_TAIL_LINES = 40;

    private final Path executable;

    private PdfLatex(Path executable) {
        this.executable = executable;
    }

    /**
     * The {@code pdflatex} named by {@value #EXECUTABLE_VARIABLE}, or the first one on {@code PATH}; empty
     * when there is none.
     */
    public static Optional<PdfLatex> locate() {
        String configured = System.getenv(EXECUTABLE_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured);
            return Files.isExecutable(p) ? Optional.of(new PdfLatex(p)) : Optional.empty();
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir, "pdflatex");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(new PdfLatex(candidate));
            }
        }
        return Optional.empty();
    }

    /** A runner for the given executable. */
    public static PdfLatex at(Path executable) {
        return new PdfLatex(Objects.requireNonNull(executable, "executable"));
    }

    public Path executable() {
        return executable;
    }

    /** What a run produced. */
    public sealed interface Result permits Result.Success, Result.Failure {
        /** Wall-clock milliseconds of the run. */
        long millis();

        /**
         * The PDF.
         *
         * @param pdf    the file's bytes
         * @param millis elapsed milliseconds
         */
        record Success(byte[] pdf, long millis) implements Result {
            public Success {
                pdf = pdf.clone();
            }

            @Override
            public byte[] pdf() {
                return pdf.clone();
            }
        }

        /**
         * No PDF.
         *
         * @param reason  one sentence (exit code, time limit, no output)
         * @param errors  the error lines of the log: each {@code ! …} message with the lines up to its
         *                {@code l.N} source context
         * @param logTail the last lines of the log (or of the program's output when there is no log)
         * @param millis  elapsed milliseconds
         */
        record Failure(String reason, List<String> errors, String logTail, long millis) implements Result {
            public Failure {
                errors = List.copyOf(errors);
            }
        }
    }

    /** Compiles {@code source} under {@code limit}. Never throws for a failing document. */
    public Result compile(String source, Duration limit) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(limit, "limit");
        long t0 = System.nanoTime();
        Path dir = null;
        try {
            dir = Files.createTempDirectory("neuromanifold-latex");
            Files.writeString(dir.resolve(JOB + ".tex"), source, StandardCharsets.UTF_8);
            Path output = dir.resolve("pdflatex-output.txt");
            Process p = new ProcessBuilder(executable.toString(), "-interaction=nonstopmode", "-halt-on-error",
                    "-no-shell-escape", JOB + ".tex").directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            p.getOutputStream().close();
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
                return failure("pdflatex did not finish within " + limit.toMillis() + " ms", dir, output, t0);
            }
            Path pdf = dir.resolve(JOB + ".pdf");
            if (p.exitValue() == 0 && Files.isRegularFile(pdf)) {
                return new Result.Success(Files.readAllBytes(pdf), elapsed(t0));
            }
            return failure("pdflatex exited with code " + p.exitValue(), dir, output, t0);
        } catch (IOException e) {
            return new Result.Failure("could not run " + executable + ": " + e.getMessage(), List.of(), "", elapsed(t0));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result.Failure("interrupted while waiting for pdflatex", List.of(), "", elapsed(t0));
        } finally {
            if (dir != null) {
                deleteRecursively(dir);
            }
        }
    }

    private static Result failure(String reason, Path dir, Path output, long t0) throws IOException {
        Path log = dir.resolve(JOB + ".log");
        List<String> lines = Files.isRegularFile(log) ? readLenient(log)
                : Files.isRegularFile(output) ? readLenient(output) : List.of();
        int from = Math.max(0, lines.size() - LOG_TAIL_LINES);
        return new Result.Failure(reason, errorLines(lines), String.join("\n", lines.subList(from, lines.size())),
                elapsed(t0));
    }

    /**
     * Each {@code ! message} line with the lines after it up to and including the {@code l.N} context (at
     * most eight; stopping early at the next message or TeX's memory statistics).
     */
    static List<String> errorLines(List<String> log) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < log.size(); i++) {
            if (!log.get(i).startsWith("!")) {
                continue;
            }
            out.add(log.get(i));
            for (int j = i + 1; j < log.size() && j <= i + 8; j++) {
                String line = log.get(j);
                if (line.startsWith("!") || line.startsWith("Here is how much")) {
                    break;
                }
                out.add(line);
                if (line.startsWith("l.")) {
                    break;
                }
            }
        }
        return out;
    }

    /** TeX logs are not always valid UTF-8 (it splits long lines inside multi-byte characters). */
    private static List<String> readLenient(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).lines().toList();
    }

    private static long elapsed(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
