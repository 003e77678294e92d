package dev.unitcost.engine.endpoint;

/**
 * Connects to a server before a run measures it. The checks that decide whether a run can start
 * happen here, before any measurement: an unreachable URL, a refused API key, an unknown model and
 * a server that does not stream are each one {@link dev.unitcost.InputException} (exit 2) naming
 * the setting ({@code endpoint}, {@code apiKeyEnv}, {@code servedModel}) and what was found.
 */
@FunctionalInterface
public interface StreamingClientFactory {

    StreamingClient connect(EndpointConfig config);
}
