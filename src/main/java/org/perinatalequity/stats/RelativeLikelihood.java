package org.perinatalequity.stats;

import org.jspecify.annotations.Nullable;

/**
 * The relative likelihood of the Workforce Race Equality Standard (WRES indicators 2–4): the ratio of two
 * proportions (n1/d1) ÷ (n2/d2) with the log-scale interval of Katz et al. (1978), exp(ln RL ± z·√(1/n1 − 1/d1 +
 * 1/n2 − 1/d2)) (workforce-and-mental-health.md section 1.6). WRES itself publishes no interval; this one lets a
 * reader tell chance from disparity. Unlike {@link Ratios#proportionRatio} a zero numerator is an answer here (a
 * group with no appointments is a real WRES result), with the parts that cannot be computed left null.
 *
 * @param value null when numerator2 is 0 (division by zero)
 * @param lower null when either numerator is 0 (the log-scale variance is infinite)
 */
public record RelativeLikelihood(@Nullable Double value, @Nullable Double lower, @Nullable Double upper) {

    /**
     * @throws InvalidInputException for a negative numerator, a denominator that is not > 0, a numerator above its
     *         denominator, or a bad confidence
     */
    public static RelativeLikelihood of(double numerator1, double denominator1, double numerator2,
            double denominator2, double confidence) {
        check("1", numerator1, denominator1);
        check("2", numerator2, denominator2);
        double z = Confidence.z(confidence);
        if (numerator2 == 0) {
            return new RelativeLikelihood(null, null, null);
        }
        double value = (numerator1 / denominator1) / (numerator2 / denominator2);
        if (numerator1 == 0) {
            return new RelativeLikelihood(value, null, null);
        }
        // max(0, …) guards against rounding below 0 when both groups are all "yes" (n = d gives exactly 0).
        double se = Math.sqrt(Math.max(0, 1 / numerator1 - 1 / denominator1 + 1 / numerator2 - 1 / denominator2));
        double log = Math.log(value);
        return new RelativeLikelihood(value, Math.exp(log - z * se), Math.exp(log + z * se));
    }

    private static void check(String group, double numerator, double denominator) {
        if (!Double.isFinite(numerator) || numerator < 0) {
            throw new InvalidInputException("numerator" + group, "must be ≥ 0");
        }
        if (!Double.isFinite(denominator) || denominator <= 0) {
            throw new InvalidInputException("denominator" + group, "must be > 0");
        }
        if (numerator > denominator) {
            throw new InvalidInputException("numerator" + group, "must be ≤ denominator" + group);
        }
    }
}
