package dev.unitcost.cost;

/**
 * A steady monthly workload: so many users, each sending so many requests a day of fixed size.
 * Months are 30 days (720 hours) throughout the cost package.
 *
 * @param users active users
 * @param requestsPerDay requests per user per day
 * @param inputTokensPerRequest prompt tokens per request
 * @param outputTokensPerRequest generated tokens per request (0 for embeddings)
 */
public record Workload(long users, long requestsPerDay, long inputTokensPerRequest, long outputTokensPerRequest) {

    public static final int DAYS_PER_MONTH = 30;

    public Workload {
        positive(users, "users");
        positive(requestsPerDay, "requestsPerDay");
        positive(inputTokensPerRequest, "inputTokensPerRequest");
        if (outputTokensPerRequest < 0) {
            throw new IllegalArgumentException("outputTokensPerRequest must be >= 0, got " + outputTokensPerRequest);
        }
        inputTokensPerMonth(users, requestsPerDay, inputTokensPerRequest);
        inputTokensPerMonth(users, requestsPerDay, outputTokensPerRequest);
    }

    public long requestsPerMonth() {
        return Math.multiplyExact(Math.multiplyExact(users, requestsPerDay), DAYS_PER_MONTH);
    }

    public long inputTokensPerMonth() {
        return inputTokensPerMonth(users, requestsPerDay, inputTokensPerRequest);
    }

    public long outputTokensPerMonth() {
        return inputTokensPerMonth(users, requestsPerDay, outputTokensPerRequest);
    }

    /** Input tokens per output token; empty when nothing is generated. */
    public java.util.OptionalDouble inputPerOutput() {
        return outputTokensPerRequest == 0 ? java.util.OptionalDouble.empty()
                : java.util.OptionalDouble.of(inputTokensPerRequest / (double) outputTokensPerRequest);
    }

    private static long inputTokensPerMonth(long users, long requestsPerDay, long tokensPerRequest) {
        try {
            return Math.multiplyExact(Math.multiplyExact(Math.multiplyExact(users, requestsPerDay), DAYS_PER_MONTH),
                    tokensPerRequest);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("workload too large: tokens per month overflow a long");
        }
    }

    private static void positive(long v, String field) {
        if (v <= 0) {
            throw new IllegalArgumentException(field + " must be > 0, got " + v);
        }
    }
}
