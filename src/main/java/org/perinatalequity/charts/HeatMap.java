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
import org.perinatalequity.stats.Comparison;

/**
 * A heat map of a two-dimension breakdown (rows: first dimension, columns: second), e.g. ethnic group × IMD
 * quintile. Each cell is coloured by its comparison with the LMNS (Fingertips: better/similar/worse for a measure
 * with a polarity, higher/similar/lower without), so dark never means "worse" for one measure and "better" for
 * another; the value is printed in the cell with the comparison's symbol (the dot chart's shapes as characters),
 * so neither the value nor the comparison rests on colour alone.
 */
final class HeatMap {

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
                Significance s = Significance.of(Comparison.label(row.comparison()));
                plot.addAnnotation(cell("cell value " + s.key, x, y, s.fill,
                        s.symbol + " " + ChartText.value(row.value(), unit), font));
            }
        }
        Legend legend = new Legend();
        java.util.Set<Significance> used = java.util.EnumSet.noneOf(Significance.class);
        r.rows().stream().filter(x -> !x.suppressed() && x.value() != null)
                .forEach(x -> used.add(Significance.of(Comparison.label(x.comparison()))));
        for (Significance s : used) {
            legend.box(s.symbol + " " + s.legend, new Rectangle2D.Double(-7, -7, 14, 14), s.fill);
        }
        if (r.rows().stream().anyMatch(Row::suppressed)) {
            legend.note(ChartText.SUPPRESSED_NOTE);
        }
        JFreeChart chart = Rendering.chart(title, "Value in each cell, coloured by its comparison with the LMNS"
                + " (95% CI)" + (r.total() != null && r.total().value() != null
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

    /**
     * A cell's comparison with the LMNS: its CSS class, fill, symbol (the dot chart's marker shapes) and legend.
     * Better is blue and worse orange, as the dot chart's markers; higher and lower (no polarity) are two blues.
     */
    enum Significance {
        BETTER("better", new Color(0x005EB8), "●", "Better than LMNS"),
        SIMILAR("similar", Palette.blend(Palette.WHITE, Palette.NHS_BLUE, 0.12), "◆", "Similar to LMNS"),
        WORSE("worse", Palette.ORANGE, "■", "Worse than LMNS"),
        HIGHER("higher", new Color(0x003087), "▲", "Higher than LMNS"),
        LOWER("lower", Palette.LIGHT_BLUE, "▼", "Lower than LMNS"),
        NOT_COMPARED("not-compared", Palette.WHITE, "×", "Not compared");

        final String key;
        final Color fill;
        final String symbol;
        final String legend;

        Significance(String key, Color fill, String symbol, String legend) {
            this.key = key;
            this.fill = fill;
            this.symbol = symbol;
            this.legend = legend;
        }

        static Significance of(String comparison) {
            return switch (comparison == null ? "" : comparison) {
                case "better", "best" -> BETTER;
                case "worse", "worst" -> WORSE;
                case "similar" -> SIMILAR;
                case "higher" -> HIGHER;
                case "lower" -> LOWER;
                default -> NOT_COMPARED;
            };
        }
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
