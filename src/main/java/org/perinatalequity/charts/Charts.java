package org.perinatalequity.charts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.perinatalequity.breakdown.BreakdownResult;
import org.perinatalequity.breakdown.TrendResult;
import org.perinatalequity.measures.Measure;

/**
 * The charts of the dashboard as pure functions from the read models (the same records the grids and the API show)
 * to a {@link ChartImage}: SVG with {@code <title>} and {@code <desc>}, and PNG. Nothing here throws for empty,
 * suppressed or missing data; an empty selection gives a chart that says "No data for this selection".
 */
public final class Charts {

    /** The default size: readable as an 800 × 450 image, and scalable as SVG. */
    public static final int WIDTH = Rendering.WIDTH;
    public static final int HEIGHT = Rendering.HEIGHT;

    private Charts() {
    }

    /** Dot chart of a breakdown with 95% CI whiskers, LMNS benchmark and target; small multiples for two dimensions. */
    public static ChartImage dotChart(BreakdownResult result, Measure measure) {
        return dotChart(result, measure, WIDTH, HEIGHT);
    }

    public static ChartImage dotChart(BreakdownResult result, Measure measure, int width, int height) {
        return DotChart.render(result, measure, width, height);
    }

    /**
     * A breakdown with many groups (LSOAs, GP practices) as a dot chart of only its {@code each} highest and
     * {@code each} lowest values, highest first; the words say how many groups there are and name the extremes,
     * not every group (the full list belongs in a table beside the chart).
     */
    public static ChartImage extremesChart(BreakdownResult result, Measure measure, int each, int width) {
        List<BreakdownResult.Row> valued = result.rows().stream().filter(r -> r.value() != null && !r.suppressed())
                .sorted(Comparator.comparingDouble(BreakdownResult.Row::value).reversed()).toList();
        List<BreakdownResult.Row> kept = new ArrayList<>(valued.subList(0, Math.min(each, valued.size())));
        valued.subList(Math.max(kept.size(), valued.size() - each), valued.size()).forEach(kept::add);
        BreakdownResult trimmed = new BreakdownResult(result.measure(), result.by(), null, result.from(), result.to(),
                result.suppressed(), result.unit(), result.imdVintage(), result.total(), kept, null,
                result.dataQuality());
        ChartImage chart = DotChart.render(trimmed, measure, width, 160 + 26 * kept.size());
        String unit = DotChart.unit(result, measure);
        String title = chart.title() + ": the " + each + " highest and " + each + " lowest of "
                + result.rows().size() + " groups";
        int top = Math.min(each, valued.size());
        String words = title + ". " + result.rows().size() + " groups, " + valued.size() + " with a published value"
                + (valued.isEmpty() ? "." : ": highest " + extremes(kept.subList(0, top), unit) + "; lowest "
                        + extremes(kept.subList(top, kept.size()), unit) + ". Every group is in the table.");
        return new ChartImage(chart.svg(), chart::png, title, words);
    }

    private static String extremes(List<BreakdownResult.Row> rows, String unit) {
        if (rows.isEmpty()) {
            return "none";
        }
        return rows.stream().map(r -> r.label() + " " + ChartText.value(r.value(), unit))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** Heat map of a two-dimension breakdown (rows: {@code by}, columns: {@code by2}) with values in the cells. */
    public static ChartImage heatMap(BreakdownResult result, Measure measure) {
        return heatMap(result, measure, WIDTH, HEIGHT);
    }

    public static ChartImage heatMap(BreakdownResult result, Measure measure, int width, int height) {
        return HeatMap.render(result, measure, width, height);
    }

    /** SII slope chart over deprivation quantiles: points with CIs, the fitted line, SII and RII in the subtitle. */
    public static ChartImage slopeChart(BreakdownResult result, Measure measure) {
        return slopeChart(result, measure, WIDTH, HEIGHT);
    }

    public static ChartImage slopeChart(BreakdownResult result, Measure measure, int width, int height) {
        return SlopeChart.render(result, measure, width, height);
    }

    /** Funnel plot of a breakdown's groups around the LMNS average, with 95% and 99.8% limits and named outliers. */
    public static ChartImage funnelPlot(BreakdownResult result, Measure measure) {
        return funnelPlot(result, measure, WIDTH, HEIGHT);
    }

    public static ChartImage funnelPlot(BreakdownResult result, Measure measure, int width, int height) {
        return FunnelPlot.render(result, measure, width, height);
    }

    /** Making Data Count SPC chart of a trend: mean, step process limits, target, special-cause markers. */
    public static ChartImage spcChart(TrendResult trend, Measure measure) {
        return spcChart(trend, measure, WIDTH, HEIGHT);
    }

    public static ChartImage spcChart(TrendResult trend, Measure measure, int width, int height) {
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
}
