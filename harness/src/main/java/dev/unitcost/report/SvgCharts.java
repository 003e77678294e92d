package dev.unitcost.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.SimpleDateFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYPointerAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * Charts drawn by JFreeChart and written as inline SVG by JFreeSVG: the only place that knows either
 * library. Every chart is built from figures already in the report (or computed by the cost package);
 * this class only lays them out. Labels are escaped by JFreeSVG as SVG text. Not thread safe: one
 * instance per page, so that the ids inside each SVG are unique within it.
 */
final class SvgCharts {

    static {
        // JFreeChart measures text through AWT; no display is ever needed or wanted.
        System.setProperty("java.awt.headless", "true");
    }

    static final Color SELF = new Color(0x1b7837);
    static final Color API = new Color(0x8c96c6);
    static final Color GATE = new Color(0xd7191c);
    private static final Color[] PALETTE = {new Color(0x2166ac), new Color(0xb2182b), new Color(0x1b7837), new Color(0xe08214),
        new Color(0x762a83), new Color(0x35978f), new Color(0x8c510a), new Color(0x4d4d4d)};
    private static final Color[] PHASES = {new Color(0xfde0c5), new Color(0xd9ecf2), new Color(0xe5f5e0), new Color(0xefedf5)};
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);

    private int charts;

    /** One series of an XY chart: its name and its points. */
    record Series(String name, List<Point> points) {}

    /** A point with an optional interval around it ({@code low == high == y} when none). */
    record Point(double x, double y, double low, double high) {
        static Point of(double x, double y) {
            return new Point(x, y, y, y);
        }
    }

    /** A phase of the run, shaded on a timeline from {@code fromSeconds} to {@code toSeconds}. */
    record Phase(String name, double fromSeconds, double toSeconds) {}

    /** Values with a confidence band against a log2 x axis (batch size). */
    String bands(String title, String xLabel, String yLabel, List<Series> series) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (Series s : series) {
            YIntervalSeries ys = new YIntervalSeries(s.name());
            s.points().forEach(p -> ys.add(p.x(), p.y(), p.low(), p.high()));
            data.addSeries(ys);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        DeviationRenderer r = new DeviationRenderer(true, true);
        r.setAlpha(0.25f);
        for (int i = 0; i < series.size(); i++) {
            Color c = PALETTE[i % PALETTE.length];
            r.setSeriesPaint(i, c);
            r.setSeriesFillPaint(i, c);
            r.setSeriesStroke(i, new BasicStroke(2f));
        }
        plot.setRenderer(r);
        plot.setDomainAxis(log2Axis(xLabel));
        return svg(style(chart), 760, 360);
    }

    /** Grouped vertical bars: one group per category, one bar per series. */
    String groupedBars(String title, String yLabel, Map<String, Map<String, Double>> valuesBySeries) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        valuesBySeries.forEach((series, values) -> values.forEach((category, v) -> data.addValue(v, series, category)));
        JFreeChart chart = ChartFactory.createBarChart(title, null, yLabel, data, PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setItemMargin(0.05);
        for (int i = 0; i < valuesBySeries.size(); i++) {
            r.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
        }
        if (data.getColumnCount() > 6) {
            plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        return svg(style(chart), 760, 380);
    }

    /**
     * Horizontal bars of prices, one per name, in the given order; the names in {@code marked} drawn
     * in the self-hosting colour, the rest in the API colour.
     */
    String priceBars(String title, String valueLabel, Map<String, Double> values, List<String> marked) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        values.forEach((name, v) -> {
            boolean self = marked.contains(name);
            data.addValue(self ? v : null, "self-hosted", name);
            data.addValue(self ? null : v, "API", name);
        });
        JFreeChart chart = ChartFactory.createBarChart(title, null, valueLabel, data, PlotOrientation.HORIZONTAL, true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        // stacked, so that each name's single bar sits centred on its row
        StackedBarRenderer r = new StackedBarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, SELF);
        r.setSeriesPaint(1, API);
        r.setMaximumBarWidth(0.08);
        plot.setRenderer(r);
        CategoryAxis names = plot.getDomainAxis();
        names.setMaximumCategoryLabelWidthRatio(0.45f);
        names.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        return svg(style(chart), 760, Math.max(260, 90 + 18 * values.size()));
    }

    /**
     * Monthly cost against monthly volume on log axes: {@code steps} drawn as a step function (the
     * first series), the {@code lines} as straight lines.
     */
    String stepsAndLines(String title, String xLabel, String yLabel, Series steps, List<Series> lines) {
        XYSeriesCollection stepData = new XYSeriesCollection(xy(steps));
        XYSeriesCollection lineData = new XYSeriesCollection();
        lines.forEach(l -> lineData.addSeries(xy(l)));
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, stepData, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        XYStepRenderer step = new XYStepRenderer();
        step.setSeriesPaint(0, SELF);
        step.setSeriesStroke(0, new BasicStroke(2.5f));
        plot.setRenderer(0, step);
        plot.setDataset(1, lineData);
        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < lines.size(); i++) {
            line.setSeriesPaint(i, PALETTE[i % 2 == 0 ? 0 : 3]);
            line.setSeriesStroke(i, new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        }
        plot.setRenderer(1, line);
        plot.setDomainAxis(logAxis(xLabel, true));
        plot.setRangeAxis(logAxis(yLabel, false));
        return svg(style(chart), 760, 400);
    }

    /** A timeline of {@code series} with {@code phases} shaded behind them: one colour per phase name, labelled where it first begins. */
    String timeline(String title, String yLabel, List<Series> series, List<Phase> phases) {
        XYSeriesCollection data = new XYSeriesCollection();
        series.forEach(s -> data.addSeries(xy(s)));
        JFreeChart chart = ChartFactory.createXYLineChart(title, "seconds since sampling started", yLabel, data,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < series.size(); i++) {
            r.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
            r.setSeriesStroke(i, new BasicStroke(1.5f));
        }
        plot.setRenderer(r);
        Map<String, Color> colours = new LinkedHashMap<>();
        for (Phase p : phases) {
            boolean first = !colours.containsKey(p.name());
            Color colour = colours.computeIfAbsent(p.name(), k -> PHASES[colours.size() % PHASES.length]);
            IntervalMarker m = new IntervalMarker(p.fromSeconds(), p.toSeconds());
            m.setPaint(colour);
            if (first) {
                m.setLabel(p.name());
                m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
                m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
                m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            }
            plot.addDomainMarker(m, Layer.BACKGROUND);
        }
        return svg(style(chart), 760, 340);
    }

    /** A point drawn as a red marker with a note beside it (where the nightly gate fired). */
    record Mark(double x, double y, String note) {}

    /**
     * Values over time, one line (with a dot per value) per series; x is epoch milliseconds, shown
     * as UTC dates. {@code marks} are drawn over the lines as red circles, each with its note.
     */
    String trend(String title, String yLabel, List<Series> series, List<Mark> marks) {
        XYSeriesCollection data = new XYSeriesCollection();
        series.forEach(s -> data.addSeries(xy(s)));
        JFreeChart chart = ChartFactory.createTimeSeriesChart(title, "run started (UTC)", yLabel, data, true, false, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < series.size(); i++) {
            r.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
            r.setSeriesStroke(i, new BasicStroke(2f));
            r.setSeriesShape(i, new Ellipse2D.Double(-3, -3, 6, 6));
        }
        plot.setRenderer(0, r);
        if (!marks.isEmpty()) {
            XYSeries fired = new XYSeries("gate fired", false, true);
            marks.forEach(m -> fired.add(m.x(), m.y()));
            plot.setDataset(1, new XYSeriesCollection(fired));
            XYLineAndShapeRenderer red = new XYLineAndShapeRenderer(false, true);
            red.setSeriesPaint(0, GATE);
            red.setSeriesShape(0, new Ellipse2D.Double(-7, -7, 14, 14));
            red.setSeriesShapesFilled(0, false);
            red.setSeriesStroke(0, new BasicStroke(2.5f));
            plot.setRenderer(1, red);
            plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
            for (Mark m : marks) {
                XYPointerAnnotation note = new XYPointerAnnotation(m.note(), m.x(), m.y(), -Math.PI / 2);
                note.setPaint(GATE);
                note.setArrowPaint(GATE);
                note.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
                note.setTipRadius(9);
                note.setBaseRadius(30);
                note.setTextAnchor(TextAnchor.BOTTOM_CENTER);
                plot.addAnnotation(note);
            }
        }
        DateAxis time = (DateAxis) plot.getDomainAxis();
        time.setTimeZone(TimeZone.getTimeZone("UTC"));
        SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd HH:mm", Locale.ROOT);
        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        time.setDateFormatOverride(format);
        time.setLowerMargin(0.05);
        time.setUpperMargin(0.05);
        plot.getRangeAxis().setUpperMargin(0.15);
        return svg(style(chart), 760, 360);
    }

    private static XYSeries xy(Series s) {
        XYSeries xy = new XYSeries(s.name(), false, true);
        s.points().forEach(p -> xy.add(p.x(), p.y()));
        return xy;
    }

    private static LogAxis log2Axis(String label) {
        LogAxis axis = new LogAxis(label);
        axis.setBase(2);
        axis.setTickUnit(new NumberTickUnit(1));
        axis.setNumberFormatOverride(new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        axis.setLowerMargin(0.05);
        axis.setUpperMargin(0.05);
        return axis;
    }

    /** Powers of ten, written {@code 1E9} for large counts or in full ({@code 1,000}) for amounts. */
    private static LogAxis logAxis(String label, boolean scientific) {
        LogAxis axis = new LogAxis(label);
        axis.setBase(10);
        axis.setTickUnit(new NumberTickUnit(1));
        axis.setNumberFormatOverride(new DecimalFormat(scientific ? "0E0" : "#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        return axis;
    }

    private static JFreeChart style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(TITLE);
        }
        chart.getPlot().setBackgroundPaint(Color.WHITE);
        chart.getPlot().setOutlinePaint(new Color(0xbbbbbb));
        if (chart.getPlot() instanceof XYPlot p) {
            p.setDomainGridlinePaint(new Color(0xdddddd));
            p.setRangeGridlinePaint(new Color(0xdddddd));
        } else if (chart.getPlot() instanceof CategoryPlot p) {
            p.setRangeGridlinePaint(new Color(0xdddddd));
        }
        return chart;
    }

    /** The chart as one {@code <svg>} element, its internal ids prefixed so that several live in one page. */
    private String svg(JFreeChart chart, int width, int height) {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        g2.setDefsKeyPrefix("chart" + (++charts) + "-");
        chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        return g2.getSVGElement("chart" + charts);
    }
}
