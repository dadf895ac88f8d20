package org.perinatalequity.stats;

/**
 * Proportions with Wilson score confidence limits, as PHEindicatormethods {@code phe_proportion} (v2.1.0) and
 * Fingertips compute them.
 */
public final class Proportions {

    private Proportions() {
    }

    /**
     * x / n × multiplier with Wilson limits (2x + z² ∓ z√(z² + 4x(1 − x/n))) / (2(n + z²)) × multiplier.
     * Numerator and denominator may be fractional (modelled or weighted counts).
     *
     * @throws InvalidInputException for a negative numerator, a denominator of 0 or less (the value is not
     *         computable), a numerator above the denominator, or a confidence outside 0.9 to below 1
     */
    public static Estimate wilson(double numerator, double denominator, double confidence, double multiplier) {
        checkCounts(numerator, denominator);
        double z = Confidence.z(confidence);
        checkMultiplier(multiplier);
        double z2 = z * z;
        double centre = 2 * numerator + z2;
        double halfWidth = z * Math.sqrt(z2 + 4 * numerator * (1 - numerator / denominator));
        double divisor = 2 * (denominator + z2);
        // Clamped so that x = 0 gives exactly 0 and x = n exactly 1: the formula gets there only up to rounding.
        double lower = Math.max(0, (centre - halfWidth) / divisor);
        double upper = Math.min(1, (centre + halfWidth) / divisor);
        return new Estimate(numerator / denominator * multiplier, lower * multiplier, upper * multiplier, "Wilson");
    }

    static void checkCounts(double numerator, double denominator) {
        if (!Double.isFinite(numerator) || numerator < 0) {
            throw new InvalidInputException("numerator", "must be ≥ 0");
        }
        if (!Double.isFinite(denominator) || denominator <= 0) {
            throw new InvalidInputException("denominator", "must be > 0 (the value is not computable)");
        }
        if (numerator > denominator) {
            throw new InvalidInputException("denominator", "must be ≥ numerator");
        }
    }

    static void checkMultiplier(double multiplier) {
        if (!Double.isFinite(multiplier) || multiplier <= 0) {
            throw new InvalidInputException("multiplier", "must be > 0 (e.g. 100 for %, 1000 per 1,000)");
        }
    }
}
