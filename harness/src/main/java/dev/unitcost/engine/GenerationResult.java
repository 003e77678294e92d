package dev.unitcost.engine;

import dev.unitcost.metrics.RequestTimings;
import java.util.List;

/**
 * What one static batch produced, with every timestamp from {@link System#nanoTime()}.
 *
 * @param requests per sequence: batch start and each output token's arrival
 * @param outputIds per sequence: the generated ids (shorter than asked when it stopped at EOS)
 * @param stepWallNanos wall time of each step (prefill first), tensor building and argmax included
 * @param stepEngineNanos time inside the engine's run call for each step
 */
public record GenerationResult(List<RequestTimings> requests, long[][] outputIds, long[] stepWallNanos, long[] stepEngineNanos) {

    public GenerationResult {
        requests = List.copyOf(requests);
        if (stepWallNanos.length != stepEngineNanos.length || stepWallNanos.length == 0) {
            throw new IllegalArgumentException("one wall and one engine time per step, at least one step");
        }
    }
}
