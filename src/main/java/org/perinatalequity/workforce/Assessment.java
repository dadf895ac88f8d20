package org.perinatalequity.workforce;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a relative likelihood's 95% interval says against the equitable band (DESIGN.md section 8). Every indicator's
 * likelihood is put so that above 1 is to BME staff's disadvantage, so: adverse when the whole interval lies above the
 * band, favourable when it lies wholly below, equitable when it reaches into the band (no clear disparity beyond it),
 * not_assessed when there is no interval (a zero or missing count, counts too small to show, or indicators 1 and 9,
 * which are shares, not likelihoods).
 */
public enum Assessment {
    EQUITABLE("equitable"), ADVERSE("adverse"), FAVOURABLE("favourable"), NOT_ASSESSED("not_assessed");

    private final String label;

    Assessment(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }
}
