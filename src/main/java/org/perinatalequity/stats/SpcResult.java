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
        SPECIAL_CAUSE_IMPROVEMENT("▲", "Special cause: improvement"),
        SPECIAL_CAUSE_CONCERN("▼", "Special cause: concern"),
        SPECIAL_CAUSE_NEITHER("◆", "Special cause: neither improvement nor concern"),
        COMMON_CAUSE("●", "Common cause: no significant change");

        private final String symbol;
        private final String text;

        PointType(String symbol, String text) {
            this.symbol = symbol;
            this.text = text;
        }

        /** The contract's label, e.g. {@code special_cause_concern}: JSON writes it (system/api/StatsJsonModule). */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** In words, with its symbol first so that colour is never the only cue: "▼ Special cause: concern". */
        public String text() {
            return symbol + " " + text;
        }

        /** Whether the point (or chart) shows special cause of any kind. */
        public boolean special() {
            return this != COMMON_CAUSE;
        }

        /** The label of a type that may be absent (null: not charted), as charts read it. */
        public static String label(PointType type) {
            return type == null ? null : type.label();
        }
    }

    /** The assurance icon: where the target lies against the process limits. */
    public enum Assurance {
        CONSISTENTLY_PASSING("consistently passing the target ✓"),
        CONSISTENTLY_FAILING("consistently failing the target ✗"),
        HIT_AND_MISS("hit and miss, the target lies within the process limits ?");

        private final String text;

        Assurance(String text) {
            this.text = text;
        }

        /** The contract's label, e.g. {@code hit_and_miss}: JSON writes it (system/api/StatsJsonModule). */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** In words, with its symbol last: "consistently passing the target ✓". */
        public String text() {
            return text;
        }

        /** The label of an assurance that may be absent (null: not assessed), as charts read it. */
        public static String label(Assurance assurance) {
            return assurance == null ? null : assurance.label();
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
