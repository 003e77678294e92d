package dev.unitcost.engine.endpoint;

import java.util.List;
import java.util.OptionalDouble;

/**
 * The client's token count against the server's own ({@code usage.completion_tokens}) over a set
 * of requests: a report shows both, and flags a mismatch above {@link #FLAG_ABOVE} (1%), which
 * means the configured tokenizer is not the server's, or the server streams text its usage does
 * not count (or the reverse).
 *
 * @param compared completed requests that had a usage to compare with
 * @param withoutUsage completed requests whose stream had no usage (not compared)
 * @param countedTokens output tokens the client counted over the compared requests
 * @param usageTokens output tokens the server reported over the same requests
 */
public record TokenReconciliation(int compared, int withoutUsage, long countedTokens, long usageTokens) {

    /** A relative mismatch above this is flagged. */
    public static final double FLAG_ABOVE = 0.01;

    /** Sums over the completed outcomes; failed requests are left out (their usage never came). */
    public static TokenReconciliation of(List<StreamOutcome> outcomes) {
        int compared = 0;
        int without = 0;
        long counted = 0;
        long usage = 0;
        for (StreamOutcome o : outcomes) {
            if (!o.ok()) {
                continue;
            }
            if (o.usageCompletionTokens() < 0) {
                without++;
                continue;
            }
            compared++;
            counted += o.countedOutputTokens();
            usage += o.usageCompletionTokens();
        }
        return new TokenReconciliation(compared, without, counted, usage);
    }

    /** |counted − usage| / usage; empty when nothing was compared or the server reported 0 tokens. */
    public OptionalDouble relativeMismatch() {
        if (compared == 0 || usageTokens == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Math.abs(countedTokens - usageTokens) / (double) usageTokens);
    }

    /** Whether the mismatch is above 1%. */
    public boolean flagged() {
        return relativeMismatch().orElse(0) > FLAG_ABOVE;
    }
}
