package dev.unitcost.cost;

import java.math.BigDecimal;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/**
 * The 95% confidence interval of a self-hosted price per 1M tokens, from the spread of the
 * repetitions that measured it: each repetition's throughput priced alone, then Student's t
 * interval of their mean ({@code mean ± t(0.975, n − 1) × s / √n}). A verdict against an API
 * price is given only when the whole interval lies on one side of it.
 *
 * @param n repetitions
 * @param meanUsdPerMillion mean of the repetitions' prices
 * @param lowUsdPerMillion lower end of the interval
 * @param highUsdPerMillion upper end of the interval
 * @param basis what was priced, in words
 */
public record PriceInterval(int n, double meanUsdPerMillion, double lowUsdPerMillion, double highUsdPerMillion, String basis) {

    public static final double CONFIDENCE = 0.95;

    /** How self-hosting stands against one API price. */
    public enum Verdict {
        SELF_HOSTED_CHEAPER("self-hosted cheaper (the whole interval is below the API price)"),
        API_CHEAPER("API cheaper (the whole interval is above the API price)"),
        NO_VERDICT("no verdict: the interval straddles the API price");

        private final String words;

        Verdict(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    public PriceInterval {
        if (n < 2) {
            throw new IllegalArgumentException("an interval needs at least 2 repetitions, got " + n);
        }
        if (!(lowUsdPerMillion <= meanUsdPerMillion && meanUsdPerMillion <= highUsdPerMillion)) {
            throw new IllegalArgumentException("the interval must hold its mean");
        }
    }

    /**
     * The interval of the mean price over {@code perRepetitionUsdPerMillion} (one price per repetition).
     *
     * @throws IllegalArgumentException with fewer than two repetitions
     */
    public static PriceInterval of(List<Double> perRepetitionUsdPerMillion, String basis) {
        int n = perRepetitionUsdPerMillion.size();
        if (n < 2) {
            throw new IllegalArgumentException("an interval needs at least 2 repetitions, got " + n);
        }
        DescriptiveStatistics stats = new DescriptiveStatistics();
        perRepetitionUsdPerMillion.forEach(stats::addValue);
        double half = new TDistribution(n - 1).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2) * stats.getStandardDeviation()
                / Math.sqrt(n);
        return new PriceInterval(n, stats.getMean(), stats.getMean() - half, stats.getMean() + half, basis);
    }

    /**
     * Each repetition's throughput priced at {@code hourly} for the mix, then the interval.
     *
     * @param inputPerOutput the mix (ignored for input-only throughputs)
     */
    public static PriceInterval of(HourlyCost hourly, List<MeasuredThroughput> repetitions, double inputPerOutput, double utilisation,
            String basis) {
        return of(repetitions.stream().map(t -> TokenCosts.price(hourly, t, inputPerOutput, utilisation).usdPerMillionBlended()
                .doubleValue()).toList(), basis);
    }

    /** Self-hosting against an API price for the same mix. */
    public Verdict against(BigDecimal apiUsdPerMillion) {
        double api = apiUsdPerMillion.doubleValue();
        if (highUsdPerMillion < api) {
            return Verdict.SELF_HOSTED_CHEAPER;
        }
        if (lowUsdPerMillion > api) {
            return Verdict.API_CHEAPER;
        }
        return Verdict.NO_VERDICT;
    }
}
