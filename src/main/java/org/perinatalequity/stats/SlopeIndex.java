package org.perinatalequity.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;

import org.perinatalequity.stats.SiiInput.Quantile;

/**
 * Slope Index of Inequality and Relative Index of Inequality as PHEindicatormethods {@code phe_sii} (v2.1.0) computes
 * them (Low &amp; Low, J Public Health 2004;26:388–95; statistical-methods.md section 5): a regression weighted by
 * population share on the midpoints of the cumulative population, with confidence limits by simulation.
 */
public final class SlopeIndex {

    private static final double Z_95 = Confidence.quantile(0.975);

    private SlopeIndex() {
    }

    /**
     * Computes SII, RII and their limits. The random source is a parameter so that a test, or a published figure,
     * can be reproduced exactly.
     *
     * @throws InvalidInputException on fewer than 5 or more than 100 quantiles, duplicate quantiles, a population of
     *         0 or less, a proportion outside 0–1, a non-positive rate on the log scale, or a quantile with neither
     *         a standard error nor both limits
     */
    public static SiiResult calculate(SiiInput input, RandomGenerator random) {
        SiiValidation.check(input);
        List<Quantile> rows = input.quantiles().stream().sorted(Comparator.comparingInt(Quantile::quantile)).toList();
        Transform t = Transform.of(input.valueType());
        int k = rows.size();
        double[] share = new double[k];
        double[] rank = new double[k];
        double[] centre = new double[k];
        double[] se = new double[k];
        double total = rows.stream().mapToDouble(Quantile::population).sum();
        double cumulative = 0;
        for (int i = 0; i < k; i++) {
            Quantile q = rows.get(i);
            share[i] = q.population() / total;
            rank[i] = cumulative + share[i] / 2;
            cumulative += share[i];
            centre[i] = t.forward(q.value());
            se[i] = q.standardError() != null ? q.standardError()
                    : (t.forward(q.upper()) - t.forward(q.lower())) / (2 * Z_95);
        }
        WeightedLine line = new WeightedLine(share, rank);
        double m = input.multiplier();
        double[] y = new double[k];
        for (int i = 0; i < k; i++) {
            y[i] = input.transform() ? centre[i] : t.inverse(centre[i]);
        }
        double b0 = line.intercept(y);
        double b1 = line.slope(y);

        int reps = input.repetitions();
        double[] slopes = new double[reps];
        double[] riis = new double[reps];
        double[] draw = new double[k];
        for (int r = 0; r < reps; r++) {
            for (int i = 0; i < k; i++) {
                double d = centre[i] + se[i] * random.nextGaussian();
                draw[i] = input.transform() ? d : t.inverse(d);
            }
            double s = line.slope(draw);
            double c = line.intercept(draw);
            slopes[r] = input.transform() ? s : s * m;
            riis[r] = input.transform() ? 0 : m < 0 ? c / (c + s) : (c + s) / c;
        }
        Arrays.sort(slopes);
        Arrays.sort(riis);
        int lowAt = position(reps, (1 - input.confidence()) / 2);
        int highAt = position(reps, (1 + input.confidence()) / 2);

        if (!input.transform()) {
            double rii = (b0 + b1) / b0;
            return new SiiResult(b1 * m, slopes[lowAt], slopes[highAt], m < 0 ? 1 / rii : rii, riis[lowAt],
                    riis[highAt], b0);
        }
        double top = t.inverse(b0 + b1);
        double bottom = t.inverse(b0);
        double rii = top / bottom;
        double mid = b0 + b1 / 2;
        double[] lower = backTransformed(t, mid, slopes[lowAt], m);
        double[] upper = backTransformed(t, mid, slopes[highAt], m);
        // A negative multiplier reverses the order of the limits (the package also does this for 0 < m < 1 in its
        // log branch, a quirk not copied here because it would put the lower limit above the upper one).
        boolean flip = m < 0;
        return new SiiResult((top - bottom) * m, flip ? upper[0] : lower[0], flip ? lower[0] : upper[0],
                flip ? 1 / rii : rii, flip ? 1 / upper[1] : lower[1], flip ? 1 / lower[1] : upper[1],
                bottom * Math.abs(m));
    }

    /** {SII, RII} for a simulated transformed slope s, placed around the fitted midpoint m: inv(m ± s/2). */
    private static double[] backTransformed(Transform t, double mid, double slope, double multiplier) {
        double high = t.inverse(mid + slope / 2);
        double low = t.inverse(mid - slope / 2);
        return new double[] { (high - low) * multiplier, high / low };
    }

    /** 0-based index of the 1-based sorted position round(R·p), kept inside the array. */
    static int position(int repetitions, double p) {
        long oneBased = Math.round(repetitions * p);
        return (int) Math.min(repetitions, Math.max(1, oneBased)) - 1;
    }

    /** Weighted least squares of y on rank with weights = population shares (they sum to 1). */
    private static final class WeightedLine {

        private final double[] share;
        private final double meanRank;
        private final double[] slopeWeight;

        WeightedLine(double[] share, double[] rank) {
            this.share = share;
            double mean = 0;
            for (int i = 0; i < share.length; i++) {
                mean += share[i] * rank[i];
            }
            double sxx = 0;
            for (int i = 0; i < share.length; i++) {
                sxx += share[i] * (rank[i] - mean) * (rank[i] - mean);
            }
            this.meanRank = mean;
            this.slopeWeight = new double[share.length];
            for (int i = 0; i < share.length; i++) {
                slopeWeight[i] = share[i] * (rank[i] - mean) / sxx;
            }
        }

        double slope(double[] y) {
            double s = 0;
            for (int i = 0; i < y.length; i++) {
                s += slopeWeight[i] * y[i];
            }
            return s;
        }

        double intercept(double[] y) {
            double mean = 0;
            for (int i = 0; i < y.length; i++) {
                mean += share[i] * y[i];
            }
            return mean - slope(y) * meanRank;
        }
    }
}
