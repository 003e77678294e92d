package dev.unitcost.cli;

import dev.unitcost.InputException;
import dev.unitcost.config.Profiles;
import dev.unitcost.config.ProjectLayout;
import dev.unitcost.cost.EmbeddingRunPricing;
import dev.unitcost.cost.GenerationRunPricing;
import dev.unitcost.cost.HardwareProfile;
import dev.unitcost.cost.RateCard;
import dev.unitcost.cost.RateCards;
import dev.unitcost.cost.ReportThroughput;
import dev.unitcost.report.ConsoleRenderer;
import dev.unitcost.report.MarkdownRenderer;
import dev.unitcost.result.CostSection;
import dev.unitcost.result.GenerationCostSection;
import dev.unitcost.result.JsonResultStore;
import dev.unitcost.result.ReportJson;
import dev.unitcost.result.RunReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code unitcost reprice}: a stored run's costs recomputed against (possibly newer) hardware
 * profiles and rate cards, without re-running. The cost is a pure function of the stored
 * measurements and the profiles; the stored report is never modified.
 */
@Command(
        name = "reprice",
        mixinStandardHelpOptions = true,
        description = {
            "Recompute a stored run's costs without re-running it.",
            "",
            "Costs come from the report's measurements and the current hardware profile and rate cards. "
                    + "The stored report is left as it is; --out writes the repriced copy."
        })
public final class RepriceCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "REPORT", description = "a report file, or a run id under the results directory")
    String report;

    @Option(names = "--hardware", paramLabel = "NAME|PATH", description = "hardware profile (default: the one the run was priced with)")
    String hardware;

    @Option(names = "--ratecards", paramLabel = "DIR", description = "rate card directory (default: profiles/ratecards/)")
    Path ratecards;

    @Option(names = "--utilisation", paramLabel = "U", description = "share of paid hours busy, in (0, 1] (default: the run's)")
    Double utilisation;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|json|markdown", description = "output (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "also write the repriced report here (JSON)")
    Path out;

    @Option(names = "--results-dir", paramLabel = "DIR", description = "where run ids are looked up (default: results/)")
    Path resultsDir;

    @Option(names = "--project-dir", paramLabel = "DIR", hidden = true)
    Path projectDir;

    @Override
    public Integer call() {
        CliChecks.format(format, "table", "json", "markdown");
        if (utilisation != null) {
            CliChecks.utilisation(utilisation);
        }
        ProjectLayout layout = CliChecks.layout(projectDir);
        RunReport stored = new JsonResultStore(resultsDir != null ? resultsDir : layout.results()).load(report);
        boolean generation = "generation".equals(stored.task());
        if (!generation && !"embedding".equals(stored.task())) {
            throw InputException.option("REPORT", "is a '" + stored.task() + "' run; reprice reads embedding and generation runs");
        }
        String hardwareName = hardware != null ? hardware
                : stored.config() != null ? stored.config().hardwareProfile() : null;
        if (hardwareName == null) {
            throw InputException.option("--hardware", "required: the report does not name the profile it was priced with");
        }
        Profiles profiles = new Profiles(layout);
        HardwareProfile hw = profiles.hardware(hardwareName);
        List<RateCard> cards = profiles.rateCards(ratecards);
        double u = utilisation != null ? utilisation : storedUtilisation(stored);
        RunReport repriced;
        try {
            repriced = generation ? stored.withGenerationCost(GenerationRunPricing.price(stored, hw, cards, u))
                    : stored.withCost(EmbeddingRunPricing.price(stored, hw, cards, u));
        } catch (IllegalArgumentException e) {
            throw InputException.option("REPORT", e.getMessage());
        }
        if (out != null) {
            write(repriced, out);
        }
        PrintWriter w = spec.commandLine().getOut();
        switch (format) {
            case "json" -> w.println(ReportJson.write(repriced));
            case "markdown" -> w.print(MarkdownRenderer.render(repriced));
            default -> {
                w.print(ConsoleRenderer.render(repriced));
                if (generation) {
                    w.println(wasGeneration(stored.generationCost(), repriced.generationCost()));
                } else {
                    w.println(was(stored.cost(), repriced.cost()));
                    w.println();
                    w.print(BreakEvenView.text(hw, ReportThroughput.best(stored), new RateCards(cards), u));
                }
            }
        }
        if (out != null && !"json".equals(format)) {
            w.println("repriced report: " + out);
        }
        w.flush();
        return ExitCodes.OK;
    }

    /** One line: what the stored pricing was, against what it is now. */
    static String was(CostSection before, CostSection now) {
        String after = String.format(Locale.ROOT, "now: %s (asOf %s) USD %s/h, best USD %s per 1M tokens",
                now.hardwareProfile(), now.hardwareAsOf(), now.usdPerHour().toPlainString(), best(now));
        if (before == null) {
            return "repriced (the stored report had no cost section); " + after;
        }
        return String.format(Locale.ROOT, "repriced: was %s (asOf %s) USD %s/h, best USD %s per 1M tokens; %s",
                before.hardwareProfile(), before.hardwareAsOf(), before.usdPerHour().toPlainString(), best(before), after);
    }

    private static double storedUtilisation(RunReport r) {
        if (r.cost() != null) {
            return r.cost().utilisation();
        }
        return r.generationCost() != null ? r.generationCost().utilisation() : 1.0;
    }

    /** One line: the stored generation pricing against the new one (best point, blended at its own mix). */
    static String wasGeneration(GenerationCostSection before, GenerationCostSection now) {
        String after = String.format(Locale.ROOT, "now: %s (asOf %s) USD %s/h per device, best USD %s per 1M tokens (blended)",
                now.hardwareProfile(), now.hardwareAsOf(), now.usdPerHour().stripTrailingZeros().toPlainString(),
                dev.unitcost.cost.Money.perMillion(now.points().get(now.bestPoint()).usdPerMillionBlended()).toPlainString());
        if (before == null) {
            return "repriced (the stored report had no generation cost section); " + after;
        }
        return String.format(Locale.ROOT, "repriced: was %s (asOf %s) USD %s/h per device, best USD %s per 1M tokens (blended); %s",
                before.hardwareProfile(), before.hardwareAsOf(), before.usdPerHour().stripTrailingZeros().toPlainString(),
                dev.unitcost.cost.Money.perMillion(before.points().get(before.bestPoint()).usdPerMillionBlended()).toPlainString(), after);
    }

    private static String best(CostSection c) {
        return c.points().stream().filter(p -> p.batchSize() == c.bestBatchSize()).findFirst()
                .map(p -> p.usdPerMillionTokens().toPlainString()).orElse("-");
    }

    private static void write(RunReport r, Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".part");
            try {
                Files.writeString(tmp, ReportJson.write(r) + "\n", StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
