package dev.unitcost.synth.gguf;

import dev.unitcost.model.DecoderArchitecture;
import dev.unitcost.synth.ByteLevelBpe;
import dev.unitcost.synth.Rope;
import dev.unitcost.synth.TwinParameters;
import dev.unitcost.synth.TwinParameters.Parameter;
import dev.unitcost.synth.WeightSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A GGUF twin's header and tensor table, computed before any weight is generated: the metadata keys and
 * tensor names llama.cpp's loader expects for the {@code llama} architecture (Llama, SmolLM2, Mistral) and
 * {@code qwen2}, each tensor's ggml type and offset, and how its rows are made from the same seeded values
 * the ONNX twin of the architecture uses ({@link WeightSource}, {@link TwinParameters}).
 *
 * <p>For the {@code llama} architecture the q and k projections' rows are permuted within each head, as
 * llama.cpp's converter permutes Hugging Face weights (llama.cpp rotates adjacent pairs; Hugging Face
 * rotates the two halves of a head), so the twin computes the function its ONNX twin does, up to the
 * weights' encoding. Llama-3 rope scaling becomes the converter's {@code rope_freqs.weight} tensor of
 * per-frequency factors. Mistral's sliding window has no key in llama.cpp's {@code llama} architecture
 * and is left out, as the converter leaves it.
 */
public final class GgufTwinPlan {

    /** The alignment of tensor data written here ({@code general.alignment}). */
    public static final int ALIGNMENT = GgufHeader.DEFAULT_ALIGNMENT;

    /** llama.cpp's {@code GGML_QNT_VERSION}, which its tools write as {@code general.quantization_version}. */
    static final int QUANTIZATION_VERSION = 2;

    /**
     * What names the twin besides its shape.
     *
     * @param presetName the preset the shape comes from, or null for one read from a config.json
     * @param bosTokenId beginning-of-sequence token id
     * @param eosTokenId end-of-sequence token id
     */
    public record Facts(String presetName, int bosTokenId, int eosTokenId) {}

    /** Makes row {@code row} of a tensor: {@code cols} values into {@code out} at {@code off}. */
    interface RowSource {
        void row(long row, float[] out, int off);
    }

    /**
     * One tensor of the file.
     *
     * @param info its tensor-table entry
     * @param rows rows (the product of the dims after the first)
     * @param cols values per row (the first dim)
     * @param parameter whether it is one of the model's parameters ({@code rope_freqs} is not)
     */
    record TwinTensor(GgufTensorInfo info, long rows, int cols, boolean parameter, RowSource source) {}

    private final DecoderArchitecture architecture;
    private final GgufQuant quant;
    private final long seed;
    private final Facts facts;
    private final String ggufArchitecture;
    private final List<TwinTensor> tensors = new ArrayList<>();
    private final long dataBytes;
    private byte[] header;

    public GgufTwinPlan(DecoderArchitecture architecture, GgufQuant quant, long seed, Facts facts) {
        this.architecture = Objects.requireNonNull(architecture, "architecture");
        this.quant = Objects.requireNonNull(quant, "quant");
        this.seed = seed;
        this.facts = Objects.requireNonNull(facts, "facts");
        this.ggufArchitecture = ggufArchitecture(architecture.modelType());
        WeightSource src = new WeightSource(seed);
        long end = 0;
        if (architecture.ropeScaling() != null) {
            float[] factors = ropeFactors(architecture);
            end = add(new GgufTensorInfo("rope_freqs.weight", new long[] {factors.length}, GgmlType.F32, end), 1,
                    factors.length, false, (row, out, off) -> System.arraycopy(factors, 0, out, off, factors.length));
        }
        for (Parameter p : TwinParameters.of(architecture)) {
            String name = ggufName(p.name());
            boolean vector = p.rows() == 1;
            boolean output = name.equals("output.weight")
                    || (architecture.tiedEmbeddings() && name.equals("token_embd.weight"));
            GgmlType type = vector ? GgmlType.F32 : quant.matrixType(output);
            if (p.cols() % type.blockSize() != 0) {
                throw new IllegalArgumentException(name + " has rows of " + p.cols() + " values, not a multiple of "
                        + type.blockSize() + " as " + type + " needs; write this shape as f16");
            }
            long[] dims = vector ? new long[] {p.cols()} : new long[] {p.cols(), p.rows()};
            int heads = permutedHeads(name);
            RowSource rows = heads == 0 ? (row, out, off) -> src.row(p.name(), row, p.spread(), out, off, p.cols())
                    : vector ? permutedVector(src, p, heads) : (row, out, off) -> src.row(p.name(), unpermuted(row, heads),
                            p.spread(), out, off, p.cols());
            end = add(new GgufTensorInfo(name, dims, type, end), p.rows(), p.cols(), true, rows);
        }
        this.dataBytes = end;
    }

    private long add(GgufTensorInfo planned, long rows, int cols, boolean parameter, RowSource source) {
        long offset = (planned.offset() + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
        GgufTensorInfo info = new GgufTensorInfo(planned.name(), planned.dims(), planned.type(), offset);
        tensors.add(new TwinTensor(info, rows, cols, parameter, source));
        return offset + info.bytes();
    }

    /** llama.cpp's architecture name for a Hugging Face {@code model_type}. */
    static String ggufArchitecture(String modelType) {
        return switch (modelType) {
            case "llama", "mistral" -> "llama";
            case "qwen2" -> "qwen2";
            default -> throw new IllegalArgumentException("no GGUF architecture for model_type " + modelType);
        };
    }

    /** llama.cpp's name of a Hugging Face parameter. */
    static String ggufName(String hfName) {
        if (hfName.equals("model.embed_tokens.weight")) {
            return "token_embd.weight";
        }
        if (hfName.equals("model.norm.weight")) {
            return "output_norm.weight";
        }
        if (hfName.equals("lm_head.weight")) {
            return "output.weight";
        }
        String rest = hfName.substring("model.layers.".length());
        int dot = rest.indexOf('.');
        String layer = rest.substring(0, dot);
        String inner = rest.substring(dot + 1);
        String suffix = inner.substring(inner.lastIndexOf('.'));
        String module = inner.substring(0, inner.lastIndexOf('.'));
        String gguf = switch (module) {
            case "input_layernorm" -> "attn_norm";
            case "self_attn.q_proj" -> "attn_q";
            case "self_attn.k_proj" -> "attn_k";
            case "self_attn.v_proj" -> "attn_v";
            case "self_attn.o_proj" -> "attn_output";
            case "post_attention_layernorm" -> "ffn_norm";
            case "mlp.gate_proj" -> "ffn_gate";
            case "mlp.up_proj" -> "ffn_up";
            case "mlp.down_proj" -> "ffn_down";
            default -> throw new IllegalArgumentException("no GGUF name for " + hfName);
        };
        return "blk." + layer + "." + gguf + suffix;
    }

    /** The heads whose rows the converter permutes in this tensor (q: all heads, k: the kv heads); 0 for none. */
    private int permutedHeads(String name) {
        if (!ggufArchitecture.equals("llama")) {
            return 0;
        }
        if (name.contains(".attn_q.")) {
            return architecture.heads();
        }
        return name.contains(".attn_k.") ? architecture.kvHeads() : 0;
    }

    /**
     * The Hugging Face row that GGUF row {@code row} holds: within a head of d rows, GGUF row 2i + j is
     * Hugging Face row j × d/2 + i (the first half's and the second half's i-th rows become neighbours).
     */
    long unpermuted(long row, int heads) {
        int d = architecture.headDim();
        long head = row / d;
        int within = (int) (row % d);
        return head * d + (long) (within % 2) * (d / 2) + within / 2;
    }

    private RowSource permutedVector(WeightSource src, Parameter p, int heads) {
        return (row, out, off) -> {
            float[] hf = src.rows(p.name(), 0, 1, p.cols(), p.spread());
            for (int k = 0; k < p.cols(); k++) {
                out[off + k] = hf[(int) unpermuted(k, heads)];
            }
        };
    }

    /** llama.cpp's per-frequency rope divisors for Llama-3 scaling: the unscaled frequency over the scaled one. */
    static float[] ropeFactors(DecoderArchitecture a) {
        double[] scaled = Rope.inverseFrequencies(a);
        float[] f = new float[scaled.length];
        for (int i = 0; i < f.length; i++) {
            double unscaled = 1.0 / Math.pow(a.ropeTheta(), (2.0 * i) / a.headDim());
            f[i] = (float) (unscaled / scaled[i]);
        }
        return f;
    }

    /** The file's header: metadata and tensor table. */
    public GgufHeader header() {
        Map<String, GgufValue> m = new LinkedHashMap<>();
        DecoderArchitecture a = architecture;
        String arch = ggufArchitecture;
        m.put("general.architecture", GgufValue.string(arch));
        m.put("general.type", GgufValue.string("model"));
        m.put("general.name", GgufValue.string((facts.presetName() != null ? facts.presetName() : "config") + " shape twin"));
        m.put("general.file_type", GgufValue.uint32(quant.fileType()));
        m.put("general.quantization_version", GgufValue.uint32(QUANTIZATION_VERSION));
        m.put("general.alignment", GgufValue.uint32(ALIGNMENT));
        m.put(arch + ".vocab_size", GgufValue.uint32(a.vocab()));
        m.put(arch + ".context_length", GgufValue.uint32(a.maxPositions()));
        m.put(arch + ".embedding_length", GgufValue.uint32(a.hidden()));
        m.put(arch + ".block_count", GgufValue.uint32(a.layers()));
        m.put(arch + ".feed_forward_length", GgufValue.uint32(a.intermediate()));
        m.put(arch + ".attention.head_count", GgufValue.uint32(a.heads()));
        m.put(arch + ".attention.head_count_kv", GgufValue.uint32(a.kvHeads()));
        m.put(arch + ".attention.key_length", GgufValue.uint32(a.headDim()));
        m.put(arch + ".attention.value_length", GgufValue.uint32(a.headDim()));
        m.put(arch + ".rope.dimension_count", GgufValue.uint32(a.headDim()));
        m.put(arch + ".rope.freq_base", GgufValue.float32(a.ropeTheta()));
        m.put(arch + ".attention.layer_norm_rms_epsilon", GgufValue.float32(a.rmsNormEps()));
        ByteLevelBpe.Vocabulary v = ByteLevelBpe.vocabulary(a.vocab(), facts.bosTokenId(), facts.eosTokenId());
        m.put("tokenizer.ggml.model", GgufValue.string("gpt2"));
        // the generated tokenizer splits text with GPT-2's byte-level regex: llama.cpp's "gpt-2" pre-tokenizer
        m.put("tokenizer.ggml.pre", GgufValue.string("gpt-2"));
        m.put("tokenizer.ggml.tokens", GgufValue.strings(v.tokens()));
        List<Long> types = new ArrayList<>(v.tokens().size());
        for (int id = 0; id < v.tokens().size(); id++) {
            types.add(v.specials().containsKey(id) ? TOKEN_CONTROL : TOKEN_NORMAL);
        }
        m.put("tokenizer.ggml.token_type", GgufValue.int32s(types));
        m.put("tokenizer.ggml.merges", GgufValue.strings(v.merges()));
        m.put("tokenizer.ggml.bos_token_id", GgufValue.uint32(facts.bosTokenId()));
        m.put("tokenizer.ggml.eos_token_id", GgufValue.uint32(facts.eosTokenId()));
        // as the ONNX twin's tokenizer.json: no token is added to the text's
        m.put("tokenizer.ggml.add_bos_token", GgufValue.bool(false));
        m.put("tokenizer.ggml.add_eos_token", GgufValue.bool(false));
        m.put("unitcost.twin", GgufValue.bool(true));
        m.put("unitcost.twin.seed", GgufValue.int64(seed));
        if (facts.presetName() != null) {
            m.put("unitcost.twin.preset", GgufValue.string(facts.presetName()));
        }
        m.put("unitcost.twin.note", GgufValue.string("shape twin: the real model's architecture with seeded random"
                + " weights; its speed is the real model's at forced output length, its text is meaningless"));
        return new GgufHeader(GgufHeader.VERSION, m, tensors.stream().map(TwinTensor::info).toList());
    }

    /** llama.cpp's token types. */
    static final long TOKEN_NORMAL = 1;
    static final long TOKEN_CONTROL = 3;

    /** The header's bytes, padded to the alignment: the tensor data starts right after them. */
    byte[] headerBytes() {
        if (header == null) {
            header = header().encode();
        }
        return header;
    }

    public DecoderArchitecture architecture() {
        return architecture;
    }

    public GgufQuant quant() {
        return quant;
    }

    public long seed() {
        return seed;
    }

    /** Bytes of the data section (the tensors, with the padding between them). */
    public long dataBytes() {
        return dataBytes;
    }

    /** Bytes of the whole file. */
    public long fileBytes() {
        return headerBytes().length + dataBytes;
    }

    /** The model's parameters: the elements of every tensor but {@code rope_freqs}, which holds constants. */
    public long parameterCount() {
        return tensors.stream().filter(TwinTensor::parameter).mapToLong(t -> t.info().elements()).sum();
    }

    /** The file's name: {@code PRESET-QUANT.gguf}, or {@code twin-QUANT.gguf} for a shape from a config.json. */
    public String fileName() {
        return (facts.presetName() != null ? facts.presetName() : "twin") + "-" + quant.label() + ".gguf";
    }

    List<TwinTensor> tensors() {
        return List.copyOf(tensors);
    }
}
