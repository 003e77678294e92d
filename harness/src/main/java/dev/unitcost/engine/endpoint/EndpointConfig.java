package dev.unitcost.engine.endpoint;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a server is and how to talk to it.
 *
 * @param baseUrl the server's root ({@code http://host:8000}); routes such as {@code /v1/models} are resolved against it
 * @param servedModel the model name the server serves (the request's {@code model})
 * @param api chat or completions
 * @param apiKeyEnv the name of the environment variable holding the API key, or empty for none;
 *     the key itself is read when requests are sent and never stored, logged or reported
 * @param requestTimeout how long one request may take from send to the end of its stream
 * @param tokenizer the model's {@code tokenizer.json}, to count streamed tokens in the server's own
 *     tokens; empty counts one token per streamed chunk and relies on the server's {@code usage}
 */
public record EndpointConfig(URI baseUrl, String servedModel, Api api, Optional<String> apiKeyEnv,
        Duration requestTimeout, Optional<Path> tokenizer) {

    public EndpointConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(servedModel, "servedModel");
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(apiKeyEnv, "apiKeyEnv");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(tokenizer, "tokenizer");
    }
}
