package dev.unitcost.engine.endpoint.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * An OpenAI-compatible server on a loopback ephemeral port that answers as one {@link Dialect}
 * does, from a per-request script ({@code Function<ReplayRequest, Reply>}). HTTP/1.1 on a raw
 * socket, keep-alive, chunked streams (one HTTP chunk per SSE line, flushed), so that it can also
 * misbehave as a real server can: close mid-stream without the final chunk, stall, write a line
 * that is not SSE.
 *
 * <p>{@code GET /v1/models} lists the configured models; with a required key, a request without
 * {@code Authorization: Bearer KEY} gets the dialect's 401 (llama.cpp lists its models without
 * one). A completion request for a model it does not serve gets the dialect's 404.
 *
 * <p>Timing: with a {@link VirtualClock} that is armed, the server feeds it the scripted time of
 * each data line it writes and sleeps nothing; otherwise it sleeps each chunk's gap for real.
 *
 * <pre>{@code
 * try (ReplayServer server = ReplayServer.start(Dialect.VLLM, List.of("m"), Optional.empty(),
 *         request -> Reply.tokens(8, 1_000_000), null)) {
 *     URI url = server.baseUrl();
 * }
 * }</pre>
 */
public final class ReplayServer implements AutoCloseable {

    private final Dialect dialect;
    private final List<String> models;
    private final Optional<String> requiredKey;
    private final Function<ReplayRequest, Reply> script;
    private final VirtualClock clock;
    private final ServerSocket socket;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final List<ReplayRequest> received = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private ReplayServer(Dialect dialect, List<String> models, Optional<String> requiredKey,
            Function<ReplayRequest, Reply> script, VirtualClock clock) throws IOException {
        this.dialect = dialect;
        this.models = List.copyOf(models);
        this.requiredKey = requiredKey;
        this.script = script;
        this.clock = clock;
        this.socket = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "replay-" + dialect + "-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * Starts a server.
     *
     * @param clock the clock to feed scripted line times to (null: real time, gaps are slept)
     */
    public static ReplayServer start(Dialect dialect, List<String> models, Optional<String> requiredKey,
            Function<ReplayRequest, Reply> script, VirtualClock clock) {
        try {
            return new ReplayServer(dialect, models, requiredKey, script, clock);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open a loopback port", e);
        }
    }

    /** A real-time server serving one model, {@code m}, without a key. */
    public static ReplayServer start(Dialect dialect, Function<ReplayRequest, Reply> script) {
        return start(dialect, List.of("m"), Optional.empty(), script, null);
    }

    /** A script that answers as the dialect does when asked for {@code max_tokens} and the model would stop after {@code eosAfter}. */
    public static Function<ReplayRequest, Reply> natural(Dialect dialect, int eosAfter, long gapNanos) {
        return request -> {
            int max = request.maxTokens();
            boolean forced = dialect.honoursForcedLength(request);
            int n = forced ? max : Math.min(max, eosAfter);
            return Reply.tokens(n, gapNanos).withFinish(n == max ? "length" : "stop");
        };
    }

    /** {@code http://127.0.0.1:PORT} */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    /** Every request received so far, in arrival order. */
    public List<ReplayRequest> requests() {
        return List.copyOf(received);
    }

    /** Stops listening and drops every open connection at once (as a server that dies). */
    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }

    private void accept() {
        while (!closed) {
            try {
                Socket s = socket.accept();
                s.setTcpNoDelay(true);
                open.add(s);
                Thread t = new Thread(() -> serve(s), "replay-" + dialect + "-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            InputStream in = new BufferedInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            while (!closed) {
                ReplayRequest request = read(in);
                if (request == null) {
                    return;
                }
                received.add(request);
                if (!answer(request, out)) {
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            // the client went away, or the server was closed
        } finally {
            open.remove(s);
        }
    }

    /** Answers one request; false when the connection must end (a scripted close). */
    private boolean answer(ReplayRequest request, OutputStream out) throws IOException, InterruptedException {
        boolean authorised = requiredKey.map(k -> ("Bearer " + k).equals(request.headers().get("authorization")))
                .orElse(true);
        if (request.method().equals("GET") && request.path().equals("/v1/models")) {
            if (!authorised && dialect.modelsNeedKey()) {
                json(out, 401, dialect.errorBody(401, "Unauthorized"));
            } else {
                json(out, 200, dialect.models(models));
            }
            return true;
        }
        if (!request.method().equals("POST") || !(request.path().equals("/v1/chat/completions")
                || request.path().equals("/v1/completions"))) {
            json(out, 404, dialect.errorBody(404, "Not Found"));
            return true;
        }
        if (!authorised) {
            json(out, 401, dialect.errorBody(401, "Unauthorized"));
            return true;
        }
        if (!models.contains(request.model())) {
            json(out, 404, dialect.errorBody(404, "The model `" + request.model() + "` does not exist."));
            return true;
        }
        Reply reply = script.apply(request);
        if (reply.status() != 200) {
            json(out, reply.status(), dialect.errorBody(reply.status(), reply.errorMessage()));
            return true;
        }
        if (!reply.streaming()) {
            json(out, 200, dialect.completion(request, reply));
            return true;
        }
        return stream(request, reply, out);
    }

    private boolean stream(ReplayRequest request, Reply reply, OutputStream out) throws IOException, InterruptedException {
        StringBuilder head = new StringBuilder("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\n"
                + "Cache-Control: no-cache\r\nTransfer-Encoding: chunked\r\n");
        dialect.serverHeader().ifPresent(h -> head.append("Server: ").append(h).append("\r\n"));
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
        boolean virtual = clock != null && clock.armed();
        long now = VirtualClock.START_NANOS;
        List<Chunk> chunks = reply.chunks();
        int sent = 0;
        boolean failed = false;
        for (Dialect.Line line : dialect.lines(request, reply)) {
            if (line.chunk() >= 0 || (sent == chunks.size() && !failed)) {
                Optional<Reply.Failure> failure = reply.failureAt(sent);
                if (failure.isPresent()) {
                    failed = true;
                    if (!fail(failure.get(), reply, out, virtual, now)) {
                        return false;
                    }
                }
            }
            if (line.chunk() >= 0) {
                long gap = chunks.get(line.chunk()).gapNanos();
                now += gap;
                if (!virtual && gap > 0) {
                    sleepNanos(gap);
                }
                sent++;
            }
            write(out, dialect.dataPrefix() + dialect.json(line.json()), virtual, now);
        }
        Optional<Reply.Failure> failure = failed ? Optional.empty() : reply.failureAt(sent);
        if (failure.isPresent() && !fail(failure.get(), reply, out, virtual, now)) {
            return false;
        }
        if (reply.sendDone()) {
            write(out, dialect.dataPrefix() + "[DONE]", virtual, now);
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return true;
    }

    /** Injects a failure; false when the connection is closed. */
    private boolean fail(Reply.Failure failure, Reply reply, OutputStream out, boolean virtual, long now)
            throws IOException, InterruptedException {
        switch (failure) {
            case CLOSE -> {
                out.flush();
                return false;
            }
            case STALL -> {
                Thread.sleep(reply.stallMillis());
                return true;
            }
            case MALFORMED_LINE -> write(out, dialect.dataPrefix() + "{\"choices\":[{\"delta\":{\"content\":\"x\"", virtual, now);
            case NOT_SSE_LINE -> writeRaw(out, "<html>502 Bad Gateway</html>\n\n");
            case ERROR_EVENT -> {
                write(out, dialect.streamedError(reply.errorMessage()), virtual, now);
                if (dialect != Dialect.LLAMA_CPP) {
                    write(out, dialect.dataPrefix() + "[DONE]", virtual, now);
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                return false;
            }
            case NONE -> { }
        }
        return true;
    }

    private void write(OutputStream out, String line, boolean virtual, long now) throws IOException {
        if (virtual) {
            clock.line(now);
        }
        writeRaw(out, line + "\n\n");
    }

    private static void writeRaw(OutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static void json(OutputStream out, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " " + (status == 200 ? "OK" : "Error") + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + bytes.length + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
    }

    /** Sleeps without spinning (a spinning server would take the CPU the client is measured on). */
    private static void sleepNanos(long nanos) throws InterruptedException {
        long end = System.nanoTime() + nanos;
        for (long left = nanos; left > 0; left = end - System.nanoTime()) {
            java.util.concurrent.locks.LockSupport.parkNanos(left);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    /** Reads one request (line, headers, Content-Length body); null at a clean end of the connection. */
    private static ReplayRequest read(InputStream in) throws IOException {
        String requestLine = line(in);
        if (requestLine == null || requestLine.isEmpty()) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        Map<String, String> headers = new HashMap<>();
        for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
            int colon = h.indexOf(':');
            if (colon > 0) {
                headers.put(h.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT), h.substring(colon + 1).strip());
            }
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        JsonNode json = length == 0 ? NullNode.getInstance() : Dialect.JSON.readTree(body);
        return new ReplayRequest(parts[0], parts.length > 1 ? parts[1] : "/", Collections.unmodifiableMap(headers), json);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                String s = buffer.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            buffer.write(b);
        }
        return buffer.size() == 0 ? null : buffer.toString(StandardCharsets.ISO_8859_1);
    }
}
