package dev.unitcost.engine.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.unitcost.TestModels;
import dev.unitcost.engine.djl.HfTokenizer;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The payload shapes of the five servers, the error bodies, token counting and the root URL. */
class SseChunkTest {

    @Test
    void chatCompletionsAndReasoning() throws IOException {
        SseChunk chat = SseChunk.parse("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"},\"finish_reason\":null}]}");
        assertEquals("Hi", chat.text());
        assertEquals(Optional.empty(), chat.finishReason());
        SseChunk text = SseChunk.parse("{\"choices\":[{\"index\":0,\"text\":\" there\",\"finish_reason\":\"length\"}]}");
        assertEquals(" there", text.text());
        assertEquals(Optional.of("length"), text.finishReason());
        SseChunk reasoning = SseChunk.parse(
                "{\"choices\":[{\"delta\":{\"reasoning_content\":\"think\",\"content\":null},\"finish_reason\":null}]}");
        assertEquals("think", reasoning.text());
    }

    @Test
    void tgiWritesAnEmptyFinishReasonUntilTheEnd() throws IOException {
        SseChunk c = SseChunk.parse("{\"id\":\"\",\"choices\":[{\"finish_reason\":\"\",\"index\":0,\"logprobs\":null,"
                + "\"text\":\"\\n\"}],\"system_fingerprint\":\"2.4.0-sha-0a655a0-intel-cpu\",\"usage\":null}");
        assertEquals("\n", c.text());
        assertEquals(Optional.empty(), c.finishReason());
        assertEquals(Optional.of("2.4.0-sha-0a655a0-intel-cpu"), c.fingerprint());
        assertEquals(-1, c.usageCompletionTokens());
    }

    @Test
    void usageChunk() throws IOException {
        SseChunk c = SseChunk.parse("{\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"total_tokens\":40,\"completion_tokens\":28}}");
        assertEquals("", c.text());
        assertEquals(12, c.usagePromptTokens());
        assertEquals(28, c.usageCompletionTokens());
    }

    @Test
    void errorsInTheStream() throws IOException {
        SseChunk nested = SseChunk.parse("{\"error\":{\"message\":\"boom\",\"type\":\"InternalServerError\",\"code\":503}}");
        assertEquals(Optional.of("boom"), nested.error());
        assertEquals(503, nested.errorCode());
        assertEquals(Optional.of("overloaded"), SseChunk.parse("{\"error\":\"overloaded\",\"error_type\":\"generation\"}").error());
        assertEquals(Optional.of("bad"), SseChunk.parse("{\"object\":\"error\",\"message\":\"bad\",\"code\":400}").error());
    }

    @Test
    void notAChunk() {
        assertThrows(IOException.class, () -> SseChunk.parse("{\"choices\":[{\"delta\":"));
        assertThrows(IOException.class, () -> SseChunk.parse("[1,2]"));
        assertThrows(IOException.class, () -> SseChunk.parse("{\"hello\":1}"));
    }

    @Test
    void errorBodiesOfEveryShape() {
        assertEquals("m1", ErrorBodies.message("{\"error\":{\"message\":\"m1\",\"code\":400}}"));
        assertEquals("m2", ErrorBodies.message("{\"error\":\"m2\",\"error_type\":\"validation\"}"));
        assertEquals("m3", ErrorBodies.message("{\"object\":\"error\",\"message\":\"m3\"}"));
        assertEquals("Not Found", ErrorBodies.message("{\"detail\":\"Not Found\"}"));
        assertEquals("<html> 502 </html>", ErrorBodies.message("<html>\n502\n</html>"));
        assertEquals("(empty body)", ErrorBodies.message(""));
        assertEquals(201, ErrorBodies.message("x".repeat(500)).length());
    }

    @Test
    void countingWithTheModelsTokenizer() {
        try (HfTokenizer tokenizer = HfTokenizer.load(TestModels.miniLm().tokenizerFile())) {
            TokenCounter counter = TokenCounter.of(tokenizer);
            // WordPiece: "embeddings" is em ##bed ##ding ##s, split across two chunks here
            List<String> chunks = List.of("The", " quick brown", " fox", " emb", "eddings", "");
            int[] counts = counter.perChunk(chunks);
            int whole = tokenizer.encode(String.join("", chunks)).length;
            assertEquals(whole, java.util.Arrays.stream(counts).sum());
            assertEquals(1, counts[0]);
            assertEquals(2, counts[1]);
            assertEquals(0, counts[5]);
        }
        assertEquals(List.of(1, 1, 1), java.util.Arrays.stream(TokenCounter.ONE_PER_CHUNK.perChunk(List.of("a", "bc", "d")))
                .boxed().toList());
    }

    @Test
    void theRootDropsV1AndSlashes() {
        assertEquals(URI.create("http://h:8000"), OpenAiStreamingClient.root(URI.create("http://h:8000/v1/")));
        assertEquals(URI.create("http://h:8000/proxy"), OpenAiStreamingClient.root(URI.create("http://h:8000/proxy/v1")));
        assertEquals(URI.create("http://h:8000"), OpenAiStreamingClient.root(URI.create("http://h:8000")));
    }
}
