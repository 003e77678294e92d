package dev.unitcost.cli;

import dev.unitcost.run.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;

/** Progress as plain lines on stderr: readable in a terminal and in CI logs alike. */
final class ConsoleProgress implements ProgressListener {

    private final PrintWriter err;
    private final long startNanos = System.nanoTime();

    ConsoleProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void phase(String phase) {
        if ("load".equals(phase)) {
            line("loading model and tokenizing the corpus");
        }
    }

    @Override
    public void pointStarted(int index, int count, int batchSize) {
        pointStarted(index, count, "batch " + batchSize);
    }

    @Override
    public void pointStarted(int index, int count, String point) {
        line(String.format(Locale.ROOT, "point %d/%d: %s (warmup, then measure)", index + 1, count, point));
    }

    @Override
    public void repetitionFinished(int batchSize, int repetition, int repetitions, double tokensPerSecond, String what) {
        repetitionFinished("batch " + batchSize, repetition, repetitions, tokensPerSecond, what);
    }

    @Override
    public void repetitionFinished(String point, int repetition, int repetitions, double tokensPerSecond, String what) {
        line(String.format(Locale.ROOT, "  %s repetition %d/%d: %,.1f %s", point, repetition, repetitions, tokensPerSecond, what));
    }

    @Override
    public void pointFailed(int batchSize, String reason) {
        pointFailed("batch " + batchSize, reason);
    }

    @Override
    public void pointFailed(String point, String reason) {
        line("  " + point + ": " + reason + " (recorded; the sweep goes on)");
    }

    private int lastTenth = -1;

    @Override
    public void preparing(String what, long done, long total) {
        if (total <= 1) {
            line(what); // a step with no measurable progress
            return;
        }
        int tenth = (int) (done * 10 / total);
        if (tenth != lastTenth) {
            lastTenth = tenth;
            line(String.format(java.util.Locale.ROOT, "%s: %d%% of %,d MiB", what, tenth * 10, total >> 20));
        }
    }

    private void line(String text) {
        err.printf(Locale.ROOT, "[%5.1fs] %s%n", (System.nanoTime() - startNanos) / 1e9, text);
        err.flush();
    }
}
