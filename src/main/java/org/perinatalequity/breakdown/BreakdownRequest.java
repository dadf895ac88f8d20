package org.perinatalequity.breakdown;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.perinatalequity.measures.Dimension;

/**
 * A breakdown to compute: a measure by one or two dimensions over a period (whole months, inclusive; null = all
 * loaded data), with filters (dimension → accepted values), suppression, and an optional reference group
 * (a value of {@code by}) for rate ratios, or an adjustment (null for none) that gives every row its standardised
 * ratio instead.
 */
public record BreakdownRequest(String measureId, Dimension by, Dimension by2, YearMonth from, YearMonth to,
        Map<Dimension, List<String>> filters, boolean suppress, String reference, Adjustment adjust) {

    public BreakdownRequest {
        filters = Map.copyOf(filters);
    }

    /** A crude breakdown (no adjustment). */
    public BreakdownRequest(String measureId, Dimension by, Dimension by2, YearMonth from, YearMonth to,
            Map<Dimension, List<String>> filters, boolean suppress, String reference) {
        this(measureId, by, by2, from, to, filters, suppress, reference, null);
    }

    /** The same breakdown with suppression on. */
    BreakdownRequest suppressed() {
        return new BreakdownRequest(measureId, by, by2, from, to, filters, true, reference, adjust);
    }
}
