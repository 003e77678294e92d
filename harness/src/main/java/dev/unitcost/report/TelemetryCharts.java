package dev.unitcost.report;

import dev.unitcost.result.RunHeader;
import dev.unitcost.telemetry.PhaseEnergy;
import dev.unitcost.telemetry.TelemetrySummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What the machine did while the run measured: per sampler, its power series (names ending in
 * {@code Watts}) and utilisation series (ending in {@code Fraction}) over time with the run's phases
 * shaded, and the energy per phase when the report has it.
 */
final class TelemetryCharts {

    private final SvgCharts charts;

    TelemetryCharts(SvgCharts charts) {
        this.charts = charts;
    }

    void write(HtmlPage page, RunHeader header, String sectionId) {
        page.open("section", null, sectionId).element("h2", null, "Power, energy and utilisation");
        boolean any = false;
        for (TelemetrySummary s : header.telemetry()) {
            List<SvgCharts.Phase> phases = phases(s);
            String shaded = phases.isEmpty() ? "" : " Shaded: the run's phases (" + String.join(", ", new TreeSet<>(
                    phases.stream().map(SvgCharts.Phase::name).toList())) + "), each labelled where it first begins.";
            List<SvgCharts.Series> watts = series(s, "Watts");
            if (!watts.isEmpty()) {
                page.chart("Power drawn, as sampled by " + s.sampler() + " (downsampled timeline)." + shaded,
                        charts.timeline("Power (" + s.sampler() + ")", "watts", watts, phases));
                any = true;
            }
            List<SvgCharts.Series> load = series(s, "Fraction");
            if (!load.isEmpty()) {
                page.chart("Utilisation (share of capacity busy), as sampled by " + s.sampler() + " (downsampled timeline)." + shaded,
                        charts.timeline("Utilisation (" + s.sampler() + ")", "fraction busy", load, phases));
                any = true;
            }
        }
        var energy = header.energy();
        if (energy != null && !energy.phases().isEmpty()) {
            Map<String, Double> joules = new LinkedHashMap<>();
            for (PhaseEnergy p : energy.phases()) {
                joules.put(p.phase() + " (" + p.method().label() + (p.countsTowardTotal() ? "" : ", not counted") + ")", p.joules());
            }
            page.chart("Energy per phase in joules, each labelled with how it was obtained.",
                    charts.groupedBars("Energy per phase", "joules", Map.of("energy", joules)));
            page.element("p", null, energy.summary());
            any = true;
        }
        if (!any) {
            page.element("p", null, "No power, utilisation or energy figures were recorded for this run.");
        }
        page.close("section");
    }

    /** The phases between consecutive marks, the last one to the end of the timeline; empty without marks. */
    private static List<SvgCharts.Phase> phases(TelemetrySummary s) {
        List<SvgCharts.Phase> out = new ArrayList<>();
        List<TelemetrySummary.Mark> marks = s.marks();
        long end = s.timeline().isEmpty() ? 0 : s.timeline().get(s.timeline().size() - 1).offsetNanos();
        for (int i = 0; i < marks.size(); i++) {
            long to = i + 1 < marks.size() ? marks.get(i + 1).offsetNanos() : end;
            if (to > marks.get(i).offsetNanos()) {
                out.add(new SvgCharts.Phase(marks.get(i).phase(), seconds(marks.get(i).offsetNanos()), seconds(to)));
            }
        }
        return out;
    }

    private static List<SvgCharts.Series> series(TelemetrySummary s, String unitSuffix) {
        List<SvgCharts.Series> out = new ArrayList<>();
        for (String name : s.series().keySet()) {
            if (!name.endsWith(unitSuffix)) {
                continue;
            }
            List<SvgCharts.Point> points = new ArrayList<>();
            for (TelemetrySummary.Point p : s.timeline()) {
                Double v = p.values().get(name);
                if (v != null) {
                    points.add(SvgCharts.Point.of(seconds(p.offsetNanos()), v));
                }
            }
            if (!points.isEmpty()) {
                out.add(new SvgCharts.Series(name, points));
            }
        }
        return out;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
