package org.perinatalequity.measures;

import java.util.List;
import java.util.Map;

import org.perinatalequity.stats.Polarity;
import org.jspecify.annotations.Nullable;

/**
 * A measure of the catalogue: metadata from {@code measures/<id>.json} and the SQL from {@code measures/<id>.sql}
 * that answers one row per unit counted in the denominator ({@code provider, mother_id, event_date,
 * numerator, booking_site, age_at_event}).
 *
 * @param multiplier 100 for a percentage, 1,000 for a rate per 1,000
 * @param target a target on the {@code unit} scale (e.g. 75 for 75%), or null
 * @param kind {@code outcome} or {@code data_quality}
 * @param rareEvent counts so small that values are hidden when the numerator is below 8 (disclosure rule); their
 *        trends are rolling 12-month rates by default
 * @param completeAfterDays days after a month's last day before every event of that month's denominator can have
 *        happened and been reported (neonatal_death 27: a baby born on the 31st can die up to 27 days later); a
 *        month is complete only when its last day plus these days is on or before the data-to date (0 by default)
 * @param source where the definition comes from: the national measure it follows ({@code "CQIM: CQIMPreterm"}) or
 *        {@code "Local definition"} (the default for an analyst's own measure)
 * @param exclusions what the denominator leaves out, in words, or null when the definition does not say
 * @param gapDimensions the dimensions whose equity gaps the board shows ({@code imd_quintile}, {@code ethnic_group});
 *        empty for data-quality measures, whose gaps are true by construction
 * @param targetCohort the women a plan target is set for, or null when the target (if any) is for everyone
 */
public record Measure(String id, String name, String description, String unit, double multiplier, Polarity polarity,
        @Nullable Double target, String numeratorLabel, String denominatorLabel, List<String> planItems,
        String eventDate, String kind, boolean rareEvent, String sql, int completeAfterDays, String source,
        String exclusions, List<String> gapDimensions, TargetCohort targetCohort) {

    /**
     * The cohort a target names: a woman belongs when any one of the dimensions takes one of its values (OR across
     * dimensions), e.g. Black, Asian or Mixed women or those in IMD deciles 1–2.
     *
     * @param any dimension id → accepted values, in file order
     */
    public record TargetCohort(Map<String, List<String>> any) {
    }
}
