package org.perinatalequity.breakdown;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.perinatalequity.measures.Dimension;

/**
 * A breakdown to compute: a measure by one or two dimensions over a period (whole months, inclusive; null = all
 * loaded data), with filters (dimension → accepted values), suppression, and an optional reference group
 * (a value of {@code by}) for rate ratios.
 */
public record BreakdownRequest(String measureId, Dimension by, Dimension by2, YearMonth from, YearMonth to,
        Map<Dimension, List<String>> filters, boolean suppress, String reference) {

    public BreakdownRequest {
        filters = Map.copyOf(filters);
    }
}
