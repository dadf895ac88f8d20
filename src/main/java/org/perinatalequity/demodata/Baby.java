package org.perinatalequity.demodata;

import java.time.LocalDate;

/**
 * One baby of a delivery.
 *
 * @param outcome   PregOutcome: 01 live, 02 antepartum, 03 intrapartum, 04 indeterminate stillbirth
 * @param apgar5    5-minute Apgar, or -1 when none is recorded (stillbirths)
 * @param firstFeed BabyFirstFeedIndCode, blank for stillbirths
 * @param deathDate neonatal death date (0–27 days), or null
 */
record Baby(String lpid, String nhsNumber, int birthOrder, String outcome, String sex, String birthTime,
        int weightGrams, int apgar5, String firstFeed, LocalDate deathDate) {

    boolean live() {
        return "01".equals(outcome);
    }
}
