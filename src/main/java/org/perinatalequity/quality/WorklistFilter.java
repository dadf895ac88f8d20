package org.perinatalequity.quality;

import java.util.Optional;

/**
 * Which rows of a team's worklist to show.
 *
 * @param openOnly only open pregnancies (docs/data-quality.md, "Worklists": booked and not yet given birth, or given
 *        birth in the six weeks up to the data-to date); else every booking in the period
 * @param period the booking months
 */
public record WorklistFilter(boolean openOnly, Optional<QualityItem> item, Optional<Problem> problem, Period period,
        Optional<WorklistStatus> status) {

    /** Every booking loaded, every item, problem and status: the API's default cohort (DESIGN.md section 4). */
    public static WorklistFilter everyBooking() {
        return new WorklistFilter(false, Optional.empty(), Optional.empty(), Period.all(), Optional.empty());
    }

    /** Open pregnancies, everything else unfiltered: the page's default. */
    public static WorklistFilter openPregnancies() {
        return new WorklistFilter(true, Optional.empty(), Optional.empty(), Period.all(), Optional.empty());
    }
}
