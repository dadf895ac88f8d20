package org.perinatalequity.stats;

/**
 * Benchmark comparisons as Fingertips makes them (fingertips-open {@code PholioVisualisationWS/Analysis}:
 * {@code SingleOverlappingCIsForOneCILevelComparer}, {@code SingleOverlappingCIsForTwoCILevelsComparer},
 * {@code SpcForProportionsComparer}). Each method works out the label for "higher is better" and then adjusts it
 * for the polarity; a missing input gives {@link Comparison#NOT_COMPARED} rather than an error, because a breakdown
 * row without limits is ordinary.
 */
public final class Comparisons {

    /** Fingertips' rounded z for its 95% SPC comparison (its database value and AnalysisTest fixtures). */
    public static final double SPC_Z_95 = 1.96;

    /** Fingertips' rounded z for its 99.8% SPC comparison. */
    public static final double SPC_Z_998 = 3.0902;

    private Comparisons() {
    }

    /** One level: the benchmark inside the 95% CI (ends included) is similar; otherwise the side of the value. */
    public static Comparison overlap95(Double value, Double lower95, Double upper95, Double benchmark,
            Polarity polarity) {
        if (!valid(value, lower95, upper95, benchmark)) {
            return Comparison.NOT_COMPARED;
        }
        if (benchmark >= lower95 && benchmark <= upper95) {
            return Comparison.SIMILAR;
        }
        return adjust(value < benchmark ? Comparison.WORSE : Comparison.BETTER, polarity);
    }

    /**
     * Two levels. For higher-is-better: benchmark in the 95% CI → similar; between the 99.8% and 95% lower limits →
     * better (significant at 95%, not at 99.8%); between the 95% and 99.8% upper limits → worse; beyond the 99.8%
     * limits → best or worst by the side of the value. Low-is-good swaps each label; no polarity gives higher/lower.
     */
    public static Comparison overlap95And998(Double value, Double lower95, Double upper95, Double lower998,
            Double upper998, Double benchmark, Polarity polarity) {
        if (!valid(value, lower95, upper95, benchmark) || !valid(lower998, upper998)) {
            return Comparison.NOT_COMPARED;
        }
        if (benchmark >= lower95 && benchmark <= upper95) {
            return Comparison.SIMILAR;
        }
        if (benchmark <= lower95 && benchmark >= lower998) {
            return adjust(Comparison.BETTER, polarity);
        }
        if (benchmark >= upper95 && benchmark <= upper998) {
            return adjust(Comparison.WORSE, polarity);
        }
        return adjust(value < benchmark ? Comparison.WORST : Comparison.BEST, polarity);
    }

    /**
     * Fingertips SPC for proportions: Wilson limits around the expected count E = N·P₀ at the given z, and the area's
     * proportion above them is better, below them worse. {@code value} and {@code benchmark} are on the {@code unit}
     * scale (a percentage with unit 100). Fingertips uses the rounded z {@link #SPC_Z_95} / {@link #SPC_Z_998}, so
     * this method takes z as given instead of deriving it from a confidence level.
     */
    public static Comparison spcProportion(Double value, Double denominator, double unit, double z, Double benchmark,
            Polarity polarity) {
        if (!valid(value, denominator, benchmark) || denominator <= 0 || unit <= 0 || z <= 0) {
            return Comparison.NOT_COMPARED;
        }
        double p1 = value / unit;
        double p0 = benchmark / unit;
        double n = denominator;
        double e = n * p0;
        double z2 = z * z;
        double a = 2 * e + z2;
        double b = z * Math.sqrt(z2 + 4 * e * (1 - e / n));
        double c = 2 * (n + z2);
        if (p1 > (a + b) / c) {
            return adjust(Comparison.BETTER, polarity);
        }
        if (p1 < (a - b) / c) {
            return adjust(Comparison.WORSE, polarity);
        }
        return Comparison.SIMILAR;
    }

    static Comparison adjust(Comparison higherIsBetter, Polarity polarity) {
        return switch (polarity) {
            case HIGHER_IS_BETTER -> higherIsBetter;
            case LOWER_IS_BETTER -> switch (higherIsBetter) {
                case BEST -> Comparison.WORST;
                case BETTER -> Comparison.WORSE;
                case WORSE -> Comparison.BETTER;
                case WORST -> Comparison.BEST;
                default -> higherIsBetter;
            };
            // Fingertips' blue/orange/blue: the same test, shown without judgement.
            case NONE -> switch (higherIsBetter) {
                case BEST, BETTER -> Comparison.HIGHER;
                case WORSE, WORST -> Comparison.LOWER;
                default -> higherIsBetter;
            };
        };
    }

    private static boolean valid(Double... inputs) {
        for (Double input : inputs) {
            if (input == null || !Double.isFinite(input)) {
                return false;
            }
        }
        return true;
    }
}
