/**
 * The Symja bridge: the only code that talks to Symja.
 *
 * <h2>Pieces</h2>
 * <ul>
 * <li>{@link org.neuromanifold.symbolic.symja.SymjaEngine}: engine threads, a time limit on every call,
 * outcomes as {@link org.neuromanifold.symbolic.symja.SymjaResult} (a value, or undecided with a
 * {@link org.neuromanifold.symbolic.symja.SymjaResult.Reason}); {@code startupMillis()} is the measured
 * one-off start cost; {@code run(task)} runs several steps under one limit.</li>
 * <li>{@link org.neuromanifold.symbolic.symja.SymjaTerms}: core {@code Term} ↔ Symja expression, through a
 * {@link org.neuromanifold.symbolic.symja.SymbolTable} (core names ↔ Symja names).</li>
 * <li>{@link org.neuromanifold.symbolic.symja.SymjaProver}: {@code proveZero}, {@code proveEqual},
 * {@code proveLessEqual}, {@code proveNonNegative} under
 * {@link org.neuromanifold.symbolic.symja.Assumptions}, returning the core {@code SymbolicVerdict};
 * settings in {@link org.neuromanifold.symbolic.symja.ProverOptions}.</li>
 * <li>{@link org.neuromanifold.symbolic.symja.SymbolicNetwork}: a small concrete network as one expression
 * per output component, one symbol per parameter ({@code W0x1x2}) and input ({@code x1}).</li>
 * </ul>
 *
 * <h2>A deriver step, end to end</h2>
 * <pre>{@code
 * SymjaEngine symja = SymjaEngine.shared();                 // also prepares this thread for F.*
 * SymbolTable names = SymbolTable.create();
 * IExpr sigma = SymjaTerms.toSymja(activation.symbolic(), names);
 * IExpr z = F.symbol(names.symjaName("z"));
 * IExpr dSigma = symja.evaluate(F.D(sigma, z)).valueOrThrow();      // or pattern-match the SymjaResult
 * Term back = SymjaTerms.toTerm(dSigma, names);                      // for TermCompiler / numeric checks
 * SymbolicVerdict v = SymjaProver.shared().proveZero(
 *         F.Subtract(F.Times(z, dSigma), sigma), Assumptions.of("0 <= iota < 1"));
 * String input = SymjaExprs.input(dSigma);                           // for Formula.OfSymja
 * }</pre>
 *
 * <h2>Symja 3.0.0 facts the bridge works around</h2>
 * <ul>
 * <li>Each Symja engine has its own {@code Global`} symbols; the bridge makes every engine share one
 * context, so expressions built on any thread mix safely. Build expressions only on threads that called
 * a {@code SymjaEngine} method (or {@code SymjaEngine.prepareThread()}): a thread's default engine
 * lower-cases names ({@code W0x1x2} → {@code w0x1x2}).</li>
 * <li>Syntax is Mathematica's, case-sensitive. Names Symja reserves ({@code E, I, N, D, C, Pi}, and
 * {@code beta, gamma, pi}, which it prints as built-ins) are renamed by the symbol table
 * ({@code beta} → {@code vbeta}).</li>
 * <li>{@code D[f, {x, 2}]} of {@code Tanh}, {@code Sech}, {@code LogisticSigmoid} exceeds the recursion
 * limit: nest {@code D[D[f, x], x]} instead.</li>
 * <li>{@code Simplify} of a difference can miss 0 where {@code Simplify} of both sides agrees; with
 * {@code LogisticSigmoid} only the exponential form closes; it never resolves a {@code Piecewise} whose
 * condition is not a bound on one symbol; it needs {@code Element[x, Reals]} for {@code Log[E^x]} — the
 * prover handles all four.</li>
 * <li>{@code Eigenvalues}/{@code Eigenvectors} of symbolic 3×3 matrices come back unevaluated
 * (reported as {@code UNEVALUATED}); {@code Factor[CharacteristicPolynomial[M, x]]} works.</li>
 * <li>{@code Reduce} decides univariate systems but returns multivariate ones unevaluated.</li>
 * </ul>
 */
package org.neuromanifold.symbolic.symja;
