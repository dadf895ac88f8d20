package org.perinatalequity.breakdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.perinatalequity.breakdown.query.AgeBandCount;
import org.perinatalequity.measures.Measure;
import org.perinatalequity.stats.Comparison;
import org.perinatalequity.stats.Polarity;

/**
 * The arithmetic of {@code adjust=maternal_age} on hand-made counts: expected from the whole LMNS's rates by band,
 * the suppression rules (no adjustment for a hidden row or 1–7 observed; the rounded observed count otherwise), and
 * a group with no aged record.
 */
class AgeAdjustmentTest {

    private static final Measure MEASURE = new Measure("m", "M", "M", "%", 100, Polarity.LOWER_IS_BETTER, null, "x",
            "n", List.of("plan"), "birth", "outcome", false, "select 1", 0, "Local definition", null, List.of(),
            null);

    private static BreakdownResult.Row row(String group, boolean suppressed) {
        return new BreakdownResult.Row(group, null, 10.0, 100.0, suppressed ? null : 10.0, null, null, null, null,
                suppressed, Comparison.SIMILAR, null, null, null);
    }

    /**
     * LMNS by band: <20 20/100, 40+ 60/200 (rates 0.2 and 0.3; all 80/300). Group A: 50 births under 20 and 50 at 40+
     * with 23 events: expected 10 + 15 = 25. Group B: 4 events, 50 and 150. Group C: no record with an age.
     */
    private static final List<AgeBandCount> COUNTS = List.of(
            new AgeBandCount("A", null, "<20", 9, 50, 9, 50), new AgeBandCount("A", null, "40+", 14, 50, 14, 50),
            new AgeBandCount("B", null, "<20", 11, 50, 11, 50), new AgeBandCount("B", null, "40+", 46, 150, 46, 150));

    @Test
    void expectedComesFromTheLmnsRatesByBand() {
        AgeAdjustment.Adjusted a = AgeAdjustment.apply(MEASURE, COUNTS, row("Total", false),
                List.of(row("A", false), row("B", false), row("C", false)), false);
        BreakdownResult.Row groupA = a.rows().get(0);
        assertThat(groupA.adjusted().observed()).isEqualTo(23);
        assertThat(groupA.adjusted().expected()).isCloseTo(25, within(1e-12));
        assertThat(groupA.ratio()).isCloseTo(0.92, within(1e-12));
        // adjustedValue = ratio × the LMNS's 80/300 on the measure's scale (%).
        assertThat(groupA.adjusted().adjustedValue()).isCloseTo(0.92 * 80 / 300 * 100, within(1e-10));
        BreakdownResult.Row groupB = a.rows().get(1);
        assertThat(groupB.adjusted().expected()).isCloseTo(10 + 45, within(1e-12));
        BreakdownResult.Row groupC = a.rows().get(2);
        assertThat(groupC.adjusted().observed()).isZero();
        assertThat(groupC.adjusted().expected()).isZero();
        assertThat(groupC.ratio()).isNull();
        assertThat(a.total().adjusted().observed()).isEqualTo(80);
        assertThat(a.total().ratio()).isCloseTo(1, within(1e-12));
    }

    @Test
    void underSuppressionSmallOrHiddenRowsHaveNoAdjustmentAndOthersUseTheRoundedCount() {
        List<AgeBandCount> counts = List.of(new AgeBandCount("A", null, "<20", 9, 50, 9, 50),
                new AgeBandCount("A", null, "40+", 14, 50, 14, 50), new AgeBandCount("B", null, "<20", 4, 50, 4, 50),
                new AgeBandCount("D", null, "<20", 20, 100, 20, 100));
        AgeAdjustment.Adjusted a = AgeAdjustment.apply(MEASURE, counts, row("Total", false),
                List.of(row("A", false), row("B", false), row("D", true)), true);
        BreakdownResult.Row groupA = a.rows().get(0);
        // 23 observed is published as 25: the ratio uses 25 too, so ratio × expected gives no exact count back. The
        // LMNS's rates come from its rounded counts: <20 33/200 → 35/200, 40+ 14/50 → 15/50.
        assertThat(groupA.adjusted().observed()).isEqualTo(25);
        double expected = 50 * 35 / 200.0 + 50 * 15 / 50.0;
        assertThat(groupA.adjusted().expected()).isCloseTo(expected, within(1e-12));
        assertThat(groupA.ratio()).isCloseTo(25 / expected, within(1e-12));
        BreakdownResult.Row small = a.rows().get(1);
        assertThat(small.adjusted().observed()).isNull();
        assertThat(small.adjusted().expected()).isNull();
        assertThat(small.ratio()).isNull();
        BreakdownResult.Row hidden = a.rows().get(2);
        assertThat(hidden.adjusted().observed()).isNull();
        assertThat(hidden.ratioLower95()).isNull();
    }
}
