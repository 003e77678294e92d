package dev.unitcost.projection;

import dev.unitcost.cost.HardwareProfile;
import dev.unitcost.cost.MeasuredThroughput;
import dev.unitcost.cost.PricePoint;
import dev.unitcost.cost.PriceSheet;
import dev.unitcost.cost.Pricing;
import dev.unitcost.cost.ProfileChoice;
import dev.unitcost.cost.RateCard;
import dev.unitcost.model.ModelLoad;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Projects a model onto hardware profiles over a workload's points and prices the result; pure. */
public final class Projector {

    /** vLLM's default {@code gpu_memory_utilization}: the share of device memory weights and KV cache may fill. */
    public static final double USABLE_MEMORY_SHARE = 0.9;
    public static final String USABLE_MEMORY_SOURCE = "0.9 of device memory for weights and KV cache (vLLM's default gpu_memory_utilization)";

    /**
     * A hardware profile, the physics of one of its devices, and the efficiencies assumed there (null: the
     * projection's own).
     */
    public record Target(HardwareProfile profile, DevicePhysics physics, Efficiency efficiency) {
        public Target(HardwareProfile profile, DevicePhysics physics) {
            this(profile, physics, null);
        }
    }

    /** The workload's points: every batch size × input length × output length, as a run sweeps them. */
    public record Points(String workload, List<Integer> batchSizes, List<Integer> inputLengths, List<Integer> outputLengths) {
        public Points {
            batchSizes = List.copyOf(batchSizes);
            inputLengths = List.copyOf(inputLengths);
            outputLengths = List.copyOf(outputLengths);
            if (batchSizes.isEmpty() || inputLengths.isEmpty() || outputLengths.isEmpty()) {
                throw new IllegalArgumentException("a workload needs batch sizes, input lengths and output lengths");
            }
        }
    }

    private Projector() {}

    /**
     * @param apiModel the API to break even against (model name, or provider/model); null for the cheapest chat model
     */
    public static Projection project(ModelLoad m, List<Target> targets, Points w, Efficiency e, List<RateCard> cards, String apiModel) {
        List<Projection.ProfileProjection> rows = new ArrayList<>();
        String api = null;
        for (Target t : targets) {
            Projection.ProfileProjection row = profile(m, t, w, e, cards, apiModel);
            rows.add(row);
            if (row.apiVerdict() != null) {
                api = row.apiVerdict().provider() + "/" + row.apiVerdict().model();
            }
        }
        rows.sort(Comparator.comparing((Projection.ProfileProjection r) -> r.prices() == null)
                .thenComparing(r -> r.prices() == null ? null : r.prices().best().usdPerMillionBlended(),
                        Comparator.nullsLast(Comparator.naturalOrder())));
        String label = "projected: roofline from each device's peaks (sources above), the efficiencies stated and " + m.name() + " "
                + m.format() + " facts, not measured";
        return new Projection(label, m, w.workload(), e, USABLE_MEMORY_SHARE, USABLE_MEMORY_SOURCE, api, rows);
    }

    private static Projection.ProfileProjection profile(ModelLoad m, Target t, Points w, Efficiency projectionEfficiency,
            List<RateCard> cards, String apiModel) {
        DevicePhysics d = t.physics();
        Efficiency e = t.efficiency() != null ? t.efficiency() : projectionEfficiency;
        Double usable = d.memoryBytes() == null ? null : d.memoryBytes() * USABLE_MEMORY_SHARE;
        long longest = (long) w.inputLengths().stream().mapToInt(Integer::intValue).max().orElseThrow()
                + w.outputLengths().stream().mapToInt(Integer::intValue).max().orElseThrow();
        List<Projection.PointProjection> points = new ArrayList<>();
        List<PricePoint> priced = new ArrayList<>();
        String label = "projected: " + d.device() + " at " + round(e.decode()) + " of peak bandwidth, " + round(e.prefill())
                + " of peak FLOP/s" + (e.stepOverheadSeconds() > 0 ? ", " + round(e.stepOverheadSeconds() * 1e3) + " ms per step" : "");
        for (int b : w.batchSizes()) {
            for (int in : w.inputLengths()) {
                for (int out : w.outputLengths()) {
                    Projection.PointProjection q = point(m, d, e, usable, b, in, out);
                    points.add(q);
                    if (q.fits()) {
                        priced.add(new PricePoint(b, in, Optional.of(out),
                                MeasuredThroughput.of(q.prefillTokensPerSecond(), q.decodeTokensPerSecond(), label)));
                    }
                }
            }
        }
        Long maxBatch = usable == null ? null : Roofline.maxBatch(m, usable, longest);
        Long maxContext = usable == null ? null : Roofline.maxContextTokens(m, usable);
        if (priced.isEmpty()) {
            return new Projection.ProfileProjection(t.profile().name(), d, e, maxBatch, maxContext, points, null, null);
        }
        PriceSheet sheet = Pricing.price(priced, "chat", t.profile(), cards, 1.0, Optional.empty(),
                ProfileChoice.matching("projected onto " + t.profile().name() + " (" + d.device() + "), not measured"));
        return new Projection.ProfileProjection(t.profile().name(), d, e, maxBatch, maxContext, points, sheet, verdict(sheet, apiModel));
    }

    /**
     * The throughput of the projected best point (the one pricing would choose) of {@code m} on one
     * device of {@code t}, labelled projected; empty when no point fits.
     */
    public static Optional<MeasuredThroughput> bestThroughput(ModelLoad m, Target t, Points w, Efficiency e) {
        Projection.ProfileProjection row = profile(m, t, w, e, List.of(), null);
        if (row.prices() == null) {
            return Optional.empty();
        }
        PriceSheet.PointPrice b = row.prices().best();
        String label = String.format(java.util.Locale.ROOT, "projected: %s %s on %s at batch %d, %d in / %d out (%s)", m.name(), m.format(),
                t.physics().device(), b.batchSize(), b.inputLength(), b.outputLength(), e.source());
        return Optional.of(MeasuredThroughput.of(b.inputTokensPerSecond(), b.outputTokensPerSecond(), label));
    }

    /** One point: decode at the mean context (prompt plus half the output), prefill, fit at the full context. */
    public static Projection.PointProjection point(ModelLoad m, DevicePhysics d, Efficiency e, Double usableBytes, int batch, int in, int out) {
        boolean fits = usableBytes == null || Roofline.residentBytes(m, batch, (long) in + out) <= usableBytes;
        Roofline.Step step = Roofline.decode(m, d, e, batch, in + out / 2.0);
        double prefill = Roofline.prefillTokensPerSecond(m, d, e, in);
        double ttftSeconds = (double) batch * in / prefill + step.stepSeconds();
        return new Projection.PointProjection(batch, in, out, fits, step.tokensPerSecond(), prefill, step.memoryBound(),
                step.bytesRead(), step.stepSeconds() * 1e3, ttftSeconds * 1e3);
    }

    private static String round(double x) {
        return new java.math.BigDecimal(x).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    private static PriceSheet.ApiVerdict verdict(PriceSheet sheet, String apiModel) {
        if (apiModel == null) {
            return sheet.apis().isEmpty() ? null : sheet.apis().get(0);
        }
        return sheet.apis().stream().filter(v -> v.model().equalsIgnoreCase(apiModel)
                || (v.provider() + "/" + v.model()).equalsIgnoreCase(apiModel)).findFirst().orElse(null);
    }
}
