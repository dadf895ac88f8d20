package org.perinatalequity.board;

import org.perinatalequity.breakdown.BreakdownResult;
import org.perinatalequity.breakdown.TrendResult;
import org.perinatalequity.measures.Measure;

/**
 * Where a measure that tracks an intervention stands: its quarterly values (the latest is the headline), its monthly
 * SPC reading and its deprivation quintiles (for the gap). All disclosure-controlled.
 */
public record MeasureStatus(Measure measure, TrendResult quarters, TrendResult months, BreakdownResult quintiles) {
}
