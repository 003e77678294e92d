package dev.unitcost.cost;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Pure functions from an hourly cost and a measured throughput to prices per 1M tokens.
 *
 * <p>Input tokens carry prefill time, output tokens decode time:
 * {@code USD/1M input = usdPerHour / (inputTokensPerSecond × 3600 × u) × 1e6}, and the same for
 * output. A mix of r input tokens per output token costs {@code (r × in + out) / (r + 1)} per 1M
 * tokens. Emissions per 1M tokens follow the same formula with gCO2 per hour.
 */
public final class TokenCosts {

    /** Artificial Analysis' blend: three input tokens for each output token. */
    public static final double CONVENTIONAL_INPUT_PER_OUTPUT = 3.0;

    private static final MathContext MC = MathContext.DECIMAL64;

    private TokenCosts() {}

    /**
     * Prices per 1M tokens.
     *
     * @param hourly cost (and energy) of one paid hour of the devices measured
     * @param throughput measured on those devices while busy
     * @param inputPerOutput the workload's input tokens per output token (&gt; 0)
     * @param utilisation duty cycle in (0, 1]
     */
    public static TokenPrices price(HourlyCost hourly, MeasuredThroughput throughput, double inputPerOutput,
            double utilisation) {
        checkRatio(inputPerOutput);
        CostModel.checkUtilisation(utilisation);
        BigDecimal in = CostModel.usdPerMillionTokens(hourly.usdPerHour(), throughput.inputTokensPerSecond(), utilisation);
        Optional<BigDecimal> out = throughput.outputTokensPerSecond().isPresent()
                ? Optional.of(CostModel.usdPerMillionTokens(hourly.usdPerHour(),
                        throughput.outputTokensPerSecond().getAsDouble(), utilisation))
                : Optional.empty();
        OptionalDouble gIn = perMillion(hourly.gCO2PerHour(), OptionalDouble.of(throughput.inputTokensPerSecond()), utilisation);
        OptionalDouble gOut = perMillion(hourly.gCO2PerHour(), throughput.outputTokensPerSecond(), utilisation);
        return new TokenPrices(in, out, blend(in, out, inputPerOutput), blend(in, out, CONVENTIONAL_INPUT_PER_OUTPUT),
                inputPerOutput, utilisation, gIn, gOut);
    }

    /** {@link #price} at each duty cycle; {@code hourlyAt} gives the hourly cost at that duty cycle. */
    public static List<TokenPrices> sweep(java.util.function.DoubleFunction<HourlyCost> hourlyAt,
            MeasuredThroughput throughput, double inputPerOutput, double... utilisations) {
        List<TokenPrices> rows = new ArrayList<>();
        for (double u : utilisations) {
            rows.add(price(hourlyAt.apply(u), throughput, inputPerOutput, u));
        }
        return rows;
    }

    /**
     * Price per 1M tokens of a mix: {@code (r × in + out) / (r + 1)}; just {@code in} when there is
     * no output price (input-only models).
     */
    public static BigDecimal blend(BigDecimal perMillionIn, Optional<BigDecimal> perMillionOut, double inputPerOutput) {
        checkRatio(inputPerOutput);
        if (perMillionOut.isEmpty()) {
            return perMillionIn;
        }
        BigDecimal r = BigDecimal.valueOf(inputPerOutput);
        return perMillionIn.multiply(r, MC).add(perMillionOut.get(), MC).divide(r.add(BigDecimal.ONE), MC);
    }

    /** A per-hour quantity (gCO2) over tokens: {@code perHour / (tps × 3600 × u) × 1e6}. */
    static OptionalDouble perMillion(OptionalDouble perHour, OptionalDouble tokensPerSecond, double utilisation) {
        if (perHour.isEmpty() || tokensPerSecond.isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(perHour.getAsDouble() / (tokensPerSecond.getAsDouble() * 3600 * utilisation) * 1e6);
    }

    static void checkRatio(double inputPerOutput) {
        if (!(inputPerOutput > 0) || Double.isInfinite(inputPerOutput)) {
            throw new IllegalArgumentException("inputPerOutput must be > 0 and finite, got " + inputPerOutput);
        }
    }
}
