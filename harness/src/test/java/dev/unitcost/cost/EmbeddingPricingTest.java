package dev.unitcost.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.unitcost.result.JsonResultStore;
import dev.unitcost.result.RunReport;
import dev.unitcost.result.RunReports;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stored report priced against hand-computed figures. */
class EmbeddingPricingTest {

    @TempDir
    Path dir;

    static final HardwareProfile H100_RENT = new HardwareProfile.Rented("rent-299", "1 GPU", "test", LocalDate.of(2026, 11, 23),
            new BigDecimal("2.99"), 1, null, null);

    static final RateCard CARD = new RateCard("testco", "test", LocalDate.of(2026, 7, 24), List.of(
            new RateCard.ApiPrice("embed-small", "embedding", new BigDecimal("0.02"), null, null, null, null, null),
            new RateCard.ApiPrice("chat", "chat", new BigDecimal("1"), new BigDecimal("2"), null, null, null, null)));

    @Test
    void thousandTokensPerSecondAtTwoNinetyNineAnHour() {
        // 1,000 tokens/s in every repetition: 3 repetitions of 5,000 tokens in 5 s.
        RunReport stored = RunReports.withPoint(8, 5_000, 5_000_000_000L);
        JsonResultStore store = new JsonResultStore(dir);
        Path file = store.save(stored);
        RunReport loaded = store.load(file.toString());

        var cost = loaded.priced(H100_RENT, List.of(CARD), 1.0, null).cost();
        // 2.99 / (1000 * 3600) * 1e6 = 0.830555...
        assertEquals(new BigDecimal("0.8306"), cost.points().get(0).usdPerMillionInput().setScale(4, RoundingMode.HALF_EVEN));
        assertEquals(new BigDecimal("0.830556"), cost.points().get(0).usdPerMillionInput());
        assertEquals(1, cost.apis().size(), "only embedding models are compared");
        // 0.02 / 0.830556 = 0.02408
        assertEquals(new BigDecimal("0.02408"), cost.apis().get(0).ratio());
    }

    @Test
    void halfUtilisationDoublesTheCost() {
        RunReport report = RunReports.withPoint(8, 5_000, 5_000_000_000L);
        var cost = report.priced(H100_RENT, List.of(CARD), 0.5, null).cost();
        assertEquals(new BigDecimal("1.6611"), cost.points().get(0).usdPerMillionInput().setScale(4, RoundingMode.HALF_EVEN));
    }
}
