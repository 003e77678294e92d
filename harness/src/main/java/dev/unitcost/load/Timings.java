package dev.unitcost.load;

import dev.unitcost.engine.endpoint.StreamOutcome;
import dev.unitcost.metrics.RequestTimings;
import java.util.Optional;

/** A streamed request's token times, for the latency metrics. */
final class Timings {

    private Timings() {}

    /**
     * Every output token at the arrival of the chunk that carried it (a chunk of k tokens gives k
     * tokens at one time, so gaps inside a chunk are 0); empty for a failed request or one with no output.
     */
    // MERGE: replace with the client's StreamOutcome -> RequestTimings conversion (per-token times inside multi-token chunks)
    static Optional<RequestTimings> of(StreamOutcome o) {
        if (!o.ok() || o.countedOutputTokens() == 0) {
            return Optional.empty();
        }
        long[] chunks = o.chunkNanos();
        int[] tokens = o.chunkTokens();
        long[] times = new long[o.countedOutputTokens()];
        int t = 0;
        for (int c = 0; c < chunks.length; c++) {
            for (int k = 0; k < tokens[c]; k++) {
                times[t++] = chunks[c];
            }
        }
        return Optional.of(new RequestTimings(o.startNanos(), times));
    }
}
