package org.perinatalequity.measures;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

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
 * @param counts what the numerator and denominator count: {@link Counting#EVENTS} (the rows, the default) or
 *        {@link Counting#WOMEN} (distinct women over the period, JSON {@code "counts": "women"})
 */
public record Measure(String id, String name, String description, String unit, double multiplier, Polarity polarity,
        @Nullable Double target, String numeratorLabel, String denominatorLabel, List<String> planItems,
        String eventDate, String kind, boolean rareEvent, String sql, int completeAfterDays, String source,
        String exclusions, List<String> gapDimensions, TargetCohort targetCohort, @JsonIgnore Counting counts) {

    /** A measure that counts its rows (events), as every measure did before {@link Counting#WOMEN}. */
    public Measure(String id, String name, String description, String unit, double multiplier, Polarity polarity,
            @Nullable Double target, String numeratorLabel, String denominatorLabel, List<String> planItems,
            String eventDate, String kind, boolean rareEvent, String sql, int completeAfterDays, String source,
            String exclusions, List<String> gapDimensions, TargetCohort targetCohort) {
        this(id, name, description, unit, multiplier, polarity, target, numeratorLabel, denominatorLabel, planItems,
                eventDate, kind, rareEvent, sql, completeAfterDays, source, exclusions, gapDimensions, targetCohort,
                Counting.EVENTS);
    }

    /** {@code "women"} in the catalogue's JSON for a count-distinct measure; absent for the usual ones. */
    @JsonProperty("counts")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public @Nullable String countsLabel() {
        return counts == Counting.WOMEN ? counts.label() : null;
    }

    /**
     * What a measure counts. {@code EVENTS}: each row of its SQL is a denominator unit with a numerator flag, and a
     * breakdown sums them. {@code WOMEN}: each row is one event of a woman (her key is the fact's {@code unit_key}),
     * flagged as counting for the numerator, the denominator or both; a breakdown counts the distinct women of each,
     * once over the whole period (a woman with contacts in three months is one woman), so the numerator need not be a
     * subset of the denominator (women seen ÷ women who gave birth).
     */
    public enum Counting {
        EVENTS("events"), WOMEN("women");

        private final String label;

        Counting(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static java.util.Optional<Counting> fromLabel(String label) {
            return java.util.Arrays.stream(values()).filter(c -> c.label.equals(label)).findFirst();
        }
    }

    /**
     * The cohort a target names: a woman belongs when any one of the dimensions takes one of its values (OR across
     * dimensions), e.g. Black, Asian or Mixed women or those in IMD deciles 1–2.
     *
     * @param any dimension id → accepted values, in file order
     */
    public record TargetCohort(Map<String, List<String>> any) {
    }
}
