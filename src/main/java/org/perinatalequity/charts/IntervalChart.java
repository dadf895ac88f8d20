package org.perinatalequity.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.TextAnchor;
import org.perinatalequity.charts.ChartData.Estimate;
import org.perinatalequity.charts.ChartData.Reference;

/**
 * A forest plot of {@link ChartData.Estimates}: one row per estimate with its 95% whisker and value, labelled reference
 * lines across the rows (each its own colour and dash, named in the legend) and an optional shaded band. Ratios go on a
 * logarithmic axis, where a likelihood of 2 and one of 0.5 are equally far from 1.
 */
final class IntervalChart {

    private static final List<Stroke> STROKES = List.of(DotChart.BENCHMARK, DotChart.TARGET, new BasicStroke(1.5f));
    private static final List<Color> COLOURS = List.of(Palette.TEXT, Palette.PINK, Palette.DARK_GREY);
    private static final Color BAND = new Color(0xDDEEDD);

    private IntervalChart() {
    }

    static ChartImage render(ChartData.Estimates e, int width, int height) {
        if (e.rows().isEmpty()) {
            return Rendering.noData(e.title(), width, height);
        }
        XYPlot plot = new XYPlot();
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        SymbolAxis rows = new SymbolAxis(null, e.rows().stream().map(Estimate::label).toArray(String[]::new));
        rows.setInverted(true); // first row at the top, as in the table beside it
        rows.setRange(-0.8, e.rows().size() - 0.4);
        rows.setGridBandsVisible(false);
        plot.setDomainAxis(rows);
        ValueAxis values = axis(e);
        plot.setRangeAxis(values);
        int n = e.rows().size();
        Legend legend = new Legend();
        if (e.band() != null) {
            plot.addAnnotation(band(n, e.band().lower(), e.band().upper()));
            legend.box(e.band().label(), new Rectangle2D.Double(-6, -6, 12, 12), BAND);
        }
        for (int i = 0; i < e.references().size(); i++) {
            Reference r = e.references().get(i);
            Stroke stroke = STROKES.get(i % STROKES.size());
            Color colour = COLOURS.get(i % COLOURS.size());
            plot.addAnnotation(Mark.line("reference", -0.8, r.value(), n - 0.4, r.value(), stroke, colour));
            legend.line(r.label() + " " + value(r.value(), e), stroke, colour);
        }
        legend.line("95% confidence interval (whisker)", new BasicStroke(2f), Palette.DARK_GREY);
        if (e.compareLabel() != null) {
            legend.box(e.compareLabel() + " (diamond)", Symbols.diamond(Symbols.SIZE), Palette.PINK);
        }
        Font label = Rendering.font(Font.PLAIN, 12);
        double start = values.getLowerBound();
        boolean hidden = false;
        for (int i = 0; i < n; i++) {
            Estimate row = e.rows().get(i);
            if (row.suppressed() || row.value() == null) {
                hidden |= row.suppressed();
                plot.addAnnotation(Mark.text(row.suppressed() ? "suppressed" : "no-value", i, start, 6, 0,
                        row.suppressed() ? "* suppressed" : "no value", label, Palette.DARK_GREY,
                        TextAnchor.HALF_ASCENT_LEFT));
                continue;
            }
            if (row.lower95() != null && row.upper95() != null) {
                plot.addAnnotation(Mark.whisker(i, clamp(row.lower95(), values), clamp(row.upper95(), values),
                        Palette.DARK_GREY));
            }
            if (row.compare() != null) {
                plot.addAnnotation(Mark.symbol("compare", i, clamp(row.compare(), values), Symbols.diamond(Symbols.SIZE),
                        Palette.PINK));
            }
            plot.addAnnotation(Mark.symbol("point", i, row.value(), Symbols.circle(Symbols.SIZE), Palette.NHS_BLUE));
            double at = row.upper95() != null ? clamp(row.upper95(), values) : row.value();
            plot.addAnnotation(Mark.text("value-label", i, at, 8, 0, value(row.value(), e), label,
                    Palette.TEXT, TextAnchor.HALF_ASCENT_LEFT));
        }
        if (hidden) {
            legend.note(ChartText.SUPPRESSED_NOTE);
        }
        JFreeChart chart = Rendering.chart(e.title(), e.subtitle(), plot, legend.items());
        return Rendering.render(chart, width, height, e.title(), description(e));
    }

    /** A linear axis from zero for shares; a log axis for ratios, wide enough for every interval and line. */
    private static ValueAxis axis(ChartData.Estimates e) {
        List<Double> all = new ArrayList<>();
        for (Estimate r : e.rows()) {
            if (!r.suppressed()) {
                all.add(r.value());
                all.add(r.lower95());
                all.add(r.upper95());
            }
        }
        e.references().forEach(r -> all.add(r.value()));
        e.rows().forEach(r -> all.add(r.compare()));
        if (e.band() != null) {
            all.add(e.band().lower());
            all.add(e.band().upper());
        }
        if (!e.ratio()) {
            double[] range = Bounds.of(all);
            NumberAxis axis = Rendering.valueAxis(e.axisLabel(), range[0], range[1]);
            Rendering.styleAxis(axis);
            return axis;
        }
        double lo = 1;
        double hi = 1;
        for (Double v : all) {
            if (v != null && v > 0 && Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        // Very wide intervals (a handful of cases) would squash every other row: the axis stops at 1/20 and 20.
        lo = Math.max(lo, 0.05);
        hi = Math.min(hi, 20);
        LogAxis axis = new LogAxis(e.axisLabel());
        axis.setBase(10);
        axis.setSmallestValue(0.01);
        axis.setRange(lo / 1.25, hi * 1.6);
        axis.setTickUnit(new NumberTickUnit(0.1, new java.text.DecimalFormat("0.##")));
        Rendering.styleAxis(axis);
        return axis;
    }

    private static double clamp(double v, ValueAxis axis) {
        return Math.max(axis.getLowerBound(), Math.min(axis.getUpperBound(), v));
    }

    private static Mark band(int n, double lower, double upper) {
        return new Mark("band", (g, p) -> {
            Point2D a = p.at(-0.8, lower);
            Point2D b = p.at(n - 0.4, upper);
            g.setPaint(BAND);
            g.fill(new Rectangle2D.Double(Math.min(a.getX(), b.getX()), Math.min(a.getY(), b.getY()),
                    Math.abs(b.getX() - a.getX()), Math.abs(b.getY() - a.getY())));
        });
    }

    /** Shares to one decimal place with their unit; likelihoods to two, as WRES publishes them. */
    private static String value(Double v, ChartData.Estimates e) {
        if (!e.ratio() || v == null || !Double.isFinite(v)) {
            return ChartText.value(v, e.unit());
        }
        return String.format(java.util.Locale.UK, "%.2f", v);
    }

    private static String ci(Estimate r, ChartData.Estimates e) {
        if (!e.ratio() || r.lower95() == null || r.upper95() == null) {
            return ChartText.ci(r.lower95(), r.upper95());
        }
        return " (95% CI " + value(r.lower95(), e) + " to " + value(r.upper95(), e) + ")";
    }

    static String description(ChartData.Estimates e) {
        List<String> parts = new ArrayList<>();
        for (Estimate r : e.rows()) {
            parts.add(r.label() + " " + (r.suppressed() ? "suppressed (*)" : r.value() == null ? "no value"
                    : value(r.value(), e) + ci(r, e) + (r.compare() == null ? "" : ", " + e.compareLabel() + " "
                            + value(r.compare(), e))));
        }
        StringBuilder text = new StringBuilder(e.title()).append(": ").append(String.join("; ", parts)).append('.');
        for (Reference r : e.references()) {
            text.append(' ').append(r.label()).append(' ').append(value(r.value(), e)).append('.');
        }
        if (e.band() != null) {
            text.append(' ').append(e.band().label()).append('.');
        }
        if (e.rows().stream().anyMatch(Estimate::suppressed)) {
            text.append(' ').append(ChartText.SUPPRESSED_NOTE).append('.');
        }
        return text.toString();
    }
}
