package org.perinatalequity.charts;

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
