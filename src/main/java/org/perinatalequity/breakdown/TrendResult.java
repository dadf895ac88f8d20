package org.perinatalequity.breakdown;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer of {@code GET /api/measures/{id}/trend}: one point per period with its value, 95% limits and the
 * Making Data Count p-chart reading (process limits, special-cause type), plus the chart's variation and
 * assurance icons. A point is {@code complete} when its period lies wholly inside the loaded submissions'
 * reporting periods ({@link org.perinatalequity.measures.CompletePeriods}); an incomplete point has no SPC reading and takes no part in the limits,
 * the rules or the assurance, which are computed on the true (unrounded) counts, the same for every caller.
 *
 * @param dataTo the last day the loaded submissions report on
 */
public record TrendResult(String measure, String by, boolean suppressed, String unit, Double target, Double mean,
        String variation, String assurance, List<Point> points, LocalDate dataTo) {

    /** The last complete point with a published value, if any: what a board reads as "latest". */
    public java.util.Optional<Point> latestComplete() {
        for (int i = points.size() - 1; i >= 0; i--) {
            Point p = points.get(i);
            if (p.complete() && p.value() != null) {
                return java.util.Optional.of(p);
            }
        }
        return java.util.Optional.empty();
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Point(String period, Double numerator, Double denominator, Double value, Double lower95,
            Double upper95, Double processLower, Double processUpper, String spc, boolean suppressed,
            boolean complete) {
    }
}
