package org.perinatalequity.breakdown;

import java.util.List;
import java.util.Locale;

import org.perinatalequity.charts.ChartData;
import org.perinatalequity.charts.ChartMeasure;
import org.perinatalequity.measures.Dimension;
import org.perinatalequity.measures.Measure;
import org.perinatalequity.stats.Comparison;
import org.perinatalequity.stats.SpcInput;
import org.perinatalequity.stats.SpcResult;

/**
 * The one place where the breakdown's read models and a catalogue measure become the charts' own input records, so
 * {@code charts} knows no feature (docs/architecture.md). Every chart of a breakdown or a trend, in the views, the
 * board and the service, is drawn from what this class gives. A null result gives null: the charts draw "No data".
 */
public final class BreakdownChartData {

    private BreakdownChartData() {
    }

    public static ChartData.Breakdown breakdown(BreakdownResult r) {
        if (r == null) {
            return null;
        }
        return new ChartData.Breakdown(r.measure(), r.by(), dimensionLabel(r.by()), r.by2(), dimensionLabel(r.by2()),
                r.from(), r.to(), r.suppressed(), r.unit(), group(r.total()),
                r.rows() == null ? null : r.rows().stream().map(BreakdownChartData::group).toList(),
                inequality(r.inequality()));
    }

    public static ChartData.Trend trend(TrendResult t) {
        if (t == null) {
            return null;
        }
        List<ChartData.Point> points = t.points() == null ? null : t.points().stream()
                .map(p -> new ChartData.Point(p.period(), p.value(), p.processLower(), p.processUpper(),
                        p.spc(), p.suppressed(), p.complete(), p.mean()))
                .toList();
        return new ChartData.Trend(t.measure(), t.unit(), t.target(), t.mean(),
                t.variation(), t.assurance(),
                points, constant(SpcInput.Chart.class, t.chart()), t.rollingMonths(), t.rebasedAt());
    }

    public static ChartMeasure measure(Measure m) {
        return m == null ? null : new ChartMeasure(m.name(), m.unit(), m.multiplier(), m.target(), m.denominatorLabel());
    }

    private static ChartData.Group group(BreakdownResult.Row row) {
        if (row == null) {
            return null;
        }
        return new ChartData.Group(row.group(), row.group2(), row.groupName(), row.denominator(), row.value(),
                row.lower95(), row.upper95(), row.suppressed(), row.comparison());
    }

    private static ChartData.Inequality inequality(BreakdownResult.Inequality q) {
        return q == null ? null : new ChartData.Inequality(q.sii(), q.siiLower95(), q.siiUpper95(), q.rii(),
                q.riiLower95(), q.riiUpper95());
    }

    /** A dimension as a title names it; an id outside the catalogue (none today) is written as words. */
    private static String dimensionLabel(String id) {
        return id == null ? null : Dimension.fromId(id).map(Dimension::label).orElse(id.replace('_', ' '));
    }

    /**
     * The enum constant behind a label the result records carry ({@code p_prime} → {@code P_PRIME}); null stays
     * null.
     */
    private static <E extends Enum<E>> E constant(Class<E> type, String label) {
        return label == null ? null : Enum.valueOf(type, label.toUpperCase(Locale.ROOT));
    }
}
