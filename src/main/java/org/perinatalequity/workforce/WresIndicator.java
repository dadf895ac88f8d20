package org.perinatalequity.workforce;

import org.jspecify.annotations.Nullable;

/**
 * One WRES indicator of a year, as {@code GET /api/workforce/wres} answers it (DESIGN.md section 8): the White and
 * BME figures, the relative likelihood with its Katz 95% limits (null for indicators 1 and 9 and whenever it cannot be
 * computed or shown) and the assessment against the equitable band.
 */
public record WresIndicator(int indicator, GroupFigures white, GroupFigures bme, @Nullable Double relativeLikelihood,
        @Nullable Double lower95, @Nullable Double upper95, Assessment assessment) {
}
