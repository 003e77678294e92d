package dev.unitcost.cli;

import dev.unitcost.InputException;
import dev.unitcost.projection.Calibration;
import dev.unitcost.result.DecoderFacts;
import dev.unitcost.result.GenerationPoint;
import dev.unitcost.result.GenerationResult;
import dev.unitcost.result.JsonResultStore;
import dev.unitcost.result.ResultStore;
import dev.unitcost.result.RunReport;
import dev.unitcost.synth.TwinCache;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** {@code project --run}: what a stored generation run achieved, read from its smallest-batch point. */
final class RunCalibration {

    private RunCalibration() {}

    /**
     * Bytes and FLOPs per decode step come from the same facts a projection uses ({@code ModelLoad}) when the run's
     * model is a {@code twin:} reference, so the calibration carries what those facts leave out; otherwise from the
     * report's decoder facts (2 × parameters FLOPs per token). With two or more batch sizes and a known bandwidth of
     * the measured device, the smallest and largest batch separate per-step overhead and arithmetic from the reads.
     *
     * @param readBandwidth the measured device's bandwidth (given or catalogued); null for a one-point calibration
     */
    static Calibration of(Path results, String reportRef, Double readBandwidth) {
        JsonResultStore store = new JsonResultStore(results);
        RunReport report = store.load(fromHistory(store, reportRef, results));
        if (!(report.result() instanceof GenerationResult g)) {
            throw InputException.option("--run", "'" + reportRef + "' is not a generation run");
        }
        List<GenerationPoint> ok = g.points().stream().filter(GenerationPoint::ok).filter(q -> q.decodeTokensPerSecond() != null)
                .sorted(Comparator.comparingInt(GenerationPoint::batchSize)).toList();
        if (ok.isEmpty()) {
            throw InputException.option("--run", "'" + reportRef + "' has no successful decode point");
        }
        String model = report.header().config() == null ? null : report.header().config().model();
        GenerationPoint small = ok.get(0);
        GenerationPoint large = ok.get(ok.size() - 1);
        Calibration.DecodeStep s = step(g, model, small, reportRef);
        double promptFlops = promptFlops(g, model, small);
        double prefill = small.prefillTokensPerSecond().median();
        if (readBandwidth != null && large.batchSize() > small.batchSize()) {
            String label = String.format(Locale.ROOT, "run %s (%s, batches %d and %d, %d in / %d out)", report.runId(), model,
                    small.batchSize(), large.batchSize(), small.inputLength(), small.outputLength());
            return Calibration.of(label, s, step(g, model, large, reportRef), readBandwidth, promptFlops, prefill);
        }
        String label = String.format(Locale.ROOT, "run %s (%s, batch %d, %d in / %d out)", report.runId(), model, small.batchSize(),
                small.inputLength(), small.outputLength());
        return Calibration.of(label, s.bytesRead(), s.seconds(), promptFlops, prefill);
    }

    /**
     * {@code last} is the newest generation run in the results history, {@code last:MODEL} the newest of that model
     * (as the run named it, e.g. {@code twin:qwen2.5-0.5b:int4}); anything else is a run id or a report file.
     */
    static String fromHistory(JsonResultStore store, String reportRef, Path results) {
        if (!reportRef.equals("last") && !reportRef.startsWith("last:")) {
            return reportRef;
        }
        String model = reportRef.equals("last") ? null : reportRef.substring("last:".length());
        List<ResultStore.HistoryEntry> runs = store.history().stream().filter(e -> "generation".equals(e.task())).toList();
        for (int i = runs.size() - 1; i >= 0; i--) {
            ResultStore.HistoryEntry e = runs.get(i);
            if (model == null || model.equals(e.model()) || model.equals(configuredModel(store.load(e.runId())))) {
                return e.runId();
            }
        }
        throw InputException.option("--run", "no stored generation run" + (model == null ? "" : " of " + model) + " in "
                + results.resolve("history.db"));
    }

    /** The model as the run was asked for it ({@code twin:…}, a manifest name, a path); null when not recorded. */
    static String configuredModel(RunReport report) {
        return report.header().config() == null ? null : report.header().config().model();
    }

    private static Calibration.DecodeStep step(GenerationResult g, String model, GenerationPoint p, String reportRef) {
        double context = p.inputLength() + p.outputLength() / 2.0;
        int b = p.batchSize();
        double seconds = b / p.decodeTokensPerSecond().median();
        if (model != null && TwinCache.isReference(model)) {
            var load = TwinCache.modelLoad(model);
            return new Calibration.DecodeStep(b, load.weightBytesReadPerStep(b) + (double) load.kvBytesPerTokenPerSequence() * context * b,
                    b * load.flopsPerToken(context), seconds);
        }
        DecoderFacts f = g.decoder();
        if (f == null || f.parameterCount() == null) {
            throw InputException.option("--run", "'" + reportRef + "' has no decoder facts to calibrate with");
        }
        return new Calibration.DecodeStep(b, f.weightBytesReadPerStep() + (double) f.kvBytesPerToken() * context * b,
                b * 2.0 * f.parameterCount(), seconds);
    }

    private static double promptFlops(GenerationResult g, String model, GenerationPoint p) {
        if (model != null && TwinCache.isReference(model)) {
            return TwinCache.modelLoad(model).flopsPerToken(p.inputLength() / 2.0);
        }
        return 2.0 * g.decoder().parameterCount();
    }
}
