package org.perinatalequity.stats;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Whether a group (staff, a board, Maternity Voices Partnership members, a review panel) reflects the population it
 * serves (workforce-and-mental-health.md section 3.2): each category's share of the group with Goodman's (1965)
 * simultaneous intervals, the ratio to the population's share, the gap in percentage points, and one test of the
 * whole distribution: the exact multinomial test when any expected count is under 5, where Pearson's χ² is not
 * valid, and Pearson's χ² with k − 1 degrees of freedom otherwise.
 *
 * @param test "exact" or "chi_square"
 */
public record Representation(List<Category> categories, String test, double pValue) {

    /** Pearson's χ² is trusted only when every expected count is at least this (the usual rule; scipy's docs). */
    public static final double CHI_SQUARE_FROM = 5;

    /**
     * The exact test sums over every way n people fall into k categories, C(n + k − 1, k − 1) outcomes; beyond this
     * many (a few seconds of work) it is refused with a message, never silently replaced by an invalid χ².
     */
    public static final long MAX_EXACT_OUTCOMES = 10_000_000;

    /** Shares must sum to 1 within this, so that rounded published shares (0.55, 0.30, ...) are accepted. */
    public static final double SHARES_TOLERANCE = 1e-6;

    /** Relative tolerance of the exact test's "at most as likely as observed", as R's EMT and ExactMultinom. */
    private static final double TIE_TOLERANCE = 1e-7;

    /**
     * One category: {@code share} = xᵢ / n and its simultaneous limits, fractions from 0 to 1; {@code ratio} = share ÷
     * population share (1 = proportional); {@code gap} = share − population share in percentage points.
     */
    public record Category(double share, double lower, double upper, double ratio, double gap) {
    }

    /**
     * @param counts the group's members by category, whole numbers ≥ 0, not all 0
     * @param shares the population's shares in the same order, each > 0, summing to 1
     * @throws InvalidInputException for fewer than 2 categories, arrays of different lengths, a count that is not a
     *         whole number ≥ 0, counts all 0, a share that is not > 0, shares that do not sum to 1, a bad
     *         confidence, or an exact test too large to enumerate
     */
    public static Representation of(double[] counts, double[] shares, double confidence) {
        Confidence.check(confidence);
        int k = counts.length;
        if (k < 2) {
            throw new InvalidInputException("counts", "must hold at least 2 categories");
        }
        if (shares.length != k) {
            throw new InvalidInputException("shares", "must have one share per category (" + k + ", as counts) but"
                    + " has " + shares.length);
        }
        double n = 0;
        double sum = 0;
        for (int i = 0; i < k; i++) {
            if (!Double.isFinite(counts[i]) || counts[i] < 0 || counts[i] != Math.rint(counts[i])) {
                throw new InvalidInputException("counts[" + i + "]", "must be a whole number ≥ 0");
            }
            if (!Double.isFinite(shares[i]) || shares[i] <= 0) {
                throw new InvalidInputException("shares[" + i + "]", "must be > 0");
            }
            n += counts[i];
            sum += shares[i];
        }
        if (n == 0) {
            throw new InvalidInputException("counts", "must not all be 0");
        }
        if (Math.abs(sum - 1) > SHARES_TOLERANCE) {
            throw new InvalidInputException("shares", "must sum to 1 (within 1e-6) but sum to " + sum);
        }

        double chi = ChiSquaredDistribution.of(1).inverseCumulativeProbability(1 - (1 - confidence) / k);
        List<Category> categories = new ArrayList<>(k);
        boolean small = false;
        for (int i = 0; i < k; i++) {
            double x = counts[i];
            double half = Math.sqrt(chi * chi + 4 * x * chi * (1 - x / n));
            double divisor = 2 * (chi + n);
            double share = x / n;
            categories.add(new Category(share, Math.max(0, (chi + 2 * x - half) / divisor),
                    Math.min(1, (chi + 2 * x + half) / divisor), share / shares[i], (share - shares[i]) * 100));
            small |= n * shares[i] < CHI_SQUARE_FROM;
        }
        return small ? new Representation(categories, "exact", exactPValue(counts, shares, (int) n))
                : new Representation(categories, "chi_square", chiSquarePValue(counts, shares, n));
    }

    /** Pearson's Σ (xᵢ − Eᵢ)² / Eᵢ with Eᵢ = n·qᵢ, against χ² with k − 1 degrees of freedom. */
    static double chiSquarePValue(double[] counts, double[] shares, double n) {
        double statistic = 0;
        for (int i = 0; i < counts.length; i++) {
            double expected = n * shares[i];
            statistic += (counts[i] - expected) * (counts[i] - expected) / expected;
        }
        return ChiSquaredDistribution.of(counts.length - 1.0).survivalProbability(statistic);
    }

    /**
     * The exact multinomial test with the probability statistic: p = Σ P(y) over every outcome y with P(y) ≤ P(x)
     * (with a relative tolerance of 1e-7 for ties), where P(y) = n! Π qᵢ^yᵢ / yᵢ!. Outcomes are enumerated in log
     * space, the last category taking what is left, so each costs a few additions.
     */
    static double exactPValue(double[] counts, double[] shares, int n) {
        int k = counts.length;
        double outcomes = outcomes(n, k);
        if (outcomes > MAX_EXACT_OUTCOMES) {
            throw new InvalidInputException("counts", String.format(java.util.Locale.ROOT, "need the exact"
                    + " multinomial test (an expected count is under 5), which would enumerate %.3g outcomes,"
                    + " more than the %,d allowed: merge small categories or send fewer people per group", outcomes,
                    MAX_EXACT_OUTCOMES));
        }
        double[] logFactorial = new double[n + 1];
        for (int y = 1; y <= n; y++) {
            logFactorial[y] = logFactorial[y - 1] + Math.log(y);
        }
        double[][] term = new double[k][n + 1];
        for (int i = 0; i < k; i++) {
            double logShare = Math.log(shares[i]);
            for (int y = 0; y <= n; y++) {
                term[i][y] = y * logShare - logFactorial[y];
            }
        }
        double observed = logFactorial[n];
        for (int i = 0; i < k; i++) {
            observed += term[i][(int) counts[i]];
        }
        double threshold = observed + Math.log1p(TIE_TOLERANCE);
        double p = sum(term, 0, n, logFactorial[n], threshold);
        return Math.min(1, p);
    }

    private static double sum(double[][] term, int category, int remaining, double partial, double threshold) {
        int k = term.length;
        if (category == k - 2) {
            double[] here = term[category];
            double[] last = term[k - 1];
            double total = 0;
            for (int y = 0; y <= remaining; y++) {
                double log = partial + here[y] + last[remaining - y];
                if (log <= threshold) {
                    total += Math.exp(log);
                }
            }
            return total;
        }
        double total = 0;
        for (int y = 0; y <= remaining; y++) {
            total += sum(term, category + 1, remaining - y, partial + term[category][y], threshold);
        }
        return total;
    }

    /** C(n + k − 1, k − 1), as a double (it only has to be compared with the limit). */
    static double outcomes(int n, int k) {
        double result = 1;
        for (int j = 1; j < k; j++) {
            result = result * (n + j) / j;
        }
        return result;
    }
}
