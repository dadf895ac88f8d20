package org.perinatalequity.charts;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.ui.Drawable;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;
import org.perinatalequity.charts.ChartData.Point;
import org.perinatalequity.stats.SpcResult.PointType;

/**
 * Small multiples: several trends (several measures, or one measure by group) in a grid of up to three columns,
 * each panel a compact chart with the series, its mean and target, special-cause markers, and incomplete periods as
 * hollow circles labelled "incomplete" (their heading value is the latest complete period's). JFreeChart has no
 * grid layout, so the panels are separate charts drawn into their cells of one canvas.
 */
final class TrendGrid {

    private static final int HEADER = 34;
    private static final int FOOTER = 22;
    static final String KEY = "Blue: value · grey: mean · pink dash-dot: target · circle/square/diamond: special cause "
            + "improvement/concern/neither · hollow: incomplete · * suppressed";

    /** Narrower panels would squeeze their axis labels into each other. */
    private static final int MIN_PANEL_WIDTH = 260;

    private TrendGrid() {
    }

    /** Up to three columns, as square as the panels allow, and one column a phone's width (below 520 px). */
    static int columns(int panels, int width) {
        return Math.max(1, Math.min(width / MIN_PANEL_WIDTH, Math.min(3, (int) Math.ceil(Math.sqrt(panels)))));
    }

    static int rows(int panels, int width) {
        return (int) Math.ceil(panels / (double) columns(panels, width));
    }

    static ChartImage render(String title, List<TrendPanel> panels, boolean sameScale, int width, int height) {
        List<TrendPanel> shown = panels == null ? List.of() : panels.stream()
                .filter(p -> p != null && p.trend() != null && p.trend().points() != null
                        && !p.trend().points().isEmpty()).toList();
        if (shown.isEmpty()) {
            return Rendering.noData(title, width, height);
        }
        double[] shared = sameScale ? Bounds.of(shown.stream().flatMap(p -> values(p.trend()).stream()).toList()) : null;
        List<JFreeChart> charts = shown.stream().map(p -> panel(p, shared)).toList();
        int columns = columns(shown.size(), width);
        int rows = rows(shown.size(), width);
        Drawable grid = (g, area) -> {
            g.setPaint(Palette.TEXT);
            g.setFont(Rendering.font(Font.BOLD, 16));
            TextUtils.drawAlignedString(title, g, (float) area.getX() + 12, (float) area.getY() + 10,
                    TextAnchor.TOP_LEFT);
            double cw = area.getWidth() / columns;
            double ch = (area.getHeight() - HEADER - FOOTER) / rows;
            for (int i = 0; i < charts.size(); i++) {
                Rectangle2D cell = new Rectangle2D.Double(area.getX() + (i % columns) * cw,
                        area.getY() + HEADER + (i / columns) * ch, cw, ch);
                group(g, true);
                charts.get(i).draw(g, cell);
                group(g, false);
            }
            g.setPaint(Palette.DARK_GREY);
            g.setFont(Rendering.font(Font.PLAIN, 10));
            TextUtils.drawAlignedString(KEY, g, (float) area.getX() + 12, (float) area.getMaxY() - 6,
                    TextAnchor.BOTTOM_LEFT);
        };
        List<String> parts = new ArrayList<>();
        for (TrendPanel p : shown) {
            parts.add(p.title() + ": " + summary(p.trend()));
        }
        return Rendering.render(grid, width, height, title, title + ". " + String.join("; ", parts) + ". Key: "
                + KEY + ".");
    }

    /** Wraps each panel in {@code <g class="panel">} in the SVG. */
    private static void group(Graphics2D g, boolean begin) {
        if (g instanceof SVGGraphics2D) {
            g.setRenderingHint(begin ? SVGHints.KEY_BEGIN_GROUP : SVGHints.KEY_END_GROUP,
                    begin ? Map.of("class", "panel") : "panel");
        }
    }

    private static JFreeChart panel(TrendPanel panel, double[] shared) {
        ChartData.Trend t = panel.trend();
        List<Point> points = t.points();
        int n = points.size();
        double[] index = new double[n];
        double[] series = new double[n];
        double[] all = new double[n];
        for (int i = 0; i < n; i++) {
            Point p = points.get(i);
            index[i] = i;
            all[i] = p.value() == null || p.suppressed() ? Double.NaN : p.value();
            series[i] = p.complete() ? all[i] : Double.NaN;
        }
        double[] range = shared != null ? shared : Bounds.of(values(t));
        XYPlot plot = new XYPlot();
        NumberAxis x = new NumberAxis(points.get(0).period() + " to " + points.get(n - 1).period());
        x.setRange(-0.5, n - 0.5);
        x.setTickLabelsVisible(false);
        x.setTickMarksVisible(false);
        plot.setDomainAxis(x);
        NumberAxis y = Rendering.valueAxis(null, range[0], range[1]);
        y.setTickLabelsVisible(range[2] > 0);
        plot.setRangeAxis(y);
        plot.setDomainGridlinesVisible(false);
        if (t.mean() != null) {
            plot.addAnnotation(Mark.line("mean", -0.5, t.mean(), n - 0.5, t.mean(), new BasicStroke(1.5f),
                    Palette.DARK_GREY));
        }
        if (t.target() != null) {
            plot.addAnnotation(Mark.line("target", -0.5, t.target(), n - 0.5, t.target(), DotChart.TARGET,
                    Palette.PINK));
        }
        plot.addAnnotation(Mark.path("series-incomplete", index, all, SpcChart.INCOMPLETE_LINE, Palette.MID_GREY));
        plot.addAnnotation(Mark.path("series", index, series, new BasicStroke(2f), Palette.NHS_BLUE));
        SpcChart.incompleteLabels(plot, points, y.getUpperBound());
        for (int i = 0; i < n; i++) {
            Point p = points.get(i);
            if (!p.complete() && !p.suppressed() && p.value() != null) {
                Symbols.Marker m = Symbols.incomplete();
                plot.addAnnotation(Mark.symbol("point " + m.cssClass(), i, p.value(), m.shape(), m.fill()));
            } else if (p.suppressed()) {
                plot.addAnnotation(Mark.text("suppressed", i, y.getLowerBound(), 0, -3, "*",
                        Rendering.font(Font.BOLD, 13), Palette.TEXT, TextAnchor.BOTTOM_CENTER));
            } else if (p.value() != null && p.spc() != null && p.spc() != PointType.COMMON_CAUSE) {
                Symbols.Marker m = Symbols.spc(p.spc());
                plot.addAnnotation(Mark.symbol("point special-cause " + m.cssClass(), i, p.value(), m.shape(),
                        m.fill()));
            } else if (p.value() != null) {
                // Every published point gets a dot: a point between suppressed ones has no line to sit on
                plot.addAnnotation(Mark.symbol("point value", i, p.value(), Symbols.circle(5), Palette.NHS_BLUE));
            }
        }
        Point last = lastPublished(points);
        String heading = panel.title() + (last == null ? "" : ": " + ChartText.value(last.value(), t.unit()));
        JFreeChart chart = Rendering.chart(heading, null, plot, null);
        chart.getTitle().setFont(Rendering.font(Font.BOLD, 13));
        chart.getTitle().setMaximumLinesToDisplay(2);
        Rendering.styleAxis(x);
        x.setLabelFont(Rendering.font(Font.PLAIN, 11));
        return chart;
    }

    private static List<Double> values(ChartData.Trend t) {
        List<Double> out = new ArrayList<>();
        for (Point p : t.points()) {
            out.add(p.suppressed() ? null : p.value());
        }
        out.addAll(Arrays.asList(t.mean(), t.target()));
        return out;
    }

    /** The latest complete period with a value: an incomplete last month is no "latest" value. */
    private static Point lastPublished(List<Point> points) {
        for (int i = points.size() - 1; i >= 0; i--) {
            if (points.get(i).complete() && !points.get(i).suppressed() && points.get(i).value() != null) {
                return points.get(i);
            }
        }
        return null;
    }

    private static String summary(ChartData.Trend t) {
        Point last = lastPublished(t.points());
        String text = last == null ? "no complete period with a published value"
                : "latest complete " + last.period() + " " + ChartText.value(last.value(), t.unit());
        long incomplete = t.points().stream().filter(p -> !p.complete()).count();
        text += incomplete == 0 ? "" : ", " + incomplete + (incomplete == 1 ? " period" : " periods") + " incomplete";
        text += t.mean() == null ? "" : ", mean " + ChartText.value(t.mean(), t.unit());
        text += t.target() == null ? "" : ", target " + ChartText.value(t.target(), t.unit());
        return text + ", " + SpcChart.variation(t.variation()).toLowerCase(java.util.Locale.UK);
    }
}
