package org.perinatalequity.breakdown;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.perinatalequity.breakdown.query.BreakdownQuery;
import org.perinatalequity.breakdown.query.GroupCount;
import org.perinatalequity.measures.CompletePeriods;
import org.perinatalequity.measures.Dimension;
import org.perinatalequity.measures.Measure;
import org.perinatalequity.stats.Spc;
import org.perinatalequity.stats.SpcInput;
import org.perinatalequity.stats.SpcResult;

/**
 * A measure over time with a Making Data Count p chart: each period's proportion against process limits
 * p̄ ± 3√(p̄(1−p̄)/nᵢ), special-cause points, and the variation and assurance icons (against the target).
 * When suppressed, periods with 1–7 events are hidden from the points; the chart reading always uses the true
 * counts of the complete periods ({@link CompletePeriods}), so it is the same for every caller.
 */
final class TrendCalculator {

    private final BreakdownQuery query;
    private final CompletePeriods completePeriods;

    TrendCalculator(BreakdownQuery query, CompletePeriods completePeriods) {
        this.query = query;
        this.completePeriods = completePeriods;
    }

    TrendResult trend(Measure measure, Dimension period, Map<Dimension, List<String>> filters, boolean suppress) {
        YearMonth[] range = query.range(measure.id()).orElse(null);
        CompletePeriods.Coverage coverage = completePeriods.coverage();
        if (range == null) {
            return new TrendResult(measure.id(), period.id(), suppress, measure.unit(), measure.target(), null, null,
                    null, List.of(), coverage.dataTo());
        }
        List<GroupCount> counts = query.count(measure.id(), period, null, range[0].atDay(1), range[1].atEndOfMonth(),
                filters).stream().sorted(java.util.Comparator.comparing(GroupCount::group)).toList();
        List<BreakdownResult.Row> rows = new ArrayList<>();
        List<Double> events = new ArrayList<>();
        List<Double> totals = new ArrayList<>();
        List<Integer> charted = new ArrayList<>();
        List<Boolean> complete = new ArrayList<>();
        for (GroupCount c : counts) {
            RowStatistics.Published published = RowStatistics.publish(c.numerator(), c.denominator(), suppress);
            BreakdownResult.Row row = RowStatistics.row(c.group(), null, c.numerator(), c.denominator(), published,
                    measure, suppress);
            rows.add(row);
            boolean inside = coverage.covers(period, c.group());
            complete.add(inside);
            // The chart is read on the true counts of complete periods: disclosure rounding changes what is
            // displayed, never what is tested, and a part period is no evidence of change.
            if (inside && c.denominator() > 0) {
                charted.add(rows.size() - 1);
                events.add((double) c.numerator());
                totals.add((double) c.denominator());
            }
        }
        SpcResult spc = charted.size() >= 2 ? Spc.calculate(SpcInput.p(events, totals, improvement(measure))
                .withTarget(measure.target() == null ? null : measure.target() / measure.multiplier())) : null;
        List<TrendResult.Point> points = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            BreakdownResult.Row r = rows.get(i);
            int at = charted.indexOf(i);
            SpcResult.Point p = spc == null || at < 0 ? null : spc.points().get(at);
            double m = measure.multiplier();
            points.add(new TrendResult.Point(r.group(), r.numerator(), r.denominator(), r.value(), r.lower95(),
                    r.upper95(), p == null ? null : p.lowerLimit() * m, p == null ? null : p.upperLimit() * m,
                    p == null ? null : p.type().label(), r.suppressed(), complete.get(i)));
        }
        return new TrendResult(measure.id(), period.id(), suppress, measure.unit(), measure.target(),
                spc == null ? null : spc.mean() * measure.multiplier(),
                spc == null ? null : spc.variation().label(),
                spc == null || spc.assurance() == null ? null : spc.assurance().label(), points, coverage.dataTo());
    }

    private static SpcInput.Improvement improvement(Measure measure) {
        return switch (measure.polarity()) {
            case higher_is_better -> SpcInput.Improvement.INCREASE;
            case lower_is_better -> SpcInput.Improvement.DECREASE;
            case none -> SpcInput.Improvement.NEITHER;
        };
    }
}
