package org.perinatalequity.breakdown;

import org.perinatalequity.charts.ChartData;
import org.perinatalequity.charts.ChartImage;
import org.perinatalequity.charts.ChartMeasure;
import org.perinatalequity.charts.Charts;
import org.perinatalequity.measures.Measure;

/** Which chart a breakdown is drawn as, and drawing it: the choice the views make, out of the read service. */
public final class BreakdownCharts {

    /** Above this many groups (LSOAs, GP practices) a chart shows only the extremes and a ranked table the rest. */
    public static final int MANY_GROUPS = 40;
    /** How many of the highest and of the lowest groups such a chart shows. */
    public static final int EXTREMES = 10;

    private BreakdownCharts() {
    }

    /** The charts a breakdown can be drawn as. */
    public enum ChartKind {
        DOTS, HEAT_MAP, SLOPE, FUNNEL
    }

    public static boolean hasManyGroups(BreakdownResult result) {
        return result.rows().size() > MANY_GROUPS;
    }

    /**
     * The breakdown's own chart laid out for {@code width} × {@code height} px (narrow windows get a narrower one): a
     * heat map for two dimensions, the extremes for many groups, otherwise dots with 95% whiskers against the LMNS
     * line (and the target).
     */
    public static ChartImage chart(BreakdownResult result, Measure measure, int width, int height) {
        if (result.by2() == null && hasManyGroups(result)) {
            return Charts.extremesChart(BreakdownChartData.breakdown(result), BreakdownChartData.measure(measure),
                    EXTREMES, width);
        }
        return chart(result, measure, result.by2() != null ? ChartKind.HEAT_MAP : ChartKind.DOTS, width, height);
    }

    public static ChartImage chart(BreakdownResult result, Measure measure, ChartKind kind) {
        return chart(result, measure, kind, Charts.WIDTH, Charts.HEIGHT);
    }

    /** A chart laid out for {@code width} × {@code height} px (narrow windows get a narrower layout). */
    public static ChartImage chart(BreakdownResult result, Measure measure, ChartKind kind, int width, int height) {
        ChartData.Breakdown data = BreakdownChartData.breakdown(result);
        ChartMeasure chartMeasure = BreakdownChartData.measure(measure);
        return switch (kind) {
            case DOTS -> Charts.dotChart(data, chartMeasure, width, height);
            case HEAT_MAP -> Charts.heatMap(data, chartMeasure, width, height);
            case SLOPE -> Charts.slopeChart(data, chartMeasure, width, height);
            case FUNNEL -> Charts.funnelPlot(data, chartMeasure, width, height);
        };
    }
}
