package org.perinatalequity.stats;

/**
 * A value with its confidence limits, all on the output scale (already multiplied), unrounded.
 *
 * @param method how the limits were found: "Wilson", "Byar", "Exact" or "Log-normal"
 */
public record Estimate(double value, double lower, double upper, String method) {
}
