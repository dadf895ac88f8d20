package org.perinatalequity.stats;

import org.apache.commons.statistics.distribution.NormalDistribution;

/** Confidence levels and their exact normal quantiles, shared by every method. */
public final class Confidence {

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private Confidence() {
    }

    /**
     * The two-sided z for a confidence level, Φ⁻¹(1 − α/2): 1.959964 for 0.95, 3.090232 for 0.998. Exact, never the
     * rounded 1.96 / 3.09, because DESIGN.md promises values "computed with the exact z".
     */
    public static double z(double confidence) {
        check(confidence);
        return quantile(1 - (1 - confidence) / 2);
    }

    /** The standard normal quantile Φ⁻¹(p). */
    public static double quantile(double p) {
        return STANDARD_NORMAL.inverseCumulativeProbability(p);
    }

    /**
     * Accepts 0.9 ≤ confidence &lt; 1 as a fraction. PHEindicatormethods also reads 90–100 as a percentage and
     * returns [0, 1] at 100%; the calculator contract says confidence is a fraction, so a percentage is refused with
     * a hint rather than guessed, and 1 is refused because its z is infinite.
     */
    public static void check(double confidence) {
        if (Double.isNaN(confidence) || confidence < 0.9 || confidence >= 1) {
            throw new InvalidInputException("confidence", confidence >= 90 && confidence < 100
                    ? "must be a fraction from 0.9 to below 1 (e.g. 0.95, not 95)"
                    : "must be a fraction from 0.9 to below 1 (e.g. 0.95 or 0.998)");
        }
    }
}
