package org.neuromanifold.symbolic.symja;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.matheclipse.core.basic.Config;
import org.matheclipse.core.interfaces.IExpr;

class SymjaEngineTest {
    private final SymjaEngine symja = SymjaEngine.shared();

    private static String value(SymjaResult<IExpr> r) {
        if (r instanceof SymjaResult.Value<IExpr> v) {
            return SymjaExprs.input(v.value());
        }
        return fail("expected a value, got " + r.describe());
    }

    private static SymjaResult.Undecided<?> undecided(SymjaResult<?> r) {
        return assertInstanceOf(SymjaResult.Undecided.class, r, r::describe);
    }

    @Test
    void startupIsMeasuredOnceAndTheGlobalFlagsAreSet() {
        long first = SymjaEngine.startupMillis();
        assertTrue(first > 0, "the first engine start takes measurable time, got " + first);
        assertEquals(first, SymjaEngine.startupMillis());
        assertTrue(Config.JAS_NO_THREADS, "JAS must not leave non-daemon threads behind");
    }

    @Test
    void evaluatesInMathematicaSyntax() {
        assertEquals("Sech[t]^2", value(symja.evaluate("D[Tanh[t], t]")));
        // the stack notes' Fisher information of a tanh Bernoulli neuron
        assertEquals("Sech[t]^2", value(symja.evaluate(
                "Simplify[((1+Tanh[t])/2)*D[Log[(1+Tanh[t])/2],t]^2 + ((1-Tanh[t])/2)*D[Log[(1-Tanh[t])/2],t]^2]")));
    }

    @Test
    void symbolsKeepTheirCase() {
        assertEquals("-w0x1x2+W0x1x2", value(symja.evaluate("W0x1x2 - w0x1x2")).replace(" ", ""));
    }

    @Test
    void aSymbolIsTheSameObjectOnEveryThreadAndEngine() throws Exception {
        // without a shared Global` context each Symja engine has its own x, and D[x^2, x] mixing them is 0
        IExpr parsedByWorker = symja.parse("x").valueOrThrow();
        IExpr parsedByOtherEngine = SymjaEngine.create(Duration.ofSeconds(5)).parse("x").valueOrThrow();
        SymjaRuntime.prepareThread();
        IExpr builtHere = org.matheclipse.core.expression.F.symbol("x");
        IExpr[] builtElsewhere = new IExpr[1];
        String[] caseKept = new String[1];
        Thread t = new Thread(() -> {
            SymjaEngine.shared(); // prepares this thread, as every public entry point does
            builtElsewhere[0] = org.matheclipse.core.expression.F.symbol("x");
            caseKept[0] = org.matheclipse.core.expression.F.symbol("W0x1x2").getSymbolName();
        });
        t.start();
        t.join();
        assertTrue(parsedByWorker == builtHere && parsedByOtherEngine == builtHere && builtElsewhere[0] == builtHere);
        // a thread's default Symja engine would have read it as w0x1x2
        assertEquals("W0x1x2", caseKept[0]);
        IExpr square = org.matheclipse.core.expression.F.Power(builtHere, org.matheclipse.core.expression.F.C2);
        assertEquals("2*x", value(symja.evaluate(org.matheclipse.core.expression.F.D(square, parsedByOtherEngine))));
    }

    @Test
    void aSyntaxErrorIsUndecidedWithTheReason() {
        var u = undecided(symja.evaluate("D[Tanh[t], "));
        assertEquals(SymjaResult.Reason.SYNTAX_ERROR, u.reason());
        assertTrue(u.detail().contains("Syntax error"), u.detail());
    }

    @Test
    void aRunawayEvaluationTimesOutAndTheEngineStaysUsable() {
        long t0 = System.nanoTime();
        var u = undecided(symja.evaluate("While[True, 1]", Duration.ofMillis(300)));
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(SymjaResult.Reason.TIMEOUT, u.reason());
        // returns near the limit plus the grace period; the bound only guards against a hang
        assertTrue(millis < 10_000, "returned after " + millis + " ms");
        assertEquals("2*x", value(symja.evaluate("D[x^2, x]")));
    }

    @Test
    void aTaskThatIgnoresTheStopRequestIsAbandonedAndTheCallerStillReturns() {
        SymjaEngine engine = SymjaEngine.create(Duration.ofSeconds(2));
        var u = undecided(engine.run(session -> {
            long end = System.nanoTime() + 1_500_000_000L;
            long spins = 0;
            while (System.nanoTime() < end) {
                spins++;
            }
            return spins;
        }, Duration.ofMillis(100)));
        assertEquals(SymjaResult.Reason.TIMEOUT, u.reason());
        assertEquals(1, engine.statistics().abandoned());
        assertEquals("Sech[t]^2", value(engine.evaluate("D[Tanh[t], t]")));
    }

    @Test
    void aPolynomialGcdStopsAtTheTimeLimitInsteadOfRunningOn() {
        // Together of these exponential fractions spends seconds in JAS's polynomial GCD, which looks only at the
        // thread's interrupt flag (with pre-emption on), not at Symja's stop request; without pre-emption the
        // engine thread is still busy after the grace period and has to be abandoned
        SymjaEngine engine = SymjaEngine.create(Duration.ofSeconds(5));
        String term = "(-E^(2*b + 2*U + 2*w*x)*C^2*x^2)/((1 + E^U)^2*(1 + E^(b + w*x))^2*s^2) + (E^(2*U + 2*(b + w*x))"
                + "*C^2*x^2)/((1 + E^U)^2*(1 + E^(b + w*x))^2*s^2)";
        String sum = term.replace("U", "u").replace("C", "c") + " + " + term.replace("U", "v").replace("C", "d");
        var u = undecided(engine.evaluate("Together[" + sum + "]", Duration.ofSeconds(2)));
        assertEquals(SymjaResult.Reason.TIMEOUT, u.reason());
        assertEquals(0, engine.statistics().abandoned(), "the engine thread did not stop");
        assertEquals("Sech[t]^2", value(engine.evaluate("D[Tanh[t], t]")));
    }

    @Test
    void anOperationLeftUnevaluatedIsNamed() {
        // Symja 3.0.0 cannot give the eigenvalues of s²I + mmᵀ symbolically
        var u = undecided(symja.evaluate(
                "Eigenvalues[s^2*IdentityMatrix[3] + Outer[Times, {m1, m2, m3}, {m1, m2, m3}]]"));
        assertEquals(SymjaResult.Reason.UNEVALUATED, u.reason());
        assertTrue(u.detail().startsWith("Eigenvalues"), u.detail());
        // the derivative of Abs has no closed form for Symja: Derivative[1][Abs][x]
        var d = undecided(symja.evaluate("D[Abs[x], x]"));
        assertEquals(SymjaResult.Reason.UNEVALUATED, d.reason());
        assertTrue(d.detail().startsWith("Derivative"), d.detail());
    }

    @Test
    void engineMessagesAreCapturedNotPrinted() {
        // D[f, {x, 2}] of Tanh exceeds Symja's recursion limit (nested D works)
        var u = undecided(symja.evaluate("D[Tanh[x], {x, 2}]"));
        assertEquals(SymjaResult.Reason.UNEVALUATED, u.reason());
        assertTrue(u.messages().stream().anyMatch(m -> m.contains("Recursion")), u.messages().toString());
        assertEquals("-2*Sech[x]^2*Tanh[x]", value(symja.evaluate("D[D[Tanh[x], x], x]")));
    }

    @Test
    void aTaskThatThrowsIsUndecidedWithTheException() {
        var u = undecided(symja.run(session -> {
            throw new IllegalStateException("boom");
        }));
        assertEquals(SymjaResult.Reason.EXCEPTION, u.reason());
        assertTrue(u.detail().contains("boom"), u.detail());
    }

    @Test
    void concurrentCallersGetTheirOwnEngineThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<String> a = () -> value(symja.evaluate("Simplify[D[Log[1 + E^z], z] - E^z/(1 + E^z)]"));
            Callable<String> b = () -> value(symja.evaluate("Together[E^t/(1+E^t)^2 - (1/(1+E^(-t)))*(1-1/(1+E^(-t)))]"));
            for (int round = 0; round < 5; round++) {
                Future<String> fa = pool.submit(a);
                Future<String> fb = pool.submit(b);
                assertEquals("0", fa.get());
                assertEquals("0", fb.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
