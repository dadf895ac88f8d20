package org.perinatalequity.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** The completeness rule (docs/board.md, "Complete periods") on hand-built series, without a database. */
class CompletePeriodsTest {

    private static final YearMonth APR_24 = YearMonth.of(2024, 4);

    /** Twelve covered months, April 2024 to March 2025, reported to 31 March 2025. */
    private static CompletePeriods.Coverage year() {
        TreeSet<YearMonth> months = new TreeSet<>();
        for (int i = 0; i < 12; i++) {
            months.add(APR_24.plusMonths(i));
        }
        return new CompletePeriods.Coverage(months, LocalDate.of(2025, 3, 31));
    }

    private static Map<YearMonth, Long> flat(long each) {
        Map<YearMonth, Long> out = new TreeMap<>();
        for (int i = -3; i < 15; i++) {
            out.put(APR_24.plusMonths(i), each);
        }
        return out;
    }

    @Test
    void monthsOutsideTheReportingPeriodAreIncomplete() {
        // Data before April 2024 and after March 2025 (history and future a submission carries) never counts.
        assertThat(CompletePeriods.completeMonths(year(), 0, flat(900))).hasSize(12)
                .first().isEqualTo(APR_24);
        assertThat(CompletePeriods.completeMonths(year(), 0, flat(900))).last().isEqualTo(YearMonth.of(2025, 3));
    }

    @Test
    void aMonthIsCompleteOnlyWhenItsEventsCanAllHaveHappened() {
        // Neonatal deaths (27 days): March 2025 ends on the 31st, + 27 = 27 April, after the data end; February ends
        // on the 28th, + 27 = 27 March, inside.
        assertThat(CompletePeriods.completeMonths(year(), 27, flat(900))).last().isEqualTo(YearMonth.of(2025, 2));
        // 31 days after 28 February is 31 March: still complete, the last day included.
        assertThat(CompletePeriods.completeMonths(year(), 31, flat(900))).last().isEqualTo(YearMonth.of(2025, 2));
        assertThat(CompletePeriods.completeMonths(year(), 32, flat(900))).last().isEqualTo(YearMonth.of(2025, 1));
    }

    @Test
    void aDenominatorUnderHalfTheMedianIsIncomplete() {
        Map<YearMonth, Long> series = flat(900);
        series.put(YearMonth.of(2025, 3), 20L); // bookings cut off at the end of the extract
        series.put(YearMonth.of(2025, 2), 450L); // exactly half the median 900: kept
        series.remove(YearMonth.of(2024, 8)); // a covered month with no record at all: 0
        assertThat(CompletePeriods.completeMonths(year(), 0, series)).hasSize(10)
                .doesNotContain(YearMonth.of(2025, 3), YearMonth.of(2024, 8)).contains(YearMonth.of(2025, 2));
    }

    @Test
    void theMedianIsOfTheMonthsInsideTheWindowOnly() {
        // Tiny history months before the period must not pull the median down: 12 months of 100 → median 100,
        // so 49 is out and 50 is in.
        Map<YearMonth, Long> series = flat(100);
        series.put(APR_24.minusMonths(1), 1L);
        series.put(APR_24.minusMonths(2), 1L);
        series.put(YearMonth.of(2024, 10), 49L);
        series.put(YearMonth.of(2024, 11), 50L);
        // Sorted 49, 50, 100 × 10: median 100.
        assertThat(CompletePeriods.completeMonths(year(), 0, series)).hasSize(11)
                .doesNotContain(YearMonth.of(2024, 10));
    }

    @Test
    void smallSeriesAreNotJudgedOnTheirDenominators() {
        // A median under 20 (a rare cohort) cannot tell a cut-off month from noise: every covered month counts.
        Map<YearMonth, Long> series = flat(19);
        series.put(YearMonth.of(2025, 3), 1L);
        assertThat(CompletePeriods.completeMonths(year(), 0, series)).hasSize(12);
        series.replaceAll((m, n) -> 20L);
        series.put(YearMonth.of(2025, 3), 9L);
        assertThat(CompletePeriods.completeMonths(year(), 0, series)).hasSize(11);
    }

    @Test
    void theEarliestProviderDecidesTruncation() {
        TreeSet<YearMonth> months = new TreeSet<>(year().months());
        // One provider to 31 March, another to 28 February: coverage ends in February (rule 1), and February's
        // neonatal deaths are only in from both when 28 February + 27 ≤ 28 February: never.
        months.remove(YearMonth.of(2025, 3));
        CompletePeriods.Coverage two = new CompletePeriods.Coverage(months, LocalDate.of(2025, 3, 31),
                LocalDate.of(2025, 2, 28));
        assertThat(CompletePeriods.completeMonths(two, 27, flat(900))).last().isEqualTo(YearMonth.of(2025, 1));
        assertThat(CompletePeriods.completeMonths(two, 0, flat(900))).last().isEqualTo(YearMonth.of(2025, 2));
    }

    @Test
    void quartersAndYearsAreTheirMonths() {
        assertThat(CompletePeriods.months(Dimension.QUARTER, "2024-Q4")).containsExactly(YearMonth.of(2024, 10),
                YearMonth.of(2024, 11), YearMonth.of(2024, 12));
        assertThat(CompletePeriods.months(Dimension.FINANCIAL_YEAR, "2024/25")).hasSize(12).first().isEqualTo(APR_24);
        assertThat(year().covers(Dimension.FINANCIAL_YEAR, "2024/25")).isTrue();
        assertThat(year().covers(Dimension.QUARTER, "2025-Q2")).isFalse();
        assertThat(year().covers(Dimension.QUARTER, "2025-Q1")).isTrue();
    }

    @Test
    void nothingLoadedIsNothingComplete() {
        assertThat(CompletePeriods.completeMonths(new CompletePeriods.Coverage(new TreeSet<>(), null), 0, flat(900)))
                .isEmpty();
    }
}
