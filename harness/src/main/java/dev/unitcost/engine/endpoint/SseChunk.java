package dev.unitcost.engine.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;

/**
 * One {@code data:} payload of an OpenAI-compatible stream, reduced to what a measurement needs.
 *
 * <p>The fields read are the ones the five servers share: {@code choices[0].delta.content} (chat)
 * or {@code choices[0].text} (completions), plus the reasoning text some servers stream beside the
 * answer ({@code delta.reasoning_content} in vLLM and SGLang, {@code delta.reasoning} in Ollama),
 * which is output the model generated and the server counts; {@code choices[0].finish_reason}
 * (TGI sends an empty string for "not yet", the others null); {@code usage} (a chunk of its own
 * with empty {@code choices} when {@code stream_options.include_usage} is set; TGI and SGLang also
 * write {@code "usage":null} on every chunk); {@code system_fingerprint}; and an {@code error}
 * that a server writes into the stream after it has started (an object with {@code message} and
 * {@code code} in vLLM, SGLang and llama.cpp, a string beside {@code error_type} in TGI). Anything
 * else (llama.cpp's {@code timings}, ids, logprobs) is ignored.
 *
 * @param text the output text this chunk carried (empty when none: the role chunk, the usage chunk)
 * @param finishReason the choice's finish reason, when it has one
 * @param usagePromptTokens {@code usage.prompt_tokens}, or -1
 * @param usageCompletionTokens {@code usage.completion_tokens}, or -1
 * @param fingerprint {@code system_fingerprint}, when present
 * @param error the server's error message when the payload is an error, else empty
 * @param errorCode the error's numeric code when it gave one, else 0
 */
record SseChunk(String text, Optional<String> finishReason, int usagePromptTokens, int usageCompletionTokens,
        Optional<String> fingerprint, Optional<String> error, int errorCode) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Parses one payload.
     *
     * @throws IOException when it is not JSON, or JSON without the shape of a chunk
     */
    static SseChunk parse(String payload) throws IOException {
        JsonNode root = JSON.readTree(payload);
        if (root == null || !root.isObject()) {
            throw new IOException("a data line was not a JSON object");
        }
        Optional<String> fingerprint = text(root.get("system_fingerprint"));
        JsonNode error = root.get("error");
        if (error != null && !error.isNull()) {
            return errorChunk(error.isObject() ? text(error.get("message")).orElse(error.toString()) : error.asText(),
                    error.isObject() ? error.path("code").asInt(0) : 0, fingerprint);
        }
        if ("error".equals(root.path("object").asText())) {
            return errorChunk(text(root.get("message")).orElse(root.toString()), root.path("code").asInt(0), fingerprint);
        }
        JsonNode choices = root.get("choices");
        JsonNode usage = root.get("usage");
        if (choices == null && (usage == null || usage.isNull())) {
            throw new IOException("a data line had neither choices nor usage");
        }
        String text = "";
        Optional<String> finish = Optional.empty();
        if (choices != null && choices.isArray() && choices.size() > 0) {
            JsonNode choice = choices.get(0);
            JsonNode delta = choice.get("delta");
            StringBuilder out = new StringBuilder();
            if (delta != null && delta.isObject()) {
                text(delta.get("reasoning_content")).ifPresent(out::append);
                text(delta.get("reasoning")).ifPresent(out::append);
                text(delta.get("content")).ifPresent(out::append);
            } else {
                text(choice.get("text")).ifPresent(out::append);
            }
            text = out.toString();
            finish = text(choice.get("finish_reason")).filter(f -> !f.isEmpty());
        }
        int prompt = -1;
        int completion = -1;
        if (usage != null && usage.isObject()) {
            prompt = usage.path("prompt_tokens").asInt(-1);
            completion = usage.path("completion_tokens").asInt(-1);
        }
        return new SseChunk(text, finish, prompt, completion, fingerprint, Optional.empty(), 0);
    }

    private static SseChunk errorChunk(String message, int code, Optional<String> fingerprint) {
        return new SseChunk("", Optional.empty(), -1, -1, fingerprint, Optional.of(message), code);
    }

    private static Optional<String> text(JsonNode node) {
        return node == null || node.isNull() ? Optional.empty() : Optional.of(node.asText());
    }
}
