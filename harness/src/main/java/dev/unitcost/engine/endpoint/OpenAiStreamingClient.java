package dev.unitcost.engine.endpoint;

import dev.unitcost.engine.djl.HfTokenizer;
import dev.unitcost.model.Tokenizer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Streams requests to an OpenAI-compatible server ({@code /v1/chat/completions} or
 * {@code /v1/completions}) over server-sent events with {@code java.net.http}, HTTP/1.1.
 *
 * <p>{@link #connect(EndpointConfig)} checks the server before anything is measured
 * ({@link Preflight}) and is a {@link StreamingClientFactory}. {@link #send} is thread-safe and
 * blocks until the stream ends, the request timeout passes or the thread is interrupted; whatever
 * the server does wrong is in the outcome.
 *
 * <p>Timing: the start is read from the clock just before the request is handed to the HTTP
 * client, each data line as soon as the line has been read (before it is parsed), the end at
 * {@code [DONE]} or when the call fails. The clock is injectable so that tests script every
 * reading ({@link StreamCall} lists them). The client's own time per stream (parsing each line,
 * recording it, counting tokens afterwards) is measured with {@link System#nanoTime()} and
 * returned as {@link StreamOutcome#clientNanos()}; the JDK's HTTP decoding and line splitting are
 * not in it.
 *
 * <p>The API key is read from the environment variable {@link EndpointConfig#apiKeyEnv()} names
 * when connecting, held only to set the {@code Authorization} header, and removed from every
 * message a server sends back ({@link Redactor}).
 */
public final class OpenAiStreamingClient implements StreamingClient {

    private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final long AFTER_DONE_NANOS = 500_000_000L;

    private final EndpointConfig config;
    private final URI base;
    private final Optional<String> apiKey;
    private final Redactor redactor;
    private final LongSupplier clock;
    private final TokenCounter counter;
    private final Tokenizer tokenizer;
    private final ExecutorService executor;
    private final HttpClient http;
    private volatile boolean forceFields = true;
    private volatile EndpointFacts facts;

    private OpenAiStreamingClient(EndpointConfig config, Optional<String> apiKey, LongSupplier clock,
            Tokenizer tokenizer) {
        this.config = config;
        this.base = root(config.baseUrl());
        this.apiKey = apiKey;
        this.redactor = new Redactor(apiKey.orElse(""));
        this.clock = clock;
        this.tokenizer = tokenizer;
        this.counter = tokenizer == null ? TokenCounter.ONE_PER_CHUNK : TokenCounter.of(tokenizer);
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "endpoint-http");
            t.setDaemon(true);
            return t;
        });
        Duration connect = config.requestTimeout().compareTo(MAX_CONNECT_TIMEOUT) < 0 ? config.requestTimeout()
                : MAX_CONNECT_TIMEOUT;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connect)
                .executor(executor).build();
    }

    /** Connects with the process's environment and {@link System#nanoTime()}: the factory a run uses. */
    public static OpenAiStreamingClient connect(EndpointConfig config) {
        return connect(config, System::getenv, System::nanoTime);
    }

    /**
     * Connects, reading the API key's variable through {@code environment} and timing with
     * {@code clock} (monotonic nanoseconds, thread-safe).
     *
     * @throws dev.unitcost.InputException naming {@code endpoint}, {@code apiKeyEnv} or
     *     {@code servedModel} when the server cannot be measured as configured
     */
    public static OpenAiStreamingClient connect(EndpointConfig config, Function<String, String> environment,
            LongSupplier clock) {
        Optional<String> key = Preflight.apiKey(config, environment);
        Tokenizer tokenizer = config.tokenizer().map(HfTokenizer::load).orElse(null);
        OpenAiStreamingClient client = new OpenAiStreamingClient(config, key, clock, tokenizer);
        try {
            client.facts = new Preflight(client).run();
            return client;
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    @Override
    public StreamOutcome send(StreamRequest request) throws InterruptedException {
        return exchange(request, clock).outcome();
    }

    @Override
    public EndpointFacts facts() {
        return facts;
    }

    @Override
    public void close() {
        executor.shutdownNow();
        if (tokenizer != null) {
            tokenizer.close();
        }
    }

    /** One request's outcome with what the answer said about the server. */
    record Exchange(StreamOutcome outcome, Optional<String> fingerprint, Optional<String> serverHeader) {}

    Exchange exchange(StreamRequest request, LongSupplier timestamps) throws InterruptedException {
        StreamCall call = new StreamCall(timestamps, redactor);
        HttpRequest.Builder builder = HttpRequest.newBuilder(route(config.api().path()))
                .timeout(config.requestTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(
                        RequestBodies.stream(config.api(), config.servedModel(), request, forceFields)));
        apiKey.ifPresent(k -> builder.header("Authorization", "Bearer " + k));
        HttpRequest httpRequest = builder.build();
        long startNanos = timestamps.getAsLong();
        CompletableFuture<HttpResponse<Void>> response = http.sendAsync(httpRequest, call.bodyHandler());
        response.whenComplete((r, t) -> {
            if (t != null) {
                call.failed(t);
            }
        });
        long deadline = System.nanoTime() + config.requestTimeout().toNanos();
        try {
            call.finished().get(config.requestTimeout().toNanos(), TimeUnit.NANOSECONDS);
            if (call.error() == null) {
                // [DONE] ended the stream; let the exchange end too (briefly: a server may hold the
                // response open), so that its connection is back in the pool before the next request,
                // which would otherwise open a new one
                awaitQuietly(response, Math.min(deadline, System.nanoTime() + AFTER_DONE_NANOS));
            }
        } catch (TimeoutException e) {
            call.timedOut(config.requestTimeout().toMillis());
            response.cancel(true);
        } catch (InterruptedException e) {
            call.fail(ErrorKind.TIMEOUT, 0, "interrupted");
            response.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw new IllegalStateException("a stream's completion cannot fail", e);
        }
        long countStart = System.nanoTime();
        List<String> texts = call.texts();
        int[] tokens = counter.perChunk(texts);
        long countNanos = System.nanoTime() - countStart;
        EndpointError error = call.error();
        int usageCompletion = call.usageCompletion();
        StreamOutcome outcome = new StreamOutcome(request.id(), startNanos, call.chunkNanos(), tokens, call.endNanos(),
                call.usagePrompt(), usageCompletion, forcedLength(request, error, usageCompletion, tokens), error,
                call.ownNanos() + countNanos);
        return new Exchange(outcome, call.fingerprint(), call.serverHeader());
    }

    private static void awaitQuietly(CompletableFuture<?> response, long deadlineNanos) throws InterruptedException {
        try {
            response.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException e) {
            response.cancel(true); // the outcome is already complete; what follows [DONE] does not change it
        }
    }

    /**
     * Whether a forced length was asked for and got: by the server's count when it sent one, else
     * the client's.
     */
    static ForcedLength forcedLength(StreamRequest request, EndpointError error, int usageCompletion, int[] tokens) {
        if (!request.forceLength()) {
            return ForcedLength.NOT_ASKED;
        }
        if (error != null) {
            return ForcedLength.UNKNOWN;
        }
        int got = usageCompletion >= 0 ? usageCompletion : java.util.Arrays.stream(tokens).sum();
        return got >= request.maxOutputTokens() ? ForcedLength.HONOURED : ForcedLength.NOT_HONOURED;
    }

    EndpointConfig config() {
        return config;
    }

    /** The server's root, as the user's URL names it without {@code /v1}. */
    URI base() {
        return base;
    }

    /** A route ({@code /v1/models}) under the server's root, keeping any path prefix the root has. */
    URI route(String path) {
        return URI.create(base + path);
    }

    HttpClient http() {
        return http;
    }

    Optional<String> apiKey() {
        return apiKey;
    }

    Redactor redactor() {
        return redactor;
    }

    /** Whether forced-length requests carry {@code ignore_eos}/{@code min_tokens}. */
    void forceFields(boolean send) {
        forceFields = send;
    }

    /** The server's root without a trailing {@code /}; a trailing {@code /v1} is dropped, since routes carry it. */
    static URI root(URI url) {
        String s = url.toString();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.endsWith("/v1")) {
            s = s.substring(0, s.length() - 3);
        }
        return URI.create(s);
    }
}
