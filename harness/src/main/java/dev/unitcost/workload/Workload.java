package dev.unitcost.workload;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** A file under {@code profiles/workloads/}; its {@code task} field says which kind. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "task", visible = true)
@JsonSubTypes({
    @JsonSubTypes.Type(value = EmbeddingWorkload.class, name = "embedding"),
    @JsonSubTypes.Type(value = GenerationWorkload.class, name = "generation"),
    @JsonSubTypes.Type(value = EndpointWorkload.class, name = "endpoint")
})
public sealed interface Workload permits EmbeddingWorkload, GenerationWorkload, EndpointWorkload {

    String name();

    String task();

    String description();
}
