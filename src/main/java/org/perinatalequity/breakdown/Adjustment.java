package org.perinatalequity.breakdown;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a breakdown can be adjusted for ({@code adjust=} of DESIGN.md section 8). Each row then carries its indirectly
 * standardised ratio against the whole LMNS's own rates by stratum ({@link AgeAdjustment}).
 */
public enum Adjustment {

    /** The mother's age in completed years on the measure's event date, in the bands of {@link AgeAdjustment#BANDS}. */
    MATERNAL_AGE("maternal_age", "adjusted for maternal age");

    private final String id;
    private final String label;

    Adjustment(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The API's word. */
    public String id() {
        return id;
    }

    /** What a page or a map title says the figures are: "adjusted for maternal age". */
    public String label() {
        return label;
    }

    public static Optional<Adjustment> fromId(String id) {
        return Arrays.stream(values()).filter(a -> a.id.equals(id)).findFirst();
    }
}
