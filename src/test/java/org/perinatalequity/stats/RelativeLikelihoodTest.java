package org.perinatalequity.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** WRES relative likelihoods with Katz's log-scale limits (workforce-and-mental-health.md sections 1.5 and 1.6). */
class RelativeLikelihoodTest {

    /**
     * West Lancashire 2019/20: White 117 appointed of 389 shortlisted, BME 2 of 10 → 1.5039, 95% CI 0.4314 to 5.2428
     * (the reference's worked numbers; full precision recomputed by hand: SE = √(1/117 − 1/389 + 1/2 − 1/10)).
     */
    @Test
    void westLancashireIndicatorTwo() {
        RelativeLikelihood rl = RelativeLikelihood.of(117, 389, 2, 10, 0.95);
        assertThat(rl.value()).isCloseTo(1.5038560411311053, within(1e-14));
        assertThat(rl.lower()).isCloseTo(0.43137243086373306, within(1e-13));
        assertThat(rl.upper()).isCloseTo(5.2427620094269205, within(1e-12));
    }

    /** The four-fifths worked example: A 48/120 = 40%, B 20/80 = 25% → 1.60. */
    @Test
    void fourFifthsExample() {
        RelativeLikelihood rl = RelativeLikelihood.of(48, 120, 20, 80, 0.95);
        assertThat(rl.value()).isCloseTo(1.6, within(1e-14));
        assertThat(rl.lower()).isCloseTo(1.0322515206843441, within(1e-13));
        assertThat(rl.upper()).isCloseTo(2.4800157216555285, within(1e-13));
    }

    @Test
    void zeroNumeratorsLeaveOutWhatCannotBeComputed() {
        RelativeLikelihood none1 = RelativeLikelihood.of(0, 50, 3, 40, 0.95);
        assertThat(none1.value()).isZero();
        assertThat(none1.lower()).isNull();
        assertThat(none1.upper()).isNull();
        RelativeLikelihood none2 = RelativeLikelihood.of(3, 40, 0, 50, 0.95);
        assertThat(none2.value()).isNull();
        assertThat(none2.lower()).isNull();
        assertThat(none2.upper()).isNull();
    }

    @Test
    void everyoneInBothGroupsHasNoVariance() {
        RelativeLikelihood rl = RelativeLikelihood.of(10, 10, 20, 20, 0.95);
        assertThat(rl.value()).isEqualTo(1.0);
        assertThat(rl.lower()).isEqualTo(1.0);
        assertThat(rl.upper()).isEqualTo(1.0);
    }

    @Test
    void badCounts() {
        assertThatThrownBy(() -> RelativeLikelihood.of(11, 10, 1, 10, 0.95)).isInstanceOf(InvalidInputException.class)
                .hasMessage("numerator1 must be ≤ denominator1");
        assertThatThrownBy(() -> RelativeLikelihood.of(1, 10, -1, 10, 0.95)).hasMessage("numerator2 must be ≥ 0");
        assertThatThrownBy(() -> RelativeLikelihood.of(0, 0, 1, 10, 0.95)).hasMessage("denominator1 must be > 0");
        assertThatThrownBy(() -> RelativeLikelihood.of(1, 10, 1, 10, 1.0))
                .hasMessageStartingWith("confidence must be a fraction");
    }
}
