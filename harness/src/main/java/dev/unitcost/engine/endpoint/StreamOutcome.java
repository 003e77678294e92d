package dev.unitcost.engine.endpoint;

import java.util.Arrays;
import java.util.Objects;

/**
 * What one streamed request saw, in {@link System#nanoTime()} of the client's host.
 *
 * @param id the request's id
 * @param startNanos just before the request was handed to the HTTP client
 * @param chunkNanos when each chunk that carried output text arrived, in order
 * @param chunkTokens how many output tokens each of those chunks carried (by the tokenizer when one
 *     is configured, else 1 per chunk); same length as {@code chunkNanos}
 * @param endNanos when the stream ended ({@code [DONE]}, close or failure)
 * @param usagePromptTokens the server's {@code usage.prompt_tokens}, or -1 when it sent none
 * @param usageCompletionTokens the server's {@code usage.completion_tokens}, or -1 when it sent none
 * @param forcedLength whether a forced length was asked for and honoured
 * @param error the failure, or null for a request that completed
 * @param clientNanos time the client itself spent on this stream (parsing, counting, recording),
 *     outside waiting for bytes: its overhead, reported per token
 */
public record StreamOutcome(String id, long startNanos, long[] chunkNanos, int[] chunkTokens, long endNanos,
        int usagePromptTokens, int usageCompletionTokens, ForcedLength forcedLength, EndpointError error,
        long clientNanos) {

    public StreamOutcome {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(forcedLength, "forcedLength");
        if (chunkNanos.length != chunkTokens.length) {
            throw new IllegalArgumentException("one token count per chunk: " + chunkNanos.length + " chunks, "
                    + chunkTokens.length + " counts");
        }
        chunkNanos = chunkNanos.clone();
        chunkTokens = chunkTokens.clone();
    }

    public boolean ok() {
        return error == null;
    }

    /** Output tokens the client counted (the sum over chunks). */
    public int countedOutputTokens() {
        return Arrays.stream(chunkTokens).sum();
    }

    @Override
    public long[] chunkNanos() {
        return chunkNanos.clone();
    }

    @Override
    public int[] chunkTokens() {
        return chunkTokens.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StreamOutcome s && s.id.equals(id) && s.startNanos == startNanos
                && Arrays.equals(s.chunkNanos, chunkNanos) && Arrays.equals(s.chunkTokens, chunkTokens)
                && s.endNanos == endNanos && s.usagePromptTokens == usagePromptTokens
                && s.usageCompletionTokens == usageCompletionTokens && s.forcedLength == forcedLength
                && Objects.equals(s.error, error) && s.clientNanos == clientNanos;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, startNanos, Arrays.hashCode(chunkNanos), endNanos, error);
    }

    @Override
    public String toString() {
        return "StreamOutcome[" + id + ", chunks=" + chunkNanos.length + ", tokens=" + countedOutputTokens()
                + (error == null ? "" : ", error=" + error) + "]";
    }
}
