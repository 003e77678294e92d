package dev.unitcost.cli;

import dev.unitcost.cost.ApiComparison;
import dev.unitcost.cost.HardwareProfile;
import dev.unitcost.cost.HourlyCost;
import dev.unitcost.cost.MeasuredThroughput;
import dev.unitcost.cost.Money;
import dev.unitcost.cost.RateCards;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Break-even of a measured input-only (embedding) throughput against every embedding API on the
 * rate cards: prices, ratio, the duty cycle above which self-hosting wins and the monthly volume.
 * The whole machine is priced, as the run's own cost section does.
 */
final class BreakEvenView {

    private BreakEvenView() {}

    static String text(HardwareProfile hw, MeasuredThroughput t, RateCards cards, double utilisation) {
        HourlyCost hourly = HourlyCost.of(hw, HourlyCost.RentalPrice.ON_DEMAND, hw.devices(), utilisation, null);
        List<ApiComparison> rows = new ArrayList<>();
        for (RateCards.Entry e : cards.entries()) {
            if (e.price().isEmbedding()) {
                rows.add(ApiComparison.compare(hourly, t, e, 1.0, utilisation));
            }
        }
        if (rows.isEmpty()) {
            return "";
        }
        rows.sort(Comparator.comparing(ApiComparison::apiUsdPerMillionBlended));
        List<String[]> table = new ArrayList<>();
        table.add(new String[] {"API", "API USD/1M", "self USD/1M", "self/API", "self wins above", "break-even tokens/month"});
        for (ApiComparison c : rows) {
            table.add(new String[] {c.api(), c.apiUsdPerMillionBlended().toPlainString(),
                Money.perMillion(c.selfUsdPerMillionBlended()).toPlainString(),
                c.selfOverApi().map(r -> r.setScale(4, Money.ROUNDING).toPlainString()).orElse("-"),
                c.breakEvenUtilisation().isPresent()
                        ? String.format(Locale.ROOT, "%.2f%% busy", c.breakEvenUtilisation().getAsDouble() * 100) : "never",
                c.breakEvenTokensPerMonth().map(v -> String.format(Locale.ROOT, "%,d", v.setScale(0, Money.ROUNDING).longValueExact()))
                        .orElse("-")});
        }
        String head = String.format(Locale.ROOT,
                "Break-even against embedding APIs (%s; %s, USD %s/h = USD %s per 720-h month; capacity %,d tokens/month):%n",
                t.label(), hw.name(), Money.perHour(hourly.usdPerHour()).toPlainString(),
                CostView.usd(Money.monthly(rows.get(0).deviceUsdPerMonth())), Math.round(rows.get(0).tokensPerMonthPerDevice()));
        return head + TextTable.render(table);
    }
}
