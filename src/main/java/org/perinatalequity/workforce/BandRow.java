package org.perinatalequity.workforce;

import org.jspecify.annotations.Nullable;

/**
 * Indicator 1 for one pay band: White and BME headcounts at the snapshot and the BME percentage of staff whose
 * ethnicity is known (null when a count is suppressed, or the band has no staff of known ethnicity).
 */
public record BandRow(String band, @Nullable Double white, @Nullable Double bme, @Nullable Double bmePercent,
        boolean suppressed) {
}
