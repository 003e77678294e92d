package dev.unitcost.engine.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.unitcost.engine.endpoint.replay.Dialect;
import dev.unitcost.engine.endpoint.replay.ReplayServer;
import dev.unitcost.engine.endpoint.replay.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One client, many threads: each stream keeps its own chunks, usage and id. */
class ConcurrentStreamsTest {

    @Test
    void sixteenStreamsAtOnce() throws Exception {
        // request i asks for 8 + i tokens and gets exactly that many, 1 ms apart
        try (ReplayServer server = ReplayServer.start(Dialect.VLLM, List.of("m"), Optional.empty(),
                        r -> Reply.tokens(r.maxTokens(), 1_000_000L), null);
                OpenAiStreamingClient client = OpenAiStreamingClient.connect(new EndpointConfig(server.baseUrl(), "m",
                        Api.COMPLETIONS, Optional.empty(), Duration.ofSeconds(20), Optional.empty()),
                        Map.<String, String>of()::get, System::nanoTime)) {
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                List<Future<StreamOutcome>> futures = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    StreamRequest request = new StreamRequest("r" + i, "p", -1, 8 + i, false);
                    futures.add(pool.submit(() -> client.send(request)));
                }
                for (int i = 0; i < 16; i++) {
                    StreamOutcome o = futures.get(i).get();
                    assertNull(o.error());
                    assertEquals("r" + i, o.id());
                    assertEquals(8 + i, o.countedOutputTokens());
                    assertEquals(8 + i, o.usageCompletionTokens());
                    long[] chunks = o.chunkNanos();
                    for (int c = 1; c < chunks.length; c++) {
                        assertEquals(true, chunks[c] >= chunks[c - 1], "chunk times never go backwards");
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
