package org.perinatalequity.charts;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Stroke;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.TextAnchor;
import org.perinatalequity.charts.ChartData.Group;
import org.perinatalequity.stats.FunnelLimits;
import org.perinatalequity.stats.Funnels;

/**
 * A funnel plot of the groups of a breakdown (places, teams): value against denominator, with the 95% and 99.8%
 * limits around the LMNS average from {@link Funnels#limits}, so small and large areas are compared fairly. Points
 * outside the 95% limits get a triangle pointing the way they lie and their name.
 */
final class FunnelPlot {

    static final Stroke LIMIT_95 = Mark.dashed(1.5f, 6f, 4f);
    static final Stroke LIMIT_998 = new BasicStroke(1.5f);
    private static final int STEPS = 120;

    private FunnelPlot() {
    }

    static ChartImage render(ChartData.Breakdown r, ChartMeasure m, int width, int height) {
        String title = (m != null ? m.name() : r != null ? r.measure() : "Measure") + ": funnel plot"
                + (r == null ? "" : " by " + ChartText.dimension(r.byLabel()) + ChartText.period(r.from(), r.to()));
        Double average = r == null || r.total() == null ? null : r.total().value();
        List<Group> points = r == null || r.groups() == null ? List.of() : r.groups().stream()
                .filter(x -> !x.suppressed() && x.value() != null && x.denominator() != null && x.denominator() > 0)
                .toList();
        double multiplier = m != null ? m.multiplier() : "%".equals(DotChart.unit(r, m)) ? 100 : 1000;
        if (points.isEmpty() || average == null) {
            return Rendering.noData(title, width, height);
        }
        String unit = DotChart.unit(r, m);
        double p = Math.min(1, Math.max(0, average / multiplier));
        double maxN = points.stream().mapToDouble(Group::denominator).max().orElse(1) * 1.08;
        double minN = Math.max(1, points.stream().mapToDouble(Group::denominator).min().orElse(1) * 0.5);
        double[] xs = new double[STEPS + 1];
        double[][] limits = new double[4][STEPS + 1];
        for (int i = 0; i <= STEPS; i++) {
            // Log spacing: the funnel bends sharply at small denominators.
            xs[i] = minN * Math.pow(maxN / minN, (double) i / STEPS);
            FunnelLimits f = Funnels.limits(xs[i], p, multiplier);
            limits[0][i] = f.lower95();
            limits[1][i] = f.upper95();
            limits[2][i] = f.lower998();
            limits[3][i] = f.upper998();
        }
        List<Double> values = new ArrayList<>(points.stream().map(Group::value).toList());
        values.add(limits[2][STEPS / 6]);
        values.add(limits[3][STEPS / 6]);
        double[] range = Bounds.of(values);
        XYPlot plot = new XYPlot();
        NumberAxis x = new NumberAxis("Denominator (" + (m != null ? m.denominatorLabel() : "count") + ")");
        x.setRange(0, maxN);
        plot.setDomainAxis(x);
        plot.setRangeAxis(Rendering.valueAxis("Value (" + unit + ")", range[0], range[1]));
        plot.addAnnotation(Mark.path("limit-998", xs, limits[2], LIMIT_998, Palette.DARK_GREY));
        plot.addAnnotation(Mark.path("limit-998", xs, limits[3], LIMIT_998, Palette.DARK_GREY));
        plot.addAnnotation(Mark.path("limit-95", xs, limits[0], LIMIT_95, Palette.DARK_GREY));
        plot.addAnnotation(Mark.path("limit-95", xs, limits[1], LIMIT_95, Palette.DARK_GREY));
        plot.addAnnotation(Mark.line("benchmark", 0, average, maxN, average, new BasicStroke(2f), Palette.NHS_BLUE));
        Legend legend = new Legend();
        legend.line("LMNS average " + ChartText.value(average, unit), new BasicStroke(2f), Palette.NHS_BLUE);
        legend.line("95% limits (dashed)", LIMIT_95, Palette.DARK_GREY);
        legend.line("99.8% limits (solid)", LIMIT_998, Palette.DARK_GREY);
        Font font = Rendering.font(Font.PLAIN, 12);
        List<String> words = new ArrayList<>();
        java.util.Map<String, List<String>> byPosition = new java.util.LinkedHashMap<>();
        for (Group row : points) {
            FunnelLimits f = Funnels.limits(row.denominator(), p, multiplier);
            Symbols.Marker marker = marker(row.value(), f);
            legend.marker(marker);
            plot.addAnnotation(Mark.symbol("point " + marker.cssClass(), row.denominator(), row.value(),
                    marker.shape(), marker.fill()));
            String position = position(row.value(), f);
            if (!position.equals("within the 95% limits")) {
                plot.addAnnotation(Mark.text("outlier-label", row.denominator(), row.value(), 9, 0, row.name() != null ? row.name() : row.group(), font,
                        Palette.TEXT, TextAnchor.HALF_ASCENT_LEFT));
            }
            words.add(row.label() + " " + ChartText.value(row.value(), unit) + " of " + ChartText.count(row.denominator())
                    + ", " + position);
            byPosition.computeIfAbsent(position, k -> new ArrayList<>()).add(row.label());
        }
        List<String> hidden = r.groups().stream().filter(Group::suppressed).map(Group::group).toList();
        if (points.size() > MANY) {
            // Hundreds of areas (LSOAs): the words count them by position and name only those outside the limits
            words = new ArrayList<>();
            for (java.util.Map.Entry<String, List<String>> e : byPosition.entrySet()) {
                List<String> names = e.getValue();
                words.add(names.size() + " " + e.getKey() + (e.getKey().startsWith("within") ? ""
                        : " (" + String.join(", ", names.subList(0, Math.min(NAMED, names.size())))
                                + (names.size() > NAMED ? " and " + (names.size() - NAMED) + " more" : "") + ")"));
            }
            words.add(0, points.size() + " groups shown");
        }
        if (hidden.size() > MANY) {
            hidden = List.of(hidden.size() + " groups");
        }
        if (!hidden.isEmpty()) {
            legend.note("* Not shown, suppressed (small numbers): " + String.join(", ", hidden));
        }
        JFreeChart chart = Rendering.chart(title, "Each point is a group; points outside the funnel differ from the "
                + "LMNS average by more than chance would explain", plot, legend.items());
        String description = title + ". LMNS average " + ChartText.value(average, unit) + ". " + String.join("; ", words)
                + "." + (hidden.isEmpty() ? "" : " Suppressed and not shown (*): " + String.join(", ", hidden) + ".");
        return Rendering.render(chart, width, height, title, description);
    }

    /** Above this many points the words summarise; at most this many outliers are named per position. */
    private static final int MANY = 40;
    private static final int NAMED = 10;

    static Symbols.Marker marker(double value, FunnelLimits f) {
        if (value > f.upper95()) {
            boolean far = value > f.upper998();
            return new Symbols.Marker(far ? "above-998 triangle-up" : "above-95 triangle-up", Symbols.triangleUp(Symbols.SIZE * (far ? 1.3 : 1)),
                    Palette.PINK, far ? "Above 99.8% limit (large triangle up)" : "Above 95% limit (triangle up)");
        }
        if (value < f.lower95()) {
            boolean far = value < f.lower998();
            return new Symbols.Marker(far ? "below-998 triangle-down" : "below-95 triangle-down",
                    Symbols.triangleDown(Symbols.SIZE * (far ? 1.3 : 1)), Palette.NHS_BLUE,
                    far ? "Below 99.8% limit (large triangle down)" : "Below 95% limit (triangle down)");
        }
        return new Symbols.Marker("within circle", Symbols.circle(Symbols.SIZE * 0.85), Palette.WHITE,
                "Within 95% limits (open circle)");
    }

    static String position(double value, FunnelLimits f) {
        if (value > f.upper998()) {
            return "above the 99.8% limit";
        }
        if (value > f.upper95()) {
            return "above the 95% limit";
        }
        if (value < f.lower998()) {
            return "below the 99.8% limit";
        }
        if (value < f.lower95()) {
            return "below the 95% limit";
        }
        return "within the 95% limits";
    }
}
