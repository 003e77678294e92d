package dev.unitcost.bench;

import dev.unitcost.engine.endpoint.Api;
import dev.unitcost.engine.endpoint.ClientOverhead;
import dev.unitcost.engine.endpoint.EndpointConfig;
import dev.unitcost.engine.endpoint.EndpointTimings;
import dev.unitcost.engine.endpoint.OpenAiStreamingClient;
import dev.unitcost.engine.endpoint.StreamOutcome;
import dev.unitcost.engine.endpoint.StreamRequest;
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
import java.util.stream.LongStream;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * The streaming client's own cost per token ({@link StreamOutcome#clientNanos()} over counted
 * tokens, median over requests) at 1, 16 and 64 concurrent streams against a loopback vLLM replay
 * that writes one token per chunk, and that cost as a share of the median TPOT and of the median
 * gap between chunks the client saw.
 *
 * <p>Not a JMH benchmark: the figure is measured by the client itself around its own work on each
 * line, and what is wanted is its median over requests beside the token interval of the same
 * requests; JMH would time whole requests, server included. Not a test either: no test asserts a
 * rate. Run (from the repository root):
 *
 * <pre>
 * ./mvnw -B -o -q -pl harness test-compile dependency:build-classpath -Dmdep.outputFile=target/test.cp -Dmdep.includeScope=test
 * java -cp harness/target/test-classes:harness/target/classes:$(cat harness/target/test.cp) \
 *     dev.unitcost.bench.EndpointClientOverhead 256 0 1000
 * </pre>
 *
 * arguments: tokens per request, then one or more gaps between tokens in microseconds (0: as fast
 * as the server writes).
 */
public final class EndpointClientOverhead {

    private EndpointClientOverhead() {}

    public static void main(String[] args) throws Exception {
        int tokens = args.length > 0 ? Integer.parseInt(args[0]) : 256;
        List<Long> gapsMicros = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            gapsMicros.add(Long.parseLong(args[i]));
        }
        if (gapsMicros.isEmpty()) {
            gapsMicros.add(0L);
        }
        System.out.printf("cores=%d java=%s tokens/request=%d%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), tokens);
        System.out.println("gap_us streams requests median_client_ns_per_token median_tpot_ns share_of_tpot "
                + "median_chunk_gap_ns share_of_chunk_gap");
        for (long gap : gapsMicros) {
            for (int streams : new int[] {1, 16, 64}) {
                run(tokens, gap * 1_000, streams);
            }
        }
    }

    private static void run(int tokens, long gapNanos, int streams) throws Exception {
        try (ReplayServer server = ReplayServer.start(Dialect.VLLM, List.of("m"), Optional.empty(),
                        r -> Reply.tokens(r.maxTokens(), r.maxTokens() == 16 ? 0 : gapNanos), null);
                OpenAiStreamingClient client = OpenAiStreamingClient.connect(new EndpointConfig(server.baseUrl(), "m",
                        Api.CHAT, Optional.empty(), Duration.ofMinutes(5), Optional.empty()),
                        Map.<String, String>of()::get, System::nanoTime)) {
            ExecutorService pool = Executors.newFixedThreadPool(streams);
            try {
                round(client, pool, streams, 2, tokens); // warm-up: JIT, connections
                int perStream = Math.max(2, 128 / streams);
                List<StreamOutcome> outcomes = round(client, pool, streams, perStream, tokens);
                ClientOverhead overhead = ClientOverhead.of(outcomes).orElseThrow();
                double chunkGap = new Median().evaluate(outcomes.stream()
                        .flatMapToLong(o -> LongStream.of(EndpointTimings.chunkItlNanos(o)))
                        .mapToDouble(v -> v).toArray());
                long failed = outcomes.stream().filter(o -> !o.ok()).count();
                System.out.printf("%d %d %d %.0f %.0f %.4f %.0f %.4f%s%n", gapNanos / 1_000, streams, outcomes.size(),
                        overhead.medianNanosPerToken(), overhead.medianTpotNanos(), overhead.shareOfTpot(), chunkGap,
                        overhead.medianNanosPerToken() / chunkGap, failed == 0 ? "" : " (" + failed + " failed)");
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static List<StreamOutcome> round(OpenAiStreamingClient client, ExecutorService pool, int streams,
            int perStream, int tokens) throws Exception {
        List<Future<List<StreamOutcome>>> futures = new ArrayList<>();
        for (int s = 0; s < streams; s++) {
            int stream = s;
            futures.add(pool.submit(() -> {
                List<StreamOutcome> mine = new ArrayList<>();
                for (int i = 0; i < perStream; i++) {
                    mine.add(client.send(new StreamRequest(stream + "-" + i, "p", -1, tokens, false)));
                }
                return mine;
            }));
        }
        List<StreamOutcome> all = new ArrayList<>();
        for (Future<List<StreamOutcome>> f : futures) {
            all.addAll(f.get());
        }
        return all;
    }
}
