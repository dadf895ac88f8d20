package org.perinatalequity.stats;

import java.util.Locale;

/** The benchmark comparison labels of DESIGN.md section 4, named as in Fingertips (Same → similar, None → not_compared). */
public enum Comparison {
    BEST, BETTER, SIMILAR, WORSE, WORST, HIGHER, LOWER, NOT_COMPARED;

    /** The contract's label, e.g. {@code not_compared}: JSON writes it (system/api/StatsJsonModule). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The label of a comparison that may be absent (null for none), as charts and tables read it. */
    public static String label(Comparison comparison) {
        return comparison == null ? null : comparison.label();
    }
}
