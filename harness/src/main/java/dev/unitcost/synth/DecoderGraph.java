package dev.unitcost.synth;

import static dev.unitcost.synth.OnnxGraph.MS;

import dev.unitcost.model.DecoderArchitecture;
import dev.unitcost.synth.OnnxGraph.Attr;
import dev.unitcost.synth.TwinOptions.Attention;
import dev.unitcost.synth.TwinParameters.Parameter;
import dev.unitcost.model.onnx.OnnxProto.TensorProto.DataType;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The ONNX graph of a Llama-family decoder with the interface of an Optimum / onnx-community
 * export: inputs {@code input_ids}, {@code attention_mask}, {@code position_ids},
 * {@code past_key_values.{i}.key/value}; outputs {@code logits}, {@code present.{i}.key/value}
 * with the KV layout {@code [batch, kv_heads, seq, head_dim]}.
 */
final class DecoderGraph {

    private final DecoderArchitecture a;
    private final TwinOptions o;
    private final OnnxGraph g;
    private final WeightSource src;
    private final Map<String, Parameter> params;
    private final int act;
    private String cos;
    private String sin;
    private String mask;
    private String seqlensK;

    private DecoderGraph(DecoderArchitecture a, TwinOptions o) {
        this.a = a;
        this.o = o;
        this.g = new OnnxGraph("unitcost_twin");
        this.src = new WeightSource(o.seed());
        this.params = TwinParameters.of(a).stream().collect(Collectors.toMap(Parameter::name, Function.identity()));
        this.act = o.quantization().halfActivations() ? DataType.FLOAT16_VALUE : DataType.FLOAT_VALUE;
    }

    /** The whole graph, with its weight jobs registered but not yet run. */
    static OnnxGraph build(DecoderArchitecture a, TwinOptions o) {
        DecoderGraph d = new DecoderGraph(a, o);
        d.declareInterface();
        String h = d.embed();
        d.prepareAttention();
        for (int i = 0; i < a.layers(); i++) {
            h = d.layer(i, h);
        }
        d.head(h);
        return d.g;
    }

    private void declareInterface() {
        int i64 = DataType.INT64_VALUE;
        g.input("input_ids", i64, "batch_size", "sequence_length");
        g.input("attention_mask", i64, "batch_size", "total_sequence_length");
        g.input("position_ids", i64, "batch_size", "sequence_length");
        for (int i = 0; i < a.layers(); i++) {
            for (String kv : List.of("key", "value")) {
                g.input("past_key_values." + i + "." + kv, act, "batch_size", a.kvHeads(), "past_sequence_length", a.headDim());
            }
        }
        g.output("logits", act, "batch_size", o.lastTokenLogits() ? (Object) 1 : "sequence_length", a.vocab());
        for (int i = 0; i < a.layers(); i++) {
            for (String kv : List.of("key", "value")) {
                g.output("present." + i + "." + kv, act, "batch_size", a.kvHeads(), "total_sequence_length", a.headDim());
            }
        }
    }

    private String embed() {
        String name = "model.embed_tokens.weight";
        if (o.quantization() == Quantization.INT8) {
            Parameter p = params.get(name);
            g.add(WeightJobs.int8(src, name, name, p.spread(), a.vocab(), a.hidden(), false, false,
                    Int8Rows.GATHER_MAX_MAGNITUDE));
            String rows = g.op("Cast", List.of(g.op("Gather", List.of(name + "_quantized", "input_ids"))),
                    Attr.i("to", DataType.FLOAT_VALUE));
            String scales = g.op("Unsqueeze", List.of(g.op("Gather", List.of(name + "_scale", "input_ids")), g.int64Vector(-1)));
            return g.op("Mul", List.of(rows, scales));
        }
        // int4 exports quantise MatMuls only; the embedding Gather stays float, as in onnx-community q4 files.
        g.add(WeightJobs.dense(src, name, name, params.get(name).spread(), a.vocab(), a.hidden(), false, act));
        return g.op("Gather", List.of(name, "input_ids"));
    }

    private void prepareAttention() {
        g.add(WeightJobs.rope(a, act));
        if (o.attention() == Attention.STANDARD) {
            cos = rotaryTable("cos_cache");
            sin = rotaryTable("sin_cache");
            mask = additiveMask();
        }
    }

    /** Per-position rotary table [batch, seq, headDim] (the half table repeated), for the standard variant. */
    private String rotaryTable(String cache) {
        String half = g.op("Gather", List.of(cache, "position_ids"));
        return g.op("Concat", List.of(half, half), Attr.i("axis", -1));
    }

    /** 0 where a query may attend a key (causal and not padding), a large negative value elsewhere: [b,1,1,s,T]. */
    private String additiveMask() {
        String total = g.op("Gather", List.of(g.op("Shape", List.of("attention_mask")), g.int64s(new long[0], 1)));
        String seq = g.op("Gather", List.of(g.op("Shape", List.of("input_ids")), g.int64s(new long[0], 1)));
        String past = g.op("Sub", List.of(total, seq));
        String one = g.int64s(new long[0], 1);
        String keys = g.op("Range", List.of(g.int64s(new long[0], 0), total, one));
        String queries = g.op("Unsqueeze", List.of(g.op("Range", List.of(past, total, one)), g.int64Vector(1)));
        String causal = g.op("LessOrEqual", List.of(keys, queries));
        if (a.slidingWindow().isPresent()) {
            String oldest = g.op("Sub", List.of(queries, g.int64s(new long[0], a.slidingWindow().getAsInt())));
            causal = g.op("And", List.of(causal, g.op("Greater", List.of(keys, oldest))));
        }
        String padding = g.op("Unsqueeze", List.of(g.op("Cast", List.of("attention_mask"), Attr.i("to", DataType.BOOL_VALUE)),
                g.int64Vector(1, 2, 3)));
        String allowed = g.op("And", List.of(causal, padding));
        float blocked = act == DataType.FLOAT16_VALUE ? -30000f : -1e9f;
        return g.op("Where", List.of(allowed, g.scalar(act, 0f), g.scalar(act, blocked)));
    }

    private String layer(int i, String h) {
        String l = TwinParameters.layer(i);
        String x = rmsNorm(h, l + "input_layernorm.weight");
        String q = linear(x, l + "self_attn.q_proj");
        String k = linear(x, l + "self_attn.k_proj");
        String v = linear(x, l + "self_attn.v_proj");
        String attn = o.attention() == Attention.GQA ? gqa(i, q, k, v) : standardAttention(i, q, k, v);
        h = g.op("Add", List.of(h, linear(attn, l + "self_attn.o_proj")));
        String y = rmsNorm(h, l + "post_attention_layernorm.weight");
        String gate = linear(y, l + "mlp.gate_proj");
        String silu = g.op("Mul", List.of(gate, g.op("Sigmoid", List.of(gate))));
        String up = linear(y, l + "mlp.up_proj");
        return g.op("Add", List.of(h, linear(g.op("Mul", List.of(silu, up)), l + "mlp.down_proj")));
    }

    private String gqa(int i, String q, String k, String v) {
        String[] rotary = {"cos_cache", "sin_cache"};
        String qr = g.op(MS + ":RotaryEmbedding", List.of(q, "position_ids", rotary[0], rotary[1]), Attr.i("interleaved", 0));
        String kr = g.op(MS + ":RotaryEmbedding", List.of(k, "position_ids", rotary[0], rotary[1]), Attr.i("interleaved", 0));
        String seqlens = seqlensK();
        String total = g.op("Cast", List.of(g.op("Gather", List.of(g.op("Shape", List.of("attention_mask")),
                g.int64s(new long[0], 1)))), Attr.i("to", DataType.INT32_VALUE));
        String out = "attn_" + i;
        // GQA's local_window_size counts the keys before the query; HF's sliding_window includes the query
        // itself (checked against the reference in TwinParityTest), hence the minus one.
        g.node(MS + ":GroupQueryAttention",
                List.of(qr, kr, v, "past_key_values." + i + ".key", "past_key_values." + i + ".value", seqlens, total),
                List.of(out, "present." + i + ".key", "present." + i + ".value"),
                Attr.i("num_heads", a.heads()), Attr.i("kv_num_heads", a.kvHeads()),
                Attr.i("local_window_size", a.slidingWindow().isPresent() ? a.slidingWindow().getAsInt() - 1 : -1));
        return out;
    }

    /** GQA's seqlens_k: tokens each sequence holds, minus one, as int32 [batch]. Built once. */
    private String seqlensK() {
        if (seqlensK == null) {
            String sum = g.op("ReduceSum", List.of("attention_mask", g.int64Vector(1)), Attr.i("keepdims", 0));
            seqlensK = g.op("Cast", List.of(g.op("Sub", List.of(sum, g.int64s(new long[0], 1)))),
                    Attr.i("to", DataType.INT32_VALUE));
        }
        return seqlensK;
    }

    private String standardAttention(int i, String q, String k, String v) {
        int hd = a.headDim();
        String q5 = g.op("Transpose", List.of(g.op("Reshape", List.of(q, g.int64Vector(0, 0, a.kvHeads(), a.groupSize(), hd)))),
                Attr.ints("perm", 0, 2, 3, 1, 4));
        String k4 = g.op("Transpose", List.of(g.op("Reshape", List.of(k, g.int64Vector(0, 0, a.kvHeads(), hd)))),
                Attr.ints("perm", 0, 2, 1, 3));
        String v4 = g.op("Transpose", List.of(g.op("Reshape", List.of(v, g.int64Vector(0, 0, a.kvHeads(), hd)))),
                Attr.ints("perm", 0, 2, 1, 3));
        String qr = rotate(q5, g.int64Vector(1, 2));
        String kr = rotate(k4, g.int64Vector(1));
        String presentK = "present." + i + ".key";
        String presentV = "present." + i + ".value";
        g.node("Concat", List.of("past_key_values." + i + ".key", kr), List.of(presentK), Attr.i("axis", 2));
        g.node("Concat", List.of("past_key_values." + i + ".value", v4), List.of(presentV), Attr.i("axis", 2));
        String kT = g.op("Transpose", List.of(g.op("Unsqueeze", List.of(presentK, g.int64Vector(2)))),
                Attr.ints("perm", 0, 1, 2, 4, 3));
        String scaled = g.op("Mul", List.of(qr, g.scalar(act, (float) (1.0 / Math.sqrt(hd)))));
        String scores = g.op("Add", List.of(g.op("MatMul", List.of(scaled, kT)), mask));
        String probs = g.op("Softmax", List.of(scores), Attr.i("axis", -1));
        String ctx = g.op("MatMul", List.of(probs, g.op("Unsqueeze", List.of(presentV, g.int64Vector(2)))));
        String bs = g.op("Transpose", List.of(ctx), Attr.ints("perm", 0, 3, 1, 2, 4));
        return g.op("Reshape", List.of(bs, g.int64Vector(0, 0, (long) a.qWidth())));
    }

    /** Half-rotation RoPE: x·cos + rotate_half(x)·sin, tables unsqueezed at {@code axes} to x's rank. */
    private String rotate(String x, String axes) {
        int half = a.headDim() / 2;
        String c = g.op("Unsqueeze", List.of(cos, axes));
        String s = g.op("Unsqueeze", List.of(sin, axes));
        String last = g.int64Vector(-1);
        String x1 = g.op("Slice", List.of(x, g.int64Vector(0), g.int64Vector(half), last));
        String x2 = g.op("Slice", List.of(x, g.int64Vector(half), g.int64Vector(a.headDim()), last));
        String rot = g.op("Concat", List.of(g.op("Neg", List.of(x2)), x1), Attr.i("axis", -1));
        return g.op("Add", List.of(g.op("Mul", List.of(x, c)), g.op("Mul", List.of(rot, s))));
    }

    /** RMSNorm computed in float32 even in an fp16 graph, as transformers' LlamaRMSNorm does. */
    private String rmsNorm(String x, String weight) {
        g.add(WeightJobs.vector(src, weight, params.get(weight).spread(), a.hidden(), act));
        int f32 = DataType.FLOAT_VALUE;
        String x32 = act == f32 ? x : g.op("Cast", List.of(x), Attr.i("to", f32));
        String meanSquare = g.op("ReduceMean", List.of(g.op("Pow", List.of(x32, g.scalar(f32, 2f)))),
                Attr.ints("axes", -1), Attr.i("keepdims", 1));
        String rms = g.op("Sqrt", List.of(g.op("Add", List.of(meanSquare, g.scalar(f32, (float) a.rmsNormEps())))));
        String normed = g.op("Div", List.of(x32, rms));
        if (act != f32) {
            normed = g.op("Cast", List.of(normed), Attr.i("to", act));
        }
        return g.op("Mul", List.of(normed, weight));
    }

    /** {@code x @ W^T (+ b)} for the HF module {@code module} ({@code module.weight} is [out, in]). */
    private String linear(String x, String module) {
        Parameter w = params.get(module + ".weight");
        String y = project(x, module + ".weight", module + ".weight", w);
        Parameter bias = params.get(module + ".bias");
        if (bias == null) {
            return y;
        }
        g.add(WeightJobs.vector(src, bias.name(), bias.spread(), bias.cols(), act));
        return g.op("Add", List.of(y, bias.name()));
    }

    /** Multiplies by the weight named {@code name} whose values are those of parameter {@code w}. */
    private String project(String x, String name, String source, Parameter w) {
        int out = w.rows();
        int in = w.cols();
        switch (o.quantization()) {
            case INT4 -> {
                g.add(WeightJobs.int4(src, name, source, w.spread(), out, in, o.blockSize()));
                return g.op(MS + ":MatMulNBits", List.of(x, name + "_Q4", name + "_scales"),
                        Attr.i("K", in), Attr.i("N", out), Attr.i("bits", 4), Attr.i("block_size", o.blockSize()),
                        Attr.i("accuracy_level", o.accuracyLevel()));
            }
            case INT8 -> {
                g.add(WeightJobs.int8(src, name, source, w.spread(), out, in, true, true, Int8Rows.MATMUL_MAX_MAGNITUDE));
                String[] dq = g.ops("DynamicQuantizeLinear", List.of(x), 3);
                String acc = g.op("MatMulInteger", List.of(dq[0], name + "_quantized", dq[2], name + "_zero_point"));
                String scale = g.op("Mul", List.of(dq[1], name + "_scale"));
                return g.op("Mul", List.of(g.op("Cast", List.of(acc), Attr.i("to", DataType.FLOAT_VALUE)), scale));
            }
            default -> {
                g.add(WeightJobs.dense(src, name, source, w.spread(), out, in, true, act));
                return g.op("MatMul", List.of(x, name));
            }
        }
    }

    private void head(String h) {
        if (o.lastTokenLogits()) {
            h = g.op("Slice", List.of(h, g.int64Vector(-1), g.int64Vector(Long.MAX_VALUE), g.int64Vector(1)));
        }
        String x = rmsNorm(h, "model.norm.weight");
        String logits;
        Parameter source = params.get(TwinParameters.lmHeadSource(a));
        boolean dense = o.quantization() == Quantization.FP32 || o.quantization() == Quantization.FP16;
        if (a.tiedEmbeddings() && dense) {
            // The Gather's own [vocab, hidden] table, used transposed by Gemm (transB) on the rows flattened to 2-D:
            // no second copy on disk, and no Transpose of the whole table at run time.
            String rows = g.op("Reshape", List.of(x, g.int64Vector(-1, a.hidden())));
            String flat = g.op("Gemm", List.of(rows, "model.embed_tokens.weight"), Attr.i("transB", 1));
            String shape = g.op("Concat", List.of(g.op("Slice", List.of(g.op("Shape", List.of(x)), g.int64Vector(0),
                    g.int64Vector(2), g.int64Vector(0))), g.int64Vector(a.vocab())), Attr.i("axis", 0));
            logits = g.op("Reshape", List.of(flat, shape));
        } else {
            logits = project(x, "lm_head.weight", source.name(), source);
        }
        g.node("Identity", List.of(logits), List.of("logits"));
    }
}
