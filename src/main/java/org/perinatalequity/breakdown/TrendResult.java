package org.perinatalequity.breakdown;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.perinatalequity.stats.SpcResult.Assurance;
import org.perinatalequity.stats.SpcResult.PointType;

/**
 * The answer of {@code GET /api/measures/{id}/trend}: one point per period with its value, 95% limits and the
 * Making Data Count reading (process limits, centre line, special-cause type), plus the chart's variation and
 * assurance icons. A point is {@code complete} by the rule of {@link org.perinatalequity.measures.CompletePeriods}
 * (inside every provider's reporting period, not truncated by the extract's window, no denominator far below its
 * neighbours); an incomplete point has {@code "spc": null} and takes no part in the limits, the rules or the
 * assurance, which are computed on the true (unrounded) counts, the same for every caller whatever the suppression.
 *
 * @param dataTo the last day the loaded submissions report on
 * @param chart {@code xmr} (of the rates), {@code p} or {@code p_prime}
 * @param rollingMonths months summed into each point (1 for plain periods): a point labelled 2025-03 with 12 covers
 *        2024-04 to 2025-03
 * @param rebasedAt the periods that start a new chart period with its own mean and limits
 */
public record TrendResult(String measure, String by, boolean suppressed, String unit, Double target, Double mean,
        PointType variation, Assurance assurance, List<Point> points, LocalDate dataTo, String chart, int rollingMonths,
        List<String> rebasedAt) {

    /** An XmR trend of plain periods, not rebased. */
    public TrendResult(String measure, String by, boolean suppressed, String unit, Double target, Double mean,
            PointType variation, Assurance assurance, List<Point> points, LocalDate dataTo) {
        this(measure, by, suppressed, unit, target, mean, variation, assurance, points, dataTo, "xmr", 1, List.of());
    }

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

    /**
     * @param spc the point type, null for a point that is not charted (incomplete, or no denominator)
     * @param mean the centre line of the point's chart period (rebasing gives each period its own)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Point(String period, Double numerator, Double denominator, Double value, Double lower95,
            Double upper95, Double processLower, Double processUpper,
            @JsonInclude(JsonInclude.Include.ALWAYS) PointType spc, boolean suppressed, boolean complete, Double mean) {

        public Point(String period, Double numerator, Double denominator, Double value, Double lower95,
                Double upper95, Double processLower, Double processUpper, PointType spc, boolean suppressed,
                boolean complete) {
            this(period, numerator, denominator, value, lower95, upper95, processLower, processUpper, spc,
                    suppressed, complete, null);
        }
    }
}
