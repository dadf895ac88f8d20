package org.perinatalequity.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.ui.TextAnchor;
import org.perinatalequity.breakdown.BreakdownResult;
import org.perinatalequity.breakdown.BreakdownResult.Row;
import org.perinatalequity.measures.Measure;

/**
 * A heat map of a two-dimension breakdown (rows: first dimension, columns: second), e.g. ethnic group × IMD
 * quintile. The fill comes from five equal-width classes of NHS Blue, and the value is printed in every cell in
 * the text colour with the better contrast, so the fill is never needed to read a value.
 */
final class HeatMap {

    private static final int CLASSES = 5;

    private HeatMap() {
    }

    static ChartImage render(BreakdownResult r, Measure m, int width, int height) {
        String title = DotChart.title(r, m);
        if (r == null || r.rows() == null || r.rows().isEmpty()) {
            return Rendering.noData(title, width, height);
        }
        String unit = DotChart.unit(r, m);
        List<String> rowNames = new ArrayList<>(new LinkedHashSet<>(r.rows().stream().map(Row::group).toList()));
        List<String> colNames = new ArrayList<>(new LinkedHashSet<>(r.rows().stream()
                .map(x -> x.group2() == null ? "All" : x.group2()).toList()));
        double[] range = valueRange(r.rows());
        XYPlot plot = new XYPlot();
        SymbolAxis cols = new SymbolAxis(r.by2() == null ? null : capitalised(ChartText.dimension(r.by2())),
                colNames.stream().map(c -> ChartText.shortGroup(r.by2(), c)).toArray(String[]::new));
        cols.setRange(-0.5, colNames.size() - 0.5);
        cols.setGridBandsVisible(false);
        SymbolAxis rows = new SymbolAxis(null, rowNames.stream().map(g -> ChartText.shortGroup(r.by(), g))
                .toArray(String[]::new));
        rows.setInverted(true);
        rows.setRange(-0.5, rowNames.size() - 0.5);
        rows.setGridBandsVisible(false);
        plot.setDomainAxis(cols);
        plot.setDomainAxisLocation(AxisLocation.TOP_OR_LEFT);
        plot.setRangeAxis(rows);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        Font font = Rendering.font(Font.PLAIN, rowNames.size() > 10 ? 11 : 13);
        for (Row row : r.rows()) {
            int x = colNames.indexOf(row.group2() == null ? "All" : row.group2());
            int y = rowNames.indexOf(row.group());
            if (row.suppressed()) {
                plot.addAnnotation(cell("cell suppressed", x, y, Palette.PALE_GREY, "*", font));
            } else if (row.value() == null) {
                plot.addAnnotation(cell("cell no-value", x, y, Palette.WHITE, "–", font));
            } else {
                Color fill = fill(row.value(), range);
                plot.addAnnotation(cell("cell value", x, y, fill, ChartText.value(row.value(), unit), font));
            }
        }
        Legend legend = new Legend();
        if (range[1] >= range[0]) {
            double step = (range[1] - range[0]) / CLASSES;
            for (int i = 0; i < CLASSES; i++) {
                legend.box(ChartText.number(range[0] + i * step) + " to " + ChartText.value(range[0] + (i + 1) * step,
                        unit), new Rectangle2D.Double(-7, -7, 14, 14), shade(i));
            }
        }
        if (r.rows().stream().anyMatch(Row::suppressed)) {
            legend.note(ChartText.SUPPRESSED_NOTE);
        }
        JFreeChart chart = Rendering.chart(title, "Value in each cell; darker blue = higher"
                + (r.total() != null && r.total().value() != null
                        ? "; LMNS total " + ChartText.value(r.total().value(), unit) : ""), plot, legend.items());
        return Rendering.render(chart, width, height, title, description(title, r, rowNames, unit));
    }

    /** A filled cell with its text centred; white borders separate neighbours. */
    private static Mark cell(String cssClass, int x, int y, Color fill, String text, Font font) {
        return new Mark(cssClass, (g, p) -> {
            Point2D a = p.at(x - 0.5, y - 0.5);
            Point2D b = p.at(x + 0.5, y + 0.5);
            Rectangle2D rect = new Rectangle2D.Double(Math.min(a.getX(), b.getX()), Math.min(a.getY(), b.getY()),
                    Math.abs(b.getX() - a.getX()), Math.abs(b.getY() - a.getY()));
            g.setPaint(fill);
            g.fill(rect);
            g.setPaint(Palette.WHITE);
            g.setStroke(new BasicStroke(2f));
            g.draw(rect);
            g.setPaint(Palette.textOn(fill));
            g.setFont(font);
            TextUtils.drawAlignedString(text, g, (float) rect.getCenterX(), (float) rect.getCenterY(),
                    TextAnchor.CENTER);
        });
    }

    /** {min, max} of the shown values; {1, 0} when there is none. */
    private static double[] valueRange(List<Row> rows) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Row r : rows) {
            if (!r.suppressed() && r.value() != null) {
                lo = Math.min(lo, r.value());
                hi = Math.max(hi, r.value());
            }
        }
        return lo > hi ? new double[] { 1, 0 } : new double[] { lo, hi };
    }

    static Color fill(double value, double[] range) {
        double span = range[1] - range[0];
        int i = span <= 0 ? CLASSES / 2 : (int) Math.min(CLASSES - 1, Math.floor((value - range[0]) / span * CLASSES));
        return shade(i);
    }

    /** Class i of five: from a pale tint of NHS Blue to NHS Dark Blue. */
    static Color shade(int i) {
        Color[] stops = { Palette.blend(Palette.WHITE, Palette.NHS_BLUE, 0.12),
                Palette.blend(Palette.WHITE, Palette.NHS_BLUE, 0.32), Palette.blend(Palette.WHITE, Palette.NHS_BLUE, 0.58),
                Palette.NHS_BLUE, new Color(0x003087) };
        return stops[i];
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String description(String title, BreakdownResult r, List<String> rowNames, String unit) {
        List<String> parts = new ArrayList<>();
        for (String name : rowNames) {
            List<String> cells = new ArrayList<>();
            for (Row row : r.rows()) {
                if (Objects.equals(row.group(), name)) {
                    cells.add((row.group2() == null ? "" : ChartText.group(r.by2(), row.group2()) + " ")
                            + DotChart.rowText(row, unit));
                }
            }
            parts.add(ChartText.group(r.by(), name) + ": " + String.join(", ", cells));
        }
        String text = title + ". " + String.join("; ", parts) + ".";
        if (r.total() != null && r.total().value() != null) {
            text += " LMNS " + ChartText.value(r.total().value(), unit) + ".";
        }
        if (r.rows().stream().anyMatch(Row::suppressed)) {
            text += " " + ChartText.SUPPRESSED_NOTE + ".";
        }
        return text;
    }
}
