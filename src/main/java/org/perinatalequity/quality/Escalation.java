package org.perinatalequity.quality;

import java.time.YearMonth;

/**
 * A team or booking site whose valid percentage for an item was below its threshold in each of its last
 * {@code months} complete months with records, up to {@code latestMonth}.
 *
 * @param since the first month of the run below threshold
 * @param valid valid records in the latest month
 * @param denominator records in the latest month
 * @param escalated the run has reached the escalation rule's length ({@code equity.quality.escalation-months})
 */
public record Escalation(Level level, String group, QualityItem item, double threshold, int months, YearMonth since,
        YearMonth latestMonth, long valid, long denominator, boolean escalated) {

    /** Who is escalated: a community team or a booking site. */
    public enum Level {
        TEAM("team"), BOOKING_SITE("booking_site");

        private final String id;

        Level(String id) {
            this.id = id;
        }

        @com.fasterxml.jackson.annotation.JsonValue
        public String id() {
            return id;
        }
    }

    /** The latest month's valid percentage. */
    public Double latestPercent() {
        return denominator == 0 ? null : 100.0 * valid / denominator;
    }
}
