package org.perinatalequity.breakdown.query;

/**
 * The counts of one group (and second group) in one maternal age band: {@code numerator}/{@code denominator} of the
 * records the breakdown's filters keep, {@code referenceNumerator}/{@code referenceDenominator} of every record of
 * the measure in the period, whatever the filters (the LMNS's own rates, the standard of the adjustment).
 */
public record AgeBandCount(String group, String group2, String band, long numerator, long denominator,
        long referenceNumerator, long referenceDenominator) {
}
