package dev.unitcost.result;

import dev.unitcost.cost.MeasuredThroughput;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.unitcost.cost.PricePoint;
import java.util.List;
import java.util.Map;

/**
 * What one kind of task measured. Sealed, and code that differs by kind goes through
 * {@link #match(Cases)}: a new kind (an endpoint run, say) adds a method to {@link Cases}, so the
 * compiler finds every place it must be handled (Java 17 has no pattern switch). The JSON names
 * the kind in {@code kind}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = EmbeddingResult.class, name = EmbeddingResult.KIND),
    @JsonSubTypes.Type(value = GenerationResult.class, name = GenerationResult.KIND),
    @JsonSubTypes.Type(value = EndpointResult.class, name = EndpointResult.KIND)
})
public sealed interface TaskResult permits EmbeddingResult, GenerationResult, EndpointResult {

    /** What is fixed for this kind: its name, the rate cards it is priced against, what its figures mean. */
    TaskKind taskKind();

    /** {@code embedding} or {@code generation}: the name the JSON and the history index use. */
    default String kind() {
        return taskKind().name();
    }

    /** Which rate-card entries a run of this kind is set against ({@code embedding} or {@code chat}). */
    default String apiMode() {
        return taskKind().apiMode();
    }

    /** What each figure of this kind means, echoed into the report header. */
    default Map<String, String> metricDefinitions() {
        return taskKind().metricDefinitions();
    }

    /** Every successful point's median throughput, in sweep order, for the one pricing path. */
    List<PricePoint> pricePoints(String runId);

    /** Prompt tokens over every measured repetition (warmup excluded). */
    long inputTokens();

    /** Generated tokens over every measured repetition (zero for kinds that generate nothing). */
    long outputTokens();

    /** Calls the case for this kind. */
    <T> T match(Cases<T> cases);

    /** One method per kind of task: what kind-specific code implements. */
    interface Cases<T> {
        T embedding(EmbeddingResult result);

        T generation(GenerationResult result);

        T endpoint(EndpointResult result);
    }

    /**
     * Each repetition's throughput at {@code point} (one of {@link #pricePoints}), for the spread of
     * its price; empty when the kind keeps no per-repetition figures.
     */
    default List<MeasuredThroughput> repetitionThroughputs(PricePoint point) {
        return List.of();
    }

    /** Whether any point ran; a run where none did is stored unpriced. */
    default boolean anyOk() {
        return !pricePoints("-").isEmpty();
    }
}
