package dev.unitcost.cli;

import dev.unitcost.InputException;
import dev.unitcost.config.Profiles;
import dev.unitcost.config.ProjectLayout;
import dev.unitcost.cost.HardwareProfile;
import dev.unitcost.cost.MeasuredDevices;
import dev.unitcost.cost.PriceSheet;
import dev.unitcost.cost.ProfileChoice;
import dev.unitcost.cost.ProfileMatch;
import dev.unitcost.cost.RateCard;
import dev.unitcost.report.ReportFormat;
import dev.unitcost.report.ReportFormats;
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

    @picocli.CommandLine.Mixin
    StoredReport source = new StoredReport();

    @Option(names = "--hardware", paramLabel = "NAME|PATH",
            description = "hardware profile; it must describe the devices the run used (default: the one the run was priced with)")
    String hardware;

    @Option(names = "--price-as", paramLabel = "NAME|PATH",
            description = "price the run as another machine's profile; the report then says \"priced as NAME, measured on ...\"")
    String priceAs;

    @Option(names = "--ratecards", paramLabel = "DIR", description = "rate card directory (default: profiles/ratecards/)")
    Path ratecards;

    @Option(names = "--utilisation", paramLabel = "U", description = "share of paid hours busy, in (0, 1] (default: the run's)")
    Double utilisation;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|json|markdown", description = "output (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "also write the repriced report here (JSON)")
    Path out;


    @Override
    public Integer call() {
        if (utilisation != null) {
            CliChecks.utilisation(utilisation);
        }
        ProjectLayout layout = source.layout();
        ReportFormat output = ReportFormats.byName(format);
        RunReport stored = source.load();
        if (hardware != null && priceAs != null) {
            throw InputException.option("--price-as", "give either --hardware or --price-as, not both");
        }
        Profiles profiles = new Profiles(layout);
        MeasuredDevices measured = stored.measuredDevices();
        HardwareProfile hw;
        ProfileChoice choice;
        if (priceAs != null) {
            hw = profiles.hardware(priceAs);
            choice = ProfileChoice.pricedAs(hw, measured);
        } else if (hardware != null) {
            hw = matching(profiles.hardware(hardware), hardware, measured, "--hardware");
            choice = ProfileChoice.matching("named for this repricing; " + ProfileMatch.best(measured, List.of(hw)).orElseThrow().why());
        } else if (stored.cost() != null) {
            hw = stored.cost().hardware(); // the profile as it was when priced, not today's file
            choice = stored.cost().choice();
        } else if (stored.header().config() != null && stored.header().config().hardwareProfile() != null) {
            // an older report that stored only the profile's name: today's file of that name, if it describes the devices
            String name = stored.header().config().hardwareProfile();
            hw = matching(profiles.hardware(name), name, measured, "REPORT");
            choice = ProfileChoice.matching("the profile the report named (" + name + "), as it reads today; "
                    + ProfileMatch.best(measured, List.of(hw)).orElseThrow().why());
        } else {
            ProfileMatch.Match m = ProfileMatch.best(measured, profiles.allHardware()).orElseThrow(() -> InputException.option("--hardware",
                    "required: the report is not priced and no profile under profiles/hardware/ describes " + measured.describe()));
            hw = m.profile();
            choice = ProfileChoice.matching("chosen for the measured devices: " + m.why());
        }
        List<RateCard> cards = profiles.rateCards(ratecards);
        double u = utilisation != null ? utilisation : stored.cost() != null ? stored.cost().utilisation() : 1.0;
        RunReport repriced;
        try {
            repriced = stored.priced(hw, cards, u, choice);
        } catch (IllegalArgumentException e) {
            throw InputException.option("REPORT", e.getMessage());
        }
        if (out != null) {
            write(repriced, out);
        }
        PrintWriter w = spec.commandLine().getOut();
        Output.write(w, o -> output.write(repriced, o));
        if ("table".equals(output.name())) {
            w.println(was(stored.cost(), repriced.cost()));
        }
        if (out != null && !"json".equals(output.name())) {
            w.println("repriced report: " + out);
        }
        w.flush();
        return ExitCodes.OK;
    }

    /** {@code profile}, when it describes the measured devices; otherwise refused, naming both and the way to price as it anyway. */
    private static HardwareProfile matching(HardwareProfile profile, String name, MeasuredDevices measured, String option) {
        ProfileMatch.mismatch(profile, measured).ifPresent(why -> {
            throw InputException.option(option, why + "; to price this run as that machine anyway, give --price-as " + name);
        });
        return profile;
    }

    /** One line: the stored pricing against the new one (the best point, blended at 3:1). */
    static String was(PriceSheet before, PriceSheet now) {
        String after = String.format(Locale.ROOT, "now: %s (asOf %s) USD %s/h per device, best USD %s per 1M tokens (blended 3:1)",
                now.hardware().name(), now.hardware().asOf(), now.usdPerHour().stripTrailingZeros().toPlainString(), best(now));
        if (before == null) {
            return "repriced (the stored report had no cost section); " + after;
        }
        return String.format(Locale.ROOT, "repriced: was %s (asOf %s) USD %s/h per device, best USD %s per 1M tokens (blended 3:1); %s",
                before.hardware().name(), before.hardware().asOf(), before.usdPerHour().stripTrailingZeros().toPlainString(), best(before),
                after);
    }

    private static String best(PriceSheet c) {
        return c.best().usdPerMillionBlended3to1().stripTrailingZeros().toPlainString();
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
