package org.perinatalequity.board;

import java.util.Map;

import org.perinatalequity.breakdown.BreakdownRequest;
import org.perinatalequity.breakdown.BreakdownResult;
import org.perinatalequity.breakdown.BreakdownService;
import org.perinatalequity.breakdown.TrendResult;
import org.perinatalequity.measures.Dimension;
import org.perinatalequity.measures.Measure;

/**
 * Where a measure stands, as the board card and the action plan show it: its quarterly values (the latest is the
 * headline), its monthly SPC reading, and its deprivation quintiles and ethnic groups (for the gaps). All
 * disclosure-controlled, whoever asks.
 */
public record MeasureStatus(Measure measure, TrendResult quarters, TrendResult months, BreakdownResult quintiles,
        BreakdownResult ethnicity) {

    private static final boolean SUPPRESS = true;

    /** The one set of requests behind a card or a plan row, so the background warm-up fills the same cache. */
    public static MeasureStatus of(BreakdownService breakdowns, String measureId) {
        return new MeasureStatus(breakdowns.measure(measureId),
                breakdowns.trend(measureId, Dimension.QUARTER, Map.of(), SUPPRESS),
                breakdowns.trend(measureId, Dimension.MONTH, Map.of(), SUPPRESS),
                breakdown(breakdowns, measureId, Dimension.IMD_QUINTILE),
                breakdown(breakdowns, measureId, Dimension.ETHNIC_GROUP));
    }

    private static BreakdownResult breakdown(BreakdownService breakdowns, String measureId, Dimension by) {
        return breakdowns.breakdown(new BreakdownRequest(measureId, by, null, null, null, Map.of(), SUPPRESS, null));
    }
}
