package org.perinatalequity.workforce;

import org.jspecify.annotations.Nullable;

/**
 * Leadership programmes for one ethnic group: places taken in the year, the eligible pool (staff in post in the
 * leadership bands), the group's share of places and of the pool (of known ethnicity), and the percentage of those on a
 * programme promoted within 6 and 12 months of its start.
 */
public record LeadershipRow(String group, @Nullable Double places, @Nullable Double pool,
        @Nullable Double placesShare, @Nullable Double poolShare, @Nullable Double promotedWithin6Months,
        @Nullable Double promotedWithin12Months, boolean suppressed) {
}
