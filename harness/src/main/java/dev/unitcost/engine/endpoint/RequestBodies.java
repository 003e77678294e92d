package dev.unitcost.engine.endpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/**
 * The JSON a streamed request sends. Always {@code "stream": true} and
 * {@code "stream_options": {"include_usage": true}}, so that the server reports its own token
 * counts in a last chunk; {@code max_tokens} (every server here still reads it for chat as well
 * as completions). A forced length adds {@code "ignore_eos": true} and {@code "min_tokens": N},
 * the sampling parameters vLLM and SGLang accept (llama.cpp reads {@code ignore_eos}; TGI and
 * Ollama's {@code /v1} ignore fields they do not know), unless the server refused them when the
 * client connected.
 */
final class RequestBodies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RequestBodies() {}

    static byte[] stream(Api api, String model, StreamRequest request, boolean forceFields) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", model);
        if (api == Api.CHAT) {
            ObjectNode message = body.putArray("messages").addObject();
            message.put("role", "user");
            message.put("content", request.prompt());
        } else {
            body.put("prompt", request.prompt());
        }
        body.put("max_tokens", request.maxOutputTokens());
        body.put("stream", true);
        body.putObject("stream_options").put("include_usage", true);
        if (request.forceLength() && forceFields) {
            body.put("ignore_eos", true);
            body.put("min_tokens", request.maxOutputTokens());
        }
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
