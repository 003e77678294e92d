package dev.unitcost.cli;

import dev.unitcost.InputException;
import dev.unitcost.config.ProjectLayout;
import dev.unitcost.projection.Calibration;
import dev.unitcost.result.DecoderFacts;
import dev.unitcost.result.GenerationPoint;
import dev.unitcost.result.GenerationResult;
import dev.unitcost.result.JsonResultStore;
import dev.unitcost.result.RunReport;
import dev.unitcost.synth.TwinCache;
import java.util.Comparator;
import java.util.Locale;

/** {@code project --run}: what a stored generation run achieved, read from its smallest-batch point. */
final class RunCalibration {

    private RunCalibration() {}

    /**
     * Bytes per decode step come from the same facts a projection uses ({@code ModelLoad}) when the run's model is a
     * {@code twin:} reference, so the calibrated efficiency carries what those facts leave out; otherwise from the
     * report's decoder facts. Prompt FLOPs likewise (2 × parameters for a model that is not a twin).
     */
    static Calibration of(ProjectLayout layout, String reportRef) {
        RunReport report = new JsonResultStore(layout.results()).load(reportRef);
        if (!(report.result() instanceof GenerationResult g)) {
            throw InputException.option("--run", "'" + reportRef + "' is not a generation run");
        }
        GenerationPoint p = g.points().stream().filter(GenerationPoint::ok).filter(q -> q.decodeTokensPerSecond() != null)
                .min(Comparator.comparingInt(GenerationPoint::batchSize))
                .orElseThrow(() -> InputException.option("--run", "'" + reportRef + "' has no successful decode point"));
        DecoderFacts f = g.decoder();
        double context = p.inputLength() + p.outputLength() / 2.0;
        String model = report.header().config() == null ? null : report.header().config().model();
        double bytes;
        double promptFlops;
        if (model != null && TwinCache.isReference(model)) {
            var load = TwinCache.modelLoad(model);
            bytes = load.weightBytesReadPerStep(p.batchSize()) + (double) load.kvBytesPerTokenPerSequence() * context * p.batchSize();
            promptFlops = load.flopsPerToken(p.inputLength() / 2.0);
        } else if (f != null && f.parameterCount() != null) {
            bytes = f.weightBytesReadPerStep() + (double) f.kvBytesPerToken() * context * p.batchSize();
            promptFlops = 2.0 * f.parameterCount();
        } else {
            throw InputException.option("--run", "'" + reportRef + "' has no decoder facts to calibrate with");
        }
        double stepSeconds = p.batchSize() / p.decodeTokensPerSecond().median();
        String label = String.format(Locale.ROOT, "run %s (%s, batch %d, %d in / %d out)", report.runId(), model, p.batchSize(),
                p.inputLength(), p.outputLength());
        return Calibration.of(label, bytes, stepSeconds, promptFlops, p.prefillTokensPerSecond().median());
    }
}
