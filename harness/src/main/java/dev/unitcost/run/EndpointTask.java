package dev.unitcost.run;

import dev.unitcost.engine.ModelInfo;
import dev.unitcost.engine.endpoint.StreamingClient;
import dev.unitcost.load.LoadClock;
import dev.unitcost.metrics.Slo;
import dev.unitcost.result.EndpointResult;
import dev.unitcost.result.ModelFacts;
import dev.unitcost.workload.EndpointWorkload;
import java.util.List;

/**
 * A load sweep against a server that is already connected (preflight passed): nothing to load, the
 * client is the session.
 *
 * @param endpoint the base URL as reports show it
 * @param local whether the server runs on this machine
 * @param tokenizer the tokenizer the prompts were cut with, closed with the client; null for none
 */
record EndpointTask(StreamingClient client, EndpointOptions options, String endpoint, boolean local, EndpointWorkload workload,
        EndpointRequests requests, List<Slo> slos, LoadClock clock, AutoCloseable tokenizer) implements TaskRun {

    /**
     * No model file is read, so there is no hash: the served model and where it is served stand in
     * for it, so that baselines ({@code compare last}) match runs of the same model on the same server.
     */
    @Override
    public String modelSha256() {
        return "served:" + options.servedModel() + "@" + endpoint;
    }

    @Override
    public Opened open(RunEnvironment env) {
        ModelInfo info = new ModelInfo("endpoint", client.facts().server(), local ? "this machine (loopback)" : "remote",
                client.facts().server() + " " + options.apiMode().path(), List.of(), List.of());
        ModelFacts facts = new ModelFacts(options.servedModel(), "served", "quantisation unknown", 0, endpoint, info);
        return new OpenTask(facts, progress -> {
            try {
                return new EndpointResult(endpoint, options.servedModel(), options.apiMode().name().toLowerCase(java.util.Locale.ROOT),
                        local, client.facts(), slos, new EndpointSweep(client, workload, requests, slos, clock, progress, env.nanoTime(),
                                env.stopRequested()).run());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("the load run was interrupted", e);
            }
        }, () -> {
            try (AutoCloseable t = tokenizer) {
                client.close();
            }
        });
    }
}
