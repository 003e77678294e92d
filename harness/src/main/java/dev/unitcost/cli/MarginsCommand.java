package dev.unitcost.cli;

import dev.unitcost.InputException;
import dev.unitcost.config.Profiles;
import dev.unitcost.config.ProjectLayout;
import dev.unitcost.cost.HardwareProfile;
import dev.unitcost.cost.HourlyCost;
import dev.unitcost.cost.ImpliedMargins;
import dev.unitcost.cost.MeasuredThroughput;
import dev.unitcost.cost.RateCard;
import dev.unitcost.projection.DevicePhysics;
import dev.unitcost.projection.Efficiency;
import dev.unitcost.projection.Projector;
import dev.unitcost.report.ReportFormat;
import dev.unitcost.report.ReportFormats;
import dev.unitcost.result.JsonResultStore;
import dev.unitcost.result.RunReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code unitcost margins}: what providers' prices for open-weight models imply about their gross margins. */
@Command(
        name = "margins",
        mixinStandardHelpOptions = true,
        description = {
            "Set every rate-card price of an open-weight model whose shape we have (twin presets) against our cost of",
            "serving that shape on one device of a hardware profile: the implied gross margin, with every assumption.",
            "Throughput is projected from the shape and the device (labelled so) unless --run or --tokens-per-second-in give it.",
            "Example: unitcost margins --hardware runpod-h100-sxm --utilisation 0.6"
        })
public final class MarginsCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--hardware", required = true, paramLabel = "PROFILE", description = "hardware profile under profiles/hardware/")
    String hardware;

    @Option(names = "--utilisation", defaultValue = "1.0", paramLabel = "U",
            description = "share of paid hours our device is busy, in (0, 1] (default: ${DEFAULT-VALUE}: the provider's best case)")
    double utilisation;

    @Option(names = "--model", paramLabel = "PRESET", description = "only this shape (llama-3.1-8b, ...); required with a measured throughput")
    String model;

    @Option(names = "--quant", defaultValue = "fp16", paramLabel = "fp16|int8|int4",
            description = "weight format projected for every shape (default: ${DEFAULT-VALUE}, as providers serve bf16)")
    String quant;

    @Option(names = "--workload", defaultValue = TwinThroughput.SERVING_WORKLOAD, paramLabel = "NAME|PATH",
            description = "generation workload whose points are projected; the best one is priced (default: ${DEFAULT-VALUE})")
    String workload;

    @Option(names = "--run", paramLabel = "REPORT", description = "a stored run of --model on this hardware: its best point's measured throughput")
    String run;

    @Option(names = "--tokens-per-second-in", paramLabel = "X", description = "measured prompt tokens per second per device, for --model")
    Double tokensPerSecondIn;

    @Option(names = "--tokens-per-second-out", paramLabel = "Y", description = "measured generated tokens per second per device, for --model")
    Double tokensPerSecondOut;

    @Option(names = "--ratecards", paramLabel = "DIR", description = "rate card directory (default: profiles/ratecards/)")
    Path ratecards;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|markdown|json|html|csv", description = "output (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--project-dir", paramLabel = "DIR", hidden = true, description = "the unitcost checkout holding profiles/")
    Path projectDir;

    @Override
    public Integer call() {
        ReportFormat output = ReportFormats.byName(format);
        CliChecks.utilisation(utilisation);
        ProjectLayout layout = CliChecks.layout(projectDir);
        Profiles profiles = new Profiles(layout);
        List<RateCard> cards = profiles.rateCards(ratecards);
        if (model != null && !ImpliedMargins.shapesOn(cards).contains(model)) {
            throw InputException.option("--model", "no rate-card entry has the shape '" + model + "'; shapes on the cards: "
                    + String.join(", ", ImpliedMargins.shapesOn(cards)));
        }
        if (!List.of("fp16", "int8", "int4", "fp32").contains(quant)) {
            throw InputException.option("--quant", "expected fp16, int8, int4 or fp32, got '" + quant + "'");
        }
        HardwareProfile profile = profiles.hardware(hardware);
        MeasuredThroughput measured = measured(layout, profile.name());
        HourlyCost hourly = HourlyCost.of(profile, HourlyCost.RentalPrice.ON_DEMAND, 1, utilisation, null);
        DevicePhysics physics = measured != null ? null : TwinThroughput.physics(profiles, profile, "--hardware");
        Projector.Points points = measured != null ? null : TwinThroughput.points(layout, workload, "--workload");
        List<String> assumptions = new ArrayList<>();
        String paid = profile instanceof HardwareProfile.Owned ? "owned: its capex over its life, energy and hosting as the profile"
                + " states them, nothing else of the machine added" : "rented on demand";
        assumptions.add("our cost is one device-hour of " + profile.name() + " (" + paid + ") over the tokens it serves at "
                + utilisation + " utilisation: hardware only, no staff, networking, software or spare capacity");
        assumptions.add("prices compared at the 3:1 input:output blend (Artificial Analysis' convention); input priced by prefill time,"
                + " output by decode time");
        if (measured != null) {
            assumptions.add("throughput measured: " + measured.label());
        } else {
            assumptions.add("throughput projected (roofline, not measured) for " + quant + " weights at the best point of " + points.workload()
                    + " (batch sizes " + points.batchSizes() + ", " + points.inputLengths() + " in / " + points.outputLengths() + " out) on "
                    + physics.device() + ", " + Efficiency.DEFAULT.source());
            assumptions.add("the provider serves the same shape at " + quant + "; an fp8 or int4 deployment lowers its cost and raises the margin");
        }
        assumptions.add("rate cards as dated on each line; the margin is 1 - our 3:1 cost / their 3:1 price: costs we leave out"
                + " (staff, networking, software, idle capacity beyond the utilisation) make it a ceiling, a cheaper deployment"
                + " than ours (lower precision, better batching) a floor; neither is known");
        ImpliedMargins table = ImpliedMargins.of(cards, hourly, utilisation, profile.name(), preset -> measured != null
                ? Optional.of(measured) : Projector.bestThroughput(TwinThroughput.load("twin:" + preset + ":" + quant, "--model"),
                        new Projector.Target(profile, physics), points, Efficiency.DEFAULT), model, assumptions);
        Output.write(spec.commandLine().getOut(), w -> output.write(table, w));
        return ExitCodes.OK;
    }

    /** --run or --tokens-per-second-in/out; null when neither (projected). */
    private MeasuredThroughput measured(ProjectLayout layout, String profileName) {
        boolean given = tokensPerSecondIn != null || tokensPerSecondOut != null;
        if (run != null && given) {
            throw InputException.option("--run", "give either --run or --tokens-per-second-in/--tokens-per-second-out, not both");
        }
        if (run == null && !given) {
            return null;
        }
        if (model == null) {
            throw InputException.option(run != null ? "--run" : "--tokens-per-second-in", "needs --model PRESET (the shape it measured)");
        }
        if (run != null) {
            try {
                RunReport report = new JsonResultStore(layout.results()).load(run);
                RunMatch.mismatch(report, model, profileName).ifPresent(why -> {
                    throw InputException.option("--run", why);
                });
                MeasuredThroughput t = report.bestThroughput();
                if (t.outputTokensPerSecond().isEmpty()) {
                    throw InputException.option("--run", "the report generated nothing (an embedding run); margins need a chat model's run");
                }
                return new MeasuredThroughput(t.inputTokensPerSecond(), t.outputTokensPerSecond(), "measured: " + t.label());
            } catch (IllegalArgumentException e) {
                throw InputException.option("--run", e.getMessage());
            }
        }
        if (tokensPerSecondIn == null || tokensPerSecondOut == null) {
            throw InputException.option(tokensPerSecondIn == null ? "--tokens-per-second-in" : "--tokens-per-second-out",
                    "required: margins need both the input and the output rate");
        }
        CliChecks.rate(tokensPerSecondIn, "--tokens-per-second-in");
        CliChecks.rate(tokensPerSecondOut, "--tokens-per-second-out");
        return MeasuredThroughput.of(tokensPerSecondIn, tokensPerSecondOut, "measured: given on the command line");
    }
}
