package dev.unitcost.result;

import java.util.Map;

/**
 * What is fixed for a kind of task: its name in reports, the rate-card mode it is priced against,
 * and what its figures mean.
 *
 * @param name {@code embedding} or {@code generation}: the JSON's {@code kind}, the history index's task
 * @param apiMode which rate-card entries a run of this kind is set against ({@code embedding} or {@code chat})
 * @param metricDefinitions what each figure of this kind means, echoed into the report header
 */
public record TaskKind(String name, String apiMode, Map<String, String> metricDefinitions) {

    public TaskKind {
        metricDefinitions = Map.copyOf(metricDefinitions);
    }
}
