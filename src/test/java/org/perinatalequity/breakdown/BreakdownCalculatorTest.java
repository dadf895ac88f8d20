package org.perinatalequity.breakdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.perinatalequity.breakdown.query.GroupCount;
import org.perinatalequity.measures.Dimension;
import org.perinatalequity.measures.Measure;
import org.perinatalequity.stats.Comparison;
import org.perinatalequity.stats.Polarity;

/**
 * The breakdown's statistics on counts made by hand, without a database: the expected figures are worked out in the
 * comments (Wilson with the exact z = 1.959963984540054; log-normal ratio limits; the SII of an exactly linear
 * gradient).
 */
class BreakdownCalculatorTest {

    private static Measure measure(Polarity polarity, boolean rare) {
        return new Measure("m", "M", "M", "%", 100, polarity, null, "x", "n", List.of("plan"), "booking", "outcome",
                rare, "select 1", 0, "Local definition", null, List.of(), null);
    }

    private static final Measure LOWER_IS_BETTER = measure(Polarity.LOWER_IS_BETTER, false);

    private static BreakdownCalculator.Rows calculate(Measure measure, Dimension by, List<GroupCount> counts,
            boolean suppress, String reference) {
        return BreakdownCalculator.calculate(measure, by, null, counts, suppress, reference);
    }

    private static BreakdownResult.Row row(BreakdownCalculator.Rows rows, String group) {
        return rows.rows().stream().filter(r -> r.group().equals(group)).findFirst().orElseThrow();
    }

    @Test
    void womenCountedApartHaveTheirOwnTotalAndNoLimitsWhenMoreAreSeenThanGaveBirth() {
        // Women seen ÷ women who gave birth: Black 3 seen of 2 births (150 per 100, no Wilson interval), White 1 of 2;
        // one White woman seen in two months is once in the total counted apart: 3 of 4, not 4 of 4.
        BreakdownCalculator.Rows r = BreakdownCalculator.calculate(LOWER_IS_BETTER, Dimension.ETHNIC_GROUP, null,
                List.of(new GroupCount("Black or Black British", null, 3, 2), new GroupCount("White", null, 1, 2)),
                new GroupCount("Total", null, 3, 4), false, null);
        assertThat(r.total().numerator()).isEqualTo(3.0);
        assertThat(r.total().denominator()).isEqualTo(4.0);
        assertThat(r.total().value()).isCloseTo(75.0, within(1e-12));
        BreakdownResult.Row black = row(r, "Black or Black British");
        assertThat(black.value()).isCloseTo(150.0, within(1e-12));
        assertThat(black.lower95()).isNull();
        assertThat(black.upper95()).isNull();
        assertThat(black.lower998()).isNull();
        assertThat(black.comparison()).isEqualTo(Comparison.NOT_COMPARED);
        assertThat(row(r, "White").lower95()).isCloseTo(9.4531205734, within(1e-6));
    }

    @Test
    void wilsonLimitsAndComparisonWithTheTotal() {
        // A 10/100 = 10% (95% 5.5229–17.4366), B 40/100 = 40% (30.9401–49.7997), total 50/200 = 25%.
        BreakdownCalculator.Rows r = calculate(LOWER_IS_BETTER, Dimension.TEAM,
                List.of(new GroupCount("B", null, 40, 100), new GroupCount("A", null, 10, 100)), false, null);

        assertThat(r.rows()).extracting(BreakdownResult.Row::group).containsExactly("A", "B");
        assertThat(r.total().value()).isCloseTo(25.0, within(1e-12));
        assertThat(r.total().lower95()).isCloseTo(19.5081680068175, within(1e-9));
        assertThat(r.total().comparison()).isEqualTo(Comparison.NOT_COMPARED);
        BreakdownResult.Row a = row(r, "A");
        assertThat(a.value()).isCloseTo(10.0, within(1e-12));
        assertThat(a.lower95()).isCloseTo(5.52291370606751, within(1e-9));
        assertThat(a.upper95()).isCloseTo(17.436566150491345, within(1e-9));
        assertThat(a.comparison()).isEqualTo(Comparison.BETTER); // wholly below 25%, and lower is better
        assertThat(row(r, "B").comparison()).isEqualTo(Comparison.WORSE);

        BreakdownCalculator.Rows neutral = calculate(measure(Polarity.NONE, false), Dimension.TEAM,
                List.of(new GroupCount("A", null, 10, 100), new GroupCount("B", null, 40, 100)), false, null);
        assertThat(neutral.rows()).extracting(BreakdownResult.Row::comparison)
                .containsExactly(Comparison.LOWER, Comparison.HIGHER);
    }

    @Test
    void primarySuppressionHidesSmallCountsAndRoundsTheRest() {
        // A has 3 events: hidden, shown as 5 of 50. B 12/101 → 10/100 published, its value from the rounded counts.
        // C 4/60 is hidden too, so two rows are hidden and no secondary suppression is needed.
        BreakdownCalculator.Rows r = calculate(LOWER_IS_BETTER, Dimension.TEAM, List.of(
                new GroupCount("A", null, 3, 50), new GroupCount("B", null, 12, 101), new GroupCount("C", null, 4, 60)),
                true, null);

        BreakdownResult.Row a = row(r, "A");
        assertThat(a.suppressed()).isTrue();
        assertThat(a.numerator()).isEqualTo(5.0);
        assertThat(a.denominator()).isEqualTo(50.0);
        assertThat(a.value()).isNull();
        assertThat(a.comparison()).isEqualTo(Comparison.NOT_COMPARED);
        BreakdownResult.Row b = row(r, "B");
        assertThat(b.suppressed()).isFalse();
        assertThat(b.numerator()).isEqualTo(10.0);
        assertThat(b.denominator()).isEqualTo(100.0);
        assertThat(b.value()).isCloseTo(10.0, within(1e-12));
        assertThat(row(r, "C").suppressed()).isTrue();
        // The total 19/211 is published rounded: 20 of 210.
        assertThat(r.total().numerator()).isEqualTo(20.0);
        assertThat(r.total().denominator()).isEqualTo(210.0);
    }

    @Test
    void secondarySuppressionHidesTheSmallestOtherRow() {
        // Only A (3) is hidden: with the total it could be recovered, so the smallest other row, C (20), goes too.
        BreakdownCalculator.Rows r = calculate(LOWER_IS_BETTER, Dimension.TEAM, List.of(
                new GroupCount("A", null, 3, 50), new GroupCount("B", null, 40, 100), new GroupCount("C", null, 20, 100)),
                true, null);

        assertThat(r.rows()).extracting(BreakdownResult.Row::suppressed).containsExactly(true, false, true);
        assertThat(row(r, "C").value()).isNull();
        assertThat(row(r, "C").numerator()).isEqualTo(20.0);
        assertThat(row(r, "B").value()).isCloseTo(40.0, within(1e-12));

        // Unsuppressed, nothing is hidden.
        assertThat(calculate(LOWER_IS_BETTER, Dimension.TEAM, List.of(new GroupCount("A", null, 3, 50),
                new GroupCount("B", null, 40, 100)), false, null).rows()).noneMatch(BreakdownResult.Row::suppressed);
    }

    @Test
    void ratiosToTheReferenceGroup() {
        // A against B: (10/100)/(40/100) = 0.25; se of the log = √(1/10 − 1/100 + 1/40 − 1/100) = √0.105.
        BreakdownCalculator.Rows r = calculate(LOWER_IS_BETTER, Dimension.TEAM,
                List.of(new GroupCount("A", null, 10, 100), new GroupCount("B", null, 40, 100)), false, "B");

        BreakdownResult.Row a = row(r, "A");
        assertThat(a.ratio()).isCloseTo(0.25, within(1e-12));
        assertThat(a.ratioLower95()).isCloseTo(0.13247050273320896, within(1e-9));
        assertThat(a.ratioUpper95()).isCloseTo(0.47180314643987464, within(1e-9));
        BreakdownResult.Row b = row(r, "B");
        assertThat(b.ratio()).isEqualTo(1.0); // the reference: exactly 1, no interval
        assertThat(b.ratioLower95()).isNull();
        assertThat(b.ratioUpper95()).isNull();
        assertThat(r.total().ratio()).isNull();
    }

    @Test
    void suppressedRatiosUseTheRoundedCounts() {
        // A 12/103 → 10/105 published; (10/105)/(40/100) = 0.238095…, se √(1/10 − 1/105 + 1/40 − 1/100).
        BreakdownCalculator.Rows r = calculate(LOWER_IS_BETTER, Dimension.TEAM,
                List.of(new GroupCount("A", null, 12, 103), new GroupCount("B", null, 40, 100)), true, "B");

        BreakdownResult.Row a = row(r, "A");
        assertThat(a.ratio()).isCloseTo(10.0 / 105 / 0.4, within(1e-12));
        assertThat(a.ratioLower95()).isCloseTo(0.125981028300735, within(1e-9));
        assertThat(a.ratioUpper95()).isCloseTo(0.44998316943645217, within(1e-9));
    }

    @Test
    void anAbsentReferenceGroupIsRefusedByName() {
        assertThatThrownBy(() -> calculate(LOWER_IS_BETTER, Dimension.TEAM,
                List.of(new GroupCount("A", null, 10, 100)), false, "Z"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("Parameter 'reference': no group 'Z' in team for this measure and period");
    }

    /** Deciles of 1,000 women with 300, 280, … 120 events: exactly 31% − 20% × rank, rank 0 = most deprived. */
    private static List<GroupCount> linearDeciles() {
        List<GroupCount> counts = new ArrayList<>();
        for (int d = 10; d >= 1; d--) {
            counts.add(new GroupCount(String.valueOf(d), null, 300 - 20L * (d - 1), 1000));
        }
        counts.add(new GroupCount("Unknown", null, 500, 1000)); // not a quantile: left out of the SII
        return counts;
    }

    @Test
    void slopeIndexOverDeciles() {
        BreakdownCalculator.Rows r = calculate(LOWER_IS_BETTER, Dimension.IMD_DECILE, linearDeciles(), false, null);

        assertThat(r.rows()).extracting(BreakdownResult.Row::group).containsExactly("1", "2", "3", "4", "5", "6", "7",
                "8", "9", "10", "Unknown");
        BreakdownResult.Inequality sii = r.inequality();
        assertThat(sii).isNotNull();
        // The weighted line through the exact gradient: intercept 0.31, slope −0.2 → SII −20 per 100, RII 0.11/0.31.
        assertThat(sii.sii()).isCloseTo(-20.0, within(1e-9));
        assertThat(sii.rii()).isCloseTo(0.11 / 0.31, within(1e-9));
        assertThat(sii.siiLower95()).isLessThan(sii.sii());
        assertThat(sii.siiUpper95()).isGreaterThan(sii.sii());
        // Only deprivation gets an SII, and a hidden decile (here: fewer than five quantiles) gives none.
        assertThat(calculate(LOWER_IS_BETTER, Dimension.TEAM, linearDeciles(), false, null).inequality()).isNull();
        assertThat(calculate(LOWER_IS_BETTER, Dimension.IMD_DECILE, linearDeciles().subList(0, 4), false, null)
                .inequality()).isNull();
    }

    @Test
    void rareEventSiiUnderSuppressionComesFromTheTrueCounts() {
        // Decile 10 has 3 events: hidden under suppression, yet a rare event's SII is taken over the true counts.
        List<GroupCount> counts = new ArrayList<>();
        for (int d = 1; d <= 10; d++) {
            counts.add(new GroupCount(String.valueOf(d), null, d == 10 ? 3 : 30, 1000));
        }
        Measure rare = measure(Polarity.LOWER_IS_BETTER, true);

        assertThat(calculate(rare, Dimension.IMD_DECILE, counts, true, null).rows().get(9).suppressed()).isTrue();
        BreakdownResult.Inequality suppressed = calculate(rare, Dimension.IMD_DECILE, counts, true, null).inequality();
        BreakdownResult.Inequality exact = calculate(rare, Dimension.IMD_DECILE, counts, false, null).inequality();
        assertThat(suppressed).isNotNull();
        assertThat(suppressed.sii()).isCloseTo(exact.sii(), within(1e-12));
        // A common outcome with a hidden decile has no SII under suppression.
        assertThat(calculate(LOWER_IS_BETTER, Dimension.IMD_DECILE, counts, true, null).inequality()).isNull();
    }

    @Test
    void aTargetCohortCountsEachEventOnceAcrossItsDimensions() {
        // Black women or IMD decile 1: (Black, 1) 10/100 + (Black, 5) 6/100 + (White, 1) 21/201 = 37/401; White in
        // decile 5 is out. Unsuppressed 9.2269…%; published 35 of 400 = 8.75%.
        List<GroupCount> counts = List.of(new GroupCount("Black", "1", 10, 100), new GroupCount("Black", "5", 6, 100),
                new GroupCount("White", "1", 21, 201), new GroupCount("White", "5", 30, 300));

        BreakdownResult.Row exact = BreakdownCalculator.cohortRow(LOWER_IS_BETTER, counts, List.of("Black"),
                List.of("1"), false);
        assertThat(exact.group()).isEqualTo("Target cohort");
        assertThat(exact.numerator()).isEqualTo(37.0);
        assertThat(exact.denominator()).isEqualTo(401.0);
        assertThat(exact.value()).isCloseTo(3700.0 / 401, within(1e-12));
        BreakdownResult.Row published = BreakdownCalculator.cohortRow(LOWER_IS_BETTER, counts, List.of("Black"),
                List.of("1"), true);
        assertThat(published.numerator()).isEqualTo(35.0);
        assertThat(published.denominator()).isEqualTo(400.0);
        assertThat(published.value()).isCloseTo(8.75, within(1e-12));
    }
}
