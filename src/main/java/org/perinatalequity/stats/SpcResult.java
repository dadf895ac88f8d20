package org.perinatalequity.stats;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A calculated SPC chart. {@code mean}, {@code lowerLimit} and {@code upperLimit} are those of the last period; for a
 * p chart the limits vary by point and the top-level ones are null. {@code assurance} is null without a target or
 * when improvement is "neither".
 */
public record SpcResult(double mean, @Nullable Double lowerLimit, @Nullable Double upperLimit, List<Point> points,
        PointType variation, Assurance assurance) {

    /**
     * One point: its value (a proportion on a p chart), its period's mean, its limits, the first special-cause rule it
     * met, and what that means given the improvement direction.
     */
    public record Point(double value, double mean, double lowerLimit, double upperLimit, SpecialCause cause,
            PointType type) {
    }

    /** Making Data Count point types (the package's neutral high/low are both "neither" here, as in DESIGN.md). */
    public enum PointType {
        SPECIAL_CAUSE_IMPROVEMENT, SPECIAL_CAUSE_CONCERN, SPECIAL_CAUSE_NEITHER, COMMON_CAUSE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The assurance icon: where the target lies against the process limits. */
    public enum Assurance {
        CONSISTENTLY_PASSING, CONSISTENTLY_FAILING, HIT_AND_MISS;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The package's special-cause labels, in rule order; {@link #direction()} is +1 above/up, −1 below/down. */
    public enum SpecialCause {
        ABOVE_UCL("Above UCL", 1), BELOW_LCL("Below LCL", -1),
        TREND_INCREASING("Trend (Increasing)", 1), TREND_DECREASING("Trend (Decreasing)", -1),
        TWO_IN_THREE_ABOVE("2 in 3 Above CL", 1), TWO_IN_THREE_BELOW("2 in 3 Below CL", -1),
        SHIFT_ABOVE("Points Above CL", 1), SHIFT_BELOW("Points Below CL", -1),
        COMMON_CAUSE("Common Cause", 0);

        private final String text;
        private final int direction;

        SpecialCause(String text, int direction) {
            this.text = text;
            this.direction = direction;
        }

        public String text() {
            return text;
        }

        public int direction() {
            return direction;
        }
    }
}
