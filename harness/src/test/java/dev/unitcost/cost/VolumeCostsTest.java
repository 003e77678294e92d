package dev.unitcost.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.unitcost.result.RunReport;
import dev.unitcost.result.RunReports;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Monthly cost against volume, checked by hand on an embedding run. */
class VolumeCostsTest {

    static final HardwareProfile RENTED = new HardwareProfile.Rented("rented", null, "test", LocalDate.of(2026, 11, 30),
            new BigDecimal("2.00"), null, null, 1, null, null, null, null, null, null, new HardwareProfile.Machine(null, null, "H100"));

    static final List<RateCard> CARDS = List.of(new RateCard("hand", "hand", LocalDate.of(2026, 7, 24), List.of(
            new RateCard.ApiPrice("dear", "embedding", new BigDecimal("1"), null, null, null, null, null),
            new RateCard.ApiPrice("mid", "embedding", new BigDecimal("0.1"), null, null, null, null, null),
            new RateCard.ApiPrice("cheap", "embedding", new BigDecimal("0.01"), null, null, null, null, null))));

    /** 10,000 tokens/s, USD 2/h, busy half the time. */
    static PriceSheet sheet() {
        RunReport r = RunReports.withPoint(8, 10_000, 1_000_000_000L);
        return r.priced(RENTED, CARDS, 0.5, ProfileChoice.matching("test")).cost();
    }

    @Test
    void oneMoreDeviceForEachDevicesMonthOfTokens() {
        PriceSheet s = sheet();
        // 10,000 tokens/s × 2,592,000 s × 0.5 = 12,960,000,000 tokens a month per device
        assertEquals(12_960_000_000.0, VolumeCosts.tokensPerMonthPerDevice(s), 1.0);
        // 2 × 720 = 1,440 a month per device
        assertEquals(0, new BigDecimal("1440").compareTo(VolumeCosts.deviceUsdPerMonth(s)));
        List<VolumeCosts.Step> steps = VolumeCosts.selfHosted(s, 30e9);
        assertEquals(3, steps.size());
        for (int k = 0; k < 3; k++) {
            assertEquals(k + 1, steps.get(k).devices());
            assertEquals(k * 12.96e9, steps.get(k).fromTokensPerMonth(), 1.0);
            assertEquals(0, BigDecimal.valueOf(1440L * (k + 1)).compareTo(steps.get(k).usdPerMonth()));
        }
        assertEquals(1, VolumeCosts.devicesNeeded(s, 12.96e9));
        assertEquals(2, VolumeCosts.devicesNeeded(s, 13e9));
    }

    @Test
    void apisAreLinesAndTheCheapestAndMiddleArePicked() {
        PriceSheet s = sheet();
        assertEquals("cheap", VolumeCosts.cheapestApi(s).orElseThrow().model());
        assertEquals("mid", VolumeCosts.midPricedApi(s).orElseThrow().model());
        // 1e9 tokens at USD 0.1 per 1M = 100
        PriceSheet.ApiVerdict mid = VolumeCosts.midPricedApi(s).orElseThrow();
        assertEquals(new BigDecimal("100.00"), VolumeCosts.apiUsdPerMonth(mid, 1e9).setScale(2, RoundingMode.HALF_EVEN));
        // the cheap API never breaks even (0.01 < 2 / 36,000 s at full use): the range is a hundredth to four devices' months
        double[] cheap = VolumeCosts.volumeRange(s, List.of(VolumeCosts.cheapestApi(s).orElseThrow()));
        assertEquals(1.296e8, cheap[0], 1.0);
        assertEquals(5.184e10, cheap[1], 1e3);
        // the mid one breaks even at 1,440 / 0.1 × 1e6 = 1.44e10 tokens: the range runs to four times that
        double[] range = VolumeCosts.volumeRange(s, List.of(mid));
        assertEquals(1.296e8, range[0], 1.0);
        assertEquals(5.76e10, range[1], 1e3);
    }
}
