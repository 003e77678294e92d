package dev.unitcost.result;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeSet;

/**
 * Golden-file check of a report's schema: every field path. Values vary from run to run, and so
 * does whether an optional figure is there (a mean power over too few samples is null), so a
 * scalar is written as {@code value} whatever its type; the types are sealed by the whole-report
 * golden files of the fake-engine runs. The set of paths must not change without a schemaVersion decision.
 * Regenerate with {@code -Dunitcost.updateGolden=true}.
 */
public final class SchemaPaths {

    /** Objects whose keys are data (series names, dtypes, phases, samplers), not schema. */
    private static final java.util.List<String> MAPS = java.util.List.of("series", "values", "weightBytesByDtype", "joulesByPhase",
            "samplerCpuFraction");

    private SchemaPaths() {}

    public static void assertMatchesGolden(String json, String goldenName) throws IOException {
        TreeSet<String> paths = new TreeSet<>();
        collect(ReportJson.mapper().readTree(json), "", paths);
        String actual = String.join("\n", paths) + "\n";
        Path golden = Path.of("src/test/resources/golden/" + goldenName);
        if (Boolean.getBoolean("unitcost.updateGolden")) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(golden), actual, "report schema changed: review, bump RunReport.SCHEMA_VERSION, "
                + "and rerun with -Dunitcost.updateGolden=true");
    }

    private static void collect(JsonNode node, String path, TreeSet<String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                // per-series keys (cpu0.loadFraction, ...) and dtype names depend on the machine and model
                String key = MAPS.stream().anyMatch(path::endsWith) ? "*" : e.getKey();
                collect(e.getValue(), path + "." + key, out);
            }
        } else if (node.isArray()) {
            out.add(path + "[]");
            // elements that are objects carry schema; scalar elements (notes, names) and emptiness do not
            node.forEach(child -> {
                if (child.isContainerNode()) {
                    collect(child, path + "[]", out);
                }
            });
        } else {
            out.add(path + ": value");
        }
    }
}
