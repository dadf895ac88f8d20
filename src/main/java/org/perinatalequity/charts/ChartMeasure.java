package org.perinatalequity.charts;

/**
 * What a chart needs to know of a measure: its name for the title, its unit and multiplier (100 for a percentage,
 * 1,000 for a rate per 1,000: the funnel's limits are drawn on that scale), its target on the unit's scale (null
 * for none) and what its denominator counts, for the funnel's axis.
 */
public record ChartMeasure(String name, String unit, double multiplier, Double target, String denominatorLabel) {
}
