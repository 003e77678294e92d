package dev.unitcost.cli;

import dev.unitcost.InputException;
import dev.unitcost.config.Profiles;
import dev.unitcost.config.ProjectLayout;
import dev.unitcost.cost.BillComparison;
import dev.unitcost.cost.CostAnswer;
import dev.unitcost.cost.HardwareProfile;
import dev.unitcost.cost.HourlyCost;
import dev.unitcost.cost.MeasuredThroughput;
import dev.unitcost.cost.RateCards;
import dev.unitcost.cost.TokenCosts;
import dev.unitcost.cost.TokenPrices;
import dev.unitcost.cost.Workload;
import dev.unitcost.report.ReportFormat;
import dev.unitcost.report.ReportFormats;
import dev.unitcost.result.JsonResultStore;
import dev.unitcost.result.RunReport;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code unitcost cost}: a workload's monthly bill on an API, and self-hosted on measured throughput. */
@Command(
        name = "cost",
        mixinStandardHelpOptions = true,
        description = {
            "The monthly bill of a workload on an API versus self-hosted devices.",
            "",
            "30-day months at the API's prices and, given a measured throughput and a hardware profile, on "
                    + "self-hosted devices: devices needed, monthly cost, saving, break-even.",
            "Example: unitcost cost --users 50000 --requests-per-day 10 --input-tokens 2000 --output-tokens 500 --api-price 15/75"
        })
public final class CostCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--users", required = true, paramLabel = "N", description = "active users")
    long users;

    @Option(names = "--requests-per-day", required = true, paramLabel = "N", description = "requests per user per day")
    long requestsPerDay;

    @Option(names = "--input-tokens", required = true, paramLabel = "N", description = "prompt tokens per request")
    long inputTokens;

    @Option(names = "--output-tokens", required = true, paramLabel = "N",
            description = "generated tokens per request (0 for embeddings)")
    long outputTokens;

    @ArgGroup(exclusive = true, multiplicity = "1")
    ApiChoice api;

    static final class ApiChoice {
        @Option(names = "--api", paramLabel = "MODEL", description = "an API model from the rate cards (model or provider/model)")
        String model;

        @Option(names = "--api-price", paramLabel = "IN/OUT", description = "API prices in USD per 1M tokens, e.g. 15/75 (IN alone for embeddings)")
        String price;
    }

    @Option(names = "--run", paramLabel = "REPORT.json", description = "a stored run report: its best point's measured throughput")
    String run;

    @Option(names = "--tokens-per-second-in", paramLabel = "X", description = "measured prompt tokens per second per device")
    Double tokensPerSecondIn;

    @Option(names = "--tokens-per-second-out", paramLabel = "Y", description = "measured generated tokens per second per device")
    Double tokensPerSecondOut;

    @Option(names = "--measured-watts", paramLabel = "W",
            description = "measured average draw of the device while busy; replaces the profile's watts for energy and carbon"
                    + " (default with --run: the report's own energy figure, when it has one)")
    Double measuredWatts;

    @Option(names = "--hardware", paramLabel = "NAME|PATH",
            description = "hardware profile under profiles/hardware/ or a YAML file (default with --run: the report's)")
    String hardware;

    @Option(names = "--price", defaultValue = "on-demand", paramLabel = "on-demand|spot|reserved",
            description = "which rented price to use (default: ${DEFAULT-VALUE})")
    String rentalPrice;

    @Option(names = "--utilisation", defaultValue = "1.0", paramLabel = "U",
            description = "the most a device may be busy, in (0, 1]: sizes the fleet and prices the tokens (default: ${DEFAULT-VALUE})")
    double utilisation;

    @Option(names = "--sweep", split = ",", paramLabel = "U,U,...",
            description = "also price the tokens at each of these duty cycles, e.g. 0.1,0.25,0.5,1")
    List<Double> sweep;

    @Option(names = "--ratecards", paramLabel = "DIR", description = "rate card directory (default: profiles/ratecards/)")
    Path ratecards;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|markdown|json", description = "output (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--project-dir", paramLabel = "DIR", hidden = true, description = "the unitcost checkout holding profiles/")
    Path projectDir;

    private HardwareProfile profile;
    private HourlyCost.BusyPower reportPower;
    private HourlyCost.RentalPrice rental;

    @Override
    public Integer call() {
        ReportFormat output = ReportFormats.byName(format);
        CliChecks.utilisation(utilisation);
        HourlyCost.RentalPrice price = CliChecks.rentalPrice(rentalPrice);
        ProjectLayout layout = CliChecks.layout(projectDir);
        Workload workload = workload();
        BillComparison.ApiPrices apiPrices = apiPrices(new Profiles(layout));
        if (workload.outputTokensPerMonth() > 0 && apiPrices.usdPerMillionOutput() == null) {
            throw InputException.option(api.model != null ? "--api" : "--api-price", "has no output price, but the workload"
                    + " generates " + outputTokens + " tokens per request");
        }
        if (sweep != null) {
            sweep.forEach(u -> CliChecks.utilisation("--sweep", u));
        }
        BillComparison bill = selfHosted(layout, workload, apiPrices, price);
        List<TokenPrices> swept = sweep == null || bill.self().isEmpty() ? List.of() : sweep(bill.self().get(), workload);
        CostAnswer answer = CostAnswer.of(bill, swept);
        Output.write(spec.commandLine().getOut(), w -> output.write(answer, w));
        return ExitCodes.OK;
    }

    private Workload workload() {
        CliChecks.positive(users, "--users");
        CliChecks.positive(requestsPerDay, "--requests-per-day");
        CliChecks.positive(inputTokens, "--input-tokens");
        if (outputTokens < 0) {
            throw InputException.option("--output-tokens", "must be >= 0, got " + outputTokens);
        }
        try {
            return new Workload(users, requestsPerDay, inputTokens, outputTokens);
        } catch (IllegalArgumentException e) {
            // every figure is in range, so only their product can be wrong: no one option to name
            throw new InputException("--users x --requests-per-day x --input-tokens/--output-tokens: " + e.getMessage(), e);
        }
    }

    private BillComparison.ApiPrices apiPrices(Profiles profiles) {
        if (api.price != null) {
            return CliChecks.apiPrice(api.price);
        }
        RateCards cards = profiles.rateCatalog(ratecards);
        return BillComparison.ApiPrices.of(CliChecks.apiModel(cards, api.model, ratecards != null ? ratecards.toString()
                : "profiles/ratecards"));
    }

    private BillComparison selfHosted(ProjectLayout layout, Workload w, BillComparison.ApiPrices apiPrices,
            HourlyCost.RentalPrice price) {
        boolean given = tokensPerSecondIn != null || tokensPerSecondOut != null;
        if (run != null && given) {
            throw InputException.option("--run", "give either --run or --tokens-per-second-in/--tokens-per-second-out, not both");
        }
        if (run == null && !given) {
            if (hardware != null) {
                throw InputException.option("--hardware", "needs a measured throughput: --run REPORT.json or --tokens-per-second-in");
            }
            return BillComparison.apiOnly(w, apiPrices);
        }
        MeasuredThroughput t;
        String hardwareName = hardware;
        HardwareProfile stored = null;
        if (run != null) {
            RunReport report = new JsonResultStore(layout.results()).load(run);
            try {
                t = report.bestThroughput();
            } catch (IllegalArgumentException e) {
                throw InputException.option("--run", e.getMessage());
            }
            if (hardwareName == null && report.cost() != null) {
                stored = report.cost().hardware(); // the profile as the run was priced, not today's file
            } else if (hardwareName == null && report.header().config() != null) {
                hardwareName = report.header().config().hardwareProfile();
            }
            reportPower = report.busyPower().orElse(null);
        } else {
            t = givenThroughput();
        }
        if (hardwareName == null && stored == null) {
            throw InputException.option("--hardware", "required with a measured throughput (a profile under profiles/hardware/)");
        }
        if (w.outputTokensPerMonth() > 0 && t.outputTokensPerSecond().isEmpty()) {
            throw InputException.option(run != null ? "--run" : "--tokens-per-second-out", "the workload generates "
                    + outputTokens + " tokens per request but the throughput has no output rate (" + t.label() + ")");
        }
        profile = stored != null ? stored : new Profiles(layout).hardware(hardwareName);
        rental = price;
        HourlyCost hourly;
        try {
            hourly = HourlyCost.of(profile, price, 1, utilisation, busyPower());
        } catch (IllegalArgumentException e) {
            throw InputException.option("--price", e.getMessage());
        }
        return BillComparison.withSelfHosting(w, apiPrices, hourly, t, utilisation);
    }

    /** The self-hosted token prices at each duty cycle of --sweep, with the hourly cost recomputed at each. */
    private List<TokenPrices> sweep(BillComparison.SelfHosting self, Workload w) {
        double ratio = w.inputPerOutput().orElse(TokenCosts.CONVENTIONAL_INPUT_PER_OUTPUT);
        double[] us = sweep.stream().mapToDouble(Double::doubleValue).toArray();
        HourlyCost.BusyPower busy = busyPower();
        return TokenCosts.sweep(u -> HourlyCost.of(profile, rental, 1, u, busy), self.throughput(), ratio, us);
    }

    /** --measured-watts, else the --run report's own energy figure, else none (the profile's watts). */
    private HourlyCost.BusyPower busyPower() {
        if (measuredWatts == null) {
            return reportPower;
        }
        if (!(measuredWatts > 0) || measuredWatts.isInfinite()) {
            throw InputException.option("--measured-watts", "must be > 0 watts, got " + measuredWatts);
        }
        return new HourlyCost.BusyPower(measuredWatts, "measured (given on the command line)");
    }

    private MeasuredThroughput givenThroughput() {
        if (tokensPerSecondIn == null) {
            throw InputException.option("--tokens-per-second-in", "required with --tokens-per-second-out");
        }
        CliChecks.rate(tokensPerSecondIn, "--tokens-per-second-in");
        if (tokensPerSecondOut != null) {
            CliChecks.rate(tokensPerSecondOut, "--tokens-per-second-out");
            return MeasuredThroughput.of(tokensPerSecondIn, tokensPerSecondOut, "given on the command line");
        }
        return MeasuredThroughput.inputOnly(tokensPerSecondIn, "given on the command line");
    }

}
