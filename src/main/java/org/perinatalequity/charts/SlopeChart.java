package org.perinatalequity.charts;

import java.awt.BasicStroke;
import java.awt.Font;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.TextAnchor;
import org.perinatalequity.breakdown.BreakdownResult;
import org.perinatalequity.breakdown.BreakdownResult.Row;
import org.perinatalequity.measures.Measure;
import org.perinatalequity.stats.Comparison;

/**
 * The slope index of inequality drawn: each deprivation quantile at the midpoint of its share of the population
 * (0 = most deprived, 1 = least), with its 95% CI, and the fitted line. The line is the weighted least-squares fit
 * of value on rank with the population shares as weights, the same regression PHE's {@code phe_sii} runs
 * (statistical-methods.md section 5), so its slope is the SII; it is fitted here from the points because the
 * read model carries the SII and RII but not the intercept.
 */
final class SlopeChart {

    /** A quantile placed on the relative-rank scale. */
    record Placed(Row row, int quantile, double rank) {
    }

    private SlopeChart() {
    }

    static ChartImage render(BreakdownResult r, Measure m, int width, int height) {
        String name = m != null ? m.name() : r != null ? r.measure() : "Measure";
        String title = name + (r == null ? "" : " by " + ChartText.dimension(r.by()).replace(" (1 = most deprived)", ""))
                + ": slope index of inequality" + (r == null ? "" : ChartText.period(r.from(), r.to()));
        List<Placed> placed = r == null || r.rows() == null ? List.of() : place(r.rows());
        if (placed.isEmpty()) {
            return Rendering.noData(title, width, height);
        }
        String unit = DotChart.unit(r, m);
        List<Placed> shown = placed.stream().filter(p -> p.row().value() != null && !p.row().suppressed()).toList();
        // The fitted line is the SII's own regression: drawn only when an SII is given and every quantile it was
        // computed from is shown (a rare outcome's SII from true counts behind hidden points is published as text only)
        long numbered = placed.size();
        double[] line = r.inequality() != null && shown.size() == numbered && shown.size() >= 2 ? fit(shown) : null;
        List<Double> values = new ArrayList<>();
        shown.forEach(p -> values.addAll(List.of(p.row().value(), p.row().lower95(), p.row().upper95())));
        if (line != null) {
            values.add(line[0]);
            values.add(line[0] + line[1]);
        }
        double[] range = Bounds.of(values);
        XYPlot plot = new XYPlot();
        NumberAxis rank = new NumberAxis("Relative rank of deprivation (0 = most deprived, 1 = least deprived)");
        rank.setRange(-0.03, 1.03);
        plot.setDomainAxis(rank);
        NumberAxis axis = Rendering.valueAxis("Value (" + unit + ")", range[0], range[1]);
        axis.setTickLabelsVisible(range[2] > 0);
        plot.setRangeAxis(axis);
        Legend legend = new Legend();
        Font font = Rendering.font(Font.PLAIN, 12);
        if (line != null) {
            plot.addAnnotation(Mark.line("fitted-line", 0, line[0], 1, line[0] + line[1], new BasicStroke(2.5f),
                    Palette.NHS_BLUE));
            legend.line("Fitted line (slope = SII)", new BasicStroke(2.5f), Palette.NHS_BLUE);
        }
        for (Placed p : placed) {
            Row row = p.row();
            String label = ChartText.shortGroup(r.by(), row.group());
            if (row.suppressed() || row.value() == null) {
                plot.addAnnotation(Mark.text(row.suppressed() ? "suppressed" : "no-value", p.rank(),
                        axis.getLowerBound(), 0, -4, label + (row.suppressed() ? " *" : " no value"), font,
                        Palette.TEXT, TextAnchor.BOTTOM_CENTER));
                continue;
            }
            if (row.lower95() != null && row.upper95() != null) {
                plot.addAnnotation(Mark.whisker(p.rank(), row.lower95(), row.upper95(), Palette.DARK_GREY));
            }
            Symbols.Marker marker = Symbols.comparison(Comparison.label(row.comparison()));
            legend.marker(marker);
            plot.addAnnotation(Mark.symbol("point " + marker.cssClass(), p.rank(), row.value(), marker.shape(),
                    marker.fill()));
            plot.addAnnotation(Mark.text("point-label", p.rank(), row.upper95() != null ? row.upper95() : row.value(),
                    0, -6, label, font, Palette.TEXT, TextAnchor.BOTTOM_CENTER));
        }
        legend.line("95% confidence interval (whisker)", new BasicStroke(2f), Palette.DARK_GREY);
        if (placed.stream().anyMatch(p -> p.row().suppressed())) {
            legend.note(ChartText.SUPPRESSED_NOTE);
        }
        String subtitle = inequalityText(r.inequality(), unit);
        JFreeChart chart = Rendering.chart(title, subtitle, plot, legend.items());
        return Rendering.render(chart, width, height, title, description(title, r, placed, line, unit, subtitle));
    }

    /** Numbered quantiles (not "Unknown") in order, at the midpoints of their cumulative population share. */
    static List<Placed> place(List<Row> rows) {
        List<Row> numbered = rows.stream().filter(x -> x.group() != null && x.group().matches("\\d+"))
                .sorted(Comparator.comparingInt(x -> Integer.parseInt(x.group()))).toList();
        double total = numbered.stream().mapToDouble(x -> weight(x)).sum();
        List<Placed> out = new ArrayList<>();
        double cumulative = 0;
        for (Row row : numbered) {
            double share = total > 0 ? weight(row) / total : 1.0 / numbered.size();
            out.add(new Placed(row, Integer.parseInt(row.group()), cumulative + share / 2));
            cumulative += share;
        }
        return out;
    }

    /** Rows without a denominator count as an equal share, so they can still be placed. */
    private static double weight(Row row) {
        return row.denominator() == null || row.denominator() <= 0 ? 0 : row.denominator();
    }

    /** {intercept, slope} of the weighted least-squares line of value on rank, weights = population. */
    static double[] fit(List<Placed> points) {
        double sw = 0;
        double sx = 0;
        double sy = 0;
        for (Placed p : points) {
            double w = Math.max(weight(p.row()), 1e-9);
            sw += w;
            sx += w * p.rank();
            sy += w * p.row().value();
        }
        double mx = sx / sw;
        double my = sy / sw;
        double sxx = 0;
        double sxy = 0;
        for (Placed p : points) {
            double w = Math.max(weight(p.row()), 1e-9);
            sxx += w * (p.rank() - mx) * (p.rank() - mx);
            sxy += w * (p.rank() - mx) * (p.row().value() - my);
        }
        double slope = sxx > 0 ? sxy / sxx : 0;
        return new double[] { my - slope * mx, slope };
    }

    static String inequalityText(BreakdownResult.Inequality q, String unit) {
        if (q == null) {
            return "SII and RII not available: every quantile needs a published value";
        }
        String siiUnit = "%".equals(unit) ? " percentage points" : unit == null || unit.isBlank() ? "" : " " + unit;
        return "SII " + ChartText.number(q.sii()) + siiUnit + " (95% CI " + ChartText.number(q.siiLower95()) + " to "
                + ChartText.number(q.siiUpper95()) + "); RII " + two(q.rii()) + " (95% CI " + two(q.riiLower95())
                + " to " + two(q.riiUpper95()) + ")";
    }

    private static String two(double v) {
        return String.format(java.util.Locale.UK, "%.2f", v);
    }

    private static String description(String title, BreakdownResult r, List<Placed> placed, double[] line, String unit,
            String subtitle) {
        List<String> parts = new ArrayList<>();
        for (Placed p : placed) {
            parts.add(ChartText.group(r.by(), p.row().group()) + " " + DotChart.rowText(p.row(), unit));
        }
        String text = title + ". " + subtitle + ". " + String.join("; ", parts) + ".";
        if (line != null) {
            text += " Fitted line from " + ChartText.value(line[0], unit) + " at the most deprived end to "
                    + ChartText.value(line[0] + line[1], unit) + " at the least deprived end.";
        }
        return text;
    }
}
