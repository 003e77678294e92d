package dev.unitcost.bench;

import dev.unitcost.TestModels;
import dev.unitcost.engine.EncodeResult;
import dev.unitcost.engine.EngineOptions;
import dev.unitcost.engine.Engines;
import dev.unitcost.engine.ModelSession;
import dev.unitcost.workload.TokenBatch;
import dev.unitcost.engine.djl.HfTokenizer;
import dev.unitcost.model.ModelSpec;
import dev.unitcost.workload.Corpus;
import dev.unitcost.workload.PackedBatches;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One encoder batch of the real int8 MiniLM through each engine, 128-token packed sequences:
 * the cost of the engine seam itself (ONNX Runtime's binding directly versus DJL on top of it),
 * measured apart from the harness's own sweep loop. Run: {@code ./mvnw -Pbench -pl harness -DskipTests verify}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EncodeBenchmark {

    @Param({"ort", "djl"})
    public String engine;

    @Param({"1", "8"})
    public int batch;

    private ModelSession session;
    private TokenBatch tokens;

    @Setup(Level.Trial)
    public void open() {
        ModelSpec model = TestModels.miniLm();
        try (HfTokenizer tokenizer = HfTokenizer.load(model.tokenizerFile())) {
            tokens = new PackedBatches(Corpus.load("bundled:default", null), tokenizer, 128).next(batch);
        }
        session = Engines.byName(engine).open(model.ref(), EngineOptions.defaults());
    }

    @Benchmark
    public EncodeResult encode() {
        return session.encode(tokens);
    }

    @TearDown(Level.Trial)
    public void close() {
        session.close();
    }
}
