package org.neuromanifold.examples.cli;

import java.io.Console;
import java.io.PrintWriter;

import org.neuromanifold.numeric.verify.ProgressListener;

import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a long verification on stderr. Runs shorter than {@value #QUIET_MILLIS} ms print nothing.
 * On a terminal a progress bar appears after that; otherwise (a log, a pipe) one plain line every
 * {@value #LINE_MILLIS} ms. A line announces the shrinking of a failure.
 */
final class VerifyProgress implements ProgressListener, AutoCloseable {
    static final long QUIET_MILLIS = 2000;
    static final long LINE_MILLIS = 5000;

    private final PrintWriter err;
    private final String task;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private long lastLine;
    private ProgressBar bar;

    VerifyProgress(PrintWriter err, String task, boolean terminal) {
        this.err = err;
        this.task = task;
        this.terminal = terminal;
    }

    /** Whether stderr is probably a terminal (a console exists and is a terminal). */
    static boolean onTerminal() {
        Console c = System.console();
        return c != null && c.isTerminal();
    }

    private long elapsedMillis() {
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Override
    public void trials(int done, int total) {
        long t = elapsedMillis();
        if (t < QUIET_MILLIS || done >= total && bar == null) {
            return;
        }
        if (!terminal) {
            if (t - lastLine >= LINE_MILLIS || lastLine == 0) {
                lastLine = t;
                err.println(task + ": " + done + " of " + total + " trials (" + t / 1000 + " s)");
                err.flush();
            }
            return;
        }
        if (bar == null) {
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setUnit(" trials", 1)
                    .setStyle(ProgressBarStyle.UNICODE_BLOCK).setUpdateIntervalMillis(250)
                    .setConsumer(new DelegatingProgressBarConsumer(line -> {
                        err.print('\r' + line);
                        err.flush();
                    }, 100))
                    .build();
        }
        bar.stepTo(done);
    }

    @Override
    public void shrinking() {
        closeBar();
        if (elapsedMillis() >= QUIET_MILLIS) {
            err.println(task + ": shrinking the first failing instance");
            err.flush();
        }
    }

    private void closeBar() {
        if (bar != null) {
            bar.close();
            err.println();
            err.flush();
            bar = null;
        }
    }

    @Override
    public void close() {
        closeBar();
    }
}
