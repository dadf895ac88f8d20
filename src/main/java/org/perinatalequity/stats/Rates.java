package org.perinatalequity.stats;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Crude rates with Byar's limits for 10 or more events and exact Poisson limits below 10, the
 * PHEindicatormethods {@code phe_rate} and Fingertips convention ("Public health technical guidance – Rates").
 */
public final class Rates {

    /** From this many events on, Byar's approximation is used; below it the exact χ² limits. */
    public static final double BYAR_FROM = 10;

    private Rates() {
    }

    /**
     * O / n × multiplier with limits on the count O, divided by n and multiplied. The numerator may exceed the
     * denominator (events per person-time or per birth can), as in the package's own test data.
     *
     * @throws InvalidInputException for a negative numerator, a denominator of 0 or less, or a bad confidence
     */
    public static Estimate crude(double numerator, double denominator, double confidence, double multiplier) {
        if (!Double.isFinite(numerator) || numerator < 0) {
            throw new InvalidInputException("numerator", "must be ≥ 0");
        }
        if (!Double.isFinite(denominator) || denominator <= 0) {
            throw new InvalidInputException("denominator", "must be > 0 (the value is not computable)");
        }
        Proportions.checkMultiplier(multiplier);
        double[] count = countLimits(numerator, confidence);
        double scale = multiplier / denominator;
        return new Estimate(numerator * scale, count[0] * scale, count[1] * scale,
                numerator >= BYAR_FROM ? "Byar" : "Exact");
    }

    /** Limits on an observed count O: {lower, upper}, Byar for O ≥ 10, exact below. Used by ratios too. */
    public static double[] countLimits(double observed, double confidence) {
        double z = Confidence.z(confidence);
        if (observed >= BYAR_FROM) {
            return new double[] { byarLower(observed, z), byarUpper(observed, z) };
        }
        double alpha = 1 - confidence;
        return new double[] { exactLower(observed, alpha), exactUpper(observed, alpha) };
    }

    static double byarLower(double o, double z) {
        return o * Math.pow(1 - 1 / (9 * o) - z / (3 * Math.sqrt(o)), 3);
    }

    static double byarUpper(double o, double z) {
        double o1 = o + 1;
        return o1 * Math.pow(1 - 1 / (9 * o1) + z / (3 * Math.sqrt(o1)), 3);
    }

    /** χ²(α/2; 2O) / 2, and 0 for O = 0 where the χ² with no degrees of freedom is degenerate at 0. */
    static double exactLower(double o, double alpha) {
        if (o == 0) {
            return 0;
        }
        return ChiSquaredDistribution.of(2 * o).inverseCumulativeProbability(alpha / 2) / 2;
    }

    /** χ²(1 − α/2; 2O + 2) / 2. */
    static double exactUpper(double o, double alpha) {
        return ChiSquaredDistribution.of(2 * o + 2).inverseCumulativeProbability(1 - alpha / 2) / 2;
    }
}
