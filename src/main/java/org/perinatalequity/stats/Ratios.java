package org.perinatalequity.stats;

/**
 * Rate ratios and ratios of proportions against a reference group, with the textbook log-scale (Katz) interval.
 * PHEindicatormethods v2.1.0 has no such function and Fingertips compares against a benchmark without a ratio, so
 * this is general epidemiology, not a PHE method (statistical-methods.md section 4): using it is a product decision.
 */
public final class Ratios {

    private Ratios() {
    }

    /**
     * (O₁/n₁) / (O₀/n₀) with exp(ln RR ± z·√(1/O₁ + 1/O₀)); group 0 is the reference. The value is multiplier-free.
     *
     * @throws InvalidInputException when a count is 0 (its logarithm and variance are undefined) or negative, or a
     *         denominator is not positive
     */
    public static Estimate rateRatio(double numerator, double denominator, double referenceNumerator,
            double referenceDenominator, double confidence) {
        checkPositive("numerator", numerator);
        checkPositive("denominator", denominator);
        checkPositive("referenceNumerator", referenceNumerator);
        checkPositive("referenceDenominator", referenceDenominator);
        double ratio = (numerator / denominator) / (referenceNumerator / referenceDenominator);
        return logNormal(ratio, Math.sqrt(1 / numerator + 1 / referenceNumerator), confidence);
    }

    /**
     * (x₁/n₁) / (x₀/n₀) with exp(ln RR ± z·√(1/x₁ − 1/n₁ + 1/x₀ − 1/n₀)) (Katz et al. 1978); group 0 is the
     * reference.
     */
    public static Estimate proportionRatio(double numerator, double denominator, double referenceNumerator,
            double referenceDenominator, double confidence) {
        checkPositive("numerator", numerator);
        checkPositive("referenceNumerator", referenceNumerator);
        Proportions.checkCounts(numerator, denominator);
        if (referenceNumerator > referenceDenominator) {
            throw new InvalidInputException("referenceDenominator", "must be ≥ referenceNumerator");
        }
        double ratio = (numerator / denominator) / (referenceNumerator / referenceDenominator);
        double se = Math.sqrt(1 / numerator - 1 / denominator + 1 / referenceNumerator - 1 / referenceDenominator);
        return logNormal(ratio, se, confidence);
    }

    private static Estimate logNormal(double ratio, double seOfLog, double confidence) {
        double z = Confidence.z(confidence);
        double log = Math.log(ratio);
        return new Estimate(ratio, Math.exp(log - z * seOfLog), Math.exp(log + z * seOfLog), "Log-normal");
    }

    private static void checkPositive(String field, double value) {
        if (!Double.isFinite(value) || value <= 0) {
            throw new InvalidInputException(field, "must be > 0 for a ratio on the log scale");
        }
    }
}
