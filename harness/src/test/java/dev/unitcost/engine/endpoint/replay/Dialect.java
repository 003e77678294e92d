package dev.unitcost.engine.endpoint.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How each server writes its OpenAI-compatible answers: the framing of its data lines, the JSON of
 * its chunks, where its usage goes, its error bodies and mid-stream errors, its model list, its
 * {@code Server} header, and whether it honours {@code ignore_eos}/{@code min_tokens}.
 *
 * <p>Facts as their projects publish them (serving code, docs and captured streams), carried over
 * as facts; nothing here is their code:
 * <ul>
 *   <li>vLLM (FastAPI on uvicorn): a first chunk with {@code delta.role} and empty content; chunks
 *       without {@code usage} (unset fields are left out); the finish reason on the last text
 *       chunk; usage as a chunk of its own with {@code "choices":[]}; error bodies
 *       {@code {"error":{"message","type","param","code"}}}; a failure mid-stream as a data line with
 *       such an error followed by {@code [DONE]}; {@code owned_by: "vllm"}; its API-key middleware
 *       answers 401 {@code {"error":"Unauthorized"}}; honours {@code ignore_eos} and {@code min_tokens}.
 *   <li>TGI's Messages API (axum): {@code data:} without a space; {@code "id":""}; the version as
 *       {@code system_fingerprint} ({@code 2.4.0-native}); {@code "usage":null} on every chunk;
 *       completions chunks with
 *       {@code "finish_reason":""} until the end; errors {@code {"error":"…","error_type":"…"}}
 *       (422 for validation); {@code owned_by} is the model id; generation parameters it does not
 *       know are ignored, so a forced length is not honoured.
 *   <li>SGLang (FastAPI on uvicorn): every field written ({@code "usage":null},
 *       {@code "reasoning_content":null}, {@code "matched_stop":null}); usage as a chunk of its own;
 *       errors {@code {"object":"error","message","type","param","code"}}; {@code owned_by: "sglang"};
 *       honours {@code ignore_eos} and {@code min_tokens}.
 *   <li>llama.cpp's server: {@code Server: llama.cpp}; a first chunk with the role and
 *       {@code "content":null}; a last chunk with an empty delta and the finish reason; usage in a
 *       chunk of its own with {@code "choices":[]} and a {@code timings} object ({@code prompt_n},
 *       {@code prompt_ms}, {@code predicted_n}, {@code predicted_ms}, per-token and per-second
 *       figures); the build as {@code system_fingerprint}; errors
 *       {@code {"error":{"code","message","type"}}}; a failure mid-stream as an {@code error:} line
 *       (not a data line); {@code /v1/models} answers without the API key; {@code owned_by:
 *       "llamacpp"}; honours {@code ignore_eos}.
 *   <li>Ollama's {@code /v1} (Go): {@code system_fingerprint: "fp_ollama"}; {@code delta.role} on
 *       every chunk; {@code <}, {@code >} and {@code &} escaped as {@code \u003c} etc. (Go's
 *       JSON); usage as a chunk of its own when asked; errors
 *       {@code {"error":{"message","type":"api_error","param":null,"code":null}}}; models owned by
 *       their namespace ({@code library}); no {@code ignore_eos} or {@code min_tokens}.
 * </ul>
 * Where a detail could not be confirmed from a published source, the replay makes a choice and
 * says so: TGI's usage rides on its last chunk, the one with the finish reason (where OpenAI puts
 * it on a chunk of its own, so both places are exercised); TGI's 401 body and its mid-stream error
 * line, and Ollama's 401 (only a proxy in front of it would send one), use the dialect's ordinary
 * error shape.
 */
public enum Dialect {
    VLLM, TGI, SGLANG, LLAMA_CPP, OLLAMA;

    static final ObjectMapper JSON = new ObjectMapper();
    static final long CREATED = 1_764_460_800L;

    /** The {@code data:} prefix of a line. */
    String dataPrefix() {
        return this == TGI ? "data:" : "data: ";
    }

    Optional<String> serverHeader() {
        return switch (this) {
            case VLLM, SGLANG -> Optional.of("uvicorn");
            case LLAMA_CPP -> Optional.of("llama.cpp");
            case TGI, OLLAMA -> Optional.empty();
        };
    }

    /** Whether the request's forced-length fields make it generate exactly {@code max_tokens}. */
    public boolean honoursForcedLength(ReplayRequest request) {
        return switch (this) {
            case VLLM, SGLANG -> request.ignoreEos() || request.minTokens() >= request.maxTokens();
            case LLAMA_CPP -> request.ignoreEos();
            case TGI, OLLAMA -> false;
        };
    }

    /** Whether {@code /v1/models} needs the API key. */
    boolean modelsNeedKey() {
        return this != LLAMA_CPP;
    }

    /** The payloads of a whole, successful stream before {@code [DONE]}, one per data line, with whether each carries text. */
    List<Line> lines(ReplayRequest request, Reply reply) {
        List<Line> lines = new ArrayList<>();
        boolean chat = request.chat();
        List<Chunk> chunks = reply.chunks();
        boolean usage = reply.sendUsage() && request.includeUsage();
        if (chat && (this == VLLM || this == LLAMA_CPP || this == SGLANG)) {
            lines.add(new Line(roleChunk(request), -1));
        }
        for (int i = 0; i < chunks.size(); i++) {
            boolean last = i == chunks.size() - 1;
            boolean finishHere = last && (this == VLLM || this == SGLANG || this == OLLAMA);
            lines.add(new Line(chunk(request, chunks.get(i).text(), finishHere ? reply.finishReason() : null), i));
        }
        if (this == LLAMA_CPP || this == TGI) {
            ObjectNode end = chunk(request, this == TGI ? "" : null, reply.finishReason());
            if (this == TGI && usage) {
                end.set("usage", usage(reply));
            }
            lines.add(new Line(end, -1));
        }
        if (usage && this != TGI) {
            ObjectNode u = envelope(request);
            u.putArray("choices");
            u.set("usage", usage(reply));
            if (this == LLAMA_CPP) {
                ObjectNode t = u.putObject("timings");
                int n = reply.completionTokens();
                t.put("prompt_n", reply.usagePrompt());
                t.put("prompt_ms", 12.5);
                t.put("prompt_per_token_ms", 12.5 / Math.max(1, reply.usagePrompt()));
                t.put("prompt_per_second", reply.usagePrompt() / 0.0125);
                t.put("predicted_n", n);
                t.put("predicted_ms", 20.0 * n);
                t.put("predicted_per_token_ms", 20.0);
                t.put("predicted_per_second", 50.0);
            }
            lines.add(new Line(u, -1));
        }
        return lines;
    }

    /** One data line's JSON and the index of the chunk whose text it carries (-1: none). */
    record Line(ObjectNode json, int chunk) {}

    private ObjectNode envelope(ReplayRequest request) {
        ObjectNode o = JSON.createObjectNode();
        boolean chat = request.chat();
        String object = chat ? "chat.completion.chunk" : "text_completion";
        switch (this) {
            case VLLM -> {
                o.put("id", (chat ? "chatcmpl-" : "cmpl-") + "9f2c1e");
                o.put("object", object);
                o.put("created", CREATED);
                o.put("model", request.model());
            }
            case TGI -> {
                o.put("object", object);
                o.put("id", "");
                o.put("created", CREATED);
                o.put("model", request.model());
                o.put("system_fingerprint", "2.4.0-native");
            }
            case SGLANG -> {
                o.put("id", "5d8a3b0e9c2f4e7a");
                o.put("object", object);
                o.put("created", CREATED);
                o.put("model", request.model());
            }
            case LLAMA_CPP -> {
                o.put("created", CREATED);
                o.put("id", "chatcmpl-Xq3v");
                o.put("model", request.model());
                o.put("system_fingerprint", "b6100-1a2b3c4d");
                o.put("object", object);
            }
            case OLLAMA -> {
                o.put("id", "chatcmpl-731");
                o.put("object", object);
                o.put("created", CREATED);
                o.put("model", request.model());
                o.put("system_fingerprint", "fp_ollama");
            }
        }
        return o;
    }

    private ObjectNode roleChunk(ReplayRequest request) {
        ObjectNode o = envelope(request);
        ObjectNode choice = o.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode delta = choice.putObject("delta");
        delta.put("role", "assistant");
        if (this == LLAMA_CPP) {
            delta.putNull("content");
        } else {
            delta.put("content", "");
        }
        choice.putNull("logprobs");
        choice.putNull("finish_reason");
        if (this == SGLANG) {
            o.putNull("usage");
        }
        return o;
    }

    /** A chunk with this text (null: an empty delta) and finish reason (null: none yet). */
    private ObjectNode chunk(ReplayRequest request, String text, String finish) {
        ObjectNode o = envelope(request);
        ArrayNode choices = o.putArray("choices");
        ObjectNode choice = choices.addObject();
        choice.put("index", 0);
        if (request.chat()) {
            ObjectNode delta = choice.putObject("delta");
            if (this == TGI || this == OLLAMA) {
                delta.put("role", "assistant");
            }
            if (text != null) {
                delta.put("content", text);
            }
            if (this == SGLANG) {
                delta.putNull("reasoning_content");
                delta.putNull("tool_calls");
            }
        } else {
            choice.put("text", text == null ? "" : text);
        }
        if (this != OLLAMA && this != LLAMA_CPP) {
            choice.putNull("logprobs");
        }
        if (finish != null) {
            choice.put("finish_reason", finish);
        } else if (this == TGI && !request.chat()) {
            choice.put("finish_reason", "");
        } else {
            choice.putNull("finish_reason");
        }
        if (this == VLLM && !request.chat()) {
            choice.putNull("stop_reason");
        }
        if (this == SGLANG) {
            choice.putNull("matched_stop");
            o.putNull("usage");
        }
        if (this == TGI) {
            o.putNull("usage");
        }
        return o;
    }

    private ObjectNode usage(Reply reply) {
        ObjectNode u = JSON.createObjectNode();
        u.put("prompt_tokens", reply.usagePrompt());
        u.put("total_tokens", reply.usagePrompt() + reply.completionTokens());
        u.put("completion_tokens", reply.completionTokens());
        if (this == SGLANG) {
            u.putNull("prompt_tokens_details");
        }
        return u;
    }

    /** The body of an error answer. */
    String errorBody(int status, String message) {
        ObjectNode o = JSON.createObjectNode();
        switch (this) {
            case VLLM -> {
                if (status == 401) {
                    o.put("error", "Unauthorized");
                } else {
                    ObjectNode e = o.putObject("error");
                    e.put("message", message);
                    e.put("type", status == 404 ? "NotFoundError" : status >= 500 ? "InternalServerError" : "BadRequestError");
                    e.putNull("param");
                    e.put("code", status);
                }
            }
            case TGI -> {
                o.put("error", message);
                o.put("error_type", status == 422 ? "validation" : status == 401 ? "authentication" : "generation");
            }
            case SGLANG -> {
                o.put("object", "error");
                o.put("message", message);
                o.put("type", status >= 500 ? "InternalServerError" : "BadRequestError");
                o.putNull("param");
                o.put("code", status);
            }
            case LLAMA_CPP -> {
                ObjectNode e = o.putObject("error");
                e.put("code", status);
                e.put("message", status == 401 ? "Invalid API Key" : message);
                e.put("type", status == 401 ? "authentication_error" : status >= 500 ? "server_error" : "invalid_request_error");
            }
            case OLLAMA -> {
                ObjectNode e = o.putObject("error");
                e.put("message", message);
                e.put("type", "api_error");
                e.putNull("param");
                e.putNull("code");
            }
        }
        return json(o);
    }

    /** The line a server writes when generation fails after the stream started (the {@code data:} or {@code error:} prefix included). */
    String streamedError(String message) {
        if (this == LLAMA_CPP) {
            ObjectNode e = JSON.createObjectNode();
            e.put("code", 500);
            e.put("message", message);
            e.put("type", "server_error");
            return "error: " + json(e);
        }
        return dataPrefix() + errorBody(500, message);
    }

    /** The body of {@code /v1/models}. */
    String models(List<String> ids) {
        ObjectNode o = JSON.createObjectNode();
        o.put("object", "list");
        ArrayNode data = o.putArray("data");
        for (String id : ids) {
            ObjectNode m = data.addObject();
            m.put("id", id);
            m.put("object", "model");
            m.put("created", CREATED);
            switch (this) {
                case VLLM -> {
                    m.put("owned_by", "vllm");
                    m.put("root", id);
                    m.putNull("parent");
                    m.put("max_model_len", 8192);
                }
                case TGI -> m.put("owned_by", id);
                case SGLANG -> {
                    m.put("owned_by", "sglang");
                    m.put("root", id);
                    m.put("max_model_len", 8192);
                }
                case LLAMA_CPP -> {
                    m.put("owned_by", "llamacpp");
                    m.putObject("meta").put("n_ctx_train", 8192).put("n_vocab", 128256);
                }
                case OLLAMA -> m.put("owned_by", "library");
            }
        }
        return json(o);
    }

    /** The one JSON body of a server that answered a streamed request without streaming. */
    String completion(ReplayRequest request, Reply reply) {
        ObjectNode o = envelope(request);
        o.put("object", request.chat() ? "chat.completion" : "text_completion");
        ObjectNode choice = o.putArray("choices").addObject();
        choice.put("index", 0);
        StringBuilder text = new StringBuilder();
        reply.chunks().forEach(c -> text.append(c.text()));
        if (request.chat()) {
            choice.putObject("message").put("role", "assistant").put("content", text.toString());
        } else {
            choice.put("text", text.toString());
        }
        choice.put("finish_reason", reply.finishReason());
        o.set("usage", usage(reply));
        return json(o);
    }

    String json(ObjectNode o) {
        String s = o.toString();
        if (this == OLLAMA) {
            s = s.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        }
        return s;
    }
}
