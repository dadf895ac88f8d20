package org.perinatalequity.calculator.ui;

import org.perinatalequity.stats.Comparisons;
import org.perinatalequity.stats.SiiInput;
import org.perinatalequity.stats.SpcInput;
import org.perinatalequity.calculator.StatsCalculator;

import org.jspecify.annotations.Nullable;

/**
 * The parameter fields of the calculator page at the moment "Calculate" is pressed, with the API's names and words
 * (DESIGN.md section 4). A null number is an empty field: the calculator then applies the API's default, so the
 * page and {@code POST /api/stats/*} answer alike.
 */
record CalculatorInputs(@Nullable Double confidence, @Nullable Double multiplier, @Nullable Double averageProportion,
        String compareMethod, String polarity, @Nullable Double benchmark, @Nullable Double unit, @Nullable Double z,
        String chart, String improvement, @Nullable Double target, boolean screenOutliers,
        @Nullable Integer trendLength, @Nullable Integer shiftLength, String valueType, boolean transform,
        @Nullable Integer repetitions, @Nullable Long seed) {

    /** The page's starting values for an operation: the API's defaults, written out so people can see them. */
    static CalculatorInputs defaults(Operation operation) {
        double multiplier = switch (operation) {
            case RATE, DSR, ISRATE -> StatsCalculator.RATE_MULTIPLIER;
            case FUNNEL_LIMITS -> StatsCalculator.FUNNEL_MULTIPLIER;
            case SII -> StatsCalculator.SII_MULTIPLIER;
            default -> StatsCalculator.PROPORTION_MULTIPLIER;
        };
        return new CalculatorInputs(StatsCalculator.DEFAULT_CONFIDENCE, multiplier, null, "overlap95",
                "higher_is_better", null, StatsCalculator.COMPARE_UNIT, Comparisons.SPC_Z_95, "xmr", "increase", null,
                true, SpcInput.DEFAULT_RUN_LENGTH, SpcInput.DEFAULT_RUN_LENGTH, "rate", false,
                SiiInput.DEFAULT_REPETITIONS, null);
    }
}
