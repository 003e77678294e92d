package dev.unitcost.cli;

import dev.unitcost.InputException;
import dev.unitcost.config.Profiles;
import dev.unitcost.config.ProjectLayout;
import dev.unitcost.config.LoadCurveFiles;
import dev.unitcost.config.TextFiles;
import dev.unitcost.cost.BillComparison;
import dev.unitcost.cost.CostAnswer;
import dev.unitcost.cost.CostExtras;
import dev.unitcost.cost.FleetSizing;
import dev.unitcost.cost.LoadCurve;
import dev.unitcost.cost.Money;
import dev.unitcost.cost.PrefixCaching;
import dev.unitcost.cost.PriceInterval;
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

    @Option(names = "--users", paramLabel = "N", description = "active users")
    Long users;

    @Option(names = "--requests-per-day", paramLabel = "N", description = "requests per user per day")
    Long requestsPerDay;

    @Option(names = "--input-tokens", paramLabel = "N", description = "prompt tokens per request")
    Long inputTokens;

    @Option(names = "--output-tokens", paramLabel = "N",
            description = "generated tokens per request (0 for embeddings)")
    Long outputTokens;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    ApiChoice api;

    static final class ApiChoice {
        @Option(names = "--api", paramLabel = "MODEL", description = "an API model from the rate cards (model or provider/model)")
        String model;

        @Option(names = "--api-price", paramLabel = "IN/OUT", description = "API prices in USD per 1M tokens, e.g. 15/75 (IN alone for embeddings; IN/OUT/CACHED with a cached-input price)")
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

    @Option(names = "--load-curve", paramLabel = "FILE|flat|business-hours|diurnal",
            description = "the day's shape of request volume (24 hourly volumes in FILE): sizes the fleet for the busiest hour at"
                    + " --utilisation and prices it for every hour, beside the busy-only price")
    String loadCurve;

    @Option(names = "--cached-input-share", paramLabel = "S",
            description = "share of input tokens cached, in [0, 1]: the API's cachedInput price for them; self-hosted, their"
                    + " prefill time saved by prefix caching (--prefix-cache-saving, else a stated assumption)")
    Double cachedInputShare;

    @Option(names = "--prefix-cache-saving", paramLabel = "F",
            description = "measured share of a cached token's prefill time that prefix caching saves, in [0, 1] (default: assumed 1)")
    Double prefixCacheSaving;

    @Option(names = "--route", paramLabel = "SHARE:SELF_MODEL",
            description = "send SHARE of requests to a self-hosted model and the rest to the API: twin:PRESET:QUANT (projected on"
                    + " --hardware) or a name for the measured throughput (--run, --tokens-per-second-in); repeat for a table")
    List<String> route;

    @Option(names = "--text", paramLabel = "FILE",
            description = "a UTF-8 sample of the workload's text: USD per 1M characters and per 1M words beside per 1M tokens, each"
                    + " side counted in its own tokenizer where Java has it (OpenAI's o200k/cl100k), else a stated stand-in")
    String text;

    @Option(names = "--scenario", paramLabel = "NAME|PATH",
            description = "a scenario under profiles/scenarios/: its workload, APIs and self-hosted options, each option's bill")
    String scenario;

    @Option(names = "--ratecards", paramLabel = "DIR", description = "rate card directory (default: profiles/ratecards/)")
    Path ratecards;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|markdown|json|html|csv",
            description = "output (default: ${DEFAULT-VALUE}); csv holds the monthly bills only")
    String format;

    @Option(names = "--project-dir", paramLabel = "DIR", hidden = true, description = "the unitcost checkout holding profiles/")
    Path projectDir;

    private HardwareProfile profile;
    private HourlyCost.BusyPower reportPower;
    private HourlyCost.RentalPrice rental;
    private RunReport report;
    private PrefixCaching prefixCaching;

    @Override
    public Integer call() {
        ReportFormat output = ReportFormats.byName(format);
        CliChecks.utilisation(utilisation);
        HourlyCost.RentalPrice price = CliChecks.rentalPrice(rentalPrice);
        ProjectLayout layout = CliChecks.layout(projectDir);
        if (scenario != null) {
            CostScenario.refuseOthers(this);
            var bill = CostScenario.bill(layout, scenario);
            Output.write(spec.commandLine().getOut(), w -> output.write(bill, w));
            return ExitCodes.OK;
        }
        Workload workload = workload();
        if (api == null) {
            throw InputException.option("--api", "required: give --api=MODEL or --api-price=IN/OUT (or --scenario NAME)");
        }
        BillComparison.ApiPrices apiPrices = cached(apiPrices(new Profiles(layout)));
        if (workload.outputTokensPerMonth() > 0 && apiPrices.usdPerMillionOutput() == null) {
            throw InputException.option(api.model != null ? "--api" : "--api-price", "has no output price, but the workload"
                    + " generates " + outputTokens + " tokens per request");
        }
        if (sweep != null) {
            sweep.forEach(u -> CliChecks.utilisation("--sweep", u));
        }
        LoadCurve curve = loadCurve == null ? null : LoadCurveFiles.read(loadCurve);
        List<CostRoutes.Route> routes = CostRoutes.parse(route);
        boolean selfHostedAsked = run != null || tokensPerSecondIn != null || tokensPerSecondOut != null || !routes.isEmpty();
        if (prefixCaching != null && prefixCaching.leavesNoPrefill() && selfHostedAsked) {
            throw InputException.option("--cached-input-share", "1 with all of a cached token's prefill saved ("
                    + (prefixCacheSaving != null ? "--prefix-cache-saving 1" : "the assumed upper bound") + ") leaves the self-hosted"
                    + " input no prefill time to price; give the measured saving below 1 with --prefix-cache-saving, or a share below 1");
        }
        BillComparison bill = selfHosted(layout, workload, apiPrices, price, !routes.isEmpty());
        List<TokenPrices> swept = sweep == null || bill.self().isEmpty() ? List.of() : sweep(bill.self().get(), workload);
        CostAnswer answer = CostAnswer.of(bill, swept);
        if (cachedInputShare != null && cachedInputShare > 0) {
            answer = answer.with(new CostExtras.CachedInput(cachedInputShare, apiPrices.usdPerMillionCachedInput(),
                    Money.perMillion(apiPrices.usdPerMillionInput()), selfHostedAsked ? prefixCaching.prefillSaving() : 0,
                    selfHostedAsked ? prefixCaching.basis() : CostExtras.CachedInput.NO_SELF_HOSTED));
        }
        if (curve != null && bill.self().isEmpty() && routes.isEmpty()) {
            throw InputException.option("--load-curve", "needs a self-hosted throughput (--run or --tokens-per-second-in) and --hardware,"
                    + " or a --route to size");
        }
        if (curve != null && bill.self().isPresent()) {
            answer = answer.with(CostExtras.Fleet.of(FleetSizing.of(workload, bill.self().get().throughput(), curve, utilisation, profile,
                    price, 1, busyPower()), bill.apiBill().totalUsd()));
        }
        if (report != null && bill.self().isPresent()) {
            answer = interval(answer, bill.self().get(), workload);
        }
        if (!routes.isEmpty()) {
            answer = answer.withRoutes(CostRoutes.price(routes, new CostRoutes.Context(layout, workload, bill,
                    profile, price, utilisation, busyPower(), curve, prefixCaching)));
        }
        if (text != null) {
            answer = answer.with(CostText.prices(TextFiles.read(text, "text"), text, api.model, apiPrices, bill, workload));
        }
        CostAnswer shown = answer;
        Output.write(spec.commandLine().getOut(), w -> output.write(shown, w));
        return ExitCodes.OK;
    }

    /** The API's prices with --cached-input-share of input at its cached price; the self-hosted prefix-caching assumption set. */
    private BillComparison.ApiPrices cached(BillComparison.ApiPrices prices) {
        if (cachedInputShare == null) {
            if (prefixCacheSaving != null) {
                throw InputException.option("--prefix-cache-saving", "needs --cached-input-share (the share of input that hits the cache)");
            }
            return prices;
        }
        double share = CliChecks.share(cachedInputShare, "--cached-input-share");
        if (prefixCacheSaving != null) {
            CliChecks.share(prefixCacheSaving, "--prefix-cache-saving");
        }
        // a stored endpoint run of a shared-prefix workload would give PrefixCaching.measured(...) here, from its own figures
        prefixCaching = prefixCacheSaving != null
                ? PrefixCaching.measured(share, prefixCacheSaving, "given with --prefix-cache-saving")
                : PrefixCaching.assumed(share);
        try {
            return prices.withCachedShare(share);
        } catch (IllegalArgumentException e) {
            throw InputException.option("--cached-input-share", e.getMessage()
                    + (api.model != null ? " on its rate card; give --api-price IN/OUT/CACHED instead" : "; give --api-price IN/OUT/CACHED"));
        }
    }

    /** The self-hosted blended price's 95% interval from the --run report's repetitions at its best point. */
    private CostAnswer interval(CostAnswer answer, BillComparison.SelfHosting self, Workload w) {
        List<MeasuredThroughput> reps = report.bestRepetitionThroughputs();
        if (reps.size() < 2) {
            return answer;
        }
        if (prefixCaching != null) {
            reps = reps.stream().map(prefixCaching::apply).toList();
        }
        double ratio = w.inputPerOutput().orElse(TokenCosts.CONVENTIONAL_INPUT_PER_OUTPUT);
        PriceInterval i = PriceInterval.of(self.hourly(), reps, ratio, utilisation, "report " + report.runId() + ": each of "
                + reps.size() + " repetitions at the best point priced alone, Student's t interval of the mean");
        return answer.with(CostExtras.Interval.of(i, self.versusApi().apiUsdPerMillionBlended(), utilisation));
    }

    private Workload workload() {
        for (Object[] o : new Object[][] {{users, "--users"}, {requestsPerDay, "--requests-per-day"}, {inputTokens, "--input-tokens"},
            {outputTokens, "--output-tokens"}}) {
            if (o[0] == null) {
                throw InputException.option((String) o[1], "required (or --scenario NAME)");
            }
        }
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
            HourlyCost.RentalPrice price, boolean routed) {
        boolean given = tokensPerSecondIn != null || tokensPerSecondOut != null;
        if (run != null && given) {
            throw InputException.option("--run", "give either --run or --tokens-per-second-in/--tokens-per-second-out, not both");
        }
        if (run == null && !given) {
            if (hardware != null && routed) {
                profile = new Profiles(layout).hardware(hardware);
                return BillComparison.apiOnly(w, apiPrices);
            }
            if (hardware != null) {
                throw InputException.option("--hardware", "needs a measured throughput: --run REPORT.json or --tokens-per-second-in");
            }
            return BillComparison.apiOnly(w, apiPrices);
        }
        MeasuredThroughput t;
        String hardwareName = hardware;
        HardwareProfile stored = null;
        if (run != null) {
            report = new JsonResultStore(layout.results()).load(run);
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
        if (report != null) {
            // another profile than the run's prices this machine's throughput at that profile's price: say so beside the figure
            String ranOn = RunMatch.ranOn(report).orElse(null);
            if (ranOn != null && !ranOn.equals(profile.name())) {
                t = new MeasuredThroughput(t.inputTokensPerSecond(), t.outputTokensPerSecond(), t.label() + "; measured on " + ranOn
                        + ", priced as " + profile.name() + " (that machine's own throughput would differ)");
            }
        }
        if (prefixCaching != null) {
            t = prefixCaching.apply(t);
        }
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
