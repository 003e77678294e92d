package dev.unitcost.engine.ort;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.unitcost.InputException;
import dev.unitcost.engine.GenerationRequest;
import dev.unitcost.engine.GenerationResult;
import dev.unitcost.engine.GenerationSession;
import dev.unitcost.engine.ModelInfo;
import dev.unitcost.engine.OutOfMemoryException;
import dev.unitcost.metrics.RequestTimings;
import dev.unitcost.model.DecoderModel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A decoder with the Optimum / onnx-community interface: inputs {@code input_ids},
 * {@code attention_mask}, optional {@code position_ids} and {@code num_logits_to_keep} (or
 * {@code logits_to_keep}), {@code past_key_values.{i}.key/value}; outputs {@code logits},
 * {@code present.{i}.key/value}.
 *
 * <p>Prefill computes the last position's logits only when the graph's logits output has sequence
 * dimension 1 (twins by default) or the graph takes a logits-to-keep input, which is then fed 1;
 * otherwise it computes every prompt position's, and {@link #prefillLogits()} says so.
 *
 * <p>The KV cache stays in ONNX Runtime tensors: each step's {@code present.*} outputs are fed
 * back as the next step's {@code past_key_values.*} inputs without copying through Java arrays
 * (on CUDA they still cross to host memory and back inside each run: the Java API has no IO
 * binding, and the report's provider label says so),
 * and the previous step's result is closed only after the next run. Logits are written into a
 * direct buffer we own (a pinned output), and only the last position's row is read, so no
 * logits tensor is ever copied whole into the Java heap. Not thread safe.
 */
final class OrtDecoderSession implements GenerationSession {

    private final OrtEnvironment env;
    private final OrtSession session;
    private final ModelInfo info;
    private final int layers;
    private final int kvHeads;
    private final int headDim;
    private final int vocab;
    private final OnnxJavaType kvType;
    private final OnnxJavaType logitsType;
    private final boolean hasPositionIds;
    /** The graph's logits-to-keep input, or null when it has none. */
    private final LogitsToKeep logitsToKeep;
    private final boolean graphKeepsLastLogitOnly;
    private final Set<Long> eos;
    private final Set<String> presentNames = new LinkedHashSet<>();
    /** present.{i}.key -> past_key_values.{i}.key, and the same for values. */
    private final Map<String, String> pastFor = new HashMap<>();
    /**
     * Pinned logits outputs of the current batch size, by logit rows (1 for decode, the prompt length
     * for a full-sequence prefill), kept across batches of that size: allocating 100s of MB per batch costs.
     */
    private final Map<Long, Pinned> pinnedLogits = new HashMap<>();
    /** One empty [batch, kvHeads, 0, headDim] tensor bound to every past input of a batch's first step. */
    private OnnxTensor emptyPast;
    private int pinnedBatch = -1;
    private boolean closed;

    private OrtDecoderSession(OrtEnvironment env, OrtSession session, ModelInfo info, DecoderModel model, int kvHeads, int headDim,
            int vocab, OnnxJavaType kvType, OnnxJavaType logitsType, boolean lastOnly, LogitsToKeep logitsToKeep) {
        this.env = env;
        this.session = session;
        this.info = info;
        this.layers = model.layers();
        this.kvHeads = kvHeads;
        this.headDim = headDim;
        this.vocab = vocab;
        this.kvType = kvType;
        this.logitsType = logitsType;
        this.hasPositionIds = info.inputNames().contains("position_ids");
        this.logitsToKeep = logitsToKeep;
        this.graphKeepsLastLogitOnly = lastOnly;
        this.eos = new HashSet<>(model.eosTokenIds());
        for (int i = 0; i < layers; i++) {
            for (String kv : List.of("key", "value")) {
                presentNames.add("present." + i + "." + kv);
                pastFor.put("present." + i + "." + kv, "past_key_values." + i + "." + kv);
            }
        }
    }

    static OrtDecoderSession create(OrtEnvironment env, OrtSession session, DecoderModel model, OrtEngine.Configured where)
            throws OrtException {
        List<String> inputs = new ArrayList<>(session.getInputNames());
        List<String> outputs = new ArrayList<>(session.getOutputNames());
        List<String> missing = new ArrayList<>();
        for (String name : List.of("input_ids", "attention_mask")) {
            if (!inputs.contains(name)) {
                missing.add(name);
            }
        }
        for (int i = 0; i < model.layers(); i++) {
            for (String kv : List.of("key", "value")) {
                if (!inputs.contains("past_key_values." + i + "." + kv)) {
                    missing.add("past_key_values." + i + "." + kv);
                }
                if (!outputs.contains("present." + i + "." + kv)) {
                    missing.add("present." + i + "." + kv + " (output)");
                }
            }
        }
        if (!outputs.contains("logits")) {
            missing.add("logits (output)");
        }
        if (!missing.isEmpty()) {
            session.close();
            throw new InputException(model.onnxFile() + ": not a decoder with a KV cache this harness can drive: missing "
                    + (missing.size() > 6 ? missing.subList(0, 6) + " and " + (missing.size() - 6) + " more" : missing)
                    + " (config.json says " + model.layers() + " layers)");
        }
        TensorInfo past = (TensorInfo) session.getInputInfo().get("past_key_values.0.key").getInfo();
        long[] pastShape = past.getShape();
        int kvHeads = pastShape[1] > 0 ? (int) pastShape[1] : model.kvHeads();
        int headDim = pastShape[3] > 0 ? (int) pastShape[3] : model.headDim();
        TensorInfo logits = (TensorInfo) session.getOutputInfo().get("logits").getInfo();
        long[] logitsShape = logits.getShape();
        int vocab = logitsShape[2] > 0 ? (int) logitsShape[2] : model.vocabSize();
        boolean lastOnly = logitsShape[1] == 1;
        if (logits.type != OnnxJavaType.FLOAT && logits.type != OnnxJavaType.FLOAT16) {
            session.close();
            throw new InputException(model.onnxFile() + ": logits are " + logits.type + "; this harness reads float32 or float16 logits");
        }
        String provider = where.device().startsWith("cuda")
                ? where.provider() + " (ONNX Runtime Java has no IO binding: the KV cache and logits cross PCIe every step,"
                        + " inside the measured engine time)"
                : where.provider();
        LogitsToKeep logitsToKeep;
        try {
            logitsToKeep = LogitsToKeep.find(session);
        } catch (InputException e) {
            session.close();
            throw new InputException(model.onnxFile() + ": " + e.getMessage(), e);
        }
        int kvElementBytes = past.type == OnnxJavaType.FLOAT16 || past.type == OnnxJavaType.BFLOAT16 ? 2 : 4;
        ModelInfo info = new ModelInfo("ort", env.getVersion(), where.device(), provider, inputs, outputs,
                OrtShapes.decoder(model, kvElementBytes, lastOnly || logitsToKeep != null ? "last" : "all"));
        return new OrtDecoderSession(env, session, info, model, kvHeads, headDim, vocab, past.type, logits.type, lastOnly,
                logitsToKeep);
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    private boolean keepsLastLogitsOnly() {
        return graphKeepsLastLogitOnly || logitsToKeep != null;
    }

    @Override
    public String prefillLogits() {
        return keepsLastLogitsOnly() ? "last" : "all";
    }

    @Override
    public int kvElementBytes() {
        return kvType == OnnxJavaType.FLOAT16 || kvType == OnnxJavaType.BFLOAT16 ? 2 : 4;
    }

    @Override
    public GenerationResult generate(GenerationRequest request, java.util.function.Consumer<String> phases) {
        int batch = request.batchSize();
        int steps = request.outputTokens();
        long[][] out = new long[batch][steps];
        int[] produced = new int[batch];
        long[][] tokenNanos = new long[batch][steps];
        boolean[] finished = new boolean[batch];
        long[] wall = new long[steps];
        long[] engine = new long[steps];
        long start = System.nanoTime();
        OrtSession.Result previous = null;
        if (batch != pinnedBatch) {
            releaseBuffers();
            pinnedBatch = batch;
        }
        try {
            long[][] stepIds = request.promptIds();
            int pastLength = 0;
            int step = 0;
            for (; step < steps; step++) {
                if (step <= 1) {
                    phases.accept(step == 0 ? "prefill" : "decode");
                }
                long stepStart = System.nanoTime();
                int tokens = stepIds[0].length;
                int logitRows = keepsLastLogitsOnly() ? 1 : tokens;
                if (logitRows > 1) {
                    // a full-sequence prefill buffer is large (batch x prompt x vocab): keep only this prompt length's
                    pinnedLogits.entrySet().removeIf(e -> {
                        boolean stale = e.getKey() > 1 && e.getKey() != logitRows;
                        if (stale) {
                            e.getValue().tensor().close();
                        }
                        return stale;
                    });
                }
                Pinned logits = pinnedLogits.computeIfAbsent((long) logitRows, rows -> newLogitsTensor(batch, (int) (long) rows));
                Map<String, OnnxTensor> inputs = stepInputs(stepIds, pastLength, previous);
                OrtSession.Result result;
                long engineStart = System.nanoTime();
                try {
                    result = session.run(inputs, presentNames, Map.of("logits", logits.tensor()));
                } finally {
                    engine[step] = System.nanoTime() - engineStart;
                    closeOwned(inputs);
                }
                if (previous != null) {
                    previous.close();
                }
                previous = result;
                pastLength += tokens;
                long[] next = argmaxLastRow(logits, batch, logitRows);
                long now = System.nanoTime();
                boolean allDone = true;
                for (int b = 0; b < batch; b++) {
                    if (!finished[b]) {
                        out[b][produced[b]] = next[b];
                        tokenNanos[b][produced[b]] = now;
                        produced[b]++;
                        finished[b] = request.stopAtEos() && eos.contains(next[b]);
                    }
                    allDone &= finished[b];
                }
                wall[step] = now - stepStart;
                stepIds = new long[batch][1];
                for (int b = 0; b < batch; b++) {
                    stepIds[b][0] = next[b];
                }
                if (allDone) {
                    step++;
                    break;
                }
            }
            List<RequestTimings> timings = new ArrayList<>();
            long[][] ids = new long[batch][];
            for (int b = 0; b < batch; b++) {
                timings.add(new RequestTimings(start, java.util.Arrays.copyOf(tokenNanos[b], produced[b])));
                ids[b] = java.util.Arrays.copyOf(out[b], produced[b]);
            }
            return new GenerationResult(timings, ids, java.util.Arrays.copyOf(wall, step), java.util.Arrays.copyOf(engine, step));
        } catch (OrtException e) {
            if (String.valueOf(e.getMessage()).contains("alloc")) {
                throw new OutOfMemoryException("ONNX Runtime could not allocate memory: " + OrtEngine.firstLine(e.getMessage()));
            }
            throw new IllegalStateException("ONNX Runtime run failed: " + OrtEngine.firstLine(e.getMessage()), e);
        } finally {
            if (previous != null) {
                previous.close();
            }
        }
    }

    /** A logits output ONNX Runtime writes into, and the direct buffer behind it (read without a copy). */
    private record Pinned(OnnxTensor tensor, ByteBuffer buffer) {}

    private void releaseBuffers() {
        pinnedLogits.values().forEach(p -> p.tensor().close());
        pinnedLogits.clear();
        if (emptyPast != null) {
            emptyPast.close();
            emptyPast = null;
        }
    }

    private Map<String, OnnxTensor> stepInputs(long[][] ids, int pastLength, OrtSession.Result previous) throws OrtException {
        int batch = ids.length;
        int tokens = ids[0].length;
        Map<String, OnnxTensor> in = new HashMap<>();
        in.put("input_ids", longTensor(0, batch, tokens, (b, t) -> ids[b][t]));
        in.put("attention_mask", onesTensor(batch, pastLength + tokens));
        if (hasPositionIds) {
            in.put("position_ids", longTensor(1, batch, tokens, (b, t) -> pastLength + t));
        }
        if (logitsToKeep != null) {
            in.put(logitsToKeep.name(), logitsToKeep.one(env));
        }
        if (previous == null) {
            if (emptyPast == null) {
                ByteBuffer empty = ByteBuffer.allocateDirect(0).order(ByteOrder.nativeOrder());
                emptyPast = OnnxTensor.createTensor(env, empty, new long[] {batch, kvHeads, 0, headDim}, kvType);
            }
            pastFor.values().forEach(past -> in.put(past, emptyPast));
        } else {
            // one pass over the result: looking each present up by name costs more than the step's other work
            for (Map.Entry<String, OnnxValue> e : previous) {
                String past = pastFor.get(e.getKey());
                if (past != null) {
                    in.put(past, (OnnxTensor) e.getValue());
                }
            }
        }
        return in;
    }

    /**
     * Closes the tensors this session created for a step; presents fed back belong to the previous
     * result, and the empty past is kept for the next batch.
     */
    private static void closeOwned(Map<String, OnnxTensor> inputs) {
        inputs.forEach((name, tensor) -> {
            if (!name.startsWith("past_key_values.")) {
                tensor.close();
            }
        });
    }

    /** Direct buffer of ones, grown as needed: an attention mask of all ones is any run of them, so no per-step fill. */
    private LongBuffer ones = LongBuffer.allocate(0);

    private OnnxTensor onesTensor(int rows, int cols) throws OrtException {
        int n = rows * cols;
        if (ones.capacity() < n) {
            ones = ByteBuffer.allocateDirect(Math.max(n, 2 * ones.capacity()) * Long.BYTES).order(ByteOrder.nativeOrder()).asLongBuffer();
            for (int i = 0; i < ones.capacity(); i++) {
                ones.put(i, 1L);
            }
        }
        LongBuffer view = ones.duplicate();
        view.position(0).limit(n);
        return OnnxTensor.createTensor(env, view.slice(), new long[] {rows, cols});
    }

    private interface Cell {
        long at(int b, int t);
    }

    /** Direct scratch buffers for input_ids (0) and position_ids (1): a step's tensors are closed before the next fills them. */
    private final LongBuffer[] scratch = {LongBuffer.allocate(0), LongBuffer.allocate(0)};

    private OnnxTensor longTensor(int which, int rows, int cols, Cell cell) throws OrtException {
        int n = rows * cols;
        if (scratch[which].capacity() < n) {
            scratch[which] = ByteBuffer.allocateDirect(n * Long.BYTES).order(ByteOrder.nativeOrder()).asLongBuffer();
        }
        LongBuffer buffer = scratch[which].duplicate();
        buffer.clear();
        for (int b = 0; b < rows; b++) {
            for (int t = 0; t < cols; t++) {
                buffer.put(b * cols + t, cell.at(b, t));
            }
        }
        buffer.limit(n);
        return OnnxTensor.createTensor(env, buffer.slice(), new long[] {rows, cols});
    }

    private Pinned newLogitsTensor(int batch, int rows) {
        int elementBytes = logitsType == OnnxJavaType.FLOAT16 || logitsType == OnnxJavaType.BFLOAT16 ? 2 : 4;
        long bytes = (long) batch * rows * vocab * elementBytes;
        if (bytes > Integer.MAX_VALUE) {
            throw new OutOfMemoryException("logits for batch " + batch + " x " + rows + " positions x vocabulary " + vocab + " take "
                    + bytes + " bytes, over the 2 GB a Java buffer can hold: use a model exported with last-token logits");
        }
        try {
            ByteBuffer buffer = ByteBuffer.allocateDirect((int) bytes).order(ByteOrder.nativeOrder());
            return new Pinned(OnnxTensor.createTensor(env, buffer, new long[] {batch, rows, vocab}, logitsType), buffer);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot create the logits buffer: " + e.getMessage(), e);
        }
    }

    /**
     * Greedy choice per sequence from the last position's logits, read straight from the pinned
     * direct buffer ({@code OnnxTensor.getByteBuffer()} would copy the whole tensor).
     */
    private long[] argmaxLastRow(Pinned logits, int batch, int rows) {
        ByteBuffer buffer = logits.buffer();
        boolean half = logitsType == OnnxJavaType.FLOAT16;
        if (!half) {
            return argmaxFloat(buffer.asFloatBuffer(), batch, rows);
        }
        int elementBytes = half ? 2 : 4;
        long[] next = new long[batch];
        for (int b = 0; b < batch; b++) {
            int base = ((b * rows) + rows - 1) * vocab;
            int best = 0;
            float bestValue = Float.NEGATIVE_INFINITY;
            for (int v = 0; v < vocab; v++) {
                int at = (base + v) * elementBytes;
                float value = half ? Half.toFloat(buffer.getShort(at)) : buffer.getFloat(at);
                if (value > bestValue) {
                    bestValue = value;
                    best = v;
                }
            }
            next[b] = best;
        }
        return next;
    }

    private long[] argmaxFloat(java.nio.FloatBuffer logits, int batch, int rows) {
        long[] next = new long[batch];
        for (int b = 0; b < batch; b++) {
            int base = ((b * rows) + rows - 1) * vocab;
            int best = 0;
            float bestValue = Float.NEGATIVE_INFINITY;
            for (int v = 0; v < vocab; v++) {
                float value = logits.get(base + v);
                if (value > bestValue) {
                    bestValue = value;
                    best = v;
                }
            }
            next[b] = best;
        }
        return next;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        releaseBuffers();
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("closing the ONNX Runtime session failed", e);
        }
    }
}
