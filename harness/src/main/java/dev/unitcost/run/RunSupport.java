package dev.unitcost.run;

import dev.unitcost.telemetry.SamplingSession;
import dev.unitcost.telemetry.TelemetrySampler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** What every kind of run shares: run ids, starting samplers, and marking phases in them. */
final class RunSupport {

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private RunSupport() {}

    static String runId(Instant started, String engine, String model) {
        String suffix = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
        return ID_TIME.format(started) + "-" + engine + "-" + model.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + suffix;
    }

    static List<SamplingSession> start(List<TelemetrySampler> samplers, Duration interval) {
        List<SamplingSession> sessions = new ArrayList<>();
        for (TelemetrySampler sampler : samplers) {
            sessions.add(sampler.start(interval));
        }
        return sessions;
    }

    /** Energy of the counted phases from every sampler's trace (phases from the first trace's marks). */
    static dev.unitcost.telemetry.EnergyReport energy(List<dev.unitcost.telemetry.TelemetryTrace> traces,
            dev.unitcost.telemetry.PowerModel model, long inputTokens, long outputTokens) {
        if (traces.isEmpty()) {
            return null;
        }
        dev.unitcost.telemetry.TelemetryTrace first = traces.get(0);
        return dev.unitcost.telemetry.EnergyAccount.account(traces,
                dev.unitcost.telemetry.PhaseWindow.fromMarks(first.marks(), first.endNanos()), model,
                new dev.unitcost.telemetry.TokenCounts(inputTokens, outputTokens));
    }

    static long sizeOnDisk(Path onnx) {
        try (var files = Files.list(onnx.getParent())) {
            String stem = onnx.getFileName().toString();
            return files.filter(p -> p.getFileName().toString().startsWith(stem)).mapToLong(p -> p.toFile().length()).sum();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Forwards progress and marks phase changes in every sampling session. */
    record MarkingListener(ProgressListener delegate, List<SamplingSession> sessions) implements ProgressListener {
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
    }
}
