package org.perinatalequity.charts;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Stroke;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.TextAnchor;
import org.perinatalequity.breakdown.BreakdownResult;
import org.perinatalequity.breakdown.BreakdownResult.Row;
import org.perinatalequity.measures.Measure;
import org.perinatalequity.stats.Comparison;

/**
 * A horizontal dot chart of a breakdown: one marker per group with its 95% CI whisker, a dashed line at the LMNS
 * total and a dash-dot target line. Groups run down the left so long names (ethnic groups) stay readable. With a
 * second dimension the chart becomes small multiples: one panel per value of the dimension with fewer values,
 * all panels on the same scale.
 */
final class DotChart {

    static final Stroke BENCHMARK = Mark.dashed(2f, 7f, 4f);
    static final Stroke TARGET = Mark.dashed(2f, 12f, 3f, 2f, 3f);

    private DotChart() {
    }

    static ChartImage render(BreakdownResult r, Measure m, int width, int height) {
        String title = title(r, m);
        if (r == null || r.rows() == null || r.rows().isEmpty()) {
            return Rendering.noData(title, width, height);
        }
        String unit = unit(r, m);
        Double total = r.total() == null ? null : r.total().value();
        Double target = m == null ? null : m.target();
        boolean twoWay = r.rows().stream().anyMatch(x -> x.group2() != null);
        Legend legend = new Legend();
        double[] range = Bounds.of(r.rows(), total, target);
        XYPlot plot = twoWay ? panels(r, range, total, target, legend) : single(r, r.rows(), range, total, target, true,
                legend);
        legend.line("95% confidence interval (whisker)", new BasicStroke(2f), Palette.DARK_GREY);
        if (total != null) {
            legend.line("LMNS total " + ChartText.value(total, unit) + " (dashed line)", BENCHMARK, Palette.TEXT);
        }
        if (target != null) {
            legend.line("Target " + ChartText.value(target, unit) + " (dash-dot line)", TARGET, Palette.PINK);
        }
        if (r.rows().stream().anyMatch(Row::suppressed)) {
            legend.note(ChartText.SUPPRESSED_NOTE);
        }
        JFreeChart chart = Rendering.chart(title, subtitle(r), plot, legend.items());
        return Rendering.render(chart, width, height, title, description(title, r, unit, total, target));
    }

    /** One panel: the rows at positions 0..n-1 of the group axis. */
    private static XYPlot single(BreakdownResult r, List<Row> rows, double[] range, Double total, Double target,
            boolean valueLabels, Legend legend) {
        XYPlot plot = new XYPlot();
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        String[] names = rows.stream().map(x -> x.groupName() != null ? x.groupName()
                : ChartText.shortGroup(r.by(), x.group())).toArray(String[]::new);
        plot.setDomainAxis(groupAxis(names));
        NumberAxis values = Rendering.valueAxis(axisLabel(r), range[0], range[1]);
        values.setTickLabelsVisible(range[2] > 0);
        plot.setRangeAxis(values);
        addReferences(plot, rows.size(), total, target); // first, so markers sit on top of the lines
        addRows(plot, rows, values.getLowerBound(), valueLabels, unit(r, null), legend);
        return plot;
    }

    private static CombinedDomainXYPlot panels(BreakdownResult r, double[] range, Double total, Double target,
            Legend legend) {
        List<String> groups = new ArrayList<>(new LinkedHashSet<>(r.rows().stream().map(Row::group).toList()));
        List<String> groups2 = new ArrayList<>(new LinkedHashSet<>(r.rows().stream().map(Row::group2).toList()));
        // Panels over the dimension with fewer values keep each panel wide enough to read.
        boolean panelsBySecond = groups2.size() <= groups.size();
        List<String> categories = panelsBySecond ? groups : groups2;
        List<String> panelValues = panelsBySecond ? groups2 : groups;
        String categoryDim = panelsBySecond ? r.by() : r.by2();
        String panelDim = panelsBySecond ? r.by2() : r.by();
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(
                groupAxis(categories.stream().map(g -> ChartText.shortGroup(categoryDim, g)).toArray(String[]::new)));
        combined.setOrientation(PlotOrientation.HORIZONTAL);
        combined.setGap(12);
        for (String panel : panelValues) {
            XYPlot sub = new XYPlot();
            sub.setOrientation(PlotOrientation.HORIZONTAL);
            NumberAxis values = Rendering.valueAxis(ChartText.shortGroup(panelDim, panel), range[0], range[1]);
            values.setTickLabelsVisible(range[2] > 0);
            Rendering.styleAxis(values);
            values.setLabelFont(Rendering.font(Font.BOLD, 13));
            sub.setRangeAxis(values);
            sub.setRangeAxisLocation(AxisLocation.TOP_OR_LEFT);
            List<Row> placed = new ArrayList<>();
            for (String category : categories) {
                placed.add(r.rows().stream().filter(x -> Objects.equals(panelsBySecond ? x.group() : x.group2(),
                        category) && Objects.equals(panelsBySecond ? x.group2() : x.group(), panel)).findFirst()
                        .orElse(null));
            }
            addReferences(sub, categories.size(), total, target);
            addRows(sub, placed, values.getLowerBound(), false, unit(r, null), legend);
            Rendering.styleXYPlot(sub);
            combined.add(sub, 1);
        }
        return combined;
    }

    private static SymbolAxis groupAxis(String[] names) {
        SymbolAxis axis = new SymbolAxis(null, names);
        axis.setInverted(true); // first group at the top, as in a table
        axis.setRange(-0.8, names.length - 0.4);
        axis.setGridBandsVisible(false);
        Rendering.styleAxis(axis);
        return axis;
    }

    private static void addRows(XYPlot plot, List<Row> rows, double axisStart, boolean valueLabels, String unit,
            Legend legend) {
        Font label = Rendering.font(Font.PLAIN, 12);
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (row == null) {
                continue; // no such combination in the data
            }
            if (row.suppressed()) {
                plot.addAnnotation(Mark.text("suppressed", i, axisStart, 6, 0, "* suppressed", label, Palette.TEXT,
                        TextAnchor.HALF_ASCENT_LEFT));
                continue;
            }
            if (row.value() == null) {
                plot.addAnnotation(Mark.text("no-value", i, axisStart, 6, 0, "no value", label, Palette.DARK_GREY,
                        TextAnchor.HALF_ASCENT_LEFT));
                continue;
            }
            if (row.lower95() != null && row.upper95() != null) {
                plot.addAnnotation(Mark.whisker(i, row.lower95(), row.upper95(), Palette.DARK_GREY));
            }
            Symbols.Marker marker = Symbols.comparison(Comparison.label(row.comparison()));
            legend.marker(marker);
            plot.addAnnotation(Mark.symbol("point " + marker.cssClass(), i, row.value(), marker.shape(), marker.fill()));
            if (valueLabels) {
                double at = row.upper95() != null ? row.upper95() : row.value();
                plot.addAnnotation(Mark.text("value-label", i, at, 8, 0, ChartText.value(row.value(), unit), label,
                        Palette.TEXT, TextAnchor.HALF_ASCENT_LEFT));
            }
        }
    }

    private static void addReferences(XYPlot plot, int n, Double total, Double target) {
        Font label = Rendering.font(Font.PLAIN, 12);
        if (total != null) {
            plot.addAnnotation(Mark.line("benchmark", -0.8, total, n - 0.4, total, BENCHMARK, Palette.TEXT));
            plot.addAnnotation(Mark.text("benchmark-label", -0.8, total, 4, 3, "LMNS", label, Palette.TEXT,
                    TextAnchor.TOP_LEFT));
        }
        if (target != null) {
            plot.addAnnotation(Mark.line("target", -0.8, target, n - 0.4, target, TARGET, Palette.PINK));
            plot.addAnnotation(Mark.text("target-label", n - 0.4, target, 4, -3, "Target", label, Palette.PINK,
                    TextAnchor.BOTTOM_LEFT));
        }
    }

    static String title(BreakdownResult r, Measure m) {
        String name = m != null ? m.name() : r != null ? r.measure() : "Measure";
        if (r == null) {
            return name;
        }
        String by = " by " + ChartText.dimension(r.by()) + (r.by2() == null ? "" : " and " + ChartText.dimension(r.by2()));
        return name + by + ChartText.period(r.from(), r.to());
    }

    private static String subtitle(BreakdownResult r) {
        return "Each group's value with its 95% confidence interval, against the LMNS total"
                + (r.suppressed() ? " (small numbers suppressed)" : "");
    }

    static String unit(BreakdownResult r, Measure m) {
        return r != null && r.unit() != null ? r.unit() : m == null ? "" : m.unit();
    }

    private static String axisLabel(BreakdownResult r) {
        return r.unit() == null ? "Value" : "Value (" + r.unit() + ")";
    }

    static String description(String title, BreakdownResult r, String unit, Double total, Double target) {
        List<String> parts = new ArrayList<>();
        for (Row row : r.rows()) {
            String name = (row.groupName() != null ? row.groupName() + " (" + row.group() + ")"
                    : ChartText.group(r.by(), row.group()))
                    + (row.group2() == null ? "" : ", " + ChartText.group(r.by2(), row.group2()));
            parts.add(name + " " + rowText(row, unit));
        }
        String text = title + ": " + String.join("; ", parts) + ".";
        text += total == null ? "" : " LMNS " + ChartText.value(total, unit) + ".";
        text += target == null ? "" : " Target " + ChartText.value(target, unit) + ".";
        if (r.rows().stream().anyMatch(Row::suppressed)) {
            text += " " + ChartText.SUPPRESSED_NOTE + ".";
        }
        return text;
    }

    static String rowText(Row row, String unit) {
        if (row.suppressed()) {
            return "suppressed (*)";
        }
        if (row.value() == null) {
            return "no value";
        }
        return ChartText.value(row.value(), unit) + ChartText.ci(row.lower95(), row.upper95()) + ", "
                + ChartText.comparison(Comparison.label(row.comparison()));
    }
}
