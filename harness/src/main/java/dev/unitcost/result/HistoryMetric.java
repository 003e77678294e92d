package dev.unitcost.result;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.unitcost.InputException;
import java.util.Arrays;

/** A headline figure the history follows from run to run. */
public enum HistoryMetric {

    /** The best point's tokens per second (decode when it generates): higher is better. */
    TOKENS_PER_SECOND("tokensPerSecond", "tokens/s", true),
    /** USD per million tokens at 3:1 at the best point: lower is better. */
    USD_PER_MILLION("usdPerMillion", "USD/1M (3:1)", false),
    /** Joules per token over the run's devices: lower is better. */
    JOULES_PER_TOKEN("joulesPerToken", "J/token", false);

    private final String key;
    private final String label;
    private final boolean higherIsBetter;

    HistoryMetric(String key, String label, boolean higherIsBetter) {
        this.key = key;
        this.label = label;
        this.higherIsBetter = higherIsBetter;
    }

    /** The name the command line and JSON use. */
    @JsonValue
    public String key() {
        return key;
    }

    /** A column heading, with the unit. */
    public String label() {
        return label;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** This figure of a history line; null when the run has none. */
    public Double valueOf(ResultStore.HistoryEntry e) {
        return switch (this) {
            case TOKENS_PER_SECOND -> e.bestTokensPerSecond();
            case USD_PER_MILLION -> e.usdPerMillion3to1() == null ? null : e.usdPerMillion3to1().doubleValue();
            case JOULES_PER_TOKEN -> e.joulesPerToken();
        };
    }

    /**
     * @throws InputException naming the setting {@code metric} when {@code key} is none of them
     */
    public static HistoryMetric byKey(String key) {
        return Arrays.stream(values()).filter(m -> m.key.equals(key)).findFirst()
                .orElseThrow(() -> InputException.setting("metric", "one of tokensPerSecond, usdPerMillion, joulesPerToken, got " + key));
    }
}
