package org.perinatalequity.breakdown;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.perinatalequity.measures.Dimension;
import org.perinatalequity.quality.GateResult;
import org.perinatalequity.quality.Period;
import org.perinatalequity.quality.QualityService;

/**
 * The data-quality reading of a breakdown: the measure's gates for the whole selection and, for rows by team, booking
 * site or provider, for every row, in one grouped query (docs/data-quality.md).
 */
final class BreakdownGates {

    /** Dimensions whose groups are checked one by one: the ones data quality is managed by. */
    private static final Set<Dimension> PER_GROUP_GATES = EnumSet.of(Dimension.TEAM, Dimension.BOOKING_SITE,
            Dimension.PROVIDER);

    private final QualityService quality;

    BreakdownGates(QualityService quality) {
        this.quality = quality;
    }

    /** Failures for the selection first, then per group in {@code groups}' order (the rows' order). */
    BreakdownResult.DataQuality dataQuality(BreakdownRequest request, List<String> groups, Period period) {
        // Quality items are filtered on single values only: a filter of several values cannot narrow them.
        Map<Dimension, String> filters = new EnumMap<>(Dimension.class);
        request.filters().forEach((d, values) -> {
            if (values.size() == 1) {
                filters.put(d, values.get(0));
            }
        });
        List<Dimension> dimensions = request.by2() == null ? List.of(request.by()) : List.of(request.by(), request.by2());
        List<BreakdownResult.GateFailure> failures = new ArrayList<>();
        failures(null, quality.evaluate(request.measureId(), dimensions, filters, period), failures);
        if (PER_GROUP_GATES.contains(request.by())) {
            quality.evaluateByGroup(request.measureId(), dimensions, filters, period, request.by(), groups)
                    .forEach((group, result) -> failures(group, result, failures));
        }
        return new BreakdownResult.DataQuality(failures.isEmpty(), List.copyOf(failures));
    }

    private static void failures(String group, GateResult result, List<BreakdownResult.GateFailure> out) {
        result.checks().stream().filter(c -> !c.passed()).forEach(c -> out.add(new BreakdownResult.GateFailure(group,
                c.item().id(), c.validPercent(), c.minValidPercent())));
    }
}
