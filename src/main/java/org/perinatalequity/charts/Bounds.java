package org.perinatalequity.charts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.perinatalequity.charts.ChartData.Group;


/** Axis extents that hold every value, interval and reference line drawn. */
final class Bounds {

    private Bounds() {
    }

    /**
     * {lower, upper, 1 if there was any value else 0} over the rows' values and 95% limits plus the extras. The axis
     * starts at zero unless the data sit far from it (e.g. completeness near 100%), where zero would squash them.
     */
    static double[] of(List<Group> rows, Double... extras) {
        List<Double> values = new ArrayList<>();
        for (Group r : rows) {
            if (r != null && !r.suppressed()) {
                values.add(r.value());
                values.add(r.lower95());
                values.add(r.upper95());
            }
        }
        values.addAll(Arrays.asList(extras));
        return of(values);
    }

    static double[] of(List<Double> values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Double v : values) {
            if (v != null && Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo > hi) {
            return new double[] { 0, 1, 0 };
        }
        if (lo >= 0 && lo < 0.4 * hi) {
            lo = 0;
        }
        if (hi == lo) {
            hi = lo + Math.max(1, Math.abs(lo) * 0.1);
        }
        // Room on the right for the value printed beside each interval.
        return new double[] { lo, hi + (hi - lo) * 0.12, 1 };
    }
}
