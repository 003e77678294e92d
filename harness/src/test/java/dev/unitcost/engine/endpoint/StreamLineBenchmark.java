package dev.unitcost.engine.endpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The client's work per streamed token, without a network: one whole vLLM chat stream of 256
 * one-token chunks (role chunk, text chunks, usage chunk, {@code [DONE]}) fed line by line to the
 * class that timestamps, parses and records them, as the HTTP client feeds it. The score is per
 * text line, so per token. It complements {@code bench.EndpointClientOverhead}, which measures the
 * same work inside real loopback streams at 1, 16 and 64 streams.
 *
 * <p>Run with the project's JMH setup ({@code ./mvnw -Pbench -pl harness -DskipTests verify}), or
 * offline from the test classpath: {@code java -cp harness/target/test-classes:harness/target/classes:$(cat
 * harness/target/test.cp) org.openjdk.jmh.Main StreamLineBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s}
 * (the classpath file as in {@code EndpointClientOverhead}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StreamLineBenchmark {

    static final int TOKENS = 256;

    private List<String> lines;

    @Setup
    public void lines() {
        String envelope = "{\"id\":\"chatcmpl-9f2c1e\",\"object\":\"chat.completion.chunk\",\"created\":1764460800,"
                + "\"model\":\"meta-llama/Llama-3.1-8B-Instruct\",\"choices\":[{\"index\":0,\"delta\":";
        lines = new ArrayList<>();
        lines.add("data: " + envelope + "{\"role\":\"assistant\",\"content\":\"\"},\"logprobs\":null,\"finish_reason\":null}]}");
        lines.add("");
        for (int i = 0; i < TOKENS; i++) {
            lines.add("data: " + envelope + "{\"content\":\" word" + i + "\"},\"logprobs\":null,\"finish_reason\":"
                    + (i == TOKENS - 1 ? "\"length\"" : "null") + "}]}");
            lines.add("");
        }
        lines.add("data: {\"id\":\"chatcmpl-9f2c1e\",\"object\":\"chat.completion.chunk\",\"created\":1764460800,"
                + "\"model\":\"meta-llama/Llama-3.1-8B-Instruct\",\"choices\":[],\"usage\":{\"prompt_tokens\":7,"
                + "\"total_tokens\":263,\"completion_tokens\":256}}");
        lines.add("");
        lines.add("data: [DONE]");
        lines.add("");
    }

    @Benchmark
    @OperationsPerInvocation(TOKENS)
    public long stream() {
        StreamCall call = new StreamCall(System::nanoTime, Redactor.NONE);
        for (String line : lines) {
            call.onNext(line);
        }
        return call.endNanos() + call.chunkNanos().length;
    }
}
