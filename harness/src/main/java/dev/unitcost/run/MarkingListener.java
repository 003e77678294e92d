package dev.unitcost.run;

import dev.unitcost.telemetry.SamplingSession;
import java.util.List;

/** Forwards progress and marks phase changes in every sampling session, so energy can be split by phase. */
record MarkingListener(ProgressListener delegate, List<SamplingSession> sessions) implements ProgressListener {

    MarkingListener {
        sessions = List.copyOf(sessions);
    }

    @Override
    public void phase(String phase) {
        sessions.forEach(s -> s.mark(phase));
        delegate.phase(phase);
    }

    @Override
    public void pointStarted(int index, int count, int batchSize) {
        delegate.pointStarted(index, count, batchSize);
    }

    @Override
    public void repetitionFinished(int batchSize, int repetition, int repetitions, double tokensPerSecond, String what) {
        delegate.repetitionFinished(batchSize, repetition, repetitions, tokensPerSecond, what);
    }

    @Override
    public void pointFailed(int batchSize, String reason) {
        delegate.pointFailed(batchSize, reason);
    }

    @Override
    public void pointStarted(int index, int count, String point) {
        delegate.pointStarted(index, count, point);
    }

    @Override
    public void repetitionFinished(String point, int repetition, int repetitions, double tokensPerSecond, String what) {
        delegate.repetitionFinished(point, repetition, repetitions, tokensPerSecond, what);
    }

    @Override
    public void pointFailed(String point, String reason) {
        delegate.pointFailed(point, reason);
    }

    @Override
    public void preparing(String what, long done, long total) {
        delegate.preparing(what, done, total);
    }
}
