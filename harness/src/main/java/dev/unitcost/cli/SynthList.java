package dev.unitcost.cli;

import dev.unitcost.synth.Quantization;
import dev.unitcost.synth.TwinCache;
import dev.unitcost.synth.TwinOptions;
import dev.unitcost.synth.TwinPlan;
import dev.unitcost.synth.TwinPreset;
import dev.unitcost.synth.TwinWriter;
import dev.unitcost.synth.gguf.GgufQuant;
import dev.unitcost.synth.gguf.GgufTwinPlan;
import java.io.PrintWriter;
import java.util.Locale;

/** The table {@code unitcost synth --list} prints. */
final class SynthList {

    private SynthList() {}

    static void print(PrintWriter out) {
        out.printf(Locale.ROOT, "%-14s %-28s %15s %10s %10s %10s %10s%n", "preset", "facts from", "parameters",
                "fp32", "fp16", "int8", "int4");
        for (TwinPreset p : TwinPreset.ALL) {
            if (p.experts().isPresent()) {
                long params = TwinCache.modelLoad("twin:" + p.name() + ":fp16").parameters();
                out.printf(Locale.ROOT, "%-14s %-28s %,15d  mixture of experts: no twin, facts for `project` only%n",
                        p.name(), p.hfRepo(), params);
                continue;
            }
            StringBuilder sizes = new StringBuilder();
            for (Quantization q : Quantization.values()) {
                TwinPlan plan = new TwinPlan(p.architecture(), TwinOptions.defaults(q, 0));
                sizes.append(String.format(Locale.ROOT, " %10s", size(TwinWriter.estimatedBytes(plan))));
            }
            out.printf(Locale.ROOT, "%-14s %-28s %,15d%s%n", p.name(), p.hfRepo(), p.architecture().paramCount(), sizes);
        }
        out.println("sizes: on disk with GQA attention, int4 block size 32, generated tokenizer (upper estimate)");
        out.println();
        out.printf(Locale.ROOT, "%-14s %10s %10s %10s%n", "--format gguf", "f16", "q8_0", "q4_0");
        for (TwinPreset p : TwinPreset.ALL) {
            if (p.experts().isPresent()) {
                continue;
            }
            StringBuilder sizes = new StringBuilder();
            for (GgufQuant q : GgufQuant.values()) {
                GgufTwinPlan plan = new GgufTwinPlan(p.architecture(), q, 0,
                        new GgufTwinPlan.Facts(p.name(), p.bosTokenId(), p.eosTokenId()));
                sizes.append(String.format(Locale.ROOT, " %10s", size(plan.fileBytes())));
            }
            out.printf(Locale.ROOT, "%-14s%s%n", p.name(), sizes);
        }
        out.println("sizes: the GGUF file exactly (q4_0 keeps the output projection in q8_0)");
    }

    /** Bytes for people: MiB below 1 GiB, else GiB with two decimals. */
    static String size(long bytes) {
        return bytes < (1L << 30) ? String.format(Locale.ROOT, "%.0f MiB", bytes / 1048576.0)
                : String.format(Locale.ROOT, "%.2f GiB", bytes / 1073741824.0);
    }
}
