package dev.unitcost.run;

import dev.unitcost.InputException;
import dev.unitcost.config.ConfigFiles;
import dev.unitcost.config.Profiles;
import dev.unitcost.config.ProjectLayout;
import dev.unitcost.cost.HardwareProfile;
import dev.unitcost.cost.MeasuredDevices;
import dev.unitcost.cost.ProfileChoice;
import dev.unitcost.engine.EngineOptions;
import dev.unitcost.engine.djl.HfTokenizer;
import dev.unitcost.engine.endpoint.EndpointConfig;
import dev.unitcost.engine.endpoint.StreamingClient;
import dev.unitcost.engine.endpoint.StreamingClientFactory;
import dev.unitcost.load.LoadClock;
import dev.unitcost.telemetry.HostInfo;
import dev.unitcost.telemetry.Samplers;
import dev.unitcost.telemetry.TelemetrySampler;
import dev.unitcost.workload.Corpus;
import dev.unitcost.workload.EndpointPrompts;
import dev.unitcost.workload.EndpointWorkload;
import dev.unitcost.workload.Workload;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Plans {@code run --endpoint}: the workload with the command line's load and lengths, the
 * objectives, the prompts (cut with the served model's tokenizer when given), the profile the run
 * is priced on, and the connection. A remote server must be priced on a named profile (its devices
 * cannot be checked from here); a server on this machine (loopback) is priced on the profile that
 * describes this machine, as in-process runs are, and this machine's telemetry is sampled. The
 * client connects last, so a server that refuses (the factory's {@link InputException}) stops the
 * run before anything is measured or written.
 */
public final class EndpointPlanner {

    public static final String DEFAULT_WORKLOAD = "endpoint-default";

    private final ProjectLayout layout;
    private final RunOptions o;
    private final EndpointOptions e;
    private final StreamingClientFactory factory;
    private final ProgressListener progress;
    private final HostInfo host;
    private final LoadClock clock;

    public EndpointPlanner(ProjectLayout layout, RunOptions options, EndpointOptions endpoint, StreamingClientFactory factory,
            ProgressListener progress) {
        this(layout, options, endpoint, factory, progress, HostInfo.detect(), LoadClock.SYSTEM);
    }

    EndpointPlanner(ProjectLayout layout, RunOptions options, EndpointOptions endpoint, StreamingClientFactory factory,
            ProgressListener progress, HostInfo host, LoadClock clock) {
        this.layout = layout;
        this.o = options;
        this.e = endpoint;
        this.factory = factory;
        this.progress = progress;
        this.host = host;
        this.clock = clock;
    }

    public PlannedRun plan() {
        if (o.model() != null) {
            throw InputException.setting("model", "an endpoint run measures the server's model: give --served-model, not --model");
        }
        String workloadName = o.workload() != null ? o.workload() : DEFAULT_WORKLOAD;
        Path workloadFile = ConfigFiles.resolveNamed(layout.workloads(), workloadName, "workload");
        Workload read = ConfigFiles.read(workloadFile, Workload.class);
        if (!(read instanceof EndpointWorkload base)) {
            throw InputException.setting("workload", workloadFile + " is a " + read.task() + " workload; an endpoint run needs task: "
                    + "endpoint (e.g. " + DEFAULT_WORKLOAD + ")");
        }
        EndpointWorkload w;
        try {
            w = base.with(e.concurrency(), e.rate(), e.saturate() ? Boolean.TRUE : null, e.burstiness(), e.input(), e.output(),
                    e.sharedPrefix(), o.repetitions(), o.adaptive(base.adaptive(), base.repetitions()));
        } catch (IllegalArgumentException ex) {
            throw InputException.inFile(workloadFile, "load", ex.getMessage());
        }
        boolean local = isLoopback(e.baseUrl().getHost());
        MeasuredDevices measured = new RunPlanner(layout, o, progress, host).measuredDevices();
        PlannedRun.Pricing pricing = pricing(local, measured);
        List<TelemetrySampler> samplers = !local ? List.of() : (o.powercapRoot() != null ? Samplers.all(o.powercapRoot())
                : Samplers.all()).stream().filter(s -> s.availability().available()).toList();
        Corpus corpus = Corpus.load(w.prompts(), layout.workloads());
        HfTokenizer tokenizer = e.tokenizer() == null ? null : HfTokenizer.load(e.tokenizer());
        EndpointRequests requests = new EndpointRequests(w, new EndpointPrompts(corpus, tokenizer, w.seed()));
        EndpointConfig config = new EndpointConfig(e.baseUrl(), e.servedModel(), e.apiMode(), Optional.ofNullable(e.apiKeyEnv()),
                Duration.ofMillis(Math.round(w.requestTimeoutSeconds() * 1000)), Optional.ofNullable(e.tokenizer()));
        StreamingClient client;
        try {
            client = factory.connect(config); // preflight: refuses with an InputException before anything is measured
        } catch (RuntimeException ex) {
            if (tokenizer != null) {
                tokenizer.close();
            }
            throw ex;
        }
        EndpointTask task = new EndpointTask(client, e, e.endpointForReport(), local, w, requests, e.slos(), clock, tokenizer);
        return new PlannedRun(e.servedModel(), task, w, "endpoint", new EngineOptions(0, true, "all", "cpu", false), samplers,
                Duration.ofMillis(o.sampleIntervalMillis()), host.fallbackPowerModel(), pricing, measured);
    }

    /**
     * A local server: this machine's profile, chosen or checked as for any run. A remote one: the
     * profile named for it, or the price per hour given, or another machine to price as; required.
     */
    private PlannedRun.Pricing pricing(boolean local, MeasuredDevices measured) {
        if (local) {
            return new RunPlanner(layout, o, progress, host).pricing(measured);
        }
        if (o.hardware() == null && o.usdPerHour() == null && o.priceAs() == null) {
            throw InputException.setting("hardware", "required for a remote server (" + e.baseUrl().getHost() + "): name the profile "
                    + "of the machine that serves it (its devices cannot be checked from here), or give --usd-per-hour");
        }
        if (o.usdPerHour() != null) {
            HardwareProfile serving = new HardwareProfile.Rented("serving-host", "the host serving " + e.endpointForReport(),
                    "its price per hour as given for this run", java.time.LocalDate.now(java.time.ZoneOffset.UTC), o.usdPerHour(),
                    null, null, 1, null, null, null, null, null, null, null);
            return new PlannedRun.Pricing(serving, new Profiles(layout).rateCards(o.ratecards()), o.utilisation(),
                    ProfileChoice.matching("the remote server's price per hour as given"));
        }
        if (o.hardware() == null) {
            return new RunPlanner(layout, o, progress, host).pricing(measured);
        }
        Profiles profiles = new Profiles(layout);
        HardwareProfile named = profiles.hardware(o.hardware());
        return new PlannedRun.Pricing(named, profiles.rateCards(o.ratecards()), o.utilisation(),
                ProfileChoice.matching("named for the remote server " + e.baseUrl().getHost() + " (its devices are not checked from here)"));
    }

    /** Whether {@code host} names this machine; a name that does not resolve is not (the client then says so). */
    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.net.UnknownHostException ex) {
            return false;
        }
    }
}
