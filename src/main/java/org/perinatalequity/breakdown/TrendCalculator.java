package org.perinatalequity.breakdown;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
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
        return TrendSeries.build(measure, period, counts, complete, coverage.dataTo(), suppress, chart, rollingMonths,
                rebase);
    }
}
