package org.perinatalequity.stats;

/**
 * Slope and relative index of inequality with their simulated confidence limits. {@code intercept} follows the
 * package: β₀ without the multiplier when untransformed, inv(β₀) × |multiplier| when transformed.
 */
public record SiiResult(double sii, double siiLower, double siiUpper, double rii, double riiLower, double riiUpper,
        double intercept) {
}
