package org.perinatalequity.breakdown;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer of {@code GET /api/measures/{id}/breakdown} (DESIGN.md section 4). Values and limits are unrounded
 * doubles on the measure's scale (% or per 1,000); rounding is for display.
 */
public record BreakdownResult(String measure, String by, @JsonInclude(JsonInclude.Include.NON_NULL) String by2,
        String from, String to, boolean suppressed, String unit, String imdVintage, Row total, List<Row> rows,
        Inequality inequality) {

    /**
     * One group. {@code comparison} is the Fingertips label against the LMNS total. {@code ratio*} compare the
     * group with the reference group, when one was asked for.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(String group, String group2, Double numerator, Double denominator, Double value, Double lower95,
            Double upper95, Double lower998, Double upper998, boolean suppressed, String comparison, Double ratio,
            Double ratioLower95, Double ratioUpper95) {
    }

    /** Slope and relative index of inequality over deprivation quantiles, with 95% limits. */
    public record Inequality(double sii, double siiLower95, double siiUpper95, double rii, double riiLower95,
            double riiUpper95) {
    }
}
