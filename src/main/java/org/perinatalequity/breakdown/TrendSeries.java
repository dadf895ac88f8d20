package org.perinatalequity.breakdown;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.perinatalequity.breakdown.query.GroupCount;
import org.perinatalequity.measures.CompletePeriods;
import org.perinatalequity.measures.Dimension;
import org.perinatalequity.measures.Measure;
import org.perinatalequity.stats.Spc;
import org.perinatalequity.stats.SpcInput;
import org.perinatalequity.stats.SpcInput.Chart;
import org.perinatalequity.stats.SpcResult;

import org.jspecify.annotations.Nullable;

/**
 * A trend from its counts, with no database: periods (or rolling windows), which are complete, the published values
 * and the SPC reading. The chart reads the true counts of the complete periods only, whatever the suppression:
 * disclosure rounding changes what is displayed, never what is tested, and a part period is no evidence of change.
 */
final class TrendSeries {

    private TrendSeries() {
    }

    /**
     * The months the chart is rebased at: from the caller (an error when one cannot start a period of two points
     * after a period of two) or from the setting (such a month is left out: an intervention too recent to chart).
     */
    record Rebase(List<YearMonth> months, boolean asked) {
        static Rebase none() {
            return new Rebase(List.of(), false);
        }
    }

    /**
     * @param counts the counts of each period label of {@code period} (of each month when rolling), unrounded
     * @param completeMonths the complete months of the measure's whole-LMNS series
     * @param rollingMonths 1, or the months summed into each point (by month only)
     */
    static TrendResult build(Measure measure, Dimension period, List<GroupCount> counts, Set<YearMonth> completeMonths,
            LocalDate dataTo, boolean suppress, Chart chart, int rollingMonths, Rebase rebase) {
        return build(measure, period, counts, null, completeMonths, dataTo, suppress, chart, rollingMonths, rebase);
    }

    /**
     * @param windows for a rolling trend of a measure that counts women, each window's own distinct counts by its end
     *        month (a woman seen in two of its months is one woman); null to sum the months of each window
     */
    static TrendResult build(Measure measure, Dimension period, List<GroupCount> counts,
            @Nullable Map<YearMonth, GroupCount> windows, Set<YearMonth> completeMonths, LocalDate dataTo,
            boolean suppress, Chart chart, int rollingMonths, Rebase rebase) {
        List<Period> periods = rollingMonths > 1 ? rolling(counts, windows, completeMonths, rollingMonths)
                : counts.stream().sorted(java.util.Comparator.comparing(GroupCount::group))
                        .map(c -> new Period(c.group(), c.numerator(), c.denominator(),
                                completeMonths.containsAll(CompletePeriods.months(period, c.group())),
                                CompletePeriods.months(period, c.group()).get(0)))
                        .toList();
        List<Integer> charted = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<Double> events = new ArrayList<>();
        List<Double> totals = new ArrayList<>();
        double m = measure.multiplier();
        for (int i = 0; i < periods.size(); i++) {
            Period p = periods.get(i);
            if (p.complete() && p.denominator() > 0) {
                charted.add(i);
                values.add(p.numerator() * m / p.denominator());
                events.add((double) p.numerator());
                totals.add((double) p.denominator());
            }
        }
        List<Integer> rebaseAt = rebaseIndexes(periods, charted, rebase);
        SpcResult spc = null;
        if (charted.size() >= 2) {
            SpcInput.Improvement improvement = improvement(measure);
            SpcInput input = chart == Chart.XMR ? SpcInput.xmr(values, improvement).withTarget(measure.target())
                    : SpcInput.p(events, totals, improvement).withChart(chart)
                            .withTarget(measure.target() == null ? null : measure.target() / m);
            spc = Spc.calculate(input.withRebaseAt(rebaseAt));
        }
        // XmR charts the rates on the measure's scale; p and p′ chart proportions.
        double scale = chart == Chart.XMR ? 1 : m;
        List<TrendResult.Point> points = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            Period p = periods.get(i);
            RowStatistics.Published published = RowStatistics.publish(p.numerator(), p.denominator(), suppress);
            BreakdownResult.Row r = RowStatistics.row(p.label(), null, p.numerator(), p.denominator(), published,
                    measure, suppress);
            int at = charted.indexOf(i);
            SpcResult.Point s = spc == null || at < 0 ? null : spc.points().get(at);
            points.add(new TrendResult.Point(r.group(), r.numerator(), r.denominator(), r.value(), r.lower95(),
                    r.upper95(), s == null ? null : s.lowerLimit() * scale, s == null ? null : s.upperLimit() * scale,
                    s == null ? null : s.type(), r.suppressed(), p.complete(),
                    s == null ? null : s.mean() * scale));
        }
        List<String> rebasedAt = rebaseAt.stream().map(i -> periods.get(charted.get(i)).label()).toList();
        return new TrendResult(measure.id(), period.id(), suppress, measure.unit(), measure.target(),
                spc == null ? null : spc.mean() * scale, spc == null ? null : spc.variation(),
                spc == null ? null : spc.assurance(), points, dataTo,
                chart.label(), rollingMonths, rebasedAt);
    }

    /** One period of the series: its label, true counts, completeness and first month. */
    private record Period(String label, long numerator, long denominator, boolean complete, YearMonth start) {
    }

    /**
     * A point for each month whose whole window lies in the data (the first {@code k − 1} months have no full
     * window and are not shown); complete when all {@code k} months are.
     */
    private static List<Period> rolling(List<GroupCount> monthly, @Nullable Map<YearMonth, GroupCount> windows,
            Set<YearMonth> completeMonths, int k) {
        TreeMap<YearMonth, long[]> byMonth = new TreeMap<>();
        for (GroupCount c : monthly) {
            byMonth.put(YearMonth.parse(c.group()), new long[] { c.numerator(), c.denominator() });
        }
        List<Period> out = new ArrayList<>();
        if (byMonth.isEmpty()) {
            return out;
        }
        for (YearMonth end = byMonth.firstKey().plusMonths(k - 1); !end.isAfter(byMonth.lastKey());
                end = end.plusMonths(1)) {
            long x = 0;
            long n = 0;
            boolean complete = true;
            for (YearMonth month = end.minusMonths(k - 1); !month.isAfter(end); month = month.plusMonths(1)) {
                long[] c = byMonth.getOrDefault(month, new long[2]);
                x += c[0];
                n += c[1];
                complete &= completeMonths.contains(month);
            }
            if (windows != null) {
                GroupCount w = windows.get(end);
                x = w == null ? 0 : w.numerator();
                n = w == null ? 0 : w.denominator();
            }
            out.add(new Period(end.toString(), x, n, complete, end));
        }
        return out;
    }

    /** Indexes into the charted points: the first charted point starting on or after each rebase month. */
    private static List<Integer> rebaseIndexes(List<Period> periods, List<Integer> charted, Rebase rebase) {
        List<Integer> out = new ArrayList<>();
        for (YearMonth month : rebase.months().stream().sorted().distinct().toList()) {
            int at = -1;
            for (int j = 0; j < charted.size(); j++) {
                if (!periods.get(charted.get(j)).start().isBefore(month)) {
                    at = j;
                    break;
                }
            }
            int previous = out.isEmpty() ? 0 : out.get(out.size() - 1);
            boolean fits = at >= 2 && at - previous >= 2 && charted.size() - at >= 2;
            if (fits) {
                out.add(at);
            } else if (rebase.asked()) {
                throw new InvalidRequestException("Parameter 'rebase': " + month + " must leave at least two complete "
                        + "points before it and after it (the trend has " + charted.size() + " complete points"
                        + (charted.isEmpty() ? "" : ", " + periods.get(charted.get(0)).label() + " to "
                                + periods.get(charted.get(charted.size() - 1)).label()) + ")");
            }
        }
        return out;
    }

    static SpcInput.Improvement improvement(Measure measure) {
        return switch (measure.polarity()) {
            case HIGHER_IS_BETTER -> SpcInput.Improvement.INCREASE;
            case LOWER_IS_BETTER -> SpcInput.Improvement.DECREASE;
            case NONE -> SpcInput.Improvement.NEITHER;
        };
    }

    /** Monthly denominators as the completeness rule reads them. */
    static Map<YearMonth, Long> denominators(List<GroupCount> monthly) {
        Map<YearMonth, Long> out = new TreeMap<>();
        for (GroupCount c : monthly) {
            out.merge(YearMonth.parse(c.group()), c.denominator(), Long::sum);
        }
        return out;
    }
}
