package org.perinatalequity.board;

import java.time.YearMonth;
import java.util.Map;

import org.perinatalequity.breakdown.BreakdownRequest;
import org.perinatalequity.breakdown.BreakdownResult;
import org.perinatalequity.breakdown.BreakdownService;
import org.perinatalequity.breakdown.TrendResult;
import org.perinatalequity.breakdown.TrendSpec;
import org.perinatalequity.measures.Dimension;
import org.perinatalequity.measures.Measure;

/**
 * Where a measure stands, as the board card, the summary matrix, the action plan and the board pack show it: its
 * quarterly values (the latest complete one is the headline), its monthly SPC reading, its deprivation quintiles and
 * ethnic groups over the complete months (for the gaps), and, for a target set for a cohort, that cohort's rate in
 * the latest complete quarter. All disclosure-controlled, whoever asks.
 *
 * @param cohort the target cohort's row for the latest complete quarter, or null when the target is for everyone
 */
public record MeasureStatus(Measure measure, TrendResult quarters, TrendResult months, BreakdownResult quintiles,
        BreakdownResult ethnicity, BreakdownResult.Row cohort) {

    private static final boolean SUPPRESS = true;

    /** The one set of requests behind a card or a plan row, so the background warm-up fills the same cache. */
    public static MeasureStatus of(BreakdownService breakdowns, String measureId) {
        return of(breakdowns, measureId, null);
    }

    /**
     * As of a month (the board pack's period): periods after it are left out of the headline, the charts and the
     * gaps. The SPC limits and readings stay those of every complete month loaded (docs/board.md says so).
     *
     * @param upTo the last month to report on, or null for everything loaded
     */
    public static MeasureStatus of(BreakdownService breakdowns, String measureId, YearMonth upTo) {
        // Its trends, gaps and cohort row from one data version.
        return breakdowns.inOneVersion(() -> inOneVersion(breakdowns, measureId, upTo));
    }

    private static MeasureStatus inOneVersion(BreakdownService breakdowns, String measureId, YearMonth upTo) {
        Measure measure = breakdowns.measure(measureId);
        int rolling = BoardMeasures.rollingMonths(measureId);
        TrendResult months;
        TrendResult quarters;
        if (rolling > 1) {
            // Read over rolling windows (BoardMeasures.ROLLING_MONTHS): the headline is the latest complete window and
            // the chart the windows ending each month.
            months = upTo(breakdowns.trend(measureId, Dimension.MONTH, Map.of(), SUPPRESS,
                    TrendSpec.defaults().withRollingMonths(rolling)), upTo);
            quarters = months;
        } else {
            quarters = upTo(breakdowns.trend(measureId, Dimension.QUARTER, Map.of(), SUPPRESS), upTo);
            months = upTo(breakdowns.trend(measureId, Dimension.MONTH, Map.of(), SUPPRESS), upTo);
        }
        // Gaps over complete months only: a part month at either end of the extract would skew them.
        YearMonth from = months.points().stream().filter(TrendResult.Point::complete).map(p -> YearMonth.parse(p.period()))
                .min(YearMonth::compareTo).orElse(null);
        YearMonth to = months.points().stream().filter(TrendResult.Point::complete).map(p -> YearMonth.parse(p.period()))
                .max(YearMonth::compareTo).orElse(null);
        if (rolling > 1 && to != null) {
            // The gaps of a rolling measure are those of its latest complete window, as its headline.
            from = to.minusMonths(rolling - 1L);
        }
        BreakdownResult.Row cohort = null;
        TrendResult.Point latest = quarters.latestComplete().orElse(null);
        if (measure.targetCohort() != null && latest != null) {
            YearMonth[] quarter = quarterMonths(latest.period());
            cohort = breakdowns.cohortTotal(measureId, measure.targetCohort(), quarter[0], quarter[1], SUPPRESS);
        }
        return new MeasureStatus(measure, quarters, months, breakdown(breakdowns, measureId, Dimension.IMD_QUINTILE,
                from, to), breakdown(breakdowns, measureId, Dimension.ETHNIC_GROUP, from, to), cohort);
    }

    private static TrendResult upTo(TrendResult trend, YearMonth upTo) {
        if (upTo == null) {
            return trend;
        }
        java.util.List<TrendResult.Point> points = trend.points().stream()
                .filter(p -> !lastMonth(p.period()).isAfter(upTo)).toList();
        if (BoardMeasures.rollingMonths(trend.measure()) > 1) {
            // A measure read over rolling windows keeps saying so ("rolling 12 months" on its chart).
            return new TrendResult(trend.measure(), trend.by(), trend.suppressed(), trend.unit(), trend.target(),
                    trend.mean(), trend.variation(), trend.assurance(), points, trend.dataTo(), trend.chart(),
                    trend.rollingMonths(), trend.rebasedAt());
        }
        return new TrendResult(trend.measure(), trend.by(), trend.suppressed(), trend.unit(), trend.target(),
                trend.mean(), trend.variation(), trend.assurance(), points, trend.dataTo());
    }

    /** The last month of a month ({@code 2024-07}) or calendar quarter ({@code 2024-Q3}) label. */
    static YearMonth lastMonth(String period) {
        return period.contains("Q") ? quarterMonths(period)[1] : YearMonth.parse(period);
    }

    /** The first and last month of a calendar quarter label such as {@code 2024-Q3}. */
    static YearMonth[] quarterMonths(String quarter) {
        int year = Integer.parseInt(quarter.substring(0, 4));
        int q = Integer.parseInt(quarter.substring(quarter.indexOf('Q') + 1));
        YearMonth first = YearMonth.of(year, 3 * q - 2);
        return new YearMonth[] { first, first.plusMonths(2) };
    }

    private static BreakdownResult breakdown(BreakdownService breakdowns, String measureId, Dimension by,
            YearMonth from, YearMonth to) {
        return breakdowns.breakdown(new BreakdownRequest(measureId, by, null, from, to, Map.of(), SUPPRESS, null));
    }
}
