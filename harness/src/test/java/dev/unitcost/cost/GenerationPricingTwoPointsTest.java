package dev.unitcost.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitcost.cost.PriceSheet;
import dev.unitcost.result.GenerationPoint;
import dev.unitcost.result.RunReport;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A two-point generation report priced by hand (best-point choice, break-even volume). Expected figures were worked out with exact decimal
 * arithmetic from the formulas in the comments, independently of the code under test.
 */
class GenerationPricingTwoPointsTest {

    static final HardwareProfile RUNPOD = new HardwareProfile.Rented("runpod-h100-sxm", null, "hand",
            LocalDate.of(2026, 11, 23), new BigDecimal("2.99"), 1, 700.0, null);

    static final RunReport TWO_POINTS = GenerationReports.report(
            // 1,000 prompt tokens in 0.1 s → 10,000/s ; 101 − 1 = 100 decoded tokens in 1 s → 100/s
            GenerationReports.point(1, 1000, 101, 100_000_000L, 1_000_000_000L),
            // 8,000 prompt tokens in 0.5 s → 16,000/s ; 8 × 101 − 8 = 800 decoded in 1 s → 800/s
            GenerationReports.point(8, 1000, 101, 500_000_000L, 1_000_000_000L));

    static final List<RateCard> CARDS = List.of(new RateCard("hand", "hand", LocalDate.of(2026, 7, 24), List.of(
            new RateCard.ApiPrice("big", "chat", new BigDecimal("15"), new BigDecimal("75"), null, null, null, null),
            new RateCard.ApiPrice("emb", "embedding", new BigDecimal("0.02"), null, null, null, null, null))));

    @Test
    void pricesInputOnPrefillAndOutputOnDecode() {
        PriceSheet c = TWO_POINTS.priced(RUNPOD, CARDS, 1.0, null).cost();
        PriceSheet.PointPrice one = c.points().get(0);
        // 2.99 / (10,000 × 3600) × 1e6 = 0.0830556 ; 2.99 / (100 × 3600) × 1e6 = 8.3055556
        assertEquals(new BigDecimal("0.0831"), one.usdPerMillionInput().setScale(4, java.math.RoundingMode.HALF_EVEN));
        assertEquals(new BigDecimal("8.3056"), one.usdPerMillionOutput().setScale(4, java.math.RoundingMode.HALF_EVEN));
        // r = 1000/101 : (r × 0.0830556 + 8.3055556) / (r + 1) = 0.8373448 ; 3:1 → 2.1386806
        assertEquals(new BigDecimal("0.8373"), one.usdPerMillionBlended().setScale(4, java.math.RoundingMode.HALF_EVEN));
        assertEquals(new BigDecimal("2.1387"), one.usdPerMillionBlended3to1().setScale(4, java.math.RoundingMode.HALF_EVEN));
        PriceSheet.PointPrice eight = c.points().get(1);
        // 0.0519097 ; 1.0381944 ; blended 0.1423863 ; 3:1 0.2984809
        assertEquals(new BigDecimal("0.0519"), eight.usdPerMillionInput().setScale(4, java.math.RoundingMode.HALF_EVEN));
        assertEquals(new BigDecimal("1.0382"), eight.usdPerMillionOutput().setScale(4, java.math.RoundingMode.HALF_EVEN));
        assertEquals(new BigDecimal("0.1424"), eight.usdPerMillionBlended().setScale(4, java.math.RoundingMode.HALF_EVEN));
        assertEquals(new BigDecimal("0.2985"), eight.usdPerMillionBlended3to1().setScale(4, java.math.RoundingMode.HALF_EVEN));
        assertEquals(1, c.bestPoint());
        assertTrue(c.hourlyBasis().startsWith("runpod-h100-sxm (asOf 2026-11-23): rented on demand"), c.hourlyBasis());
    }

    @Test
    void chatApisAgainstTheBestPoint() {
        PriceSheet c = TWO_POINTS.priced(RUNPOD, CARDS, 1.0, null).cost();
        assertEquals(1, c.apis().size(), "embedding models are not set against a generation run");
        PriceSheet.ApiVerdict a = c.apis().get(0);
        // API mix (r × 15 + 75) / (r + 1) = 20.5040872 ; / 0.1423863 = 144.0 ; 2.99 × 720 / 20.5040872 × 1e6 = 104,993,701
        assertEquals(new BigDecimal("20.5041"), a.apiUsdPerMillionBlended());
        assertEquals(new BigDecimal("144.0"), a.ratio());
        assertEquals(new BigDecimal("104993701"), a.breakEvenTokensPerMonth());
        assertEquals(0.0069443, a.breakEvenUtilisation(), 1e-7);
    }

    @Test
    void aPointWithNothingDecodedHasNoOutputPriceAndBadInputIsRefused() {
        RunReport oneToken = GenerationReports.report(GenerationReports.point(2, 500, 1, 100_000_000L, 0L));
        PriceSheet c = oneToken.priced(RUNPOD, CARDS, 0.5, null).cost();
        assertNull(c.points().get(0).usdPerMillionOutput());
        // 1,000 tokens in 0.1 s → 10,000/s at u = 0.5: 2.99 / 18e6 × 1e6 = 0.1661111
        assertEquals(new BigDecimal("0.1661"), c.points().get(0).usdPerMillionInput().setScale(4, java.math.RoundingMode.HALF_EVEN));
        assertThrows(IllegalArgumentException.class, () -> TWO_POINTS.priced(RUNPOD, CARDS, 0, null).cost());
        RunReport failed = GenerationReports.report(new GenerationPoint(1, 10, 10, 1, List.of(), null, null, "out-of-memory"));
        assertThrows(IllegalArgumentException.class, () -> failed.priced(RUNPOD, CARDS, 1.0, null).cost());
    }

    @Test
    void aPointThatDecodedNothingIsNotTheBestWhenOthersDecoded() {
        // 1,000 prompt tokens in 0.1 s and one output token: input price 0.0831, no output price, "blend" 0.0831;
        // the decoding point's blend (0.1424) is dearer but it is the only comparable one
        RunReport mixed = GenerationReports.report(GenerationReports.point(1, 1000, 1, 100_000_000L, 0L),
                GenerationReports.point(8, 1000, 101, 500_000_000L, 1_000_000_000L));
        PriceSheet c = mixed.priced(RUNPOD, CARDS, 1.0, null).cost();
        assertEquals(1, c.bestPoint());
        assertEquals(1, c.apis().size());
        RunReport none = GenerationReports.report(GenerationReports.point(1, 1000, 1, 100_000_000L, 0L));
        assertEquals(0, none.priced(RUNPOD, CARDS, 1.0, null).cost().bestPoint());
    }

    @Test
    void theRunsOwnEnergyReplacesTheProfileWatts() {
        HardwareProfile owned = new HardwareProfile.Owned("owned-h100", null, "hand", LocalDate.of(2026, 11, 23),
                new BigDecimal("30000"), 3.0, 700.0, 1.56, new BigDecimal("0.083"), null, 1, null);
        // profile watts: 1.1415525 + 0.7 × 1.56 × 0.083 = 1.2321885 ; measured 500 W: 1.1415525 + 0.06474 = 1.2062925
        assertEquals(new BigDecimal("1.2322"), TWO_POINTS.priced(owned, CARDS, 1.0, null).cost().usdPerHour());
        PriceSheet measured = GenerationReports.withEnergy(TWO_POINTS, 500).priced(owned, CARDS, 1.0, null).cost();
        assertEquals(new BigDecimal("1.2063"), measured.usdPerHour());
        assertTrue(measured.hourlyBasis().contains("energy: measured (report 20261123T000000Z-gen) 500 W busy"),
                measured.hourlyBasis());
        assertTrue(TWO_POINTS.busyPower().isEmpty(), "no energy figure: nothing invented");
    }

    @Test
    void theBestThroughputOfAGenerationReport() {
        MeasuredThroughput t = TWO_POINTS.bestThroughput();
        assertEquals(16_000, t.inputTokensPerSecond(), 1e-6);
        assertEquals(800, t.outputTokensPerSecond().getAsDouble(), 1e-6);
        assertTrue(t.label().contains("batch 8, 1000 in / 101 out"), t.label());
    }
}
