package dev.unitcost.engine.endpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitcost.engine.endpoint.replay.Dialect;
import dev.unitcost.engine.endpoint.replay.ReplayRequest;
import dev.unitcost.engine.endpoint.replay.ReplayServer;
import dev.unitcost.engine.endpoint.replay.Reply;
import dev.unitcost.engine.endpoint.replay.Reply.Failure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the server does wrong is an outcome by kind, with the chunks that came before it kept;
 * nothing is thrown and nothing is dropped.
 */
class StreamFailureTest {

    /** The preflight's request gets a normal answer; the measured one gets {@code reply}. */
    static Function<ReplayRequest, Reply> after(Reply reply) {
        return r -> r.maxTokens() == Preflight.PROBE_TOKENS ? Reply.tokens(16, 0) : reply;
    }

    static StreamOutcome sendOnce(Dialect dialect, Reply reply, Duration timeout) throws InterruptedException {
        try (ReplayServer server = ReplayServer.start(dialect, List.of("m"), Optional.empty(), after(reply), null);
                OpenAiStreamingClient client = OpenAiStreamingClient.connect(new EndpointConfig(server.baseUrl(), "m",
                        Api.CHAT, Optional.empty(), timeout, Optional.empty()), Map.<String, String>of()::get, System::nanoTime)) {
            return client.send(new StreamRequest("r", "p", -1, 32, false));
        }
    }

    static StreamOutcome sendOnce(Dialect dialect, Reply reply) throws InterruptedException {
        return sendOnce(dialect, reply, Duration.ofSeconds(10));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void http500WithTheServersMessage(Dialect dialect) throws InterruptedException {
        StreamOutcome o = sendOnce(dialect, Reply.status(500, "CUDA out of memory"));
        assertEquals(ErrorKind.HTTP_STATUS, o.error().kind());
        assertEquals(500, o.error().httpStatus());
        assertEquals("CUDA out of memory", o.error().message());
        assertEquals(0, o.chunkNanos().length);
        assertEquals(ForcedLength.NOT_ASKED, o.forcedLength());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void anErrorSentMidStreamKeepsWhatCameBefore(Dialect dialect) throws InterruptedException {
        StreamOutcome o = sendOnce(dialect, Reply.tokens(6, 0).failingAfter(2, Failure.ERROR_EVENT));
        assertEquals(ErrorKind.HTTP_STATUS, o.error().kind());
        assertEquals(500, o.error().httpStatus());
        assertTrue(o.error().message().contains("scripted failure"), o.error().message());
        assertEquals(2, o.chunkNanos().length);
    }

    @Test
    void aStallPastTheTimeoutIsATimeout() throws InterruptedException {
        StreamOutcome o = sendOnce(Dialect.VLLM, Reply.tokens(6, 0).stallingAfter(3, 8_000), Duration.ofMillis(1_500));
        assertEquals(ErrorKind.TIMEOUT, o.error().kind());
        assertEquals(3, o.chunkNanos().length);
        assertTrue(o.endNanos() >= o.chunkNanos()[2]);
    }

    @Test
    void aKeyTheServerEchoesIsNotInTheOutcome() throws InterruptedException {
        String key = "sk-live-91c0ffee";
        Function<ReplayRequest, Reply> echo = r -> r.maxTokens() == Preflight.PROBE_TOKENS ? Reply.tokens(16, 0)
                : Reply.status(500, "upstream rejected " + r.headers().get("authorization"));
        try (ReplayServer server = ReplayServer.start(Dialect.VLLM, List.of("m"), Optional.empty(), echo, null);
                OpenAiStreamingClient client = OpenAiStreamingClient.connect(new EndpointConfig(server.baseUrl(), "m",
                        Api.CHAT, Optional.of("K"), Duration.ofSeconds(10), Optional.empty()), Map.of("K", key)::get,
                        System::nanoTime)) {
            StreamOutcome o = client.send(new StreamRequest("r", "p", -1, 8, false));
            assertEquals("upstream rejected Bearer [API key]", o.error().message());
            assertTrue(!o.toString().contains(key));
        }
    }

    @Test
    void aMalformedDataLine() throws InterruptedException {
        StreamOutcome o = sendOnce(Dialect.SGLANG, Reply.tokens(6, 0).failingAfter(4, Failure.MALFORMED_LINE));
        assertEquals(ErrorKind.MALFORMED_STREAM, o.error().kind());
        assertEquals(4, o.chunkNanos().length);
    }

    @Test
    void aLineThatIsNotServerSentEvents() throws InterruptedException {
        StreamOutcome o = sendOnce(Dialect.OLLAMA, Reply.tokens(6, 0).failingAfter(1, Failure.NOT_SSE_LINE));
        assertEquals(ErrorKind.MALFORMED_STREAM, o.error().kind());
        assertTrue(o.error().message().contains("not a server-sent event field"), o.error().message());
        assertEquals(1, o.chunkNanos().length);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aConnectionClosedMidStreamIsLost(Dialect dialect) throws InterruptedException {
        StreamOutcome o = sendOnce(dialect, Reply.tokens(6, 0).failingAfter(3, Failure.CLOSE));
        assertEquals(ErrorKind.CONNECTION_LOST, o.error().kind());
        assertEquals(3, o.chunkNanos().length);
        assertArrayEquals(new int[] {1, 1, 1}, o.chunkTokens());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aStreamWithoutDoneIsIncomplete(Dialect dialect) throws InterruptedException {
        StreamOutcome o = sendOnce(dialect, Reply.tokens(4, 0).withoutDone());
        assertEquals(ErrorKind.INCOMPLETE_STREAM, o.error().kind());
        assertEquals(4, o.chunkNanos().length);
        assertEquals(4, o.usageCompletionTokens(), "the usage chunk came before the end");
    }

    @Test
    void aServerKilledWhileStreaming() throws Exception {
        CountDownLatch streaming = new CountDownLatch(1);
        Function<ReplayRequest, Reply> script = r -> {
            if (r.maxTokens() == Preflight.PROBE_TOKENS) {
                return Reply.tokens(16, 0);
            }
            streaming.countDown();
            return Reply.tokens(200, 50_000_000L); // 10 s of stream: the kill 150 ms in lands mid-stream even on a loaded machine
        };
        try (ReplayServer server = ReplayServer.start(Dialect.VLLM, List.of("m"), Optional.empty(), script, null);
                OpenAiStreamingClient client = OpenAiStreamingClient.connect(new EndpointConfig(server.baseUrl(), "m",
                        Api.CHAT, Optional.empty(), Duration.ofSeconds(20), Optional.empty()), Map.<String, String>of()::get,
                        System::nanoTime)) {
            Thread killer = new Thread(() -> {
                try {
                    streaming.await(10, TimeUnit.SECONDS);
                    Thread.sleep(150);
                } catch (InterruptedException e) {
                    return;
                }
                server.close();
            });
            killer.start();
            StreamOutcome o = client.send(new StreamRequest("r", "p", -1, 200, false));
            killer.join();
            assertEquals(ErrorKind.CONNECTION_LOST, o.error().kind());
            assertTrue(o.chunkNanos().length < 200);

            StreamOutcome next = client.send(new StreamRequest("after", "p", -1, 8, false));
            assertEquals(ErrorKind.CONNECTION_REFUSED, next.error().kind(), next.error().message());
        }
    }

    @Test
    void aFailedForcedRequestHasUnknownLength() throws InterruptedException {
        try (ReplayServer server = ReplayServer.start(Dialect.VLLM, List.of("m"), Optional.empty(),
                        after(Reply.tokens(6, 0).failingAfter(2, Failure.CLOSE)), null);
                OpenAiStreamingClient client = OpenAiStreamingClient.connect(new EndpointConfig(server.baseUrl(), "m",
                        Api.COMPLETIONS, Optional.empty(), Duration.ofSeconds(10), Optional.empty()),
                        Map.<String, String>of()::get, System::nanoTime)) {
            StreamOutcome o = client.send(new StreamRequest("r", "p", -1, 6, true));
            assertEquals(ForcedLength.UNKNOWN, o.forcedLength());
        }
    }
}
