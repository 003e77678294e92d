package dev.unitcost.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 13's answers, each against figures worked out by hand in the comments. */
class CostAnswersTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 30);

    private static HardwareProfile.Rented rented(String usdPerHour) {
        return new HardwareProfile.Rented("test-rented", null, "hand", AS_OF, new BigDecimal(usdPerHour), 1, 700.0, null);
    }

    @Test
    void aBusinessDayCurveOnARentedProfile() {
        // 100,000 users x 12 requests/day x 30 = 36,000,000 requests: 36e9 input, 3.6e9 output tokens.
        // busy: 36e9 / 10,000 + 3.6e9 / 1,000 = 7.2e6 s = 2,000 h a month, 240,000 s a day.
        // business hours: the busiest hour has 1/12 of the day = 20,000 s; at 50% busy (1,800 s a device) -> 11.1 -> 12 devices.
        // month: 12 x 2 x 720 = 17,280; effective 17,280 / 39,600 M tokens = 0.436364; busy-only 2 x 2,000 / 39,600 = 0.101010.
        Workload w = new Workload(100_000, 12, 1000, 100);
        MeasuredThroughput t = MeasuredThroughput.of(10_000, 1_000, "hand");
        FleetSizing f = FleetSizing.of(w, t, LoadCurve.businessHours(), 0.5, rented("2"), HourlyCost.RentalPrice.ON_DEMAND, 1, null);
        assertEquals(12, f.devices());
        assertEquals(0, new BigDecimal("17280").compareTo(f.usdPerMonth()), f.usdPerMonth().toPlainString());
        assertEquals(2000.0 / 8640, f.achievedUtilisation(), 1e-12);
        assertEquals("0.4364", Money.perMillion(f.effectiveUsdPerMillion()).toPlainString());
        assertEquals("0.1010", Money.perMillion(f.busyOnlyUsdPerMillion()).toPlainString());
        assertTrue(f.energy().isEmpty(), "rent includes power");
        // the same day spread flat: 10,000 s an hour / 1,800 = 5.6 -> 6 devices, as the 720-hour sizing gives
        FleetSizing flat = FleetSizing.of(w, t, LoadCurve.flat(), 0.5, rented("2"), HourlyCost.RentalPrice.ON_DEMAND, 1, null);
        assertEquals(6, flat.devices());
        assertEquals(ApiComparison.devicesNeeded(t, w.inputTokensPerMonth(), w.outputTokensPerMonth(), 0.5), flat.devices());
    }

    @Test
    void anOwnedFleetSplitsIdleAndDynamicEnergy() {
        // 1,000 users x 12 x 30 = 360,000 requests: busy 36,000 + 36,000 s = 20 h a month; one device.
        // idle 100 W x 720 h = 72 kWh x PUE 1.5 x 0.10 = USD 10.80; dynamic (700 - 100) W x 20 h = 12 kWh -> USD 1.80.
        var owned = new HardwareProfile.Owned("test-owned", null, "hand", AS_OF, new BigDecimal("30000"), 3.0, null, null, 700.0, 100.0,
                1.5, new BigDecimal("0.10"), null, 1, null, null, null, null);
        FleetSizing f = FleetSizing.of(new Workload(1000, 12, 1000, 100), MeasuredThroughput.of(10_000, 1_000, "hand"), LoadCurve.flat(),
                1.0, owned, HourlyCost.RentalPrice.ON_DEMAND, 1, null);
        FleetSizing.Energy e = f.energy().orElseThrow();
        assertEquals(1, f.devices());
        assertEquals(72.0, e.idleKwhPerMonth(), 1e-9);
        assertEquals(12.0, e.dynamicKwhPerMonth(), 1e-9);
        assertEquals("10.80", Money.monthly(e.idleUsdPerMonth()).toPlainString());
        assertEquals("1.80", Money.monthly(e.dynamicUsdPerMonth()).toPlainString());
        // the month holds capex (30,000 / 26,280 h x 720 = 821.92) and both energies: 821.92 + 10.80 + 1.80 = 834.52
        assertEquals("834.52", Money.monthly(f.usdPerMonth()).toPlainString());
    }

    @Test
    void halfTheInputCachedOnGpt4oMini() {
        // gpt-4o-mini: 0.15 input, 0.075 cached, 0.60 output. Half cached: 0.5 x 0.15 + 0.5 x 0.075 = 0.1125 per 1M input.
        // 1,000 users x 10 x 30 x 1,000 = 300M input -> 33.75; 30M output x 0.60 = 18.00; 51.75 (63.00 uncached).
        var mini = new BillComparison.ApiPrices("openai/gpt-4o-mini", new BigDecimal("0.15"), new BigDecimal("0.60"), null,
                new BigDecimal("0.075"));
        BillComparison.ApiPrices half = mini.withCachedShare(0.5);
        assertEquals(0, new BigDecimal("0.1125").compareTo(half.usdPerMillionInput()));
        MonthlyBill.Api bill = BillComparison.apiOnly(new Workload(1000, 10, 1000, 100), half).apiBill();
        assertEquals("33.75", Money.monthly(bill.inputUsd()).toPlainString());
        assertEquals("51.75", Money.monthly(bill.totalUsd()).toPlainString());
        assertThrows(IllegalArgumentException.class, () -> new BillComparison.ApiPrices("x", BigDecimal.ONE, BigDecimal.ONE, null)
                .withCachedShare(0.5), "no cached price");
        // self-hosted: half the prompt cached and (assumed) free to prefill doubles the input rate; a measured 0.5 saving: / 0.75
        MeasuredThroughput t = MeasuredThroughput.of(10_000, 1_000, "hand");
        assertEquals(20_000, PrefixCaching.assumed(0.5).apply(t).inputTokensPerSecond(), 1e-9);
        assertTrue(PrefixCaching.assumed(0.5).basis().startsWith("assumed"));
        assertEquals(10_000 / 0.75, PrefixCaching.measured(0.5, 0.5, "a run").apply(t).inputTokensPerSecond(), 1e-9);
        assertEquals(1_000, PrefixCaching.assumed(0.5).apply(t).outputTokensPerSecond().getAsDouble(), 0);
    }

    @Test
    void aSeventyThirtyRoute() {
        // all-API USD 10,000 a month; one device USD 2,000 a month; the whole workload needs 2.2 devices' busy time -> 3 (6,000).
        // 70% self-hosted: 1.54 -> 2 devices (4,000) + 30% of the API (3,000) = 7,000: -3,000 vs all-API, +1,000 vs all-self.
        // one device covers 1/2.2 = 45.45% of requests; the mix beats all-API above 2,000 / 10,000 = 20%;
        // the cheapest share is two devices full, 2/2.2 = 90.9%: 4,000 + 909.09 = 4,909.09, below both.
        double capacity = 720 * 3600.0;
        RouteMix m = RouteMix.of("m", List.of(0.7), new BigDecimal("10000"), 2.2 * capacity, new BigDecimal("2000"), LoadCurve.flat(), 1.0);
        RouteMix.Row r = m.rows().get(0);
        assertEquals(2, r.devices());
        assertEquals("7000.00", Money.monthly(r.totalUsdPerMonth()).toPlainString());
        assertEquals("-3000.00", Money.monthly(r.versusAllApiUsdPerMonth()).toPlainString());
        assertEquals("1000.00", Money.monthly(r.versusAllSelfUsdPerMonth()).toPlainString());
        assertEquals("6000.00", Money.monthly(m.allSelfUsdPerMonth()).toPlainString());
        assertEquals(0.2, m.beatsApiAboveShare().orElseThrow(), 1e-9);
        assertEquals(2 / 2.2, m.cheapestShare(), 1e-9);
        assertEquals("4909.09", Money.monthly(m.cheapestUsdPerMonth()).toPlainString());
        assertTrue(m.beatsBoth());
        // a device dearer than the whole API bill: no share beats all-API
        RouteMix dear = RouteMix.of("m", List.of(0.7), new BigDecimal("1000"), 2.2 * capacity, new BigDecimal("2000"), LoadCurve.flat(), 1.0);
        assertTrue(dear.beatsApiAboveShare().isEmpty());
        assertFalse(dear.beatsBoth());
    }

    @Test
    void oneMarginLine() {
        // USD 3.60/h at u = 1: 10,000 in tok/s -> 3.6 / 36e6 x 1e6 = 0.10 per 1M input; 1,000 out tok/s -> 1.00; 3:1 -> 0.325.
        // the API at 0.20 / 1.20: 3:1 = (0.6 + 1.2) / 4 = 0.45; margin 1 - 0.325 / 0.45 = 27.78%; input 50%, output 16.67%.
        var card = new RateCard("deepinfra", "hand", AS_OF, List.of(
                new RateCard.ApiPrice("meta-llama/Meta-Llama-3.1-8B-Instruct", "chat", new BigDecimal("0.20"), new BigDecimal("1.20"),
                        null, null, null, null),
                new RateCard.ApiPrice("Qwen/Qwen3-32B", "chat", new BigDecimal("0.1"), new BigDecimal("0.28"), null, null, null, null)));
        HourlyCost hourly = HourlyCost.given(new BigDecimal("3.60"), "hand");
        ImpliedMargins m = ImpliedMargins.of(List.of(card), hourly, 1.0, "hand",
                preset -> Optional.of(MeasuredThroughput.of(10_000, 1_000, "projected: hand")), null, List.of("hand"));
        assertEquals(1, m.lines().size());
        ImpliedMargins.Line l = m.lines().get(0);
        assertEquals("llama-3.1-8b", l.preset());
        assertTrue(l.projected());
        assertEquals("0.3250", l.selfUsdPerMillionBlended3to1().toPlainString());
        assertEquals("0.4500", l.apiUsdPerMillionBlended3to1().toPlainString());
        assertEquals(1 - 0.325 / 0.45, l.impliedGrossMargin3to1(), 1e-12);
        assertEquals(0.5, l.impliedGrossMarginInput(), 1e-12);
        assertEquals(1 - 1 / 1.2, l.impliedGrossMarginOutput(), 1e-12);
        assertEquals(List.of("deepinfra/Qwen/Qwen3-32B"), m.withoutShape());
        assertEquals(Optional.of("llama-3.1-8b"), ImpliedMargins.shapeOf("accounts/fireworks/models/llama-v3p1-8b-instruct"));
        assertEquals(Optional.of("llama-3.1-8b"), ImpliedMargins.shapeOf("llama-3.1-8b-instant"));
        assertEquals(Optional.of("llama-3.1-70b"), ImpliedMargins.shapeOf("meta-llama/Meta-Llama-3.1-70B-Instruct-Turbo"));
        assertEquals(Optional.empty(), ImpliedMargins.shapeOf("gpt-4o-mini"));
    }

    @Test
    void anIntervalThatStraddlesTheApiPriceGivesNoVerdict() {
        // prices 1.0, 1.2, 1.4: mean 1.2, s = 0.2, t(0.975, 2) = 4.302653; half-width 4.302653 x 0.2 / sqrt(3) = 0.496828.
        PriceInterval i = PriceInterval.of(List.of(1.0, 1.2, 1.4), "hand");
        assertEquals(1.2, i.meanUsdPerMillion(), 1e-12);
        assertEquals(1.2 - 0.496828, i.lowUsdPerMillion(), 1e-6);
        assertEquals(1.2 + 0.496828, i.highUsdPerMillion(), 1e-6);
        assertEquals(PriceInterval.Verdict.NO_VERDICT, i.against(new BigDecimal("1.5")), "1.5 lies inside [0.70, 1.70]");
        assertEquals(PriceInterval.Verdict.SELF_HOSTED_CHEAPER, i.against(new BigDecimal("2.0")));
        assertEquals(PriceInterval.Verdict.API_CHEAPER, i.against(new BigDecimal("0.5")));
        assertThrows(IllegalArgumentException.class, () -> PriceInterval.of(List.of(1.0), "one repetition"));
        // priced from throughputs: USD 3.60/h, output only at 1,000 / 1,250 / 800 tok/s -> 1.00, 0.80, 1.25 per 1M output
        HourlyCost hourly = HourlyCost.given(new BigDecimal("3.60"), "hand");
        PriceInterval fromRates = PriceInterval.of(hourly, List.of(MeasuredThroughput.inputOnly(1000, "a"),
                MeasuredThroughput.inputOnly(1250, "b"), MeasuredThroughput.inputOnly(800, "c")), 3.0, 1.0, "hand");
        assertEquals((1.0 + 0.8 + 1.25) / 3, fromRates.meanUsdPerMillion(), 1e-9);
    }

    @Test
    void loadCurvesFromWeights() {
        LoadCurve c = LoadCurve.ofWeights("f", java.util.Collections.nCopies(24, 5.0), "hand");
        assertEquals(1 / 24.0, c.peakShare(), 1e-12);
        assertEquals(12, LoadCurve.businessHours().activeHours());
        assertEquals(19, LoadCurve.diurnal().peakHour());
        assertThrows(IllegalArgumentException.class, () -> LoadCurve.ofWeights("f", List.of(1.0), "hand"));
        assertThrows(IllegalArgumentException.class, () -> LoadCurve.ofWeights("f", java.util.Collections.nCopies(24, 0.0), "hand"));
    }

    @Test
    void charactersAndWordsVersusTokensOnAFixedText() {
        // "hello world": 11 characters, 2 words, 2 tokens (cl100k and o200k alike). At USD 1.50 per 1M tokens:
        // per 1M characters 1.50 x 2 / 11 = 0.272727 -> 0.2727; per 1M words 1.50 x 2 / 2 = 1.50; 181.8 tokens per 1k characters.
        assertEquals(11, TextPrices.characters("hello world"));
        assertEquals(2, TextPrices.words(" hello \n world "));
        TextPrices.Line l = TextPrices.line("API", "m", "cl100k_base", true, 2, new BigDecimal("1.50"), 11, 2);
        assertEquals("0.2727", l.usdPerMillionCharacters().toPlainString());
        assertEquals("1.5000", l.usdPerMillionWords().toPlainString());
        assertEquals(2000.0 / 11, l.tokensPerThousandCharacters(), 1e-9);
        // a tokenizer that needs 30% more tokens for the same text costs 30% more per character at the same token price
        TextPrices.Line more = TextPrices.line("API", "m2", "other", false, 13, new BigDecimal("1.50"), 110, 20);
        assertEquals("0.1773", more.usdPerMillionCharacters().toPlainString()); // 1.5 x 13 / 110 = 0.177273
        assertEquals(2, TextPrices.characters("a\uD83D\uDE00"), "code points (a and one emoji), not UTF-16 units or bytes");
    }
}
