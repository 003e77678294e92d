package dev.unitcost.engine.endpoint;

import java.util.List;
import java.util.Objects;

/**
 * What connecting to a server found out, stored in the report beside the measurements.
 *
 * @param server what the server says it is (its {@code Server} header, a version route, or the
 *     dialect its answers match: vllm, tgi, sglang, llama.cpp, ollama), or {@code unknown}
 * @param servedModels the models its {@code /v1/models} lists
 * @param usageInStream whether it sent a {@code usage} chunk when asked ({@code stream_options.include_usage})
 * @param forcedLength whether a probe request that asked for a forced length got it
 *     ({@link ForcedLength#HONOURED}, {@link ForcedLength#NOT_HONOURED}, or {@link ForcedLength#NOT_ASKED})
 */
public record EndpointFacts(String server, List<String> servedModels, boolean usageInStream, ForcedLength forcedLength) {

    public EndpointFacts {
        Objects.requireNonNull(server, "server");
        servedModels = List.copyOf(servedModels);
        Objects.requireNonNull(forcedLength, "forcedLength");
    }
}
