package org.perinatalequity.calculator.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.perinatalequity.calculator.ui.PastedRows.Column;
import org.perinatalequity.calculator.ui.PastedRows.Layout;
import org.perinatalequity.calculator.ui.PastedRows.PasteException;
import org.perinatalequity.calculator.ui.PastedRows.Row;

/** Reading pasted rows: separators, header rows, blank lines, labels, and errors that name the row and column. */
class PastedRowsTest {

    private static final Layout COUNTS = new Layout(List.of(Column.number("numerator"),
            Column.number("denominator")), "label");

    private static final Layout QUANTILES = new Layout(List.of(Column.wholeNumber("quantile"),
            Column.number("population"), Column.number("value"), Column.optional("lower95"),
            Column.optional("upper95")), null);

    private static List<List<Double>> values(PastedRows pasted) {
        return pasted.rows().stream().map(Row::values).toList();
    }

    @Test
    void readsTabsCommasAndSemicolonsAlike() {
        List<List<Double>> expected = List.of(List.of(5.0, 20.0), List.of(457.0, 5930.0));
        assertThat(values(PastedRows.parse("5\t20\n457\t5930", COUNTS))).isEqualTo(expected);
        assertThat(values(PastedRows.parse("5,20\n457,5930", COUNTS))).isEqualTo(expected);
        assertThat(values(PastedRows.parse("5; 20\r\n457 ;5930", COUNTS))).isEqualTo(expected);
    }

    @Test
    void skipsAHeaderRowAndBlankLinesButNumbersRowsAsLinesOfTheBox() {
        PastedRows pasted = PastedRows.parse("numerator\tdenominator\n\n5\t20\n   \n457\t5930\n\n", COUNTS);

        assertThat(pasted.headerLine()).isEqualTo(1);
        assertThat(pasted.rows()).extracting(Row::line).containsExactly(3, 5);
        assertThat(pasted.labelled()).isFalse();
    }

    @Test
    void aFirstLineWithANumberInItIsDataNotAHeader() {
        assertThatThrownBy(() -> PastedRows.parse("12a,100\n5,20", COUNTS)).isInstanceOf(PasteException.class)
                .hasMessage("Row 1, numerator: '12a' is not a number.");
    }

    @Test
    void anExtraFirstColumnIsALabelAndQuotedCellsKeepTheirCommas() {
        PastedRows pasted = PastedRows.parse("Area,Events,Births\n\"Leicester, City\",\"1,204\",\"5,930\"\n"
                + "Rutland,12,310\n", COUNTS);

        assertThat(pasted.labelled()).isTrue();
        assertThat(pasted.rows()).extracting(Row::label).containsExactly("Leicester, City", "Rutland");
        assertThat(values(pasted)).containsExactly(List.of(1204.0, 5930.0), List.of(12.0, 310.0));
    }

    @Test
    void thousandsSeparatorsDecimalsSignsAndExponentsAreNumbers() {
        assertThat(values(PastedRows.parse("1,234.5\t-2e3\n+.5\t7.", COUNTS)))
                .containsExactly(List.of(1234.5, -2000.0), List.of(0.5, 7.0));
    }

    @Test
    void optionalColumnsMayBeLeftEmptyOrLeftOff() {
        PastedRows pasted = PastedRows.parse("1\t100\t19\t17\t21\n2\t100\t17\n3\t100\t15\t\t\n", QUANTILES);

        assertThat(pasted.rows()).extracting(Row::values).containsExactly(List.of(1.0, 100.0, 19.0, 17.0, 21.0),
                Arrays.asList(2.0, 100.0, 17.0, null, null), Arrays.asList(3.0, 100.0, 15.0, null, null));
    }

    @Test
    void errorsNameTheRowTheColumnTheValueAndTheReason() {
        assertThatThrownBy(() -> PastedRows.parse("numerator,denominator\n5,20\n7,12a", COUNTS))
                .hasMessage("Row 3, denominator: '12a' is not a number.");
        assertThatThrownBy(() -> PastedRows.parse("5\t20\t30\t40", COUNTS))
                .hasMessage("Row 1: expected 2 columns (numerator, denominator) but found 4.");
        assertThatThrownBy(() -> PastedRows.parse("Leicester\t\t20", COUNTS))
                .hasMessage("Row 1, numerator: a number is needed but the cell is empty.");
        assertThatThrownBy(() -> PastedRows.parse("5,20\n6", COUNTS))
                .hasMessage("Row 2: expected 2 columns (numerator, denominator) but found 1.");
        assertThatThrownBy(() -> PastedRows.parse("A,5,20\n6,30", COUNTS))
                .hasMessage("Row 2: expected 3 columns (label, numerator, denominator) but found 2.");
        assertThatThrownBy(() -> PastedRows.parse("5,25%", COUNTS))
                .hasMessage("Row 1, denominator: '25%' is not a number (type the number without the % sign).");
        assertThatThrownBy(() -> PastedRows.parse("1.5,100,3", QUANTILES))
                .hasMessage("Row 1, quantile: '1.5' is not a whole number.");
        assertThatThrownBy(() -> PastedRows.parse("1,,3", QUANTILES))
                .hasMessage("Row 1, population: a number is needed but the cell is empty.");
        assertThatThrownBy(() -> PastedRows.parse("1,100", QUANTILES))
                .hasMessage("Row 1: expected 3 to 5 columns (quantile, population, value, lower95, upper95) but"
                        + " found 2.");
        assertThatThrownBy(() -> PastedRows.parse("\"5,20", COUNTS))
                .hasMessage("Row 1: the cells could not be read (a quote is not closed).");
    }

    @Test
    void nothingPastedSaysWhatToPaste() {
        assertThatThrownBy(() -> PastedRows.parse("  \n numerator, denominator \n", COUNTS))
                .hasMessage("Paste or type at least one row of numbers: numerator, denominator, optionally with a"
                        + " label first.");
        assertThatThrownBy(() -> PastedRows.parse(null, QUANTILES))
                .hasMessage("Paste or type at least one row of numbers: quantile, population, value, lower95,"
                        + " upper95.");
    }

    @Test
    void wordsThatLookLikeNumbersAreNot() {
        assertThat(PastedRows.isNumber("NaN")).isFalse();
        assertThat(PastedRows.isNumber("Infinity")).isFalse();
        assertThat(PastedRows.isNumber("0x10")).isFalse();
        assertThat(PastedRows.isNumber("12d")).isFalse();
        assertThat(PastedRows.isNumber("1,23")).isFalse();
        assertThat(PastedRows.isNumber("-")).isFalse();
        assertThat(PastedRows.isNumber("e5")).isFalse();
    }
}
