package org.perinatalequity.stats;

import java.util.Locale;

/** The benchmark comparison labels of DESIGN.md section 4, named as in Fingertips (Same → similar, None → not_compared). */
public enum Comparison {
    BEST, BETTER, SIMILAR, WORSE, WORST, HIGHER, LOWER, NOT_COMPARED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
