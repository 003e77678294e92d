package dev.unitcost.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.unitcost.metrics.GenerationLatencies;
import dev.unitcost.metrics.RequestTimings;
import dev.unitcost.result.GenerationPoint;
import dev.unitcost.result.GenerationResult;
import dev.unitcost.result.GenerationRepetition;
import dev.unitcost.result.RunReport;
import dev.unitcost.result.RunReports;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A generation report priced by hand: input on prefill time, output on decode time. */
class GenerationPricingTest {

    /** Batch 4, 1,000 in / 100 out per sequence: prefill 4,000 tokens in 2 s, decode 396 tokens in 3.96 s. */
    static RunReport report() {
        GenerationRepetition rep = new GenerationRepetition(4, 4_000, 400, 2_000_000_000L, 3_960_000_000L, 5_960_000_000L,
                5_900_000_000L, 5_960_000_000L);
        GenerationLatencies l = new GenerationLatencies();
        l.record(new RequestTimings(0, new long[] {2_000_000_000L, 2_040_000_000L}));
        GenerationPoint p = new GenerationPoint(4, 1000, 100, 1, List.of(rep, rep, rep), l.summary(), null, "ok");
        RunReport base = RunReports.withPoint(1, 1000, 1_000_000_000L);
        return base.withResult(new GenerationResult(null, List.of(p)));
    }

    @Test
    void inputOnPrefillOutputOnDecode() {
        var card = new RateCard("testco", "test", java.time.LocalDate.of(2026, 7, 24), List.of(
                new RateCard.ApiPrice("chat-big", "chat", new BigDecimal("3"), new BigDecimal("15"), null, null, null, null),
                new RateCard.ApiPrice("embed", "embedding", new BigDecimal("0.02"), null, null, null, null, null)));
        var cost = report().priced(EmbeddingPricingTest.H100_RENT, List.of(card), 1.0, null).cost();
        var p = cost.points().get(0);
        // prefill 2,000 tok/s: 2.99 / (2000 x 3600) x 1e6 = 0.41528
        assertEquals(new BigDecimal("0.415278"), p.usdPerMillionInput());
        // decode 100 tok/s: 2.99 / (100 x 3600) x 1e6 = 8.30556
        assertEquals(new BigDecimal("8.30556"), p.usdPerMillionOutput());
        // own mix 10:1: (10 x 0.41528 + 8.30556) / 11 = 1.13258
        assertEquals(new BigDecimal("1.13258"), p.usdPerMillionBlended());
        // 3:1: (3 x 0.41528 + 8.30556) / 4 = 2.387847
        assertEquals(new BigDecimal("2.38785"), p.usdPerMillionBlended3to1());
        assertEquals(1, cost.apis().size(), "only chat models");
        var api = cost.apis().get(0);
        // API at 10:1: (10 x 3 + 15) / 11 = 4.0909; ratio 4.0909 / 1.13258 = 3.612
        assertEquals(new BigDecimal("4.09091"), api.apiUsdPerMillionBlended());
        assertEquals(new BigDecimal("3.612"), api.ratio());
        // break-even utilisation = 1.13258 / 4.0909 = 0.27686
        assertEquals(0.27686, api.breakEvenUtilisation(), 1e-4);
    }

    @Test
    void oneOutputTokenHasNoOutputPrice() {
        GenerationRepetition rep = new GenerationRepetition(1, 100, 1, 100_000_000L, 0, 100_000_000L, 90_000_000L, 100_000_000L);
        GenerationLatencies l = new GenerationLatencies();
        l.record(new RequestTimings(0, new long[] {100_000_000L}));
        RunReport base = report();
        RunReport one = base.withResult(new GenerationResult(null,
                List.of(new GenerationPoint(1, 100, 1, 0, List.of(rep), l.summary(), null, "ok"))));
        var cost = one.priced(EmbeddingPricingTest.H100_RENT, List.of(), 1.0, null).cost();
        assertNull(cost.points().get(0).usdPerMillionOutput());
    }
}
