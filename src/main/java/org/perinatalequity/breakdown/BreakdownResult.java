package org.perinatalequity.breakdown;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import org.perinatalequity.stats.Comparison;

/**
 * The answer of {@code GET /api/measures/{id}/breakdown} (DESIGN.md section 4). Values and limits are unrounded
 * doubles on the measure's scale (% or per 1,000); rounding is for display.
 */
public record BreakdownResult(String measure, String by, @JsonInclude(JsonInclude.Include.NON_NULL) String by2,
        String from, String to, boolean suppressed, String unit, String imdVintage, Row total, List<Row> rows,
        Inequality inequality, DataQuality dataQuality) {

    /** A result without a data-quality reading (charts and tests built by hand). */
    public BreakdownResult(String measure, String by, String by2, String from, String to, boolean suppressed,
            String unit, String imdVintage, Row total, List<Row> rows, Inequality inequality) {
        this(measure, by, by2, from, to, suppressed, unit, imdVintage, total, rows, inequality, null);
    }

    /**
     * The data-quality gates the measure depends on (docs/data-quality.md): {@code passed} is false when an item
     * the measure or the breakdown needs is below its threshold for the whole selection, or for a group (rows by
     * team, booking site or provider are checked one by one); such results are flagged, not shown as fact.
     */
    public record DataQuality(boolean passed, List<GateFailure> failures) {
    }

    /** One item below its threshold; {@code group} is null for the whole selection. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GateFailure(String group, String item, Double validPercent, double threshold) {
    }

    /**
     * One group. {@code comparison} is the Fingertips label against the LMNS total. {@code ratio*} compare the
     * group with the reference group, when one was asked for.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({ "group", "groupName" })
    public record Row(String group, String group2, Double numerator, Double denominator, Double value, Double lower95,
            Double upper95, Double lower998, Double upper998, boolean suppressed, Comparison comparison,
            Double ratio, Double ratioLower95, Double ratioUpper95, String groupName,
            @JsonIgnore Adjusted adjusted) {

        /** A row without an adjustment (every breakdown but {@code adjust=}). */
        public Row(String group, String group2, Double numerator, Double denominator, Double value, Double lower95,
                Double upper95, Double lower998, Double upper998, boolean suppressed, Comparison comparison,
                Double ratio, Double ratioLower95, Double ratioUpper95, String groupName) {
            this(group, group2, numerator, denominator, value, lower95, upper95, lower998, upper998, suppressed,
                    comparison, ratio, ratioLower95, ratioUpper95, groupName, null);
        }

        /** A row of a dimension without names (or before its name is added). */
        public Row(String group, String group2, Double numerator, Double denominator, Double value, Double lower95,
                Double upper95, Double lower998, Double upper998, boolean suppressed, Comparison comparison,
                Double ratio, Double ratioLower95, Double ratioUpper95) {
            this(group, group2, numerator, denominator, value, lower95, upper95, lower998, upper998, suppressed,
                    comparison, ratio, ratioLower95, ratioUpper95, null);
        }

        /** The same row with the name of its group (a coded area's name from the reference files). */
        public Row withGroupName(String name) {
            return new Row(group, group2, numerator, denominator, value, lower95, upper95, lower998, upper998,
                    suppressed, comparison, ratio, ratioLower95, ratioUpper95, name, adjusted);
        }

        /** The same row adjusted: {@code ratio*} become the standardised ratio and its limits. */
        public Row withAdjustment(Adjusted adjustment, Double standardisedRatio, Double lower, Double upper) {
            return new Row(group, group2, numerator, denominator, value, lower95, upper95, lower998, upper998,
                    suppressed, comparison, standardisedRatio, lower, upper, groupName, adjustment);
        }

        /** "Leicester (E06000016)" for a named area, the group itself otherwise: how views label a group. */
        @JsonIgnore
        public String label() {
            return groupName == null ? group : groupName + " (" + group + ")";
        }

        /**
         * The reference row writes its limits as explicit nulls (other nulls are left out): a client reading
         * {@code ratioLower95} of that row finds null, not a missing key. An adjusted row writes every field of the
         * adjustment, null or not (DESIGN.md section 8: "each row then also carries").
         */
        @JsonAnyGetter
        Map<String, Object> referenceLimits() {
            if (adjusted != null) {
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("observed", adjusted.observed());
                fields.put("expected", adjusted.expected());
                if (ratio == null) {
                    fields.put("ratio", null);
                }
                if (ratioLower95 == null) {
                    fields.put("ratioLower95", null);
                }
                if (ratioUpper95 == null) {
                    fields.put("ratioUpper95", null);
                }
                fields.put("adjustedValue", adjusted.adjustedValue());
                return fields;
            }
            if (ratio == null || ratioLower95 != null || ratioUpper95 != null) {
                return Map.of();
            }
            Map<String, Object> limits = new LinkedHashMap<>();
            limits.put("ratioLower95", null);
            limits.put("ratioUpper95", null);
            return limits;
        }
    }

    /**
     * A row's indirect standardisation ({@code adjust=maternal_age}): observed events of the records with an age,
     * the events expected at the whole LMNS's rates by band, and ratio × the LMNS's rate on the measure's scale.
     * All null where the row is suppressed; the ratio and its limits are the row's {@code ratio*} fields.
     */
    public record Adjusted(Double observed, Double expected, Double adjustedValue) {
    }

    /** Slope and relative index of inequality over deprivation quantiles, with 95% limits. */
    public record Inequality(double sii, double siiLower95, double siiUpper95, double rii, double riiLower95,
            double riiUpper95) {
    }
}
