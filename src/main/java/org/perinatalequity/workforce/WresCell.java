package org.perinatalequity.workforce;

import org.jspecify.annotations.Nullable;

/**
 * One count of the aggregate form every WRES indicator is computed from, whichever layout it was loaded in (a row of
 * the aggregate return WRK401, or counted from the staff-level files): for an indicator, an ethnic group and
 * (indicator 1) a band, the numerator and its denominator.
 * <ul>
 * <li>1: numerator = headcount at the snapshot in the band; no denominator</li>
 * <li>2: appointed from shortlisting ÷ shortlisted</li>
 * <li>3: entered a formal disciplinary investigation ÷ headcount</li>
 * <li>4: accessed non-mandatory training or CPD ÷ headcount</li>
 * <li>5–8: respondents answering so (the published percentage × respondents) ÷ respondents</li>
 * <li>9: voting board members; no denominator</li>
 * </ul>
 */
public record WresCell(int indicator, WresGroup group, @Nullable String band, double numerator,
        @Nullable Double denominator) {

    public WresCell {
        if (indicator < 1 || indicator > 9) {
            throw new IllegalArgumentException("WRES indicators are 1 to 9, not " + indicator);
        }
    }
}
