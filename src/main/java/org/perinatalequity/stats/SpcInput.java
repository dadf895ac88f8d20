package org.perinatalequity.stats;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * One SPC chart to calculate (Making Data Count, as NHSRplotthedots v0.2.2 does it; statistical-methods.md section 12).
 *
 * @param values the points in time order; for a p or p′ chart the event counts
 * @param denominators for a p or p′ chart the totals of each point, otherwise null
 * @param target a target for the assurance icon, or null
 * @param screenOutliers drop moving ranges ≥ 3.267 × mean moving range once before the limits (package default)
 * @param trendLength points in a rising or falling run that make a trend (package: 7)
 * @param shiftLength points on one side of the mean that make a shift (package: 7)
 * @param rebaseAt 0-based indexes that start a new period with its own mean and limits
 */
public record SpcInput(Chart chart, List<Double> values, List<Double> denominators, Improvement improvement,
        @Nullable Double target, boolean screenOutliers, int trendLength, int shiftLength, List<Integer> rebaseAt) {

    public static final int DEFAULT_RUN_LENGTH = 7;

    /** An XmR chart with the package defaults (screening on, runs of 7, one period, no target). */
    public static SpcInput xmr(List<Double> values, Improvement improvement) {
        return new SpcInput(Chart.XMR, values, null, improvement, null, true, DEFAULT_RUN_LENGTH, DEFAULT_RUN_LENGTH,
                List.of());
    }

    /** A p chart of counts over totals with the package defaults. */
    public static SpcInput p(List<Double> counts, List<Double> denominators, Improvement improvement) {
        return new SpcInput(Chart.P, counts, denominators, improvement, null, true, DEFAULT_RUN_LENGTH,
                DEFAULT_RUN_LENGTH, List.of());
    }

    public SpcInput withTarget(Double newTarget) {
        return new SpcInput(chart, values, denominators, improvement, newTarget, screenOutliers, trendLength,
                shiftLength, rebaseAt);
    }

    public SpcInput withScreenOutliers(boolean screen) {
        return new SpcInput(chart, values, denominators, improvement, target, screen, trendLength, shiftLength,
                rebaseAt);
    }

    public SpcInput withRebaseAt(List<Integer> indexes) {
        return new SpcInput(chart, values, denominators, improvement, target, screenOutliers, trendLength,
                shiftLength, indexes);
    }

    /** A Laney p′ chart of counts over totals (a p chart corrected for over-dispersion), runs of 7. */
    public static SpcInput pPrime(List<Double> counts, List<Double> denominators, Improvement improvement) {
        return new SpcInput(Chart.P_PRIME, counts, denominators, improvement, null, true, DEFAULT_RUN_LENGTH,
                DEFAULT_RUN_LENGTH, List.of());
    }

    public SpcInput withChart(Chart newChart) {
        return new SpcInput(newChart, values, denominators, improvement, target, screenOutliers, trendLength,
                shiftLength, rebaseAt);
    }

    /**
     * XmR (individuals), p (proportions with varying denominators) or Laney's p′ (a p chart whose limits are widened
     * by the between-period variation, for large denominators).
     */
    public enum Chart {
        XMR, P, P_PRIME;

        /** Charts of counts over denominators, whose points are proportions. */
        public boolean proportions() {
            return this != XMR;
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Which way is better. {@code NEITHER} is the package's "neutral". */
    public enum Improvement {
        INCREASE(1), DECREASE(-1), NEITHER(0);

        private final int sign;

        Improvement(int sign) {
            this.sign = sign;
        }

        public int sign() {
            return sign;
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
