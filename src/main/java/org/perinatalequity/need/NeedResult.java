package org.perinatalequity.need;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The need ranking of DESIGN.md section 8 ({@code GET /api/neighbourhoods/need}): the weights it used and a row per
 * area, best first by rank. Beside the contract's fields: the period, whether small counts are suppressed, the
 * distance a hub should be within and how many of the top areas are checked for one.
 */
public record NeedResult(String by, @Nullable String from, @Nullable String to, boolean suppressed,
        Map<String, Double> weights, double hubDistanceKm, int top, List<Row> rows) {

    public NeedResult {
        weights = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(weights));
        rows = List.copyOf(rows);
    }

    /**
     * One area. {@code births} is null when suppressed (1–7 births, for a caller who sees suppressed figures);
     * {@code imdDecile} is the LSOA's decile, or for a neighbourhood the mean decile of its births. Neighbourhoods
     * carry the nearest hub ({@code nearestHub}, {@code nearestHubKm}, from the births' centroid) and
     * {@code noHubNearby}: true for an area in the top {@code top} with no hub within {@code hubDistanceKm}.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Row(String group, @Nullable String groupName, int rank, double score, @Nullable Long births,
            @Nullable Double imdDecile, Map<String, Component> components, @Nullable String nearestHub,
            @Nullable Double nearestHubKm, @Nullable Boolean noHubNearby) {
    }

    /**
     * One component of a row. {@code value}: births, the mean IMD decile, or the percentage of births to Black,
     * Asian and Mixed mothers among births with a known ethnic group. For an outcome: observed events, expected
     * events at the LMNS's maternal-age-band rates, excess (observed − expected), and the indirectly standardised
     * ratio with its 95% limits (exact under 10 observed, Byar's from 10). {@code z}: the component's standardised
     * score in the composite (absent when figures are suppressed). Absent fields are left out.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Component(@Nullable Double value, @Nullable Double observed, @Nullable Double expected,
            @Nullable Double excess, @Nullable Double ratio, @Nullable Double ratioLower95,
            @Nullable Double ratioUpper95, @Nullable Double z, boolean suppressed) {
    }
}
