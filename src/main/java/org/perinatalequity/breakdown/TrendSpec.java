package org.perinatalequity.breakdown;

import java.time.YearMonth;
import java.util.List;

import org.perinatalequity.measures.Dimension;
import org.perinatalequity.measures.Measure;
import org.perinatalequity.stats.SpcInput.Chart;

import org.jspecify.annotations.Nullable;

/**
 * How a trend is charted (docs/statistics.md, "SPC on the board"): the chart (Making Data Count's XmR of the rates by
 * default; a p chart or Laney's p′ only when chosen), a rolling window in months (rare events default to 12 months
 * by month) and the months at which the chart is rebased. A null field takes the measure's default: XmR, rolling 12
 * for a rare event by month (1 otherwise), the rebase months of the setting {@code equity.spc.rebase.<measureId>}.
 *
 * @param rollingMonths months summed into each point ending in its month; 1 for plain months
 * @param rebaseAt months whose first complete point starts a new period with its own mean and limits
 */
public record TrendSpec(Chart chart, @Nullable Integer rollingMonths, List<YearMonth> rebaseAt) {

    /** The longest rolling window accepted: two years. */
    public static final int MAX_ROLLING_MONTHS = 24;

    /** The rolling window rare events are read over by default (Making Data Count: rare events as rolling rates). */
    public static final int RARE_EVENT_ROLLING_MONTHS = 12;

    public TrendSpec {
        rebaseAt = rebaseAt == null ? null : List.copyOf(rebaseAt);
    }

    /** Every field the measure's default. */
    public static TrendSpec defaults() {
        return new TrendSpec(null, null, null);
    }

    public TrendSpec withChart(Chart newChart) {
        return new TrendSpec(newChart, rollingMonths, rebaseAt);
    }

    public TrendSpec withRollingMonths(Integer months) {
        return new TrendSpec(chart, months, rebaseAt);
    }

    public TrendSpec withRebaseAt(List<YearMonth> months) {
        return new TrendSpec(chart, rollingMonths, months);
    }

    /** The spec with every default filled in for one measure and period: what a trend is computed (and cached) by. */
    record Options(Chart chart, int rollingMonths, TrendSeries.Rebase rebase) {
    }

    /**
     * Fills in the defaults and checks the combination.
     *
     * @param configuredRebase the months the measure's setting rebases at, used when the spec names none
     * @throws InvalidRequestException for a period that is not month, quarter or financial year, or a rolling window
     *         out of range or not by month
     */
    Options resolve(Measure measure, Dimension period, List<YearMonth> configuredRebase) {
        if (period != Dimension.MONTH && period != Dimension.QUARTER && period != Dimension.FINANCIAL_YEAR) {
            throw new InvalidRequestException("Parameter 'by': a trend is by month, quarter or financial_year, not '"
                    + period.id() + "'");
        }
        int rolling = rollingMonths != null ? rollingMonths
                : measure.rareEvent() && period == Dimension.MONTH ? RARE_EVENT_ROLLING_MONTHS : 1;
        if (rolling < 1 || rolling > MAX_ROLLING_MONTHS) {
            throw new InvalidRequestException("Parameter 'rolling': a number of months from 1 to "
                    + MAX_ROLLING_MONTHS + ", not " + rolling);
        }
        if (rolling > 1 && period != Dimension.MONTH) {
            throw new InvalidRequestException("Parameter 'rolling': rolling rates are by=month only, not by="
                    + period.id());
        }
        TrendSeries.Rebase rebase = rebaseAt != null ? new TrendSeries.Rebase(rebaseAt, true)
                : new TrendSeries.Rebase(configuredRebase, false);
        return new Options(chart == null ? Chart.XMR : chart, rolling, rebase);
    }
}
