package org.perinatalequity.quality;

import java.time.LocalDate;

/**
 * One thing for a community team to fix: a woman (by her local patient identifier, never her NHS number), the item
 * and what is wrong with it. The booking date is the earliest booking in the period whose record shows the problem:
 * the record has needed fixing at least since then.
 */
public record WorklistRow(String localPatientId, LocalDate bookingDate, QualityItem item, Problem problem) {
}
