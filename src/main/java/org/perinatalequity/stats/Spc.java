package org.perinatalequity.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

import org.perinatalequity.stats.SpcInput.Chart;
import org.perinatalequity.stats.SpcInput.Improvement;
import org.perinatalequity.stats.SpcResult.Assurance;
import org.perinatalequity.stats.SpcResult.Point;
import org.perinatalequity.stats.SpcResult.PointType;
import org.perinatalequity.stats.SpcResult.SpecialCause;

/**
 * Statistical process control charts following NHS England's Making Data Count as NHSRplotthedots v0.2.2 implements
 * it (statistical-methods.md section 12). Each period (split by {@code rebaseAt}) has its own mean, limits and rules;
 * runs never cross a rebase. The variation icon comes from the last point and assurance from the last point's limits.
 */
public final class Spc {

    private Spc() {
    }

    public static SpcResult calculate(SpcInput input) {
        SpcValidation.check(input);
        int n = input.values().size();
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = input.chart().proportions() ? input.values().get(i) / input.denominators().get(i)
                    : input.values().get(i);
        }
        List<Point> points = new ArrayList<>(n);
        for (int[] range : periods(n, input.rebaseAt())) {
            int from = range[0];
            int to = range[1];
            double[] part = Arrays.copyOfRange(y, from, to);
            SpcLimits.Period limits = switch (input.chart()) {
                case XMR -> SpcLimits.xmr(part, input.screenOutliers());
                case P -> SpcLimits.p(slice(input.values(), from, to), slice(input.denominators(), from, to));
                case P_PRIME -> SpcLimits.pPrime(slice(input.values(), from, to),
                        slice(input.denominators(), from, to));
            };
            SpecialCause[] causes = SpcRules.causes(part, limits, input.trendLength(), input.shiftLength());
            for (int i = 0; i < part.length; i++) {
                points.add(new Point(part[i], limits.mean()[i], limits.lower()[i], limits.upper()[i], causes[i],
                        pointType(causes[i], input.improvement())));
            }
        }
        Point last = points.get(n - 1);
        boolean xmr = input.chart() == Chart.XMR;
        return new SpcResult(last.mean(), xmr ? last.lowerLimit() : null, xmr ? last.upperLimit() : null,
                List.copyOf(points), last.type(), assurance(input.target(), input.improvement(), last));
    }

    /** v·d &gt; 0 improvement, &lt; 0 concern; any special cause is "neither" when no direction is better. */
    static PointType pointType(SpecialCause cause, Improvement improvement) {
        if (cause == SpecialCause.COMMON_CAUSE) {
            return PointType.COMMON_CAUSE;
        }
        if (improvement == Improvement.NEITHER) {
            return PointType.SPECIAL_CAUSE_NEITHER;
        }
        return cause.direction() * improvement.sign() > 0 ? PointType.SPECIAL_CAUSE_IMPROVEMENT
                : PointType.SPECIAL_CAUSE_CONCERN;
    }

    /**
     * Strict comparisons as {@code ptd_calculate_assurance_type}: a target above the upper limit always fails when
     * higher is better and always passes when lower is better; between the limits (ends included) it is hit and miss.
     */
    static Assurance assurance(Double target, Improvement improvement, Point last) {
        if (target == null || improvement == Improvement.NEITHER) {
            return null;
        }
        if (target > last.upperLimit()) {
            return improvement == Improvement.INCREASE ? Assurance.CONSISTENTLY_FAILING
                    : Assurance.CONSISTENTLY_PASSING;
        }
        if (target < last.lowerLimit()) {
            return improvement == Improvement.INCREASE ? Assurance.CONSISTENTLY_PASSING
                    : Assurance.CONSISTENTLY_FAILING;
        }
        return Assurance.HIT_AND_MISS;
    }

    /** [from, to) index ranges; index 0 in rebaseAt changes nothing. */
    static List<int[]> periods(int n, List<Integer> rebaseAt) {
        TreeSet<Integer> starts = new TreeSet<>(rebaseAt == null ? List.of() : rebaseAt);
        starts.add(0);
        List<int[]> ranges = new ArrayList<>();
        Integer from = starts.first();
        for (Integer next : starts.tailSet(from, false)) {
            ranges.add(new int[] { from, next });
            from = next;
        }
        ranges.add(new int[] { from, n });
        return ranges;
    }

    private static double[] slice(List<Double> values, int from, int to) {
        double[] out = new double[to - from];
        for (int i = from; i < to; i++) {
            out[i - from] = values.get(i);
        }
        return out;
    }
}
