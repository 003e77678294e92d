package dev.unitcost.result;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.unitcost.InputException;
import java.util.List;

/**
 * Reads reports of every schema version this build knows, upgrading older ones in memory (the
 * stored file is never rewritten).
 *
 * <p>Version 1 kept everything at the top level with paired fields ({@code points} /
 * {@code generationPoints}, {@code cost} / {@code generationCost}) and a {@code task} string. Its
 * measurements carry over whole; its cost section does not, because it named its hardware profile
 * without storing it: {@code reprice} prices a version-1 report again on the named (current) profile.
 */
public final class LegacyReports {

    private static final List<String> V1_HEADER = List.of("runId", "startedAt", "finishedAt", "config", "provenance", "model",
            "metricDefinitions", "telemetry", "energy");

    private LegacyReports() {}

    /**
     * The report in {@code tree}, upgraded to {@link RunReport#SCHEMA_VERSION}.
     *
     * @param where the file name, for messages
     * @throws InputException when the version is unknown or newer than this build
     */
    public static RunReport read(JsonNode tree, String where) throws JsonProcessingException {
        if (!tree.isObject() || !tree.path("schemaVersion").canConvertToInt()) {
            throw new InputException(where + ": not a unitcost report (no schemaVersion)");
        }
        int version = tree.get("schemaVersion").asInt();
        if (version > RunReport.SCHEMA_VERSION || version < 1) {
            throw new InputException(where + ": schemaVersion " + version + " is not one this build reads (1 to "
                    + RunReport.SCHEMA_VERSION + ")");
        }
        JsonNode current = version == 1 ? fromVersion1((ObjectNode) tree) : tree;
        return ReportJson.mapper().treeToValue(current, RunReport.class);
    }

    static ObjectNode fromVersion1(ObjectNode v1) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode header = f.objectNode();
        for (String field : V1_HEADER) {
            if (v1.has(field)) {
                header.set(field, v1.get(field));
            }
        }
        ObjectNode result = f.objectNode();
        if (GenerationResult.KIND.equals(v1.path("task").asText())) {
            result.put("kind", GenerationResult.KIND);
            result.set("decoder", v1.get("decoder"));
            result.set("points", v1.path("generationPoints").isMissingNode() ? f.arrayNode() : v1.get("generationPoints"));
        } else {
            result.put("kind", EmbeddingResult.KIND);
            result.set("points", v1.path("points").isMissingNode() ? f.arrayNode() : v1.get("points"));
        }
        ObjectNode v2 = f.objectNode();
        v2.put("schemaVersion", RunReport.SCHEMA_VERSION);
        v2.set("header", header);
        v2.set("result", result);
        v2.putNull("cost");
        return v2;
    }
}
