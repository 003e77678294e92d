package dev.unitcost.engine.endpoint.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a replay server answers to one completion request: chunks (with scripted gaps), the usage
 * it reports, how the stream ends, and any failure to inject. Immutable; the {@code with…}
 * methods return changed copies.
 *
 * @param chunks the output, in order
 * @param status 200 for a stream, else the error status (with {@code errorMessage} in the dialect's error body)
 * @param errorMessage the message of an error body or of an error sent mid-stream
 * @param usagePrompt the usage's prompt tokens
 * @param usageCompletion the usage's completion tokens, or -1 for the sum of the chunks' tokens
 * @param sendUsage whether to send usage when the request asks for it
 * @param finishReason the finish reason of the last chunk
 * @param failAfter how many chunks are sent before the failure, or -1 for none
 * @param failure what happens after {@code failAfter} chunks
 * @param stallMillis how long a {@link Failure#STALL} sleeps (really) before going on
 * @param sendDone whether {@code [DONE]} ends the stream
 * @param streaming false: answer with one JSON body (a server that does not stream)
 */
public record Reply(List<Chunk> chunks, int status, String errorMessage, int usagePrompt, int usageCompletion,
        boolean sendUsage, String finishReason, int failAfter, Failure failure, long stallMillis, boolean sendDone,
        boolean streaming) {

    /** Failures injected after {@code failAfter} chunks. */
    public enum Failure { NONE, MALFORMED_LINE, NOT_SSE_LINE, CLOSE, STALL, ERROR_EVENT }

    public Reply {
        chunks = List.copyOf(chunks);
    }

    /** A normal stream of these chunks, finishing with {@code length}, usage of 7 prompt tokens. */
    public static Reply stream(List<Chunk> chunks) {
        return new Reply(chunks, 200, "", 7, -1, true, "length", -1, Failure.NONE, 0, true, true);
    }

    /** {@code n} one-token chunks ("tok0 ", "tok1 ", …), each {@code gapNanos} after the previous. */
    public static Reply tokens(int n, long gapNanos) {
        List<Chunk> chunks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            chunks.add(Chunk.of("tok" + i + " ", 1, gapNanos));
        }
        return stream(chunks);
    }

    /** An error status with the dialect's error body. */
    public static Reply status(int status, String message) {
        return new Reply(List.of(), status, message, 0, 0, false, "", -1, Failure.NONE, 0, false, true);
    }

    public Reply withUsage(int prompt, int completion) {
        return new Reply(chunks, status, errorMessage, prompt, completion, true, finishReason, failAfter, failure,
                stallMillis, sendDone, streaming);
    }

    public Reply withoutUsage() {
        return new Reply(chunks, status, errorMessage, usagePrompt, usageCompletion, false, finishReason, failAfter,
                failure, stallMillis, sendDone, streaming);
    }

    public Reply withFinish(String reason) {
        return new Reply(chunks, status, errorMessage, usagePrompt, usageCompletion, sendUsage, reason, failAfter,
                failure, stallMillis, sendDone, streaming);
    }

    public Reply failingAfter(int chunksSent, Failure what) {
        return new Reply(chunks, status, what == Failure.ERROR_EVENT && errorMessage.isEmpty() ? "scripted failure"
                : errorMessage, usagePrompt, usageCompletion, sendUsage, finishReason, chunksSent, what, stallMillis,
                sendDone, streaming);
    }

    public Reply stallingAfter(int chunksSent, long millis) {
        return new Reply(chunks, status, errorMessage, usagePrompt, usageCompletion, sendUsage, finishReason, chunksSent,
                Failure.STALL, millis, sendDone, streaming);
    }

    public Reply withoutDone() {
        return new Reply(chunks, status, errorMessage, usagePrompt, usageCompletion, sendUsage, finishReason, failAfter,
                failure, stallMillis, false, streaming);
    }

    /** Answers with one JSON completion instead of a stream. */
    public Reply notStreaming() {
        return new Reply(chunks, status, errorMessage, usagePrompt, usageCompletion, sendUsage, finishReason, failAfter,
                failure, stallMillis, sendDone, false);
    }

    /** The completion tokens the usage reports. */
    public int completionTokens() {
        return usageCompletion >= 0 ? usageCompletion : chunks.stream().mapToInt(Chunk::tokens).sum();
    }

    Optional<Failure> failureAt(int chunksSent) {
        return failAfter == chunksSent && failure != Failure.NONE ? Optional.of(failure) : Optional.empty();
    }
}
