package dev.unitcost.cost;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What a provider's price implies about its gross margin: each rate-card entry of an open-weight
 * model whose shape we have, set against our cost of serving that shape on one device of a hardware
 * profile at a stated utilisation. {@code margin = 1 − our USD per 1M / their USD per 1M}, at the
 * 3:1 blend (and for input and output alone). Our cost is hardware only (no staff, networking,
 * idle capacity beyond the utilisation, or software), which makes the margin a ceiling; a provider
 * that serves the shape more cheaply than the projection assumes (lower precision, better batching)
 * has a higher one. Neither correction is known, so each line states its assumptions.
 *
 * @param hardware the profile priced
 * @param hourlyBasis one device-hour, in words
 * @param utilisation the busy share our cost assumes
 * @param lines one per rate-card entry with a shape, cheapest provider price first
 * @param withoutShape open-weight entries we have no shape for (provider/model)
 * @param assumptions every assumption behind the lines, in words
 */
public record ImpliedMargins(String hardware, String hourlyBasis, double utilisation, List<Line> lines, List<String> withoutShape,
        List<String> assumptions, String rounding) {

    private static final MathContext MC = MathContext.DECIMAL64;

    public ImpliedMargins {
        lines = List.copyOf(lines);
        withoutShape = List.copyOf(withoutShape);
        assumptions = List.copyOf(assumptions);
    }

    /** Rate-card model names (lower case) and the shape preset each is. */
    private static final Map<Pattern, String> SHAPES = Map.of(
            Pattern.compile("llama-v?3[.p]1-8b"), "llama-3.1-8b",
            Pattern.compile("llama-v?3[.p]1-70b"), "llama-3.1-70b",
            Pattern.compile("llama-v?3[.p]2-1b"), "llama-3.2-1b",
            Pattern.compile("mistral-7b"), "mistral-7b",
            Pattern.compile("mixtral-8x7b"), "mixtral-8x7b",
            Pattern.compile("qwen2[.p]5-7b"), "qwen2.5-7b",
            Pattern.compile("qwen2[.p]5-72b"), "qwen2.5-72b");

    /** Names of open-weight families, to list entries we cannot match to a shape. */
    private static final Pattern OPEN_WEIGHT = Pattern.compile("llama|qwen|mistral-7b|mixtral|deepseek|gpt-oss|gemma");

    /**
     * One entry.
     *
     * @param preset the shape we priced
     * @param throughputBasis "measured: …" or "projected: …"
     * @param impliedGrossMargin3to1 {@code 1 − ours / theirs} at the 3:1 blend; negative: the price is below our cost
     */
    public record Line(String provider, String model, LocalDate rateCardAsOf, String preset, boolean projected, String throughputBasis,
            double inputTokensPerSecond, double outputTokensPerSecond, BigDecimal apiUsdPerMillionInput, BigDecimal apiUsdPerMillionOutput,
            BigDecimal apiUsdPerMillionBlended3to1, BigDecimal selfUsdPerMillionInput, BigDecimal selfUsdPerMillionOutput,
            BigDecimal selfUsdPerMillionBlended3to1, Double impliedGrossMargin3to1, Double impliedGrossMarginInput,
            Double impliedGrossMarginOutput) {}

    /** The shape preset a rate-card model is, when we have it. */
    public static Optional<String> shapeOf(String model) {
        String m = model.toLowerCase(Locale.ROOT);
        return SHAPES.entrySet().stream().filter(e -> e.getKey().matcher(m).find()).map(Map.Entry::getValue).findFirst();
    }

    /** The presets the chat entries of {@code cards} name, each once. */
    public static List<String> shapesOn(List<RateCard> cards) {
        return new RateCards(cards).entries().stream().filter(e -> e.price().mode().equals("chat")).map(e -> shapeOf(e.price().model()))
                .flatMap(Optional::stream).distinct().sorted().toList();
    }

    /**
     * @param throughputOf one device's throughput for a preset (labelled measured or projected); empty to leave its entries out
     * @param only the one preset to show; null for all
     */
    public static ImpliedMargins of(List<RateCard> cards, HourlyCost hourly, double utilisation, String hardware,
            Function<String, Optional<MeasuredThroughput>> throughputOf, String only, List<String> assumptions) {
        List<Line> lines = new ArrayList<>();
        List<String> without = new ArrayList<>();
        for (RateCards.Entry e : new RateCards(cards).entries()) {
            if (!e.price().mode().equals("chat")) {
                continue;
            }
            Optional<String> shape = shapeOf(e.price().model());
            if (shape.isEmpty()) {
                if (only == null && OPEN_WEIGHT.matcher(e.price().model().toLowerCase(Locale.ROOT)).find()) {
                    without.add(e.card().provider() + "/" + e.price().model());
                }
                continue;
            }
            if (only != null && !only.equals(shape.get())) {
                continue;
            }
            Optional<MeasuredThroughput> t = throughputOf.apply(shape.get());
            if (t.isEmpty() || t.get().outputTokensPerSecond().isEmpty()) {
                without.add(e.card().provider() + "/" + e.price().model() + " (" + shape.get() + " does not fit " + hardware + ")");
                continue;
            }
            lines.add(line(e, shape.get(), t.get(), hourly, utilisation));
        }
        lines.sort(java.util.Comparator.comparing(Line::preset).thenComparing(Line::apiUsdPerMillionBlended3to1));
        return new ImpliedMargins(hardware, hourly.basis(), utilisation, lines, without, assumptions, Money.RULE);
    }

    static Line line(RateCards.Entry e, String preset, MeasuredThroughput t, HourlyCost hourly, double utilisation) {
        TokenPrices self = TokenCosts.price(hourly, t, TokenCosts.CONVENTIONAL_INPUT_PER_OUTPUT, utilisation);
        BigDecimal apiIn = e.price().input();
        BigDecimal apiOut = e.price().output();
        BigDecimal api3 = TokenCosts.blend(apiIn, Optional.of(apiOut), TokenCosts.CONVENTIONAL_INPUT_PER_OUTPUT);
        BigDecimal selfOut = self.usdPerMillionOutput().orElseThrow();
        return new Line(e.card().provider(), e.price().model(), e.card().asOf(), preset, t.label().startsWith("projected"), t.label(),
                t.inputTokensPerSecond(), t.outputTokensPerSecond().getAsDouble(), apiIn, apiOut, Money.perMillion(api3),
                Money.perMillion(self.usdPerMillionInput()), Money.perMillion(selfOut), Money.perMillion(self.usdPerMillionBlended3to1()),
                margin(self.usdPerMillionBlended3to1(), api3), margin(self.usdPerMillionInput(), apiIn), margin(selfOut, apiOut));
    }

    /** {@code 1 − ours / theirs}; null when their price is zero (no margin to speak of). */
    static Double margin(BigDecimal ours, BigDecimal theirs) {
        if (theirs.signum() == 0) {
            return null;
        }
        return BigDecimal.ONE.subtract(ours.divide(theirs, MC), MC).doubleValue();
    }
}
