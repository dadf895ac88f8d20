package org.perinatalequity.board;

import java.util.List;

/** The board overview's key measures, in the order the board reads them. */
public final class BoardMeasures {

    public static final List<String> KEY = List.of("continuity_of_carer", "early_booking", "smoking_delivery",
            "breastmilk_first_feed", "preterm", "stillbirth", "pcsp_recorded", "did_not_attend", "ethnicity_recorded",
            "postcode_linked");

    private BoardMeasures() {
    }
}
