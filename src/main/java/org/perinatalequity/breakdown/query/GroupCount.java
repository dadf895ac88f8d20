package org.perinatalequity.breakdown.query;

/** Unrounded counts of one group (and second group) of a breakdown. */
public record GroupCount(String group, String group2, long numerator, long denominator) {
}
