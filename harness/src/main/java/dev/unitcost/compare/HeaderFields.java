package dev.unitcost.compare;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unitcost.result.ReportJson;
import dev.unitcost.result.RunReport;

/**
 * A report's header read as it is stored (its JSON tree), so this package can name the engine's
 * settings and the workload without depending on the packages that define them.
 */
final class HeaderFields {

    private final JsonNode header;

    HeaderFields(RunReport report) {
        this.header = ReportJson.mapper().valueToTree(report.header());
    }

    /** The field at a JSON pointer below the header ({@code /config/workload/name}), as text; "none" when absent or null. */
    String text(String pointer) {
        JsonNode n = header.at(pointer);
        if (n.isMissingNode() || n.isNull()) {
            return "none";
        }
        return n.isValueNode() ? n.asText() : n.toString();
    }
}
