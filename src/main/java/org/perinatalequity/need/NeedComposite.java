package org.perinatalequity.need;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The composite need score (docs/neighbourhoods.md, "Areas of highest need"): each component is standardised across
 * the areas ranked as a z-score, (value − mean) ÷ standard deviation (the population standard deviation, dividing by
 * the number of areas with a value), turned so that a higher z always means more need; the score is the weighted
 * mean of the z-scores, Σ wᵢ·zᵢ ÷ Σ wᵢ. An area without a value for a component (no known deprivation, no birth with a
 * known ethnic group) takes z = 0 for it, the average, so a gap in the data neither raises nor lowers its score; a
 * component with the same value in every area adds 0 to every score. Rank 1 is the highest score; equal scores rank
 * by more births, then by code, so the order never depends on the query.
 */
final class NeedComposite {

    private NeedComposite() {
    }

    /** Whether a larger value of a component means more need (births, excess events) or less (the IMD decile). */
    enum Direction {
        HIGHER_IS_MORE_NEED(1), LOWER_IS_MORE_NEED(-1);

        private final int sign;

        Direction(int sign) {
            this.sign = sign;
        }
    }

    /** One component: its weight, direction and a value per area (null where the area has none). */
    record Component(String id, double weight, Direction direction, @Nullable Double[] values) {
    }

    /** Per area, in the order given: score, rank, and each component's z-score. */
    record Scores(double[] score, int[] rank, Map<String, double[]> z) {
    }

    static Scores score(List<Component> components, String[] codes, double[] births) {
        int n = codes.length;
        double[] score = new double[n];
        Map<String, double[]> zs = new LinkedHashMap<>();
        double weights = 0;
        for (Component c : components) {
            if (c.values().length != n) {
                throw new IllegalArgumentException(c.id() + " has " + c.values().length + " values for " + n + " areas");
            }
            if (c.weight() < 0 || !Double.isFinite(c.weight())) {
                throw new IllegalArgumentException(c.id() + ": a weight must be a number ≥ 0, not " + c.weight());
            }
            double[] z = zScores(c.values(), c.direction().sign);
            zs.put(c.id(), z);
            weights += c.weight();
            for (int i = 0; i < n; i++) {
                score[i] += c.weight() * z[i];
            }
        }
        if (weights > 0) {
            for (int i = 0; i < n; i++) {
                score[i] /= weights;
            }
        }
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -score[i])
                .thenComparingDouble(i -> -births[i]).thenComparing(i -> codes[i]));
        int[] rank = new int[n];
        for (int r = 0; r < n; r++) {
            rank[order[r]] = r + 1;
        }
        return new Scores(score, rank, zs);
    }

    /** z = sign × (x − mean) ÷ sd over the areas with a value; 0 for the others, and for all when sd is 0. */
    static double[] zScores(@Nullable Double[] values, int sign) {
        double sum = 0;
        int count = 0;
        for (Double v : values) {
            if (v != null) {
                sum += v;
                count++;
            }
        }
        double[] z = new double[values.length];
        if (count == 0) {
            return z;
        }
        double mean = sum / count;
        double squares = 0;
        for (Double v : values) {
            if (v != null) {
                squares += (v - mean) * (v - mean);
            }
        }
        double sd = Math.sqrt(squares / count);
        // Below rounding noise the values are equal: nothing to tell the areas apart by
        if (sd <= 1e-12 * Math.max(1, Math.abs(mean))) {
            return z;
        }
        for (int i = 0; i < values.length; i++) {
            z[i] = values[i] == null ? 0 : sign * (values[i] - mean) / sd;
        }
        return z;
    }
}
