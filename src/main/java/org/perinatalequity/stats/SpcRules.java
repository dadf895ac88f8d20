package org.perinatalequity.stats;

import org.perinatalequity.stats.SpcResult.SpecialCause;

/**
 * The Making Data Count special-cause rules for one period, in NHSRplotthedots' order (first match wins): a point
 * outside the limits; part of a trend; part of two-in-three near a limit; part of a shift. All comparisons are strict,
 * so a point exactly on a limit is inside and a point exactly on the mean breaks a shift.
 */
final class SpcRules {

    private SpcRules() {
    }

    static SpecialCause[] causes(double[] y, SpcLimits.Period limits, int trendLength, int shiftLength) {
        int n = y.length;
        int[] side = new int[n];
        boolean[] outside = new boolean[n];
        boolean[] close = new boolean[n];
        for (int i = 0; i < n; i++) {
            side[i] = (int) Math.signum(y[i] - limits.mean()[i]);
            outside[i] = y[i] > limits.upper()[i] || y[i] < limits.lower()[i];
            // Strictly between the 2σ line and the limit: a point beyond the limit does not count as close.
            close[i] = !outside[i] && (y[i] > limits.upperNear()[i] || y[i] < limits.lowerNear()[i]);
        }
        boolean[] trend = trend(y, trendLength);
        boolean[] twoInThree = twoInThree(close, side);
        boolean[] shift = shift(side, shiftLength);
        SpecialCause[] causes = new SpecialCause[n];
        for (int i = 0; i < n; i++) {
            if (outside[i]) {
                causes[i] = side[i] > 0 ? SpecialCause.ABOVE_UCL : SpecialCause.BELOW_LCL;
            } else if (trend[i]) {
                causes[i] = trendDirection(y, trend, i) > 0 ? SpecialCause.TREND_INCREASING
                        : SpecialCause.TREND_DECREASING;
            } else if (twoInThree[i]) {
                causes[i] = side[i] > 0 ? SpecialCause.TWO_IN_THREE_ABOVE : SpecialCause.TWO_IN_THREE_BELOW;
            } else if (shift[i]) {
                causes[i] = side[i] > 0 ? SpecialCause.SHIFT_ABOVE : SpecialCause.SHIFT_BELOW;
            } else {
                causes[i] = SpecialCause.COMMON_CAUSE;
            }
        }
        return causes;
    }

    /** Every point of any window of {@code length} strictly rising or strictly falling points; a tie breaks it. */
    static boolean[] trend(double[] y, int length) {
        boolean[] flagged = new boolean[y.length];
        for (int end = length - 1; end < y.length; end++) {
            int start = end - length + 1;
            boolean up = true;
            boolean down = true;
            for (int i = start + 1; i <= end; i++) {
                up &= y[i] > y[i - 1];
                down &= y[i] < y[i - 1];
            }
            if (up || down) {
                for (int i = start; i <= end; i++) {
                    flagged[i] = true;
                }
            }
        }
        return flagged;
    }

    /**
     * The step to the next point when that point is also in a trend, else the step from the previous one; so the
     * shared peak of a rise then a fall is "decreasing", as in the package.
     */
    private static int trendDirection(double[] y, boolean[] trend, int i) {
        if (i + 1 < y.length && trend[i + 1] && y[i + 1] != y[i]) {
            return (int) Math.signum(y[i + 1] - y[i]);
        }
        return (int) Math.signum(y[i] - y[i - 1]);
    }

    /** Close points in a 3-point window with at least 2 close points and all 3 on one side of the mean (issue #143). */
    static boolean[] twoInThree(boolean[] close, int[] side) {
        boolean[] flagged = new boolean[close.length];
        for (int start = 0; start + 2 < close.length; start++) {
            int closeCount = 0;
            int sides = 0;
            for (int i = start; i < start + 3; i++) {
                closeCount += close[i] ? 1 : 0;
                sides += side[i];
            }
            if (closeCount >= 2 && Math.abs(sides) == 3) {
                for (int i = start; i < start + 3; i++) {
                    flagged[i] |= close[i];
                }
            }
        }
        return flagged;
    }

    /** Every point of any window of {@code length} points on the same side of the mean. */
    static boolean[] shift(int[] side, int length) {
        boolean[] flagged = new boolean[side.length];
        int run = 0;
        for (int i = 0; i < side.length; i++) {
            run = side[i] != 0 && i > 0 && side[i] == side[i - 1] ? run + 1 : side[i] != 0 ? 1 : 0;
            if (run >= length) {
                for (int j = i - length + 1; j <= i; j++) {
                    flagged[j] = true;
                }
            }
        }
        return flagged;
    }
}
