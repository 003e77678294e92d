package dev.unitcost.cli;

import dev.unitcost.InputException;
import dev.unitcost.config.ConfigFiles;
import dev.unitcost.config.LoadCurveFiles;
import dev.unitcost.config.Profiles;
import dev.unitcost.config.ProjectLayout;
import dev.unitcost.cost.HardwareProfile;
import dev.unitcost.cost.HourlyCost;
import dev.unitcost.cost.LoadCurve;
import dev.unitcost.cost.MeasuredThroughput;
import dev.unitcost.cost.Scenario;
import dev.unitcost.cost.ScenarioBill;
import dev.unitcost.model.ModelLoad;
import dev.unitcost.projection.Projector;
import dev.unitcost.result.JsonResultStore;
import dev.unitcost.result.RunReport;
import dev.unitcost.synth.TwinCache;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code cost --scenario NAME}: reads the scenario, finds each self-hosted option's throughput, and has {@link ScenarioBill} bill them. */
final class CostScenario {

    private CostScenario() {}

    /** The scenario states the workload and options: the options that would also state them are refused. */
    static void refuseOthers(CostCommand c) {
        Object[][] others = {{c.users, "--users"}, {c.requestsPerDay, "--requests-per-day"}, {c.inputTokens, "--input-tokens"},
            {c.outputTokens, "--output-tokens"}, {c.api, "--api"}, {c.run, "--run"}, {c.tokensPerSecondIn, "--tokens-per-second-in"},
            {c.tokensPerSecondOut, "--tokens-per-second-out"}, {c.hardware, "--hardware"}, {c.route, "--route"},
            {c.loadCurve, "--load-curve"}, {c.cachedInputShare, "--cached-input-share"}, {c.sweep, "--sweep"}};
        for (Object[] o : others) {
            if (o[0] != null) {
                throw InputException.option((String) o[1], "not with --scenario (the scenario file states it)");
            }
        }
        for (String option : new String[] {"--utilisation", "--price", "--measured-watts", "--prefix-cache-saving", "--text",
            "--ratecards"}) {
            if (c.spec.commandLine().getParseResult().hasMatchedOption(option)) {
                throw InputException.option(option, "not with --scenario (the scenario file states it)");
            }
        }
    }

    static ScenarioBill bill(ProjectLayout layout, String nameOrPath) {
        Path file = ConfigFiles.resolveNamed(layout.root().resolve("profiles/scenarios"), nameOrPath, "scenario");
        Scenario s = ConfigFiles.read(file, Scenario.class);
        LoadCurve curve;
        try {
            curve = LoadCurveFiles.read(s.loadCurve());
        } catch (InputException e) {
            throw InputException.inFile(file, "loadCurve", e.expectation() != null ? e.expectation() : e.getMessage());
        }
        Profiles profiles = new Profiles(layout);
        List<ScenarioBill.SelfHostedInput> inputs = new ArrayList<>();
        for (Scenario.SelfHosted o : s.selfHosted()) {
            HardwareProfile profile = profiles.hardware(o.hardware());
            if (o.tensorParallel() > profile.devices()) {
                throw InputException.inFile(file, "selfHosted.tensorParallel", o.tensorParallel() + " devices, but " + profile.name()
                        + " has " + profile.devices());
            }
            MeasuredThroughput t = o.run() != null ? measured(layout, file, o, profile.name()) : projected(layout, profiles, file, s, o, profile);
            String name = o.model().replaceFirst("^twin:", "") + " on " + profile.name()
                    + (o.tensorParallel() > 1 ? " (TP " + o.tensorParallel() + ")" : "");
            inputs.add(new ScenarioBill.SelfHostedInput(name, t, profile, o.tensorParallel(), HourlyCost.RentalPrice.ON_DEMAND));
        }
        return ScenarioBill.of(s, curve, inputs);
    }

    private static MeasuredThroughput measured(ProjectLayout layout, Path file, Scenario.SelfHosted o, String hardware) {
        try {
            RunReport report = new JsonResultStore(layout.results()).load(o.run());
            String preset = TwinCache.isReference(o.model()) ? TwinCache.modelLoad(o.model()).name() : null;
            RunMatch.mismatch(report, preset, hardware).ifPresent(why -> {
                throw InputException.inFile(file, "selfHosted.run", why);
            });
            MeasuredThroughput t = report.bestThroughput();
            return new MeasuredThroughput(t.inputTokensPerSecond(), t.outputTokensPerSecond(), "measured: " + t.label());
        } catch (IllegalArgumentException e) {
            throw InputException.inFile(file, "selfHosted.run", e.getMessage());
        }
    }

    private static MeasuredThroughput projected(ProjectLayout layout, Profiles profiles, Path file, Scenario s, Scenario.SelfHosted o,
            HardwareProfile profile) {
        String field = file + ": selfHosted.model";
        ModelLoad m = TwinThroughput.load(o.model(), field);
        Projector.Points points = TwinThroughput.withLengths(TwinThroughput.points(layout, TwinThroughput.SERVING_WORKLOAD, field),
                Math.toIntExact(s.inputTokens()), Math.toIntExact(Math.max(1, s.outputTokens())));
        MeasuredThroughput t = TwinThroughput.project(m, TwinThroughput.physics(profiles, profile, field), profile, points,
                o.tensorParallel(), o.tensorParallelEfficiency(), field);
        if (o.tensorParallel() == 1) {
            return t;
        }
        // the efficiency scales the whole projection: a reader of the bill must see it beside the throughput, not only in the file
        return new MeasuredThroughput(t.inputTokensPerSecond(), t.outputTokensPerSecond(), t.label() + "; tensor parallel over "
                + o.tensorParallel() + " devices keeping " + o.tensorParallelEfficiency() + " of their summed bandwidth and FLOP/s"
                + " (assumed, not measured)");
    }
}
