package dev.unitcost.engine.endpoint.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.Map;

/**
 * A request a replay server received.
 *
 * @param method GET or POST
 * @param path the request path ({@code /v1/chat/completions})
 * @param headers header names in lower case, the last value of each
 * @param body the JSON body, {@link NullNode} when there was none
 */
public record ReplayRequest(String method, String path, Map<String, String> headers, JsonNode body) {

    public ReplayRequest {
        headers = Map.copyOf(headers);
    }

    public int maxTokens() {
        return body.path("max_tokens").asInt(16);
    }

    public boolean ignoreEos() {
        return body.path("ignore_eos").asBoolean(false);
    }

    public int minTokens() {
        return body.path("min_tokens").asInt(0);
    }

    public boolean includeUsage() {
        return body.path("stream_options").path("include_usage").asBoolean(false);
    }

    public boolean chat() {
        return path.endsWith("/chat/completions");
    }

    public String model() {
        return body.path("model").asText("");
    }
}
