package org.perinatalequity.workforce;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One group (staff in post, the board's voting members, the Maternity Voices Partnership's members) against the
 * community served, by ethnic group of known ethnicity: its shares with Goodman simultaneous 95% intervals, ratio to and
 * gap from the share of births ({@code stats/Representation}), and the test of the whole distribution (exact
 * multinomial when an expected count is under 5, χ² otherwise). For every role but WORKFORCE it is hidden whole when a
 * category count would identify fewer people than the threshold, and a small count of members of unknown ethnicity is
 * hidden.
 *
 * @param id the group as the API names it: staff, board, mvp
 * @param members members of known ethnicity (null when hidden)
 * @param notKnown members whose ethnicity is not known, left out of the shares (null when hidden)
 */
public record RepresentationRow(String id, String group, @Nullable Double members, @Nullable Double notKnown,
        List<Share> categories, @Nullable String test, @Nullable Double pValue, boolean suppressed) {

    /** One ethnic group: percentages and percentage points. */
    public record Share(String category, double percent, double lower, double upper, double communityPercent,
            double ratio, double gap) {
    }
}
