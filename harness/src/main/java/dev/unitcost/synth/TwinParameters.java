package dev.unitcost.synth;

import dev.unitcost.model.DecoderArchitecture;
import dev.unitcost.synth.WeightSource.Spread;
import java.util.ArrayList;
import java.util.List;

/**
 * A twin's parameters by Hugging Face name, with their shapes and how their random values are
 * spread. The graph writer and the reference forward pass both read weights through this list, so
 * they cannot disagree about a tensor.
 */
public final class TwinParameters {

    private TwinParameters() {}

    /**
     * One parameter tensor.
     *
     * @param name Hugging Face name ({@code model.layers.0.self_attn.q_proj.weight})
     * @param rows output features of a linear weight ({@code [out, in]}), 1 for a vector
     * @param cols input features, or the vector's length
     * @param spread how its values are drawn
     */
    public record Parameter(String name, int rows, int cols, Spread spread) {
        public long elements() {
            return (long) rows * cols;
        }
    }

    static final Spread NORM = new Spread(1f, 0.1f);
    static final Spread BIAS = new Spread(0f, 0.1f);

    /** Every parameter, in Hugging Face order; a tied lm_head is absent (it is the embedding). */
    public static List<Parameter> of(DecoderArchitecture a) {
        List<Parameter> p = new ArrayList<>();
        p.add(new Parameter("model.embed_tokens.weight", a.vocab(), a.hidden(), Spread.linear(a.hidden())));
        for (int i = 0; i < a.layers(); i++) {
            String l = layer(i);
            p.add(new Parameter(l + "input_layernorm.weight", 1, a.hidden(), NORM));
            for (String proj : List.of("q_proj", "k_proj", "v_proj")) {
                int out = proj.equals("q_proj") ? a.qWidth() : a.kvWidth();
                p.add(new Parameter(l + "self_attn." + proj + ".weight", out, a.hidden(), Spread.linear(a.hidden())));
                if (a.qkvBias()) {
                    p.add(new Parameter(l + "self_attn." + proj + ".bias", 1, out, BIAS));
                }
            }
            p.add(new Parameter(l + "self_attn.o_proj.weight", a.hidden(), a.qWidth(), Spread.linear(a.qWidth())));
            p.add(new Parameter(l + "post_attention_layernorm.weight", 1, a.hidden(), NORM));
            p.add(new Parameter(l + "mlp.gate_proj.weight", a.intermediate(), a.hidden(), Spread.linear(a.hidden())));
            p.add(new Parameter(l + "mlp.up_proj.weight", a.intermediate(), a.hidden(), Spread.linear(a.hidden())));
            p.add(new Parameter(l + "mlp.down_proj.weight", a.hidden(), a.intermediate(), Spread.linear(a.intermediate())));
        }
        p.add(new Parameter("model.norm.weight", 1, a.hidden(), NORM));
        if (!a.tiedEmbeddings()) {
            p.add(new Parameter("lm_head.weight", a.vocab(), a.hidden(), Spread.linear(a.hidden())));
        }
        return p;
    }

    /** The prefix of layer {@code i}'s parameters. */
    public static String layer(int i) {
        return "model.layers." + i + ".";
    }

    /** The parameter whose values the lm_head uses: the embedding when tied. */
    public static String lmHeadSource(DecoderArchitecture a) {
        return a.tiedEmbeddings() ? "model.embed_tokens.weight" : "lm_head.weight";
    }
}
