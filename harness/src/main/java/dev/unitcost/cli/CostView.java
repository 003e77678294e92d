package dev.unitcost.cli;

import dev.unitcost.cost.ApiComparison;
import dev.unitcost.cost.BillComparison;
import dev.unitcost.cost.Money;
import dev.unitcost.cost.MonthlyBill;
import dev.unitcost.cost.TokenPrices;
import dev.unitcost.cost.Workload;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/** Renders a {@link BillComparison}: text for people, a map for JSON. Rounds money with {@link Money}; computes nothing. */
final class CostView {

    private CostView() {}

    static String text(BillComparison b, List<TokenPrices> sweep) {
        StringBuilder s = new StringBuilder();
        Workload w = b.workload();
        s.append(String.format(Locale.ROOT, "Workload: %s users x %s requests/day x %d days = %s requests/month%n",
                count(w.users()), count(w.requestsPerDay()), Workload.DAYS_PER_MONTH, count(w.requestsPerMonth())));
        s.append(String.format(Locale.ROOT, "  tokens/month: %s input (%s per request), %s output (%s per request)%n",
                count(w.inputTokensPerMonth()), count(w.inputTokensPerRequest()), count(w.outputTokensPerMonth()),
                count(w.outputTokensPerRequest())));
        s.append("\nAPI: ").append(b.api().label()).append('\n');
        if (b.api().flag() != null) {
            s.append("  WARNING: the importer flagged this price: ").append(b.api().flag()).append('\n');
        }
        s.append(String.format(Locale.ROOT, "  prices per 1M tokens: input USD %s, output %s%n",
                b.api().usdPerMillionInput().toPlainString(),
                b.api().usdPerMillionOutput() == null ? "none" : "USD " + b.api().usdPerMillionOutput().toPlainString()));
        s.append("  input   USD ").append(usd(Money.monthly(b.apiBill().inputUsd()))).append('\n');
        s.append("  output  USD ").append(usd(Money.monthly(b.apiBill().outputUsd()))).append('\n');
        s.append("  total   USD ").append(usd(Money.monthly(b.apiBill().totalUsd()))).append(" per month\n");
        b.self().ifPresent(self -> selfText(s, self));
        if (!sweep.isEmpty()) {
            s.append("\nSelf-hosted USD (and gCO2) per 1M tokens by duty cycle:\n").append(sweepTable(sweep));
        }
        s.append('\n').append(Money.RULE).append("; months of 30 days (720 h)\n");
        return s.toString();
    }

    private static void selfText(StringBuilder s, BillComparison.SelfHosting self) {
        MonthlyBill.SelfHosted bill = self.bill();
        TokenPrices p = self.prices();
        ApiComparison vs = self.versusApi();
        s.append("\nSelf-hosted: ").append(self.hourly().basis()).append('\n');
        s.append("  throughput per device: ").append(rate(self.throughput().inputTokensPerSecond())).append(" input tokens/s");
        self.throughput().outputTokensPerSecond().ifPresent(o -> s.append(", ").append(rate(o)).append(" output tokens/s"));
        s.append(" (").append(self.throughput().label()).append(")\n");
        s.append(String.format(Locale.ROOT, "  devices needed: %d (each at most %s busy; on average %s)%n", bill.devices(),
                percent(p.utilisation()), percent(bill.averageUtilisation())));
        s.append("  per device-hour USD ").append(Money.perHour(bill.usdPerDeviceHour()).toPlainString()).append('\n');
        s.append("  total   USD ").append(usd(Money.monthly(bill.totalUsd()))).append(" per month\n");
        s.append(String.format(Locale.ROOT, "  per 1M tokens at %s utilisation: input USD %s", percent(p.utilisation()),
                Money.perMillion(p.usdPerMillionInput()).toPlainString()));
        p.usdPerMillionOutput().ifPresent(o -> s.append(", output USD ").append(Money.perMillion(o).toPlainString()));
        s.append(String.format(Locale.ROOT, ", blended %s:1 USD %s, blended 3:1 USD %s%n", ratio(p.inputPerOutput()),
                Money.perMillion(p.usdPerMillionBlended()).toPlainString(), Money.perMillion(p.usdPerMillionBlended3to1()).toPlainString()));
        if (p.gCO2PerMillionInput().isPresent()) {
            s.append("  carbon per 1M tokens: input ").append(grams(p.gCO2PerMillionInput()));
            p.gCO2PerMillionOutput().ifPresent(g -> s.append(", output ").append(grams(OptionalDouble.of(g))));
            s.append('\n');
        }
        s.append("  vs API for this mix: self-hosted/API = ")
                .append(vs.selfOverApi().map(r -> r.setScale(4, Money.ROUNDING).toPlainString()).orElse("n/a (API is free)"))
                .append('\n');
        if (vs.breakEvenUtilisation().isPresent()) {
            s.append(String.format(Locale.ROOT, "  break-even: self-hosting wins above %s utilisation, i.e. above %s tokens/month per device"
                    + " (capacity %s)%n", percent(vs.breakEvenUtilisation().getAsDouble()),
                    count(vs.breakEvenTokensPerMonth().orElseThrow().setScale(0, Money.ROUNDING).longValueExact()),
                    count(Math.round(vs.tokensPerMonthPerDevice()))));
        } else {
            s.append("  break-even: none: a device always busy still costs more per token than the API\n");
        }
        BigDecimal saving = Money.monthly(self.savingUsd());
        s.append(saving.signum() >= 0 ? "\nSaving with self-hosting: USD " + usd(saving) + " per month\n"
                : "\nSelf-hosting costs USD " + usd(saving.negate()) + " more per month\n");
    }

    private static String sweepTable(List<TokenPrices> sweep) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"utilisation", "input", "output", "blended " + ratio(sweep.get(0).inputPerOutput()) + ":1",
            "blended 3:1", "gCO2 input", "gCO2 output"});
        for (TokenPrices p : sweep) {
            rows.add(new String[] {percent(p.utilisation()), Money.perMillion(p.usdPerMillionInput()).toPlainString(),
                p.usdPerMillionOutput().map(o -> Money.perMillion(o).toPlainString()).orElse("-"),
                Money.perMillion(p.usdPerMillionBlended()).toPlainString(),
                Money.perMillion(p.usdPerMillionBlended3to1()).toPlainString(),
                p.gCO2PerMillionInput().isPresent() ? grams(p.gCO2PerMillionInput()) : "-",
                p.gCO2PerMillionOutput().isPresent() ? grams(p.gCO2PerMillionOutput()) : "-"});
        }
        return TextTable.render(rows);
    }

    static Map<String, Object> json(BillComparison b, List<TokenPrices> sweep) {
        Map<String, Object> m = new LinkedHashMap<>();
        Workload w = b.workload();
        m.put("workload", Map.of("users", w.users(), "requestsPerDay", w.requestsPerDay(),
                "inputTokensPerRequest", w.inputTokensPerRequest(), "outputTokensPerRequest", w.outputTokensPerRequest(),
                "daysPerMonth", Workload.DAYS_PER_MONTH, "inputTokensPerMonth", w.inputTokensPerMonth(),
                "outputTokensPerMonth", w.outputTokensPerMonth()));
        Map<String, Object> api = new LinkedHashMap<>();
        api.put("label", b.api().label());
        api.put("usdPerMillionInput", b.api().usdPerMillionInput());
        api.put("usdPerMillionOutput", b.api().usdPerMillionOutput());
        api.put("flag", b.api().flag());
        api.put("inputUsdPerMonth", Money.monthly(b.apiBill().inputUsd()));
        api.put("outputUsdPerMonth", Money.monthly(b.apiBill().outputUsd()));
        api.put("totalUsdPerMonth", Money.monthly(b.apiBill().totalUsd()));
        m.put("api", api);
        m.put("selfHosted", b.self().map(CostView::selfJson).orElse(null));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (TokenPrices p : sweep) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("utilisation", p.utilisation());
            r.put("usdPerMillionInput", Money.perMillion(p.usdPerMillionInput()));
            r.put("usdPerMillionOutput", p.usdPerMillionOutput().map(Money::perMillion).orElse(null));
            r.put("usdPerMillionBlended", Money.perMillion(p.usdPerMillionBlended()));
            r.put("usdPerMillionBlended3to1", Money.perMillion(p.usdPerMillionBlended3to1()));
            r.put("gCO2PerMillionInput", p.gCO2PerMillionInput().isPresent() ? p.gCO2PerMillionInput().getAsDouble() : null);
            r.put("gCO2PerMillionOutput", p.gCO2PerMillionOutput().isPresent() ? p.gCO2PerMillionOutput().getAsDouble() : null);
            rows.add(r);
        }
        m.put("sweep", rows);
        m.put("rounding", Money.RULE);
        return m;
    }

    private static Map<String, Object> selfJson(BillComparison.SelfHosting self) {
        Map<String, Object> m = new LinkedHashMap<>();
        TokenPrices p = self.prices();
        ApiComparison vs = self.versusApi();
        m.put("basis", self.hourly().basis());
        m.put("throughput", self.throughput().label());
        m.put("inputTokensPerSecond", self.throughput().inputTokensPerSecond());
        m.put("outputTokensPerSecond", self.throughput().outputTokensPerSecond().isPresent()
                ? self.throughput().outputTokensPerSecond().getAsDouble() : null);
        m.put("utilisation", p.utilisation());
        m.put("devices", self.bill().devices());
        m.put("averageUtilisation", self.bill().averageUtilisation());
        m.put("usdPerDeviceHour", Money.perHour(self.bill().usdPerDeviceHour()));
        m.put("totalUsdPerMonth", Money.monthly(self.bill().totalUsd()));
        m.put("usdPerMillionInput", Money.perMillion(p.usdPerMillionInput()));
        m.put("usdPerMillionOutput", p.usdPerMillionOutput().map(Money::perMillion).orElse(null));
        m.put("inputPerOutput", p.inputPerOutput());
        m.put("usdPerMillionBlended", Money.perMillion(p.usdPerMillionBlended()));
        m.put("usdPerMillionBlended3to1", Money.perMillion(p.usdPerMillionBlended3to1()));
        m.put("gCO2PerMillionInput", p.gCO2PerMillionInput().isPresent() ? p.gCO2PerMillionInput().getAsDouble() : null);
        m.put("gCO2PerMillionOutput", p.gCO2PerMillionOutput().isPresent() ? p.gCO2PerMillionOutput().getAsDouble() : null);
        m.put("selfOverApi", vs.selfOverApi().map(r -> r.setScale(4, Money.ROUNDING)).orElse(null));
        m.put("breakEvenUtilisation", vs.breakEvenUtilisation().isPresent() ? vs.breakEvenUtilisation().getAsDouble() : null);
        m.put("breakEvenTokensPerMonthPerDevice", vs.breakEvenTokensPerMonth().map(v -> v.setScale(0, Money.ROUNDING)).orElse(null));
        m.put("tokensPerMonthPerDeviceCapacity", vs.tokensPerMonthPerDevice());
        m.put("savingUsdPerMonth", Money.monthly(self.savingUsd()));
        return m;
    }

    static String usd(BigDecimal v) {
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setParseBigDecimal(true);
        return f.format(v);
    }

    static String count(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    private static String rate(double v) {
        return String.format(Locale.ROOT, "%,.1f", v);
    }

    private static String ratio(double v) {
        return BigDecimal.valueOf(v).setScale(2, Money.ROUNDING).stripTrailingZeros().toPlainString();
    }

    private static String percent(double v) {
        return String.format(Locale.ROOT, "%.1f%%", v * 100);
    }

    private static String grams(OptionalDouble g) {
        return String.format(Locale.ROOT, "%,.1f gCO2", g.getAsDouble());
    }
}
