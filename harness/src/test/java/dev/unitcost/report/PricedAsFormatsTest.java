package dev.unitcost.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unitcost.cost.HardwareProfile;
import dev.unitcost.cost.MeasuredDevices;
import dev.unitcost.cost.ProfileChoice;
import dev.unitcost.result.ReportJson;
import dev.unitcost.result.RunReport;
import dev.unitcost.result.RunReports;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A run priced as another machine says so in every format, and the JSON keeps the measured devices. */
class PricedAsFormatsTest {

    static final HardwareProfile H100 = new HardwareProfile.Rented("rented-h100", null, "test", LocalDate.of(2026, 11, 30),
            new BigDecimal("2.99"), null, null, 1, null, null, null, null, null, null, new HardwareProfile.Machine(null, null, "H100"));

    static RunReport pricedAs() {
        RunReport r = RunReports.withPoint(8, 10_000, 1_000_000_000L);
        return r.priced(H100, List.of(), 1.0, ProfileChoice.pricedAs(H100, new MeasuredDevices("AMD EPYC", 2, null)));
    }

    static String write(String format, RunReport r) throws IOException {
        StringWriter out = new StringWriter();
        ReportFormats.byName(format).write(r, out);
        return out.toString();
    }

    @Test
    void everyFormatSaysPricedAsAndMeasuredOn() throws IOException {
        RunReport r = pricedAs();
        for (String format : List.of("table", "markdown", "html")) {
            String text = write(format, r);
            assertTrue(text.contains("PRICED AS rented-h100, MEASURED ON 2 CPU threads of AMD EPYC"), format + ":\n" + text);
        }
        JsonNode json = ReportJson.mapper().readTree(write("json", r));
        assertEquals("2 CPU threads of AMD EPYC", json.path("cost").path("choice").path("measuredOn").asText());
        assertEquals("rented-h100", json.path("cost").path("hardware").path("name").asText());
        String csv = write("csv", r);
        assertTrue(csv.startsWith("batch_size,") && csv.contains(",rented-h100,2 CPU threads of AMD EPYC\n"), csv);
        assertEquals(ReportFormats.names().size(), 5, "a new format must be added to this test");
    }

    @Test
    void aMatchingProfileSaysWhyItWasChosen() throws IOException {
        RunReport r = RunReports.withPoint(8, 10_000, 1_000_000_000L).priced(H100, List.of(), 1.0,
                ProfileChoice.matching("chosen for this machine: it prices H100 GPUs"));
        String text = write("table", r);
        assertTrue(text.contains("hardware profile: rented-h100, chosen for this machine: it prices H100 GPUs"), text);
        assertTrue(!text.contains("PRICED AS"), text);
    }
}
