package org.perinatalequity.charts;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Stroke;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.TextAnchor;
import org.perinatalequity.breakdown.TrendResult;
import org.perinatalequity.breakdown.TrendResult.Point;
import org.perinatalequity.measures.Measure;
import org.perinatalequity.stats.SpcResult.Assurance;
import org.perinatalequity.stats.SpcResult.PointType;

/**
 * A Making Data Count SPC chart of a trend: the series, the mean, the process limits (a p chart's limits vary with
 * each period's denominator and a rebased chart's with its period, so they are drawn as steps), the target, and
 * special-cause points marked by shape and by the MDC colour. Incomplete periods are hollow circles on a dotted line,
 * labelled "incomplete" above each run. The variation and assurance icons are given in words in the subtitle.
 */
final class SpcChart {

    static final Stroke LIMIT = Mark.dashed(1.5f, 5f, 4f);
    static final Stroke INCOMPLETE_LINE = Mark.dashed(1.2f, 2f, 3f);

    private SpcChart() {
    }

    static ChartImage render(TrendResult t, Measure m, int width, int height) {
        String title = (m != null ? m.name() : t != null ? t.measure() : "Measure") + ": SPC chart"
                + (t != null && t.rollingMonths() > 1 ? " (rolling " + t.rollingMonths() + " months)" : "")
                + (t == null || t.points() == null || t.points().isEmpty() ? ""
                        : ", " + t.points().get(0).period() + " to " + t.points().get(t.points().size() - 1).period());
        if (t == null || t.points() == null || t.points().isEmpty()) {
            return Rendering.noData(title, width, height);
        }
        String unit = t.unit() != null ? t.unit() : m == null ? "" : m.unit();
        Double target = t.target() != null ? t.target() : m == null ? null : m.target();
        List<Point> points = t.points();
        int n = points.size();
        XYPlot plot = new XYPlot();
        SymbolAxis periods = new SymbolAxis(null, points.stream().map(Point::period).toArray(String[]::new));
        periods.setRange(-0.5, n - 0.5);
        periods.setGridBandsVisible(false);
        periods.setVerticalTickLabels(n > 12);
        plot.setDomainAxis(periods);
        List<Double> values = new ArrayList<>();
        for (Point p : points) {
            values.addAll(java.util.Arrays.asList(p.value(), p.processLower(), p.processUpper()));
        }
        values.add(target);
        values.add(t.mean());
        double[] range = Bounds.of(values);
        NumberAxis axis = Rendering.valueAxis("Value (" + unit + ")", range[0], range[1]);
        axis.setTickLabelsVisible(range[2] > 0);
        plot.setRangeAxis(axis);
        Legend legend = new Legend();
        double[] xs = new double[2 * n];
        double[] lower = new double[2 * n];
        double[] upper = new double[2 * n];
        double[] series = new double[n];
        double[] all = new double[n];
        double[] centre = new double[2 * n];
        double[] index = new double[n];
        for (int i = 0; i < n; i++) {
            Point p = points.get(i);
            xs[2 * i] = i - 0.5;
            xs[2 * i + 1] = i + 0.5;
            lower[2 * i] = lower[2 * i + 1] = p.processLower() == null ? Double.NaN : p.processLower();
            upper[2 * i] = upper[2 * i + 1] = p.processUpper() == null ? Double.NaN : p.processUpper();
            all[i] = p.value() == null || p.suppressed() ? Double.NaN : p.value();
            series[i] = p.complete() ? all[i] : Double.NaN;
            centre[2 * i] = centre[2 * i + 1] = p.mean() == null ? Double.NaN : p.mean();
            index[i] = i;
        }
        if (points.stream().anyMatch(p -> p.processLower() != null)) {
            plot.addAnnotation(Mark.path("process-limit", xs, lower, LIMIT, Palette.DARK_GREY));
            plot.addAnnotation(Mark.path("process-limit", xs, upper, LIMIT, Palette.DARK_GREY));
            legend.line("Process limits (dashed steps)", LIMIT, Palette.DARK_GREY);
        }
        boolean rebased = t.rebasedAt() != null && !t.rebasedAt().isEmpty();
        if (t.mean() != null && rebased) {
            // Each chart period has its own mean: steps over the charted points, the latest named in the legend.
            plot.addAnnotation(Mark.path("mean", xs, centre, new BasicStroke(2f), Palette.TEXT));
            legend.line("Mean " + ChartText.value(t.mean(), unit) + " (rebased at " + String.join(", ",
                    t.rebasedAt()) + ")", new BasicStroke(2f), Palette.TEXT);
        } else if (t.mean() != null) {
            plot.addAnnotation(Mark.line("mean", -0.5, t.mean(), n - 0.5, t.mean(), new BasicStroke(2f), Palette.TEXT));
            legend.line("Mean " + ChartText.value(t.mean(), unit), new BasicStroke(2f), Palette.TEXT);
        }
        if (target != null) {
            plot.addAnnotation(Mark.line("target", -0.5, target, n - 0.5, target, DotChart.TARGET, Palette.PINK));
            legend.line("Target " + ChartText.value(target, unit) + " (dash-dot)", DotChart.TARGET, Palette.PINK);
        }
        plot.addAnnotation(Mark.path("series-incomplete", index, all, INCOMPLETE_LINE, Palette.MID_GREY));
        plot.addAnnotation(Mark.path("series", index, series, new BasicStroke(1.5f), Palette.DARK_GREY));
        incompleteLabels(plot, points, axis.getUpperBound());
        for (int i = 0; i < n; i++) {
            Point p = points.get(i);
            if (!p.complete() && !p.suppressed() && p.value() != null) {
                Symbols.Marker marker = Symbols.incomplete();
                legend.marker(marker);
                plot.addAnnotation(Mark.symbol("point " + marker.cssClass(), i, p.value(), marker.shape(),
                        marker.fill()));
                continue;
            }
            if (p.suppressed() || p.value() == null) {
                plot.addAnnotation(Mark.text(p.suppressed() ? "suppressed" : "no-value", i, axis.getLowerBound(), 0, -4,
                        p.suppressed() ? "*" : "–", Rendering.font(Font.BOLD, 14), Palette.TEXT,
                        TextAnchor.BOTTOM_CENTER));
                continue;
            }
            Symbols.Marker marker = Symbols.spc(PointType.label(p.spc()));
            legend.marker(marker);
            String special = marker.cssClass().startsWith("common-cause") ? "" : " special-cause";
            plot.addAnnotation(Mark.symbol("point" + special + " " + marker.cssClass(), i, p.value(), marker.shape(),
                    marker.fill()));
        }
        if (points.stream().anyMatch(Point::suppressed)) {
            legend.note(ChartText.SUPPRESSED_NOTE);
        }
        String subtitle = variation(PointType.label(t.variation())) + " · "
                + assurance(Assurance.label(t.assurance()), target);
        JFreeChart chart = Rendering.chart(title, subtitle, plot, legend.items());
        return Rendering.render(chart, width, height, title, description(title, t, unit, target, subtitle));
    }

    /** "incomplete" over each run of incomplete periods, at the top of the plot. */
    static void incompleteLabels(XYPlot plot, List<Point> points, double top) {
        int i = 0;
        while (i < points.size()) {
            if (points.get(i).complete()) {
                i++;
                continue;
            }
            int end = i;
            while (end + 1 < points.size() && !points.get(end + 1).complete()) {
                end++;
            }
            // At either edge the label runs inwards from the plot's border, so it is never cut off.
            boolean first = i == 0;
            boolean last = end == points.size() - 1;
            double x = first && !last ? -0.5 : last && !first ? points.size() - 0.5 : (i + end) / 2.0;
            TextAnchor anchor = first && !last ? TextAnchor.TOP_LEFT
                    : last && !first ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_CENTER;
            plot.addAnnotation(Mark.text("incomplete-label", x, top, first && !last ? 3 : last && !first ? -3 : 0, 3,
                    "incomplete", Rendering.font(Font.ITALIC, 10), Palette.DARK_GREY, anchor));
            i = end + 1;
        }
    }

    static String variation(String type) {
        if (type == null) {
            return "Variation: not assessed (fewer than two published points)";
        }
        return switch (type) {
            case "special_cause_improvement" -> "Variation: special cause – improvement";
            case "special_cause_concern" -> "Variation: special cause – concern";
            case "special_cause_neither" -> "Variation: special cause – neither improvement nor concern";
            default -> "Variation: common cause – no significant change";
        };
    }

    static String assurance(String type, Double target) {
        if (type == null) {
            return target == null ? "Assurance: no target" : "Assurance: not assessed";
        }
        return switch (type) {
            case "consistently_passing" -> "Assurance: consistently passing the target";
            case "consistently_failing" -> "Assurance: consistently failing the target";
            default -> "Assurance: hit and miss – the target lies within the process limits";
        };
    }

    private static String description(String title, TrendResult t, String unit, Double target, String subtitle) {
        List<String> parts = new ArrayList<>();
        for (Point p : t.points()) {
            String text = p.period() + " " + (p.suppressed() ? "suppressed (*)" : ChartText.value(p.value(), unit));
            if (!p.complete()) {
                text += " (incomplete)";
            } else if (p.spc() != null && p.spc().special()) {
                text += " (" + p.spc().label().replace('_', ' ') + ")";
            }
            parts.add(text);
        }
        String how = ("p".equals(t.chart()) ? " p chart." : "p_prime".equals(t.chart()) ? " Laney p′ chart." : "")
                + (t.rollingMonths() > 1 ? " Rolling " + t.rollingMonths() + "-month rates." : "")
                + (t.rebasedAt() == null || t.rebasedAt().isEmpty() ? ""
                        : " Rebased at " + String.join(", ", t.rebasedAt()) + ".");
        return title + ". " + subtitle + "." + how
                + (t.mean() == null ? "" : " Mean " + ChartText.value(t.mean(), unit) + ".")
                + (target == null ? "" : " Target " + ChartText.value(target, unit) + ".") + " " + String.join("; ", parts)
                + ".";
    }
}
