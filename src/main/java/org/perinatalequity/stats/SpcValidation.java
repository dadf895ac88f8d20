package org.perinatalequity.stats;

import java.util.List;


/** Input checks for {@link Spc}, with the calculator's field names. */
final class SpcValidation {

    private SpcValidation() {
    }

    static void check(SpcInput input) {
        if (input.chart() == null) {
            throw new InvalidInputException("chart", "must be xmr, p or p_prime");
        }
        if (input.improvement() == null) {
            throw new InvalidInputException("improvement", "must be increase, decrease or neither");
        }
        List<Double> values = input.values();
        if (values == null || values.size() < 2) {
            throw new InvalidInputException("values", "must hold at least 2 points");
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null || !Double.isFinite(values.get(i))) {
                throw new InvalidInputException("values[" + i + "]", "must be a number");
            }
        }
        if (input.chart().proportions()) {
            checkDenominators(values, input.denominators());
        }
        if (input.trendLength() < 2) {
            throw new InvalidInputException("trendLength", "must be at least 2");
        }
        if (input.shiftLength() < 2) {
            throw new InvalidInputException("shiftLength", "must be at least 2");
        }
        if (input.target() != null && !Double.isFinite(input.target())) {
            throw new InvalidInputException("target", "must be a number or null");
        }
        checkRebase(values.size(), input.rebaseAt());
    }

    private static void checkDenominators(List<Double> counts, List<Double> denominators) {
        if (denominators == null || denominators.size() != counts.size()) {
            throw new InvalidInputException("denominators", "must hold one total per value for a p or p_prime chart");
        }
        for (int i = 0; i < counts.size(); i++) {
            Double d = denominators.get(i);
            if (d == null || !(d > 0) || !Double.isFinite(d)) {
                throw new InvalidInputException("denominators[" + i + "]", "must be > 0");
            }
            if (counts.get(i) < 0) {
                throw new InvalidInputException("values[" + i + "]", "must be ≥ 0");
            }
            if (counts.get(i) > d) {
                throw new InvalidInputException("denominators[" + i + "]", "must be ≥ values[" + i + "]");
            }
        }
    }

    /** Each period needs two points for a moving range; a rebase index outside the chart is a mistake, not a no-op. */
    private static void checkRebase(int n, List<Integer> rebaseAt) {
        if (rebaseAt == null) {
            return;
        }
        for (int i = 0; i < rebaseAt.size(); i++) {
            Integer at = rebaseAt.get(i);
            if (at == null || at < 0 || at >= n) {
                throw new InvalidInputException("rebaseAt[" + i + "]", "must be an index from 0 to " + (n - 1));
            }
        }
        for (int[] range : Spc.periods(n, rebaseAt)) {
            if (range[1] - range[0] < 2) {
                throw new InvalidInputException("rebaseAt", "leaves a period of fewer than 2 points (from index "
                        + range[0] + ")");
            }
        }
    }
}
