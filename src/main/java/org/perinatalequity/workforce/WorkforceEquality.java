package org.perinatalequity.workforce;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Everything the Workforce equality page shows for one year: the nine indicators, indicator 1 by band, the BME share
 * of the workforce against the community served (births by ethnic group from MSDS over the same April to March, null
 * without maternity data), cultural-competency completion and leadership programmes (staff-level data only), and the
 * equitable band the words are based on.
 */
public record WorkforceEquality(WresYear wres, List<BandRow> bands, @Nullable Double workforceBmePercent,
        @Nullable Double communityBmePercent, List<CompletionRow> culturalCompetency, List<LeadershipRow> leadership,
        double equitableLower, double equitableUpper, double culturalCompetencyTarget, boolean staffLevel) {
}
