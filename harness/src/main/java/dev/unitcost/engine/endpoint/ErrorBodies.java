package dev.unitcost.engine.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one-line message inside a server's error body. The servers disagree on the shape:
 * {@code {"error":{"message":…}}} (vLLM, llama.cpp, Ollama), {@code {"object":"error","message":…}}
 * (SGLang, older vLLM), {@code {"error":"…","error_type":…}} (TGI), {@code {"detail":…}} (FastAPI's
 * own errors); anything else is shown as the body's first 200 characters on one line.
 */
final class ErrorBodies {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_CHARS = 200;

    private ErrorBodies() {}

    static String message(String body) {
        if (body == null || body.isBlank()) {
            return "(empty body)";
        }
        try {
            JsonNode root = JSON.readTree(body);
            if (root != null && root.isObject()) {
                JsonNode error = root.get("error");
                if (error != null && error.isObject() && error.hasNonNull("message")) {
                    return oneLine(error.get("message").asText());
                }
                if (error != null && error.isTextual()) {
                    return oneLine(error.asText());
                }
                if (root.hasNonNull("message")) {
                    return oneLine(root.get("message").asText());
                }
                if (root.hasNonNull("detail")) {
                    JsonNode detail = root.get("detail");
                    return oneLine(detail.isTextual() ? detail.asText() : detail.toString());
                }
            }
        } catch (java.io.IOException notJson) {
            // shown as text below
        }
        return oneLine(body);
    }

    static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= MAX_CHARS ? line : line.substring(0, MAX_CHARS) + "…";
    }
}
