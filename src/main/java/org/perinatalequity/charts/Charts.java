package org.perinatalequity.charts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The charts of the dashboard as pure functions from their input records ({@link ChartData}, {@link ChartMeasure}:
 * the features map their read models to them) to a {@link ChartImage}: SVG with {@code <title>} and {@code <desc>},
 * and PNG. Nothing here throws for empty, suppressed or missing data; an empty selection gives a chart that says
 * "No data for this selection".
 */
public final class Charts {

    /** The default size: readable as an 800 × 450 image, and scalable as SVG. */
    public static final int WIDTH = Rendering.WIDTH;
    public static final int HEIGHT = Rendering.HEIGHT;

    private Charts() {
    }

    /** Dot chart of a breakdown with 95% CI whiskers, LMNS benchmark and target; small multiples for two dimensions. */
    public static ChartImage dotChart(ChartData.Breakdown result, ChartMeasure measure) {
        return dotChart(result, measure, WIDTH, HEIGHT);
    }

    public static ChartImage dotChart(ChartData.Breakdown result, ChartMeasure measure, int width, int height) {
        return DotChart.render(result, measure, width, height);
    }

    /**
     * A breakdown with many groups (LSOAs, GP practices) as a dot chart of only its {@code each} highest and
     * {@code each} lowest values, highest first; the words say how many groups there are and name the extremes,
     * not every group (the full list belongs in a table beside the chart).
     */
    public static ChartImage extremesChart(ChartData.Breakdown result, ChartMeasure measure, int each, int width) {
        List<ChartData.Group> valued = result.groups().stream().filter(r -> r.value() != null && !r.suppressed())
                .sorted(Comparator.comparingDouble(ChartData.Group::value).reversed()).toList();
        List<ChartData.Group> kept = new ArrayList<>(valued.subList(0, Math.min(each, valued.size())));
        valued.subList(Math.max(kept.size(), valued.size() - each), valued.size()).forEach(kept::add);
        ChartData.Breakdown trimmed = new ChartData.Breakdown(result.measure(), result.by(), result.byLabel(), null,
                null, result.from(), result.to(), result.suppressed(), result.unit(), result.total(), kept, null);
        ChartImage chart = DotChart.render(trimmed, measure, width, 160 + 26 * kept.size());
        String unit = DotChart.unit(result, measure);
        String title = chart.title() + ": the " + each + " highest and " + each + " lowest of "
                + result.groups().size() + " groups";
        int top = Math.min(each, valued.size());
        String words = title + ". " + result.groups().size() + " groups, " + valued.size() + " with a published value"
                + (valued.isEmpty() ? "." : ": highest " + extremes(kept.subList(0, top), unit) + "; lowest "
                        + extremes(kept.subList(top, kept.size()), unit) + ". Every group is in the table.");
        return new ChartImage(chart.svg(), chart::png, title, words);
    }

    private static String extremes(List<ChartData.Group> rows, String unit) {
        if (rows.isEmpty()) {
            return "none";
        }
        return rows.stream().map(r -> r.label() + " " + ChartText.value(r.value(), unit))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** Heat map of a two-dimension breakdown (rows: {@code by}, columns: {@code by2}) with values in the cells. */
    public static ChartImage heatMap(ChartData.Breakdown result, ChartMeasure measure) {
        return heatMap(result, measure, WIDTH, HEIGHT);
    }

    public static ChartImage heatMap(ChartData.Breakdown result, ChartMeasure measure, int width, int height) {
        return HeatMap.render(result, measure, width, height);
    }

    /** SII slope chart over deprivation quantiles: points with CIs, the fitted line, SII and RII in the subtitle. */
    public static ChartImage slopeChart(ChartData.Breakdown result, ChartMeasure measure) {
        return slopeChart(result, measure, WIDTH, HEIGHT);
    }

    public static ChartImage slopeChart(ChartData.Breakdown result, ChartMeasure measure, int width, int height) {
        return SlopeChart.render(result, measure, width, height);
    }

    /** Funnel plot of a breakdown's groups around the LMNS average, with 95% and 99.8% limits and named outliers. */
    public static ChartImage funnelPlot(ChartData.Breakdown result, ChartMeasure measure) {
        return funnelPlot(result, measure, WIDTH, HEIGHT);
    }

    public static ChartImage funnelPlot(ChartData.Breakdown result, ChartMeasure measure, int width, int height) {
        return FunnelPlot.render(result, measure, width, height);
    }

    /** Making Data Count SPC chart of a trend: mean, step process limits, target, special-cause markers. */
    public static ChartImage spcChart(ChartData.Trend trend, ChartMeasure measure) {
        return spcChart(trend, measure, WIDTH, HEIGHT);
    }

    public static ChartImage spcChart(ChartData.Trend trend, ChartMeasure measure, int width, int height) {
        return SpcChart.render(trend, measure, width, height);
    }

    /**
     * Small-multiple trends in a grid (up to three columns). {@code sameScale} puts every panel on one value axis:
     * right for one measure by group, wrong for different measures.
     */
    public static ChartImage trendGrid(String title, java.util.List<TrendPanel> panels, boolean sameScale) {
        return trendGrid(title, panels, sameScale, WIDTH, HEIGHT);
    }

    public static ChartImage trendGrid(String title, java.util.List<TrendPanel> panels, boolean sameScale, int width,
            int height) {
        return TrendGrid.render(title, panels, sameScale, width, height);
    }

    /** How many rows of panels a trend grid of this width lays out, so a caller can give each row its height. */
    public static int trendGridRows(int panels, int width) {
        return TrendGrid.rows(panels, width);
    }

    /**
     * A forest plot: estimates with their 95% whiskers down the rows, labelled reference lines and an optional shaded
     * band; ratios on a logarithmic axis. The height grows with the rows.
     */
    public static ChartImage intervalChart(ChartData.Estimates estimates, int width) {
        return IntervalChart.render(estimates, width, 190 + 28 * Math.max(1, estimates.rows().size()));
    }
}
