package dev.unitcost.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-computed figures: every expected value below was worked out on paper from the formula. */
class CostEngineTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);

    static HardwareProfile.Rented rented(String usdPerHour, int devices) {
        return new HardwareProfile.Rented("test-rented", null, "hand", AS_OF, new BigDecimal(usdPerHour), devices, 700.0, null);
    }

    static HardwareProfile.Owned ownedH100(Double idleWatts, Double gCO2PerKwh) {
        return new HardwareProfile.Owned("test-owned", null, "hand", AS_OF, new BigDecimal("30000"), 3.0, null, null,
                700.0, idleWatts, 1.56, new BigDecimal("0.083"), null, 1, gCO2PerKwh, null, null);
    }

    @Test
    void rentAtFullAndHalfUtilisation() {
        // 2.99 / (1000 × 3600) × 1e6 = 0.830555…; at 50 %: 1.661111…
        BigDecimal full = CostModel.usdPerMillionTokens(new BigDecimal("2.99"), 1000, 1.0);
        BigDecimal half = CostModel.usdPerMillionTokens(new BigDecimal("2.99"), 1000, 0.5);
        assertEquals(new BigDecimal("0.8306"), Money.perMillion(full));
        assertEquals(new BigDecimal("1.6611"), Money.perMillion(half));
    }

    @Test
    void ownedHourlyCostBeforeHosting() {
        // 30000 / (3 × 8760) = 1.1415525 ; 0.7 kW × 1.56 × 0.083 = 0.0906360 ; sum 1.2321885
        assertEquals(new BigDecimal("1.2322"), Money.perHour(ownedH100(null, null).usdPerHour()));
        assertEquals(new BigDecimal("1.1416"), Money.perHour(OwnedCost.capexPerHour(ownedH100(null, null))));
    }

    @Test
    void ownedWithHostingResidualAndCostOfCapital() {
        var base = ownedH100(null, null);
        var hosted = new HardwareProfile.Owned("h", null, "hand", AS_OF, new BigDecimal("30000"), 3.0, 700.0, 1.56,
                new BigDecimal("0.083"), new BigDecimal("144"), 1, null);
        // + 144 / 720 = 0.2 per hour
        assertEquals(new BigDecimal("1.4322"), Money.perHour(hosted.usdPerHour()));
        var residual = new HardwareProfile.Owned("r", null, "hand", AS_OF, new BigDecimal("30000"), 3.0,
                new BigDecimal("3000"), null, 700.0, null, 1.56, new BigDecimal("0.083"), null, 1, null, null, null);
        // (30000 − 3000) / 26280 = 1.0273973
        assertEquals(new BigDecimal("1.0274"), Money.perHour(OwnedCost.capexPerHour(residual)));
        var financed = new HardwareProfile.Owned("f", null, "hand", AS_OF, new BigDecimal("30000"), 3.0,
                null, 0.08, 700.0, null, 1.56, new BigDecimal("0.083"), null, 1, null, null, null);
        // 1.08^3 = 1.259712 ; CRF = 0.08 / (1 − 1/1.259712) = 0.3880335 ; × 30000 / 8760 = 1.3288819
        assertEquals(new BigDecimal("1.3289"), Money.perHour(OwnedCost.capexPerHour(financed)));
        assertTrue(OwnedCost.capexPerHour(financed).compareTo(OwnedCost.capexPerHour(base)) > 0);
    }

    @Test
    void rentedMachineIsSharedOverItsDevices() {
        HourlyCost one = HourlyCost.of(rented("98.32", 8), HourlyCost.RentalPrice.ON_DEMAND, 1, 1.0, null);
        HourlyCost two = HourlyCost.of(rented("98.32", 8), HourlyCost.RentalPrice.ON_DEMAND, 2, 1.0, null);
        assertEquals(new BigDecimal("12.2900"), Money.perHour(one.usdPerHour()));
        assertEquals(new BigDecimal("24.5800"), Money.perHour(two.usdPerHour()));
        assertTrue(one.basis().contains("test-rented (asOf 2026-11-23)"), one.basis());
        assertThrows(IllegalArgumentException.class,
                () -> HourlyCost.of(rented("98.32", 8), HourlyCost.RentalPrice.ON_DEMAND, 9, 1.0, null));
        assertThrows(IllegalArgumentException.class,
                () -> HourlyCost.of(rented("98.32", 8), HourlyCost.RentalPrice.SPOT, 1, 1.0, null));
    }

    @Test
    void idleWattsAndMeasuredPowerChangeOwnedEnergy() {
        // u = 0.5, busy 700 W, idle 100 W: average 400 W; energy 0.4 × 1.56 × 0.083 = 0.051792
        HourlyCost half = HourlyCost.of(ownedH100(100.0, 369.5), HourlyCost.RentalPrice.ON_DEMAND, 1, 0.5, null);
        assertEquals(400.0, half.averageWatts().getAsDouble(), 1e-9);
        assertEquals(new BigDecimal("1.1933"), Money.perHour(half.usdPerHour()));
        // carbon: 0.4 kW × 1.56 × 369.5 g = 230.568 g per hour
        assertEquals(230.568, half.gCO2PerHour().getAsDouble(), 1e-9);
        // measured 500 W busy at u = 1: 0.5 × 1.56 × 0.083 = 0.06474 ; + 1.1415525
        HourlyCost measured = HourlyCost.of(ownedH100(null, null), HourlyCost.RentalPrice.ON_DEMAND, 1, 1.0,
                new HourlyCost.BusyPower(500, "measured"));
        assertEquals(new BigDecimal("1.2063"), Money.perHour(measured.usdPerHour()));
        assertTrue(measured.basis().contains("measured 500 W busy"), measured.basis());
        assertTrue(measured.gCO2PerHour().isEmpty(), "no grid intensity: no carbon figure");
    }

    @Test
    void inputAndOutputPricedByTheirOwnTimeAndBlended() {
        HourlyCost h = HourlyCost.given(new BigDecimal("2.99"), "given");
        TokenPrices p = TokenCosts.price(h, MeasuredThroughput.of(1000, 100, "hand"), 4.0, 1.0);
        // in 0.8305556 ; out 8.3055556 ; 4:1 → (3.3222222 + 8.3055556) / 5 = 2.3255556 ; 3:1 → 10.7972222 / 4 = 2.6993056
        assertEquals(new BigDecimal("0.8306"), Money.perMillion(p.usdPerMillionInput()));
        assertEquals(new BigDecimal("8.3056"), Money.perMillion(p.usdPerMillionOutput().orElseThrow()));
        assertEquals(new BigDecimal("2.3256"), Money.perMillion(p.usdPerMillionBlended()));
        assertEquals(new BigDecimal("2.6993"), Money.perMillion(p.usdPerMillionBlended3to1()));
        TokenPrices embed = TokenCosts.price(h, MeasuredThroughput.inputOnly(1000, "hand"), 3.0, 1.0);
        assertTrue(embed.usdPerMillionOutput().isEmpty());
        assertEquals(embed.usdPerMillionInput(), embed.usdPerMillionBlended());
    }

    @Test
    void carbonPerMillionTokens() {
        // 230.568 gCO2/h at 1000 tok/s and u = 0.5: 230.568 / 1.8e6 × 1e6 = 128.093333 g per 1M
        HourlyCost half = HourlyCost.of(ownedH100(100.0, 369.5), HourlyCost.RentalPrice.ON_DEMAND, 1, 0.5, null);
        TokenPrices p = TokenCosts.price(half, MeasuredThroughput.inputOnly(1000, "hand"), 3.0, 0.5);
        assertEquals(128.093333, p.gCO2PerMillionInput().getAsDouble(), 1e-5);
        assertTrue(p.gCO2PerMillionOutput().isEmpty());
    }

    @Test
    void sweepRecomputesTheHourlyCostAtEachDutyCycle() {
        var profile = ownedH100(100.0, null);
        List<TokenPrices> rows = TokenCosts.sweep(
                u -> HourlyCost.of(profile, HourlyCost.RentalPrice.ON_DEMAND, 1, u, null),
                MeasuredThroughput.inputOnly(1000, "hand"), 3.0, 1.0, 0.5, 0.25);
        assertEquals(3, rows.size());
        // u = 1: 1.2321885 / 3.6 = 0.3422746 ; u = 0.5: 1.1933445 / 1.8 = 0.6629692
        assertEquals(new BigDecimal("0.3423"), Money.perMillion(rows.get(0).usdPerMillionInput()));
        assertEquals(new BigDecimal("0.6630"), Money.perMillion(rows.get(1).usdPerMillionInput()));
        assertEquals(0.25, rows.get(2).utilisation());
    }

    @Test
    void theSeedMonthlyBill() {
        // 50,000 users × 10 requests × 30 days = 15M requests; × 2,000 = 30e9 input tokens × 15 / 1M = 450,000;
        // × 500 = 7.5e9 output tokens × 75 / 1M = 562,500; total 1,012,500.00
        Workload w = new Workload(50_000, 10, 2_000, 500);
        MonthlyBill.Api bill = MonthlyBill.api(w, new BigDecimal("15"), new BigDecimal("75"));
        assertEquals(new BigDecimal("450000.00"), Money.monthly(bill.inputUsd()));
        assertEquals(new BigDecimal("562500.00"), Money.monthly(bill.outputUsd()));
        assertEquals(new BigDecimal("1012500.00"), Money.monthly(bill.totalUsd()));
    }

    @Test
    void devicesNeededAndSelfHostedBill() {
        // busy seconds: 30e9 / 10,000 + 7.5e9 / 1,000 = 10.5e6 ; a month is 2.592e6 s
        // u = 1: 4.051 → 5 devices ; u = 0.5: 8.102 → 9 devices ; 5 × 2.99 × 720 = 10,764.00
        Workload w = new Workload(50_000, 10, 2_000, 500);
        MeasuredThroughput t = MeasuredThroughput.of(10_000, 1_000, "hand");
        MonthlyBill.SelfHosted full = MonthlyBill.selfHosted(w, t, new BigDecimal("2.99"), 1.0);
        assertEquals(5, full.devices());
        assertEquals(new BigDecimal("10764.00"), Money.monthly(full.totalUsd()));
        assertEquals(2916.6667, full.busyHoursPerMonth(), 1e-3);
        assertEquals(0.8101852, full.averageUtilisation(), 1e-7); // 10.5e6 / (5 × 2.592e6)
        assertEquals(9, MonthlyBill.selfHosted(w, t, new BigDecimal("2.99"), 0.5).devices());
        // exactly two months of work is two devices, not three
        assertEquals(2, ApiComparison.devicesNeeded(MeasuredThroughput.inputOnly(1000, "hand"), 2 * 2.592e9, 0, 1.0));
        assertEquals(1, ApiComparison.devicesNeeded(MeasuredThroughput.inputOnly(1000, "hand"), 1, 0, 1.0));
    }

    @Test
    void breakEvenAgainstAnApi() {
        // self at u = 1, mix 4:1: in 2.99/36,000 s… = 0.0830556, out 0.8305556 → (0.3322222 + 0.8305556) / 5 = 0.2325556
        // API mix: (4 × 15 + 75) / 5 = 27 ; u* = 0.2325556 / 27 = 0.0086132
        // one device a month: 2.99 × 720 = 2,152.80 ; V* = 2,152.80 / 27 × 1e6 = 79,733,333.33 tokens
        RateCards.Entry api = entry("15", "75");
        ApiComparison c = ApiComparison.compare(HourlyCost.given(new BigDecimal("2.99"), "given"),
                MeasuredThroughput.of(10_000, 1_000, "hand"), api, 4.0, 0.5);
        assertEquals(new BigDecimal("27"), c.apiUsdPerMillionBlended().stripTrailingZeros());
        assertEquals(0.0086132, c.breakEvenUtilisation().getAsDouble(), 1e-7);
        assertEquals(new BigDecimal("79733333.33"), Money.monthly(c.breakEvenTokensPerMonth().orElseThrow()));
        assertEquals(new BigDecimal("2152.80"), Money.monthly(c.deviceUsdPerMonth()));
        // at u = 0.5 our blend doubles: 0.4651111 / 27
        assertEquals(new BigDecimal("0.0172"), c.selfOverApi().orElseThrow().setScale(4, Money.ROUNDING));
        // capacity: 2.592e6 s / (1.3e-4 s per token… (4/10,000 + 1/1,000)/5 = 2.8e-4) = 9.257e9 tokens
        assertEquals(2.592e6 / 2.8e-4, c.tokensPerMonthPerDevice(), 1.0);
    }

    @Test
    void noBreakEvenWhenTheDeviceLosesEvenWhenAlwaysBusy() {
        // 98.32 / (10 × 3600) × 1e6 = 2,731.11 per 1M ≫ 0.02 per 1M
        RateCards.Entry api = new RateCards.Entry(card(), new RateCard.ApiPrice("emb", "embedding",
                new BigDecimal("0.02"), null, null, null, null, null));
        ApiComparison c = ApiComparison.compare(HourlyCost.given(new BigDecimal("98.32"), "given"),
                MeasuredThroughput.inputOnly(10, "hand"), api, 3.0, 1.0);
        assertFalse(c.breakEvenUtilisation().isPresent());
        assertFalse(c.breakEvenTokensPerMonth().isPresent());
        assertTrue(c.selfOverApi().orElseThrow().compareTo(BigDecimal.valueOf(1000)) > 0);
    }

    @Test
    void badValuesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> CostModel.checkUtilisation(0));
        assertThrows(IllegalArgumentException.class, () -> CostModel.checkUtilisation(1.01));
        assertThrows(IllegalArgumentException.class, () -> CostModel.checkUtilisation(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new HardwareProfile.Owned("x", null, "s", AS_OF,
                new BigDecimal("1"), 0.0, 700.0, 1.5, new BigDecimal("0.1"), null, 1, null));
        assertThrows(IllegalArgumentException.class, () -> MeasuredThroughput.of(0, 1, "x"));
        assertThrows(IllegalArgumentException.class, () -> new Workload(0, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Workload(Long.MAX_VALUE / 10, 10, 2000, 500));
        assertThrows(IllegalArgumentException.class, () -> ApiComparison.compare(
                HourlyCost.given(BigDecimal.ONE, "g"), MeasuredThroughput.of(1, 1, "x"),
                new RateCards.Entry(card(), new RateCard.ApiPrice("e", "embedding", BigDecimal.ONE, null, null, null, null, null)),
                3.0, 1.0));
    }

    @Test
    void agreesWithAPlainDoubleReference() {
        java.util.Random random = new java.util.Random(20261123);
        for (int i = 0; i < 500; i++) {
            double usdPerHour = 0.01 + random.nextDouble() * 100;
            double inTps = 1 + random.nextDouble() * 50_000;
            double outTps = 1 + random.nextDouble() * 5_000;
            double u = 0.01 + random.nextDouble() * 0.99;
            double r = 0.1 + random.nextDouble() * 10;
            TokenPrices p = TokenCosts.price(HourlyCost.given(BigDecimal.valueOf(usdPerHour), "ref"),
                    MeasuredThroughput.of(inTps, outTps, "ref"), r, u);
            double in = usdPerHour / (inTps * 3600 * u) * 1e6;
            double out = usdPerHour / (outTps * 3600 * u) * 1e6;
            assertEquals(in, p.usdPerMillionInput().doubleValue(), in * 1e-12);
            assertEquals(out, p.usdPerMillionOutput().orElseThrow().doubleValue(), out * 1e-12);
            double blended = (r * in + out) / (r + 1);
            assertEquals(blended, p.usdPerMillionBlended().doubleValue(), blended * 1e-12);
            // devices: the smallest n whose n × 720 h × u covers the busy time, found by counting up
            double inTokens = random.nextDouble() * 1e11;
            double outTokens = random.nextDouble() * 1e10;
            double busy = inTokens / inTps + outTokens / outTps;
            long n = 1;
            while (n * 720 * 3600.0 * u < busy * (1 - 1e-9)) {
                n++;
            }
            assertEquals(n, ApiComparison.devicesNeeded(MeasuredThroughput.of(inTps, outTps, "ref"), inTokens, outTokens, u));
        }
    }

    static RateCard card() {
        return new RateCard("hand", "hand", AS_OF, List.of(new RateCard.ApiPrice("m", "chat", BigDecimal.ONE,
                BigDecimal.ONE, null, null, null, null)));
    }

    static RateCards.Entry entry(String in, String out) {
        return new RateCards.Entry(card(), new RateCard.ApiPrice("m", "chat", new BigDecimal(in), new BigDecimal(out),
                null, null, null, null));
    }
}
