package org.perinatalequity.demodata;

import java.time.LocalDate;
import java.util.List;

/**
 * The clinical course of one pregnancy, decided before any row is written so that every table tells the same story.
 *
 * @param gestationAtBooking days; EDDAgreed = booking date + 280 − this
 * @param labourOnset        LabourOnsetMethod, blank for a caesarean before labour
 * @param smokingBooking     SNOMED finding at booking, or null when no smoking activity was recorded
 * @param smokingDelivery    SNOMED finding at delivery, or null when none was recorded
 * @param tearFinding        SNOMED perineal tear finding, or null (caesarean, intact perineum)
 */
record Pregnancy(String id, String deliveryId, Mother mother, int age, LocalDate bookingDate,
        int gestationAtBooking, LocalDate birthDate, int gestation, List<Baby> babies, String deliveryMethod,
        String presentation, String labourOnset, LocalDate labourOnsetDate, String setting,
        String smokingBooking, String smokingDelivery, int bloodLossMl, String tearFinding, int previousLiveBirths,
        int previousStillBirths, int previousCaesareans, int previousLosses, String folicAcid,
        boolean continuityOfCarer, boolean personalisedCarePlan) {

    LocalDate edd() {
        return bookingDate.plusDays(280L - gestationAtBooking);
    }

    boolean caesarean() {
        return "7".equals(deliveryMethod) || "8".equals(deliveryMethod);
    }

    boolean lateBooker() {
        return gestationAtBooking > 90;
    }

    boolean nulliparous() {
        return previousLiveBirths == 0 && previousStillBirths == 0;
    }
}
