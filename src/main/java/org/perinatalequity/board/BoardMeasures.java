package org.perinatalequity.board;

import java.util.List;
import java.util.Map;

/** The board overview's key measures, in the order the board reads them. */
public final class BoardMeasures {

    public static final List<String> KEY = List.of("continuity_of_carer", "early_booking", "smoking_delivery",
            "breastmilk_first_feed", "preterm", "stillbirth", "pcsp_recorded", "did_not_attend", "ethnicity_recorded",
            "postcode_linked", "pmh_access");

    /**
     * Measures the board reads over rolling windows rather than quarters and months, with the window in months:
     * perinatal mental health access counts the women in contact over 12 months (NHS England's MHS91), and its 10%
     * target is for a year; a month's or a quarter's women over that period's births would not compare with it.
     */
    static final Map<String, Integer> ROLLING_MONTHS = Map.of("pmh_access", 12);

    /** The rolling window the board reads a measure over: 1 (plain quarters and months) unless listed above. */
    public static int rollingMonths(String measureId) {
        return ROLLING_MONTHS.getOrDefault(measureId, 1);
    }

    private BoardMeasures() {
    }
}
