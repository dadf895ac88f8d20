package org.perinatalequity.stats;

/**
 * Funnel plot limits for proportions as PHEindicatormethods {@code calculate_funnel_limits} and
 * {@code assign_funnel_significance} (v2.1.0) compute them: each limit is the observed proportion whose own Wilson
 * limit at z touches the average proportion P, at z = Φ⁻¹(0.975) ("2σ") and Φ⁻¹(0.999) ("3σ").
 */
public final class Funnels {

    private static final double Z_95 = Confidence.quantile(0.975);
    private static final double Z_998 = Confidence.quantile(0.999);

    private Funnels() {
    }

    /**
     * The 95% and 99.8% limits at a population, each clipped to [0, 1] × multiplier. The package clips to [0, 100]
     * whatever the multiplier; clipping to the multiplier's own range is the same for percentages and right for
     * every other scale.
     */
    public static FunnelLimits limits(double population, double averageProportion, double multiplier) {
        checkPopulationAndAverage(population, averageProportion);
        Proportions.checkMultiplier(multiplier);
        double[] l95 = roots(population, averageProportion, Z_95);
        double[] l998 = roots(population, averageProportion, Z_998);
        return new FunnelLimits(clip(l95[0]) * multiplier, clip(l95[1]) * multiplier, clip(l998[0]) * multiplier,
                clip(l998[1]) * multiplier);
    }

    /**
     * Tested in the package's order: below the 99.8% lower limit, below the 95% lower limit, above the 99.8% upper
     * limit, above the 95% upper limit, otherwise not significant. A proportion exactly on a limit is inside it.
     */
    public static FunnelSignificance significance(double numerator, double denominator, double averageProportion) {
        Proportions.checkCounts(numerator, denominator);
        checkPopulationAndAverage(denominator, averageProportion);
        double p = numerator / denominator;
        double[] l95 = roots(denominator, averageProportion, Z_95);
        double[] l998 = roots(denominator, averageProportion, Z_998);
        if (p < l998[0]) {
            return FunnelSignificance.LOW_998;
        }
        if (p < l95[0]) {
            return FunnelSignificance.LOW_95;
        }
        if (p > l998[1]) {
            return FunnelSignificance.HIGH_998;
        }
        if (p > l95[1]) {
            return FunnelSignificance.HIGH_95;
        }
        return FunnelSignificance.NOT_SIGNIFICANT;
    }

    /**
     * Roots k of (1/z² + 1/n)k² − 2P(n/z² + 1)k + P[n(P(n/z² + 2) − 1) + z²(P − 1)] = 0, as proportions k/n
     * {smaller, larger}. The discriminant is floored at 0 so that rounding at P = 0 or 1 cannot give NaN.
     */
    static double[] roots(double n, double p, double z) {
        double z2 = z * z;
        double a = 1 / z2 + 1 / n;
        double b = -2 * p * (n / z2 + 1);
        double c = p * (n * (p * (n / z2 + 2) - 1) + z2 * (p - 1));
        double root = Math.sqrt(Math.max(0, b * b - 4 * a * c));
        return new double[] { (-b - root) / (2 * a) / n, (-b + root) / (2 * a) / n };
    }

    private static double clip(double proportion) {
        return Math.min(1, Math.max(0, proportion));
    }

    private static void checkPopulationAndAverage(double population, double averageProportion) {
        if (!Double.isFinite(population) || population <= 0) {
            throw new InvalidInputException("population", "must be > 0");
        }
        if (!Double.isFinite(averageProportion) || averageProportion < 0 || averageProportion > 1) {
            throw new InvalidInputException("averageProportion", "must be a fraction from 0 to 1");
        }
    }
}
