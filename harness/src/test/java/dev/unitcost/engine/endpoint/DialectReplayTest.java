package dev.unitcost.engine.endpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitcost.TestModels;
import dev.unitcost.engine.endpoint.replay.Chunk;
import dev.unitcost.engine.endpoint.replay.Dialect;
import dev.unitcost.engine.endpoint.replay.ReplayServer;
import dev.unitcost.engine.endpoint.replay.Reply;
import dev.unitcost.engine.endpoint.replay.VirtualClock;
import dev.unitcost.metrics.RequestTimings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each dialect's replay, streamed through the real client over loopback HTTP, with the client's
 * clock scripted by the server ({@link VirtualClock}): every timestamp is a scripted one, so TTFT,
 * ITL, TPOT and E2E are checked exactly against values worked out by hand.
 *
 * <p>The script: "The" 50 ms after the request, " quick brown" (two tokens) 25 ms later, " fox"
 * 10 ms later, " jumps" 15 ms later, " over" 20 ms later: 6 tokens in 5 chunks. Counted with the
 * real MiniLM tokenizer (WordPiece: each word one token).
 */
class DialectReplayTest {

    static final long MS = 1_000_000L;
    static final List<Chunk> SCRIPT = List.of(
            Chunk.of("The", 1, 50 * MS),
            Chunk.of(" quick brown", 2, 25 * MS),
            Chunk.of(" fox", 1, 10 * MS),
            Chunk.of(" jumps", 1, 15 * MS),
            Chunk.of(" over", 1, 20 * MS));
    static final long T0 = VirtualClock.START_NANOS;

    static Path tokenizer;

    @BeforeAll
    static void tokenizer() {
        tokenizer = TestModels.miniLm().tokenizerFile();
    }

    static List<Arguments> dialectsAndApis() {
        return java.util.Arrays.stream(Dialect.values())
                .flatMap(d -> java.util.stream.Stream.of(Arguments.of(d, Api.CHAT), Arguments.of(d, Api.COMPLETIONS)))
                .toList();
    }

    static EndpointConfig config(ReplayServer server, Api api, Optional<Path> tokenizerJson) {
        return new EndpointConfig(server.baseUrl(), "m", api, Optional.empty(), Duration.ofSeconds(10), tokenizerJson);
    }

    @ParameterizedTest
    @MethodSource("dialectsAndApis")
    void everyMetricIsExactAgainstTheScript(Dialect dialect, Api api) throws InterruptedException {
        VirtualClock clock = new VirtualClock();
        try (ReplayServer server = ReplayServer.start(dialect, List.of("m"), Optional.empty(),
                        r -> r.maxTokens() == Preflight.PROBE_TOKENS ? Reply.tokens(16, 0) : Reply.stream(SCRIPT), clock);
                OpenAiStreamingClient client = OpenAiStreamingClient.connect(config(server, api, Optional.of(tokenizer)),
                        Map.<String, String>of()::get, clock)) {
            clock.arm();
            StreamOutcome outcome = client.send(new StreamRequest("r1", "Say something.", -1, 64, false));

            assertNull(outcome.error());
            assertEquals(T0, outcome.startNanos());
            long[] chunks = {T0 + 50 * MS, T0 + 75 * MS, T0 + 85 * MS, T0 + 100 * MS, T0 + 120 * MS};
            assertArrayEquals(chunks, outcome.chunkNanos());
            assertArrayEquals(new int[] {1, 2, 1, 1, 1}, outcome.chunkTokens());
            assertEquals(T0 + 120 * MS, outcome.endNanos(), "[DONE] follows the last chunk at once");
            assertEquals(7, outcome.usagePromptTokens());
            assertEquals(6, outcome.usageCompletionTokens());
            assertEquals(ForcedLength.NOT_ASKED, outcome.forcedLength());

            RequestTimings timings = EndpointTimings.requestTimings(outcome).orElseThrow();
            assertEquals(50 * MS, timings.ttftNanos());
            assertEquals(120 * MS, timings.e2eNanos());
            // (120 − 50) ms over 6 − 1 tokens
            assertEquals(14.0 * MS, timings.tpotNanos().getAsDouble(), 1e-6);
            // the two tokens of " quick brown" both arrive at 75 ms
            assertArrayEquals(new long[] {25 * MS, 0, 10 * MS, 15 * MS, 20 * MS}, timings.itlNanos());
            assertArrayEquals(new long[] {25 * MS, 10 * MS, 15 * MS, 20 * MS}, EndpointTimings.chunkItlNanos(outcome));

            assertEquals(new TokenReconciliation(1, 0, 6, 6), TokenReconciliation.of(List.of(outcome)));
            assertFalse(TokenReconciliation.of(List.of(outcome)).flagged());
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aDeliberateUsageMismatchIsFlagged(Dialect dialect) throws InterruptedException {
        // without a tokenizer the two-token chunk counts as one: 5 counted against 6 in usage
        try (ReplayServer server = ReplayServer.start(dialect, List.of("m"), Optional.empty(),
                        r -> r.maxTokens() == Preflight.PROBE_TOKENS ? Reply.tokens(16, 0) : Reply.stream(SCRIPT), null);
                OpenAiStreamingClient client = OpenAiStreamingClient.connect(config(server, Api.CHAT, Optional.empty()),
                        Map.<String, String>of()::get, System::nanoTime)) {
            List<StreamOutcome> outcomes = List.of(
                    client.send(new StreamRequest("a", "p", -1, 64, false)),
                    client.send(new StreamRequest("b", "p", -1, 64, false)));
            TokenReconciliation r = TokenReconciliation.of(outcomes);
            assertEquals(new TokenReconciliation(2, 0, 10, 12), r);
            assertEquals(2.0 / 12, r.relativeMismatch().getAsDouble(), 1e-12);
            assertTrue(r.flagged());
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void forcedLengthIsDetectedHonouredOrNot(Dialect dialect) throws InterruptedException {
        boolean honours = dialect == Dialect.VLLM || dialect == Dialect.SGLANG || dialect == Dialect.LLAMA_CPP;
        ForcedLength expected = honours ? ForcedLength.HONOURED : ForcedLength.NOT_HONOURED;
        try (ReplayServer server = ReplayServer.start(dialect, List.of("m"), Optional.empty(),
                        ReplayServer.natural(dialect, 3, 0), null);
                OpenAiStreamingClient client = OpenAiStreamingClient.connect(config(server, Api.CHAT, Optional.empty()),
                        Map.<String, String>of()::get, System::nanoTime)) {
            assertEquals(expected, client.facts().forcedLength(), "the probe");
            assertTrue(client.facts().usageInStream());
            assertEquals(List.of("m"), client.facts().servedModels());

            StreamOutcome forced = client.send(new StreamRequest("f", "p", -1, 10, true));
            assertEquals(expected, forced.forcedLength());
            assertEquals(honours ? 10 : 3, forced.usageCompletionTokens());
            StreamOutcome free = client.send(new StreamRequest("n", "p", -1, 10, false));
            assertEquals(ForcedLength.NOT_ASKED, free.forcedLength());
            assertEquals(3, free.countedOutputTokens());

            var bodies = server.requests().stream().filter(r -> r.method().equals("POST")).toList();
            assertTrue(bodies.get(bodies.size() - 2).ignoreEos(), "a forced request asks for ignore_eos");
            assertEquals(10, bodies.get(bodies.size() - 2).minTokens());
            assertFalse(bodies.get(bodies.size() - 1).ignoreEos());
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void theServerIsNamedByItsDialect(Dialect dialect) {
        String expected = switch (dialect) {
            case VLLM -> "vllm (Server: uvicorn)";
            case TGI -> "tgi 2.4.0-native";
            case SGLANG -> "sglang (Server: uvicorn)";
            case LLAMA_CPP -> "llama.cpp b6100-1a2b3c4d (Server: llama.cpp)";
            case OLLAMA -> "ollama";
        };
        try (ReplayServer server = ReplayServer.start(dialect, List.of("m", "other"), Optional.empty(),
                        ReplayServer.natural(dialect, 3, 0), null);
                OpenAiStreamingClient client = OpenAiStreamingClient.connect(config(server, Api.CHAT, Optional.empty()),
                        Map.<String, String>of()::get, System::nanoTime)) {
            assertEquals(expected, client.facts().server());
            assertEquals(List.of("m", "other"), client.facts().servedModels());
        }
    }
}
