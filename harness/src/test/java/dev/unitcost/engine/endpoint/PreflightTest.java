package dev.unitcost.engine.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitcost.InputException;
import dev.unitcost.engine.endpoint.replay.Dialect;
import dev.unitcost.engine.endpoint.replay.ReplayRequest;
import dev.unitcost.engine.endpoint.replay.ReplayServer;
import dev.unitcost.engine.endpoint.replay.Reply;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Connecting refuses, before anything is measured, a server that cannot be measured as configured:
 * one line naming the setting, and never the API key.
 */
class PreflightTest {

    static final String KEY = "sk-test-7f3a9c2e51d8";
    static final Map<String, String> ENV = Map.of("UNITCOST_TEST_KEY", KEY);

    static EndpointConfig config(URI url, String model, Optional<String> keyEnv) {
        return new EndpointConfig(url, model, Api.CHAT, keyEnv, Duration.ofSeconds(5), Optional.empty());
    }

    static InputException refused(EndpointConfig config) {
        return assertThrows(InputException.class, () -> OpenAiStreamingClient.connect(config, ENV::get, System::nanoTime));
    }

    static void oneLineWithoutTheKey(InputException e) {
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertFalse(e.getMessage().contains(KEY), e.getMessage());
    }

    static ReplayServer server(Dialect dialect, Optional<String> key, Function<ReplayRequest, Reply> script) {
        return ReplayServer.start(dialect, List.of("llama-3.1-8b", "qwen2.5-7b"), key, script, null);
    }

    @Test
    void nothingListening() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        InputException e = refused(config(URI.create("http://127.0.0.1:" + port), "m", Optional.empty()));
        assertEquals("endpoint", e.setting());
        assertEquals("nothing answers at http://127.0.0.1:" + port + " (connection refused)", e.expectation());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aKeyIsRequiredButNoneIsNamed(Dialect dialect) {
        try (ReplayServer server = server(dialect, Optional.of(KEY), ReplayServer.natural(dialect, 4, 0))) {
            InputException e = refused(config(server.baseUrl(), "llama-3.1-8b", Optional.empty()));
            assertEquals("apiKeyEnv", e.setting());
            assertTrue(e.expectation().contains("asks for an API key (HTTP 401"), e.expectation());
            oneLineWithoutTheKey(e);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aWrongKeyIsRefusedAndNeverShown(Dialect dialect) {
        try (ReplayServer server = server(dialect, Optional.of("sk-the-right-one"), ReplayServer.natural(dialect, 4, 0))) {
            InputException e = refused(config(server.baseUrl(), "llama-3.1-8b", Optional.of("UNITCOST_TEST_KEY")));
            assertEquals("apiKeyEnv", e.setting());
            assertTrue(e.expectation().startsWith("the server at " + server.baseUrl() + " refused the key in UNITCOST_TEST_KEY (HTTP 401"),
                    e.expectation());
            oneLineWithoutTheKey(e);
        }
    }

    @Test
    void aServerThatEchoesTheKeyHasItRedacted() {
        Function<ReplayRequest, Reply> script = r -> Reply.status(403, "key " + r.headers().get("authorization") + " is not allowed");
        try (ReplayServer server = server(Dialect.LLAMA_CPP, Optional.empty(), script)) {
            InputException e = refused(config(server.baseUrl(), "llama-3.1-8b", Optional.of("UNITCOST_TEST_KEY")));
            assertEquals("apiKeyEnv", e.setting());
            assertTrue(e.expectation().contains("key Bearer [API key] is not allowed"), e.expectation());
            oneLineWithoutTheKey(e);
        }
    }

    @Test
    void aKeyVariableThatIsNotSet() {
        try (ReplayServer server = server(Dialect.VLLM, Optional.empty(), ReplayServer.natural(Dialect.VLLM, 4, 0))) {
            InputException e = refused(config(server.baseUrl(), "llama-3.1-8b", Optional.of("UNITCOST_UNSET_KEY")));
            assertEquals("apiKeyEnv", e.setting());
            assertEquals("environment variable UNITCOST_UNSET_KEY is not set (it should hold the API key)", e.expectation());
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void anUnknownModelListsWhatIsServed(Dialect dialect) {
        try (ReplayServer server = server(dialect, Optional.empty(), ReplayServer.natural(dialect, 4, 0))) {
            InputException e = refused(config(server.baseUrl(), "llama-3-8b", Optional.empty()));
            assertEquals("servedModel", e.setting());
            assertEquals("'llama-3-8b' is not served at " + server.baseUrl() + "; it serves: llama-3.1-8b, qwen2.5-7b",
                    e.expectation());
            assertTrue(server.requests().stream().noneMatch(r -> r.method().equals("POST")), "nothing was generated");
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aServerThatDoesNotStream(Dialect dialect) {
        try (ReplayServer server = server(dialect, Optional.empty(), r -> Reply.tokens(4, 0).notStreaming())) {
            InputException e = refused(config(server.baseUrl(), "qwen2.5-7b", Optional.empty()));
            assertEquals("endpoint", e.setting());
            assertEquals("POST " + server.baseUrl() + "/v1/chat/completions answered with one body, not an event stream "
                    + "(Content-Type application/json): the server does not stream", e.expectation());
        }
    }

    @Test
    void aStreamWithoutText() {
        try (ReplayServer server = server(Dialect.LLAMA_CPP, Optional.empty(), r -> Reply.stream(List.of()))) {
            InputException e = refused(config(server.baseUrl(), "qwen2.5-7b", Optional.empty()));
            assertEquals("endpoint", e.setting());
            assertEquals("a streamed test request to " + server.baseUrl() + "/v1/chat/completions ended without any "
                    + "output text: nothing to time", e.expectation());
        }
    }

    @Test
    void notAnOpenAiServer() {
        // a models route that answers something else entirely
        try (ReplayServer server = server(Dialect.VLLM, Optional.empty(), ReplayServer.natural(Dialect.VLLM, 4, 0))) {
            InputException e = refused(config(URI.create(server.baseUrl() + "/api"), "m", Optional.empty()));
            assertEquals("endpoint", e.setting());
            assertTrue(e.expectation().startsWith(server.baseUrl() + "/api/v1/models answered HTTP 404"), e.expectation());
        }
    }

    @Test
    void aUrlEndingInV1IsTheSameServer() {
        try (ReplayServer server = server(Dialect.VLLM, Optional.empty(), ReplayServer.natural(Dialect.VLLM, 4, 0));
                OpenAiStreamingClient client = OpenAiStreamingClient.connect(
                        config(URI.create(server.baseUrl() + "/v1/"), "qwen2.5-7b", Optional.empty()), ENV::get,
                        System::nanoTime)) {
            assertEquals("vllm (Server: uvicorn)", client.facts().server());
        }
    }

    @Test
    void forcedLengthFieldsTheServerRejectsAreDropped() throws InterruptedException {
        Function<ReplayRequest, Reply> strict = r -> r.body().has("ignore_eos")
                ? Reply.status(400, "Unrecognized request argument supplied: ignore_eos")
                : Reply.tokens(Math.min(3, r.maxTokens()), 0).withFinish("stop");
        try (ReplayServer server = server(Dialect.VLLM, Optional.empty(), strict);
                OpenAiStreamingClient client = OpenAiStreamingClient.connect(
                        config(server.baseUrl(), "qwen2.5-7b", Optional.empty()), ENV::get, System::nanoTime)) {
            assertEquals(ForcedLength.NOT_HONOURED, client.facts().forcedLength());
            StreamOutcome o = client.send(new StreamRequest("r", "p", -1, 8, true));
            assertTrue(o.ok());
            assertEquals(ForcedLength.NOT_HONOURED, o.forcedLength());
            ReplayRequest last = server.requests().get(server.requests().size() - 1);
            assertFalse(last.body().has("ignore_eos"));
            assertFalse(last.body().has("min_tokens"));
        }
    }

    @Test
    void aKeyThatIsRightIsSentAsBearer() throws InterruptedException {
        try (ReplayServer server = server(Dialect.SGLANG, Optional.of(KEY), ReplayServer.natural(Dialect.SGLANG, 4, 0));
                OpenAiStreamingClient client = OpenAiStreamingClient.connect(
                        config(server.baseUrl(), "qwen2.5-7b", Optional.of("UNITCOST_TEST_KEY")), ENV::get, System::nanoTime)) {
            StreamOutcome o = client.send(new StreamRequest("r", "p", -1, 8, true));
            assertTrue(o.ok());
            assertEquals(ForcedLength.HONOURED, o.forcedLength());
            assertFalse(o.toString().contains(KEY));
            assertFalse(client.facts().toString().contains(KEY));
        }
    }
}
