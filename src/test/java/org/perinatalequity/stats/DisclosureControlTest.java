package org.perinatalequity.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.perinatalequity.stats.DisclosureControl.Cell;
import org.perinatalequity.stats.DisclosureControl.Suppressed;

/**
 * The rule as the EQD appendices and DBT {@code suppress_value()} state it ("0 remains as 0, 1-7 are rounded to 5, all
 * other values rounded to the nearest 5"), with the boundary cases of statistical-methods.md section 11.
 */
class DisclosureControlTest {

    @ParameterizedTest
    @CsvSource({ "0, 0", "1, 5", "7, 5", "8, 10", "12, 10", "13, 15", "0.4, 5", "7.4, 5", "7.5, 10", "12.5, 15",
            "17.5, 20", "22.49, 20", "1234, 1235" })
    void roundsCounts(double count, long expected) {
        assertThat(DisclosureControl.roundCount(count)).isEqualTo(expected);
    }

    @Test
    void percentageFromRoundedCounts() {
        // 13 of 102 → 15 of 100 → 15%, not 12.7%.
        assertThat(DisclosureControl.roundedPercentage(13, 102, 100)).isCloseTo(15.0, within(1e-12));
        assertThat(DisclosureControl.roundedPercentage(0, 0, 100)).isNull();
    }

    @Test
    void rareEventRateHiddenBelowEight() {
        assertThat(DisclosureControl.rareEventRate(7, 3000, 1000)).isNull();
        assertThat(DisclosureControl.rareEventRate(8, 3000, 1000)).isCloseTo(8 / 3.0, within(1e-12));
        assertThat(DisclosureControl.rareEventRate(0, 3000, 1000)).isZero();
    }

    @Test
    void oneHiddenRowHidesTheSmallestOther() {
        List<Cell> rows = List.of(Cell.of("White", 120), Cell.of("Asian", 40), Cell.of("Black", 3),
                Cell.of("Mixed", 25), Cell.of("Other", 25));
        Suppressed out = DisclosureControl.suppress(rows, Cell.of("LLR", 213));
        assertThat(out.rows()).extracting(Cell::suppressed).containsExactly(false, false, true, true, false);
        assertThat(out.total().suppressed()).isFalse();
    }

    @Test
    void twoHiddenRowsNeedNothingMore() {
        List<Cell> rows = List.of(Cell.of("A", 120), Cell.of("B", 4), Cell.of("C", 6));
        assertThat(DisclosureControl.suppress(rows, Cell.of("All", 130)).rows()).extracting(Cell::suppressed)
                .containsExactly(false, true, true);
        List<Cell> none = List.of(Cell.of("A", 120), Cell.of("B", 0), Cell.of("C", 60));
        assertThat(DisclosureControl.suppress(none, Cell.of("All", 180)).rows()).extracting(Cell::suppressed)
                .containsExactly(false, false, false);
    }

    @Test
    void aHiddenTotalHidesTheSmallestRow() {
        List<Cell> rows = List.of(Cell.of("A", 40), Cell.of("B", 20), Cell.of("C", 30));
        Suppressed out = DisclosureControl.suppress(rows, new Cell("All", 90, true));
        assertThat(out.rows()).extracting(Cell::suppressed).containsExactly(false, true, false);
        assertThat(out.total().suppressed()).isTrue();
    }

    @Test
    void theTotalIsHiddenOnlyWhenNoOtherRowIsLeft() {
        Suppressed out = DisclosureControl.suppress(List.of(Cell.of("A", 3)), Cell.of("All", 30));
        assertThat(out.rows()).extracting(Cell::suppressed).containsExactly(true);
        assertThat(out.total().suppressed()).isTrue();
    }
}
