package org.perinatalequity.breakdown;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer of {@code GET /api/measures/{id}/trend}: one point per period with its value, 95% limits and the
 * Making Data Count p-chart reading (process limits, special-cause type), plus the chart's variation and
 * assurance icons.
 */
public record TrendResult(String measure, String by, boolean suppressed, String unit, Double target, Double mean,
        String variation, String assurance, List<Point> points) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Point(String period, Double numerator, Double denominator, Double value, Double lower95,
            Double upper95, Double processLower, Double processUpper, String spc, boolean suppressed) {
    }
}
