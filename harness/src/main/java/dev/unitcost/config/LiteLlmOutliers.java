package dev.unitcost.config;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** The plausibility test of {@link LiteLlmImporter}: prices far above the provider's other models. */
final class LiteLlmOutliers {

    private LiteLlmOutliers() {}

    /** Why {@code c} looks implausible among {@code peers} (same provider), or null. */
    static String flag(LiteLlmImporter.Candidate c, List<LiteLlmImporter.Candidate> peers) {
        if (c.mode.equals("chat") && c.input.signum() == 0 && c.output.signum() == 0) {
            return "priced zero for input and output: free, or unknown?";
        }
        String in = outlier(c, peers, x -> x.input, "input");
        String out = c.output == null ? null : outlier(c, peers, x -> x.output, "output");
        if (in == null) {
            return out;
        }
        return out == null ? in : in + "; " + out;
    }

    private static String outlier(LiteLlmImporter.Candidate c, List<LiteLlmImporter.Candidate> peers,
            Function<LiteLlmImporter.Candidate, BigDecimal> field, String name) {
        List<BigDecimal> others = peers.stream()
                .filter(o -> o != c && o.mode.equals(c.mode))
                .map(field).filter(Objects::nonNull).sorted().toList();
        if (others.size() < LiteLlmImporter.MIN_PEERS) {
            return null;
        }
        BigDecimal median = median(others);
        BigDecimal limit = median.multiply(BigDecimal.valueOf(LiteLlmImporter.OUTLIER_FACTOR));
        if (median.signum() > 0 && field.apply(c).compareTo(limit) > 0) {
            BigDecimal times = field.apply(c).divide(median, new MathContext(3));
            return name + " USD " + field.apply(c).toPlainString() + "/1M is " + times.toPlainString()
                    + "x the median (" + median.stripTrailingZeros().toPlainString() + ") of " + others.size()
                    + " other " + c.provider + " " + c.mode + " models";
        }
        return null;
    }

    static BigDecimal median(List<BigDecimal> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2)
                : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2), MathContext.DECIMAL64);
    }
}
