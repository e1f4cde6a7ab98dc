package org.neuromanifold.symbolic.latex;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.neuromanifold.core.result.Derivation;

/**
 * A LaTeX document with one section per derivation, compilable with {@code pdflatex} from Debian's
 * {@code texlive-latex-base} alone: the preamble uses only {@code amsmath}, {@code amssymb} and
 * {@code geometry}, which that package ships. The output is deterministic (no date).
 *
 * <pre>{@code
 * LatexReport report = LatexReport.titled("Neuromanifold catalogue")
 *         .introduction("Every step is checked symbolically and numerically.")
 *         .add(derivation).build();
 * Files.writeString(path, report.source());
 * PdfLatex.locate().map(p -> p.compile(report.source(), Duration.ofSeconds(60)));
 * }</pre>
 */
public final class LatexReport {
    /** The packages of the preamble (all in {@code texlive-latex-base}). */
    public static final List<String> PACKAGES = List.of("geometry", "amsmath", "amssymb");

    private final String title;
    private final String author;
    private final String introduction;
    private final List<Derivation> derivations;
    private final List<String> summary;
    private final java.util.Map<Derivation, List<String>> notes;
    private final DerivationLatex renderer;

    private LatexReport(Builder b) {
        this.title = b.title;
        this.author = b.author;
        this.introduction = b.introduction;
        this.derivations = List.copyOf(b.derivations);
        this.summary = List.copyOf(b.summary);
        this.notes = new java.util.IdentityHashMap<>(b.notes);
        this.renderer = b.renderer;
    }

    /** A report builder with the given title. */
    public static Builder titled(String title) {
        return new Builder(Objects.requireNonNull(title, "title"));
    }

    /** Collects the parts of a report. */
    public static final class Builder {
        private final String title;
        private String author = "";
        private String introduction = "";
        private final List<Derivation> derivations = new ArrayList<>();
        private final List<String> summary = new ArrayList<>();
        private final java.util.Map<Derivation, List<String>> notes = new java.util.IdentityHashMap<>();
        private DerivationLatex renderer;

        private Builder(String title) {
            this.title = title;
        }

        /** The author line (plain text). */
        public Builder author(String text) {
            this.author = Objects.requireNonNull(text, "author");
            return this;
        }

        /** A paragraph before the first section (plain text; see {@link LatexText#sentence}). */
        public Builder introduction(String text) {
            this.introduction = Objects.requireNonNull(text, "introduction");
            return this;
        }

        /** Appends a section. */
        public Builder add(Derivation d) {
            derivations.add(Objects.requireNonNull(d, "derivation"));
            return this;
        }

        /** Summary lines after the introduction, as a list (plain text; Unicode mathematics is typeset). */
        public Builder summary(List<String> lines) {
            lines.forEach(l -> summary.add(Objects.requireNonNull(l, "summary line")));
            return this;
        }

        /**
         * Appends a section with notes after the derivation (plain text lines, e.g. the cross-checks of
         * the result against the numeric engine).
         */
        public Builder add(Derivation d, List<String> sectionNotes) {
            add(d);
            notes.put(d, List.copyOf(sectionNotes));
            return this;
        }

        /** Appends sections in order. */
        public Builder addAll(List<Derivation> ds) {
            ds.forEach(this::add);
            return this;
        }

        /** How derivations are rendered (default: scalars through the shared Symja engine). */
        public Builder renderer(DerivationLatex r) {
            this.renderer = Objects.requireNonNull(r, "renderer");
            return this;
        }

        public LatexReport build() {
            if (renderer == null) {
                renderer = new DerivationLatex(FormulaLatex.standard());
            }
            return new LatexReport(this);
        }
    }

    /** The derivations, in section order. */
    public List<Derivation> derivations() {
        return derivations;
    }

    /** The complete document source. */
    public String source() {
        StringBuilder b = new StringBuilder();
        b.append("\\documentclass[11pt]{article}\n");
        b.append("\\usepackage[margin=2cm]{geometry}\n");
        b.append("\\usepackage{amsmath}\n");
        b.append("\\usepackage{amssymb}\n");
        b.append("\\allowdisplaybreaks\n");
        b.append("\\title{").append(LatexText.escape(title)).append("}\n");
        b.append("\\author{").append(LatexText.escape(author)).append("}\n");
        b.append("\\date{}\n");
        b.append("\\begin{document}\n\\maketitle\n");
        if (!introduction.isBlank()) {
            b.append(LatexText.sentence(introduction)).append("\n\n");
        }
        if (!summary.isEmpty()) {
            b.append(itemize(summary));
        }
        if (derivations.isEmpty()) {
            b.append("No derivations.\n");
        }
        for (Derivation d : derivations) {
            b.append(section(d));
        }
        return b.append("\\end{document}\n").toString();
    }

    private String section(Derivation d) {
        String heading = d.variant().isBlank() ? d.title() : d.title() + " (" + d.variant() + ")";
        long failed = d.steps().stream().filter(s -> s.failed()).count();
        StringBuilder b = new StringBuilder();
        b.append("\\section{").append(LatexText.escape(heading)).append("}\n");
        b.append("\\noindent Catalogue id: \\texttt{").append(LatexText.escape(d.id())).append("}; ")
                .append(d.steps().size()).append(" step").append(d.steps().size() == 1 ? "" : "s").append(", ")
                .append(d.provedSteps()).append(" proved symbolically")
                .append(failed == 0 ? "" : ", \\textbf{" + failed + " failed}").append(".\n");
        b.append(renderer.render(d)).append('\n');
        List<String> sectionNotes = notes.getOrDefault(d, List.of());
        if (!sectionNotes.isEmpty()) {
            b.append(itemize(sectionNotes));
        }
        return b.toString();
    }

    private static String itemize(List<String> lines) {
        StringBuilder b = new StringBuilder("\\begin{itemize}\n");
        for (String line : lines) {
            b.append("\\item ").append(LatexText.escape(line)).append('\n');
        }
        return b.append("\\end{itemize}\n").toString();
    }

    /** Writes {@link #source()} to {@code file} (UTF-8). */
    public void writeTo(Path file) throws IOException {
        Files.writeString(file, source(), StandardCharsets.UTF_8);
    }
}
