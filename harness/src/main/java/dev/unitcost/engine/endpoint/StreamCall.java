package dev.unitcost.engine.endpoint;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;
import java.util.function.LongSupplier;

/**
 * One streamed request as it happens: the server-sent events of its answer, line by line, with
 * each data line timestamped the moment the line has been read (before it is parsed), and the way
 * it ended. Lines arrive on the HTTP client's threads; the requesting thread waits on
 * {@link #finished()}. All state is guarded by this object's lock.
 *
 * <p>Clock readings, in order: none here for the start (the client reads it before sending), one
 * for each {@code data:} (or llama.cpp's {@code error:}) line, and one when the call finishes unless
 * it finished at {@code [DONE]}, whose line's reading is the end. Tests script the clock on that
 * contract.
 *
 * <p>SSE as the specification reads it: a line is a field ({@code data}, {@code event}, {@code id},
 * {@code retry}) with an optional space after the colon, a comment (leading colon) or blank (the
 * event ends). A data line's payload is handled when its line is read, since every server here
 * sends one data line per event; a line that is none of these is a malformed stream, as is a
 * payload that is not the API's JSON.
 */
final class StreamCall implements Flow.Subscriber<String> {

    private final LongSupplier clock;
    private final Redactor redactor;
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private long[] chunkNanos = new long[64];
    private final List<String> texts = new ArrayList<>();
    private int usagePrompt = -1;
    private int usageCompletion = -1;
    private Optional<String> finishReason = Optional.empty();
    private Optional<String> fingerprint = Optional.empty();
    private Optional<String> serverHeader = Optional.empty();
    private boolean errorEvent;
    private int lineNumber;
    private long endNanos;
    private EndpointError error;
    private long ownNanos;
    private Flow.Subscription subscription;

    StreamCall(LongSupplier clock, Redactor redactor) {
        this.clock = clock;
        this.redactor = redactor;
    }

    /** Chooses how the body is read once the status and headers are known. */
    HttpResponse.BodyHandler<Void> bodyHandler() {
        return info -> {
            synchronized (this) {
                serverHeader = info.headers().firstValue("server");
            }
            int status = info.statusCode();
            if (status / 100 != 2) {
                return HttpResponse.BodySubscribers.mapping(
                        HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8), body -> {
                            fail(ErrorKind.HTTP_STATUS, status, ErrorBodies.message(body));
                            return null;
                        });
            }
            String type = info.headers().firstValue("content-type").orElse("text/event-stream");
            if (!type.toLowerCase(java.util.Locale.ROOT).startsWith("text/event-stream")) {
                return HttpResponse.BodySubscribers.mapping(
                        HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8), body -> {
                            fail(ErrorKind.MALFORMED_STREAM, 0, NOT_A_STREAM + type + ")");
                            return null;
                        });
            }
            return HttpResponse.BodySubscribers.fromLineSubscriber(this, s -> null, StandardCharsets.UTF_8, null);
        };
    }

    /** The message that says a server answered a streamed request with one body. */
    static final String NOT_A_STREAM = "answered with one body, not an event stream (Content-Type ";

    @Override
    public void onSubscribe(Flow.Subscription s) {
        synchronized (this) {
            subscription = s;
        }
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
        long entered = System.nanoTime();
        synchronized (this) {
            if (finished.isDone()) {
                return;
            }
            lineNumber++;
            if (line.isEmpty()) {
                errorEvent = false;
            } else if (line.startsWith(":")) {
                // a comment (keep-alive)
            } else {
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1);
                if (value.startsWith(" ")) {
                    value = value.substring(1);
                }
                switch (field) {
                    case "data" -> data(clock.getAsLong(), value, errorEvent);
                    case "error" -> data(clock.getAsLong(), value, true);
                    case "event" -> errorEvent = "error".equals(value);
                    case "id", "retry" -> { }
                    default -> fail(ErrorKind.MALFORMED_STREAM, 0, "line " + lineNumber + " is not a server-sent event field: "
                            + ErrorBodies.oneLine(line));
                }
            }
            ownNanos += System.nanoTime() - entered;
        }
    }

    private void data(long nanos, String payload, boolean isError) {
        if (payload.equals("[DONE]")) {
            finish(nanos, null);
            return;
        }
        SseChunk chunk;
        try {
            chunk = SseChunk.parse(payload);
        } catch (IOException e) {
            if (isError) {
                finish(nanos, error(ErrorKind.HTTP_STATUS, 500, "error in stream: " + ErrorBodies.oneLine(payload)));
            } else {
                finish(nanos, error(ErrorKind.MALFORMED_STREAM, 0, "line " + lineNumber + ": " + e.getMessage() + ": "
                        + ErrorBodies.oneLine(payload)));
            }
            return;
        }
        if (chunk.fingerprint().isPresent()) {
            fingerprint = chunk.fingerprint();
        }
        if (chunk.error().isPresent()) {
            int code = chunk.errorCode() >= 400 && chunk.errorCode() <= 599 ? chunk.errorCode() : 500;
            finish(nanos, error(ErrorKind.HTTP_STATUS, code, "error in stream: " + ErrorBodies.oneLine(chunk.error().get())));
            return;
        }
        if (!chunk.text().isEmpty()) {
            if (texts.size() == chunkNanos.length) {
                chunkNanos = Arrays.copyOf(chunkNanos, chunkNanos.length * 2);
            }
            chunkNanos[texts.size()] = nanos;
            texts.add(chunk.text());
        }
        if (chunk.usageCompletionTokens() >= 0) {
            usagePrompt = chunk.usagePromptTokens();
            usageCompletion = chunk.usageCompletionTokens();
        }
        if (chunk.finishReason().isPresent()) {
            finishReason = chunk.finishReason();
        }
    }

    @Override
    public void onError(Throwable t) {
        failed(t);
    }

    @Override
    public void onComplete() {
        synchronized (this) {
            if (!finished.isDone()) {
                finish(clock.getAsLong(), error(ErrorKind.INCOMPLETE_STREAM, 0, "the stream ended without [DONE]"
                        + finishReason.map(f -> " (after finish_reason " + f + ")").orElse("")));
            }
        }
    }

    /** The exchange failed before or while the body was read. */
    void failed(Throwable t) {
        Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        if (cause instanceof ConnectException) {
            fail(ErrorKind.CONNECTION_REFUSED, 0, "connection refused");
        } else if (cause instanceof HttpTimeoutException) {
            fail(ErrorKind.TIMEOUT, 0, "no answer within the request timeout");
        } else if (cause instanceof java.util.concurrent.CancellationException) {
            fail(ErrorKind.TIMEOUT, 0, "cancelled");
        } else {
            fail(ErrorKind.CONNECTION_LOST, 0, "the connection closed before the stream ended ("
                    + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + ")");
        }
    }

    /** The request ran past its timeout: stop reading. */
    void timedOut(long timeoutMillis) {
        fail(ErrorKind.TIMEOUT, 0, "no complete answer within " + timeoutMillis + " ms");
    }

    synchronized void fail(ErrorKind kind, int status, String message) {
        if (!finished.isDone()) {
            finish(clock.getAsLong(), error(kind, status, message));
        }
    }

    private EndpointError error(ErrorKind kind, int status, String message) {
        return new EndpointError(kind, status, redactor.redact(message));
    }

    private void finish(long nanos, EndpointError e) {
        endNanos = nanos;
        error = e;
        if (e != null && subscription != null) {
            subscription.cancel();
        }
        finished.complete(null);
    }

    CompletableFuture<Void> finished() {
        return finished;
    }

    synchronized long[] chunkNanos() {
        return Arrays.copyOf(chunkNanos, texts.size());
    }

    synchronized List<String> texts() {
        return List.copyOf(texts);
    }

    synchronized int usagePrompt() {
        return usagePrompt;
    }

    synchronized int usageCompletion() {
        return usageCompletion;
    }

    synchronized Optional<String> fingerprint() {
        return fingerprint;
    }

    synchronized Optional<String> serverHeader() {
        return serverHeader;
    }

    synchronized long endNanos() {
        return endNanos;
    }

    synchronized EndpointError error() {
        return error;
    }

    synchronized long ownNanos() {
        return ownNanos;
    }
}
