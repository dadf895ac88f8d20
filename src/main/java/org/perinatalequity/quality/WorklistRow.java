package org.perinatalequity.quality;

import java.time.LocalDate;

/**
 * One thing for a community team to fix: a woman (by her local patient identifier, never her NHS number), the item
 * and what is wrong with it, from her latest booking in the cohort whose record shows the problem, with that
 * pregnancy's EDD and the care professional of its latest care plan (MSD102 CareProfLID, a local identifier: the
 * extract carries no names), and what the team has said about it.
 *
 * @param edd MSD101 EDDAgreed, or null
 * @param midwife MSD102 CareProfLID of the pregnancy's latest care plan naming one, or null
 * @param newSinceLastLoad the record appeared, or its problem arose, with the latest load
 * @param note the team's note, or null
 */
public record WorklistRow(String localPatientId, LocalDate bookingDate, QualityItem item, Problem problem,
        LocalDate edd, String midwife, boolean newSinceLastLoad, WorklistStatus status, String note) {

    public WorklistRow {
        status = status == null ? WorklistStatus.TO_FIX : status;
    }
}
