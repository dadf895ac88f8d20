package org.perinatalequity.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The rule helpers against NHSRplotthedots tests/testthat/test-ptd_calculate_point_type.R
 * ({@code ptd_seven_point_one_side_mean}, {@code ptd_part_of_seven_trend}, {@code ptd_seven_point_trend},
 * {@code ptd_part_of_two_in_three}). The package marks the end of a run and then spreads it back; these helpers return
 * the spread ("part of") flags directly.
 */
class SpcRulesTest {

    @Test
    void shiftOfSeven() {
        assertThat(SpcRules.shift(new int[] { 1, 1, 1, 1, 1, 1 }, 7)).containsOnly(false);
        assertThat(SpcRules.shift(new int[] { 1, 1, 1, 1, 1, 1, -1 }, 7)).containsOnly(false);
        assertThat(SpcRules.shift(new int[] { 1, 1, 1, 1, 1, 1, 1, 1, -1 }, 7))
                .containsExactly(true, true, true, true, true, true, true, true, false);
        assertThat(SpcRules.shift(new int[] { 1, -1, -1, -1, -1, -1, -1, -1, -1, 1 }, 7))
                .containsExactly(false, true, true, true, true, true, true, true, true, false);
        // A point exactly on the mean (sign 0) breaks the run.
        assertThat(SpcRules.shift(new int[] { 1, 1, 1, 0, 1, 1, 1, 1 }, 7)).containsOnly(false);
    }

    @Test
    void trendOfSeven() {
        assertThat(SpcRules.trend(new double[] { 1, 2, 3, 4, 5, 6 }, 7)).containsOnly(false);
        assertThat(SpcRules.trend(new double[] { 1, 2, 3, 3, 4, 5, 6 }, 7)).as("a tie breaks the trend")
                .containsOnly(false);
        assertThat(SpcRules.trend(new double[] { 1, 2, 3, 4, 5, 6, 7 }, 7)).containsOnly(true);
        assertThat(SpcRules.trend(new double[] { 2, 1, 2, 3, 4, 5, 6, 7, 3 }, 7))
                .containsExactly(false, true, true, true, true, true, true, true, false);
        assertThat(SpcRules.trend(new double[] { 2, 7, 6, 5, 4, 3, 2, 1, 3 }, 7))
                .containsExactly(false, true, true, true, true, true, true, true, false);
        assertThat(SpcRules.trend(new double[] { 1, 2, 3, 4, 5, 6 }, 6)).as("MDC's 6-point option")
                .containsOnly(true);
    }

    @Test
    void partOfTwoInThree() {
        int[] above = { 1, 1, 1, 1, 1, 1, 1 };
        assertThat(SpcRules.twoInThree(flags(1, 0, 1), above)).containsExactly(true, false, true);
        assertThat(SpcRules.twoInThree(flags(0, 1, 1), above)).containsExactly(false, true, true);
        assertThat(SpcRules.twoInThree(flags(0, 0, 1, 0, 1, 0, 0), above))
                .containsExactly(false, false, true, false, true, false, false);
        assertThat(SpcRules.twoInThree(flags(1, 0, 0, 1), above)).containsOnly(false);
        assertThat(SpcRules.twoInThree(flags(1, 0, 0, 1, 1), above)).containsExactly(false, false, false, true, true);
        // Issue #143: two close points on opposite sides of the mean are not a signal.
        assertThat(SpcRules.twoInThree(flags(0, 1, 1), new int[] { 1, 1, -1 })).containsOnly(false);
    }

    private static boolean[] flags(int... bits) {
        boolean[] out = new boolean[bits.length];
        for (int i = 0; i < bits.length; i++) {
            out[i] = bits[i] == 1;
        }
        return out;
    }
}
