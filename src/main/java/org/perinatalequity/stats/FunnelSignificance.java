package org.perinatalequity.stats;

import java.util.Locale;

/**
 * Where an area falls on a proportion funnel. PHEindicatormethods writes these as "High (0.001)", "High (0.025)",
 * "Not significant", "Low (0.025)" and "Low (0.001)".
 */
public enum FunnelSignificance {
    HIGH_998, HIGH_95, NOT_SIGNIFICANT, LOW_95, LOW_998;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
