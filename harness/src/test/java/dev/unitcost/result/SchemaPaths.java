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
 * Golden-file check of a report's schema: every field path with its JSON type. Values vary from
 * run to run; the set of paths must not change without a schemaVersion decision.
 * Regenerate with {@code -Dunitcost.updateGolden=true}.
 */
public final class SchemaPaths {

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
                String key = path.endsWith("series") || path.endsWith("values") || path.endsWith("weightBytesByDtype") ? "*" : e.getKey();
                collect(e.getValue(), path + "." + key, out);
            }
        } else if (node.isArray()) {
            out.add(path + "[]");
            node.forEach(child -> collect(child, path + "[]", out));
        } else {
            // null and text both read as "string": optional fields (gitCommit, a ratio) may be absent on another machine
            out.add(path + ": " + (node.isNumber() ? "number" : node.isBoolean() ? "boolean" : "string"));
        }
    }
}
