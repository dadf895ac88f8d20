package org.perinatalequity.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.perinatalequity.breakdown.TrendResult;
import org.perinatalequity.measures.Measure;
import org.perinatalequity.stats.Polarity;

/** The words of a value against its target: "below" or "above" only when the whole 95% interval is. */
class TargetStandingTest {

    private static final Measure ACCESS = new Measure("pmh_access", "Access", "d", "per 100", 100,
            Polarity.HIGHER_IS_BETTER, 10.0, "x", "n", List.of("plan"), "contact", "outcome", false, "select 1", 0,
            "Local definition", null, List.of(), null, Measure.Counting.WOMEN);

    private static TrendResult year(Double value, Double lower, Double upper) {
        return new TrendResult("pmh_access", "month", true, "per 100", 10.0, null, null, null, List.of(
                new TrendResult.Point("2025-03", 850.0, 10_000.0, value, lower, upper, null, null, null, false, true)),
                null, "xmr", 12, List.of());
    }

    @Test
    void belowOnlyWhenTheUpperLimitIsBelowTheTarget() {
        assertThat(StatusText.targetStandingText(year(8.5, 7.98, 9.05), ACCESS)).isEqualTo(
                "8.5 per 100 in the 12 months to 2025-03 is below the 10.0 per 100 target (95% interval 8.0 to 9.1)");
        assertThat(StatusText.targetStandingText(year(9.4, 8.2, 10.7), ACCESS)).isEqualTo(
                "9.4 per 100 in the 12 months to 2025-03: not distinguishable from the 10.0 per 100 target, its 95%"
                        + " interval includes it (95% interval 8.2 to 10.7)");
        assertThat(StatusText.targetStandingText(year(11.0, 10.2, 11.9), ACCESS)).contains(
                " is above the 10.0 per 100 target");
        assertThat(StatusText.targetStandingText(year(null, null, null), ACCESS))
                .isEqualTo("Against the 10.0 per 100 target: not available");
    }

    @Test
    void latestTextAndBasisNameTheRollingWindow() {
        TrendResult year = year(8.5, 7.98, 9.05);
        assertThat(StatusText.latestText(year, ACCESS))
                .isEqualTo("Latest complete 12 months (to 2025-03): 8.5 per 100 (850 of 10,000)");
        assertThat(StatusText.basisText(year)).isEqualTo("n = 10,000 in the 12 months to 2025-03; data to not available");
    }
}
