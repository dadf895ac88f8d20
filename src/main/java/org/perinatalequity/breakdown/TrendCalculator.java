package org.perinatalequity.breakdown;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.perinatalequity.breakdown.query.BreakdownQuery;
import org.perinatalequity.breakdown.query.GroupCount;
import org.perinatalequity.measures.CompletePeriods;
import org.perinatalequity.measures.Dimension;
import org.perinatalequity.measures.Measure;
import org.perinatalequity.stats.SpcInput.Chart;

/**
 * A measure over time with a Making Data Count chart ({@link TrendSeries}): the counts of each period under the
 * filters, and which periods are complete ({@link CompletePeriods}), judged once per data version on the measure's
 * whole-LMNS monthly series so that every group, filter and caller agrees.
 */
final class TrendCalculator {

    private final BreakdownQuery query;
    private final CompletePeriods completePeriods;
    private final ResultCache<String, NavigableSet<YearMonth>> completeMonths = new ResultCache<>(100);

    TrendCalculator(BreakdownQuery query, CompletePeriods completePeriods) {
        this.query = query;
        this.completePeriods = completePeriods;
    }

    TrendResult trend(Measure measure, Dimension period, Map<Dimension, List<String>> filters, boolean suppress,
            Chart chart, int rollingMonths, TrendSeries.Rebase rebase, Object dataVersion) {
        YearMonth[] range = query.range(measure.id()).orElse(null);
        CompletePeriods.Coverage coverage = completePeriods.coverage();
        if (range == null) {
            return new TrendResult(measure.id(), period.id(), suppress, measure.unit(), measure.target(), null, null,
                    null, List.of(), coverage.dataTo(), chart.label(), rollingMonths, List.of());
        }
        NavigableSet<YearMonth> complete = completeMonths.get(dataVersion, measure.id(), () -> {
            List<GroupCount> lmns = query.count(measure.id(), Dimension.MONTH, null, range[0].atDay(1),
                    range[1].atEndOfMonth(), Map.of());
            return new TreeSet<>(CompletePeriods.completeMonths(coverage, measure, TrendSeries.denominators(lmns)));
        });
        Dimension counted = rollingMonths > 1 ? Dimension.MONTH : period;
        List<GroupCount> counts = query.count(measure.id(), counted, null, range[0].atDay(1), range[1].atEndOfMonth(),
                filters);
        Map<YearMonth, GroupCount> windows = rollingMonths > 1 && query.countsWomen(measure.id())
                ? womenWindows(measure, counts, rollingMonths, filters) : null;
        return TrendSeries.build(measure, period, counts, windows, complete, coverage.dataTo(), suppress, chart,
                rollingMonths, rebase);
    }

    /**
     * The distinct women of each rolling window of a measure that counts women: a woman seen in several months of a
     * window is one woman of it, so the window cannot be the sum of its months. Null when there are no months.
     */
    private Map<YearMonth, GroupCount> womenWindows(Measure measure, List<GroupCount> monthly, int rollingMonths,
            Map<Dimension, List<String>> filters) {
        TreeSet<YearMonth> months = new TreeSet<>();
        monthly.forEach(c -> months.add(YearMonth.parse(c.group())));
        Map<YearMonth, GroupCount> windows = new TreeMap<>();
        YearMonth firstEnd = months.isEmpty() ? null : months.first().plusMonths(rollingMonths - 1L);
        if (firstEnd == null || firstEnd.isAfter(months.last())) {
            return windows;
        }
        for (GroupCount c : query.rollingWomen(measure.id(), rollingMonths, firstEnd, months.last(), filters)) {
            windows.put(YearMonth.parse(c.group()), c);
        }
        return windows;
    }
}
