package dev.unitcost.engine.endpoint;

import dev.unitcost.metrics.RequestTimings;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * The client's own time per streamed token against the time between tokens, so a report can say
 * whether streaming distorted what it measured: the median over requests of
 * {@link StreamOutcome#clientNanos()} / counted tokens, and that as a share of the median TPOT.
 *
 * @param requests requests with at least two counted tokens (the others have no TPOT)
 * @param medianNanosPerToken median of each request's client nanoseconds per counted token
 * @param medianTpotNanos median TPOT of the same requests
 */
public record ClientOverhead(int requests, double medianNanosPerToken, double medianTpotNanos) {

    /** Over every outcome with at least two tokens, failed or not; empty when there is none. */
    public static java.util.Optional<ClientOverhead> of(List<StreamOutcome> outcomes) {
        List<Double> perToken = new ArrayList<>();
        List<Double> tpot = new ArrayList<>();
        for (StreamOutcome o : outcomes) {
            int tokens = o.countedOutputTokens();
            if (tokens < 2) {
                continue;
            }
            OptionalDouble t = EndpointTimings.requestTimings(o).map(RequestTimings::tpotNanos).orElse(OptionalDouble.empty());
            if (t.isEmpty()) {
                continue;
            }
            perToken.add(o.clientNanos() / (double) tokens);
            tpot.add(t.getAsDouble());
        }
        if (perToken.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new ClientOverhead(perToken.size(), median(perToken), median(tpot)));
    }

    /** The overhead per token as a share of the median time per output token (0.01 = 1%). */
    public double shareOfTpot() {
        return medianTpotNanos == 0 ? Double.POSITIVE_INFINITY : medianNanosPerToken / medianTpotNanos;
    }

    private static double median(List<Double> values) {
        return new Median().evaluate(values.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
