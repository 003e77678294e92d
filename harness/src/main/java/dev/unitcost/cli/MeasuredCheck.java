package dev.unitcost.cli;

import dev.unitcost.InputException;
import dev.unitcost.model.ModelLoad;
import dev.unitcost.projection.Efficiency;
import dev.unitcost.projection.Projection;
import dev.unitcost.projection.Projector;
import dev.unitcost.result.GenerationPoint;
import dev.unitcost.result.GenerationResult;
import dev.unitcost.result.JsonResultStore;
import dev.unitcost.result.RunReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code project --measured}: stored runs of the projected model, each decode point beside its projection. */
final class MeasuredCheck {

    private MeasuredCheck() {}

    /**
     * @param model the projected {@code twin:} reference; each run must have measured exactly it
     * @param target the first profile, whose device the runs were measured on
     * @param projectionEfficiency the efficiency the target falls back to when it has none of its own
     */
    static List<Projection.Check> of(Path results, List<String> reports, String model, ModelLoad load, Projector.Target target,
            Efficiency projectionEfficiency) {
        JsonResultStore store = new JsonResultStore(results);
        Efficiency e = target.efficiency() != null ? target.efficiency() : projectionEfficiency;
        List<Projection.Check> checks = new ArrayList<>();
        for (String ref : reports) {
            RunReport report = store.load(RunCalibration.fromHistory(store, ref.strip(), results));
            if (!(report.result() instanceof GenerationResult g)) {
                throw InputException.option("--measured", "'" + ref + "' is not a generation run");
            }
            String measuredModel = report.header().config() == null ? null : report.header().config().model();
            if (!model.equals(measuredModel)) {
                throw InputException.option("--measured", "'" + ref + "' measured " + measuredModel + ", not " + model
                        + " (check one model at a time)");
            }
            int before = checks.size();
            for (GenerationPoint p : g.points()) {
                if (!p.ok() || p.decodeTokensPerSecond() == null || p.prefillTokensPerSecond() == null) {
                    continue;
                }
                Projection.PointProjection q = Projector.point(load, target.physics(), e, null, p.batchSize(), p.inputLength(),
                        p.outputLength());
                checks.add(Projection.Check.of(report.runId(), p.batchSize(), p.inputLength(), p.outputLength(),
                        q.decodeTokensPerSecond(), p.decodeTokensPerSecond().median(), q.prefillTokensPerSecond(),
                        p.prefillTokensPerSecond().median()));
            }
            if (checks.size() == before) {
                throw InputException.option("--measured", "'" + ref + "' has no successful decode point");
            }
        }
        return checks;
    }
}
