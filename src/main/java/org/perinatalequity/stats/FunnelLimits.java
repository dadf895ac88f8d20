package org.perinatalequity.stats;

/** Funnel plot control limits at one population, on the multiplier's scale. */
public record FunnelLimits(double lower95, double upper95, double lower998, double upper998) {
}
