/**
 * LaTeX output: expressions, derivations, reports, and the {@code pdflatex} runner.
 *
 * <ul>
 * <li>{@link org.neuromanifold.symbolic.latex.ExprLatex}: tensor expressions of the IR (⟨∇_θ f_θ(x), θ⟩,
 * ⊗, 𝔼, ∇², tr, 1[·], (L + 1) …).</li>
 * <li>{@link org.neuromanifold.symbolic.latex.TermLatex}: scalar terms and Symja formulas through Symja's
 * {@code TeXForm} ({@link org.neuromanifold.symbolic.latex.SymjaLatex}, quirks fixed), falling back to the
 * pure Java {@link org.neuromanifold.symbolic.latex.TermLatexPrinter}.</li>
 * <li>{@link org.neuromanifold.symbolic.latex.FormulaLatex}: any {@code Formula} of a derivation.</li>
 * <li>{@link org.neuromanifold.symbolic.latex.DerivationLatex}: a derivation as an {@code align*} block
 * with rules, assumptions and certificates.</li>
 * <li>{@link org.neuromanifold.symbolic.latex.LatexReport}: a whole document (packages of
 * {@code texlive-latex-base} only); {@link org.neuromanifold.symbolic.latex.PdfLatex} compiles it.</li>
 * <li>{@link org.neuromanifold.symbolic.latex.LatexSymbols}, {@link org.neuromanifold.symbolic.latex.LatexText}:
 * the shared tables for symbol names, text escaping and numbers.</li>
 * </ul>
 *
 * <pre>{@code
 * LatexReport report = LatexReport.titled("Catalogue").addAll(derivations).build();
 * report.writeTo(out.resolve("catalogue.tex"));
 * PdfLatex.locate().ifPresent(p -> {
 *     if (p.compile(report.source(), Duration.ofSeconds(60)) instanceof PdfLatex.Result.Success s) {
 *         Files.write(out.resolve("catalogue.pdf"), s.pdf());
 *     }
 * });
 * }</pre>
 */
package org.neuromanifold.symbolic.latex;
