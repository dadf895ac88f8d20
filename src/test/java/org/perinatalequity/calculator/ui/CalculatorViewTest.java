package org.perinatalequity.calculator.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perinatalequity.SampleDataTest;
import org.perinatalequity.SampleDataViewTest;
import org.perinatalequity.TestUsers;
import org.perinatalequity.stats.Estimate;
import org.perinatalequity.stats.Proportions;
import org.perinatalequity.stats.Rates;
import org.perinatalequity.stats.Spc;
import org.perinatalequity.stats.SpcInput;
import org.perinatalequity.stats.SpcResult;


/**
 * The calculator page, signed in as an analyst: pasted rows give the numbers of the stats classes (and the
 * hand-worked Wilson limits), a bad row gives a message naming it and no results, and the CSV holds exactly the grid's
 * rows. No sample data is needed, but the shared context keeps the test cheap.
 */
@SampleDataTest
class CalculatorViewTest extends SampleDataViewTest {

    private CalculatorView view;

    @BeforeEach
    void setUp() {
        TestUsers.karibuLogin(TestUsers.ANALYST, List.of("ANALYST"), List.of());
        UI.getCurrent().navigate("calculator");
        view = _get(CalculatorView.class);
    }

    private void paste(String text) {
        view.rows.setValue(text);
        ButtonKt._click(view.calculate);
    }

    private List<List<Object>> rows() {
        return GridKt._fetch(view.results, 0, 10_000);
    }

    private List<String> shown(int row) {
        return GridKt._getFormattedRow(view.results, row);
    }

    private static List<String> headers(Grid<?> grid) {
        return grid.getColumns().stream().map(c -> c.getHeaderText()).toList();
    }

    @Test
    void wilsonLimitsForPastedRowsWithAHeaderAndLabels() {
        view.operation.setValue(Operation.PROPORTION);
        paste("Area\tNumerator\tDenominator\nLeicester\t5\t20\n\nRutland\t457\t5930\n");

        assertThat(view.error.getText()).isEmpty();
        assertThat(headers(view.results)).containsExactly("Label", "Numerator", "Denominator", "Value",
                "Lower 95% limit", "Upper 95% limit", "Method");
        // Hand-worked: p = 0.25, z = 1.959964; Wilson (p + z²/2n ± z√(p(1−p)/n + z²/4n²)) / (1 + z²/n).
        assertThat(shown(0)).containsExactly("Leicester", "5", "20", "0.2500", "0.1119", "0.4687", "Wilson");
        Estimate second = Proportions.wilson(457, 5930, 0.95, 1);
        List<Object> row = rows().get(1);
        assertThat(row.subList(0, 3)).containsExactly("Rutland", 457.0, 5930.0);
        assertThat((double) row.get(3)).isEqualTo(second.value());
        assertThat((double) row.get(4)).isEqualTo(second.lower());
        assertThat((double) row.get(5)).isEqualTo(second.upper());
    }

    @Test
    void ratesSwitchFromExactToByarAtTenEvents() {
        view.operation.setValue(Operation.RATE);
        view.parameters.multiplier.setValue(1000.0);
        view.parameters.confidence.setValue(0.998);
        paste("9,1000\n10,1000\n");

        assertThat(headers(view.results)).containsExactly("Numerator", "Denominator", "Value",
                "Lower 99.8% limit", "Upper 99.8% limit", "Method");
        Estimate exact = Rates.crude(9, 1000, 0.998, 1000);
        Estimate byar = Rates.crude(10, 1000, 0.998, 1000);
        assertThat(rows().get(0).subList(2, 6)).containsExactly(exact.value(), exact.lower(), exact.upper(), "Exact");
        assertThat(rows().get(1).subList(2, 6)).containsExactly(byar.value(), byar.lower(), byar.upper(), "Byar");
    }

    @Test
    void anXmrChartShowsItsPointsAndTheMeanLimitsVariationAndAssurance() {
        view.operation.setValue(Operation.SPC);
        view.parameters.target.setValue(75.0);
        List<Double> values = List.of(70.0, 72.0, 71.0, 74.0, 73.0, 75.0, 74.0, 76.0, 77.0, 78.0, 79.0, 80.0);
        StringBuilder text = new StringBuilder("Month;Value\n");
        for (int i = 0; i < values.size(); i++) {
            text.append("2024-").append(String.format("%02d", i + 1)).append(';').append(values.get(i)).append('\n');
        }
        paste(text.toString());

        SpcResult expected = Spc.calculate(SpcInput.xmr(values, SpcInput.Improvement.INCREASE).withTarget(75.0));
        assertThat(GridKt._size(view.results)).isEqualTo(12);
        assertThat(headers(view.results)).containsExactly("Label", "Value", "Lower limit", "Upper limit", "Point");
        assertThat(view.summary.getText()).isEqualTo("XmR chart of 12 points. Mean "
                + Formats.result(expected.mean()) + ", process limits " + Formats.result(expected.lowerLimit())
                + " to " + Formats.result(expected.upperLimit()) + ". Variation: "
                + expected.variation().label().replace('_', ' ') + ". Assurance: "
                + expected.assurance().label().replace('_', ' ') + " (target 75).");
        for (int i = 0; i < values.size(); i++) {
            SpcResult.Point point = expected.points().get(i);
            assertThat(rows().get(i).subList(0, 5)).containsExactly(String.format("2024-%02d", i + 1),
                    values.get(i), point.lowerLimit(), point.upperLimit(), point.type().label().replace('_', ' '));
        }
    }

    @Test
    void aPChartReadsEventsAndDenominators() {
        view.operation.setValue(Operation.SPC);
        view.parameters.chart.setValue("p");
        view.parameters.improvement.setValue("decrease");
        paste("10\t100\n12\t100\n30\t100\n9\t50\n11\t150\n");

        assertThat(view.summary.getText()).startsWith("p chart of 5 points. Mean proportion 0.1440;");
        assertThat(rows().get(2).subList(0, 3)).containsExactly(30.0, 100.0, 0.3);
        assertThat(rows().get(2).get(5)).isEqualTo("special cause concern");
    }

    /** LaneyTest's hand-worked example: p̄ 0.2, the first point's upper limit 0.2 + 3 × 0.04 × (4/3)/1.128. */
    @Test
    void aLaneyPPrimeChartReadsEventsAndDenominators() {
        view.operation.setValue(Operation.SPC);
        view.parameters.chart.setValue("p_prime");
        paste("16\t100\n88\t400\n24\t100\n72\t400\n");

        assertThat(view.summary.getText()).startsWith("Laney p′ chart of 4 points. Mean proportion 0.2000;");
        assertThat(rows().get(0).subList(0, 3)).containsExactly(16.0, 100.0, 0.16);
        assertThat((Double) rows().get(0).get(4)).isCloseTo(0.3418440, org.assertj.core.api.Assertions.within(1e-6));
    }

    @Test
    void aBadCellNamesItsRowColumnAndValueAndShowsNoResults() {
        view.operation.setValue(Operation.PROPORTION);
        paste("5,20\n6,30");
        assertThat(view.results.isVisible()).isTrue();

        paste("numerator,denominator\n5,20\n7,12a\n");

        assertThat(view.error.getText()).isEqualTo("Row 3, denominator: '12a' is not a number.");
        assertThat(view.error.getElement().getAttribute("role")).isEqualTo("alert");
        assertThat(view.rows.isInvalid()).isTrue();
        assertThat(view.results.isVisible()).isFalse();
        assertThat(GridKt._size(view.results)).isZero();
        assertThat(view.download.isVisible()).isFalse();
    }

    @Test
    void theCalculatorsOwnChecksNameTheRowOrTheSetting() {
        view.operation.setValue(Operation.PROPORTION);
        paste("5,20\n11,10\n");
        assertThat(view.error.getText()).isEqualTo("Row 2: denominator must be ≥ numerator.");

        view.parameters.confidence.setValue(95.0);
        paste("5,20\n");
        assertThat(view.error.getText())
                .isEqualTo("Confidence level: must be a fraction from 0.9 to below 1 (e.g. 0.95, not 95).");

        view.operation.setValue(Operation.FUNNEL_LIMITS);
        paste("100\n");
        assertThat(view.error.getText()).isEqualTo("Average proportion: is required.");

        view.operation.setValue(Operation.SPC);
        view.parameters.chart.setValue("p");
        paste("10,100\n12,0\n");
        assertThat(view.error.getText()).isEqualTo("Row 2: denominator must be > 0.");
    }

    @Test
    void theCsvHoldsExactlyTheRowsShownWithTheSettingsAndMethod() throws IOException {
        view.operation.setValue(Operation.PROPORTION);
        view.parameters.multiplier.setValue(100.0);
        paste("Area,Numerator,Denominator\n=HYPERLINK(\"x\"),5,20\nRutland,457,5930\nRutland North,0,10\n");

        List<CSVRecord> csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(view.csv())).getRecords();
        assertThat(csv).hasSize(GridKt._size(view.results));
        assertThat(csv.get(0).getParser().getHeaderNames()).containsExactly("Label", "Numerator", "Denominator",
                "Value", "Lower 95% limit", "Upper 95% limit", "Method", "Confidence", "Multiplier");
        for (int i = 0; i < csv.size(); i++) {
            List<Object> row = rows().get(i);
            CSVRecord record = csv.get(i);
            assertThat(Double.parseDouble(record.get("Numerator"))).isEqualTo(row.get(1));
            assertThat(Double.parseDouble(record.get("Lower 95% limit"))).isEqualTo(row.get(4));
            assertThat(record.get("Method")).isEqualTo(row.get(6));
            assertThat(record.get("Confidence")).isEqualTo("0.95");
            assertThat(record.get("Multiplier")).isEqualTo("100.0");
        }
        assertThat(csv.get(0).get("Label")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(csv.get(1).get("Label")).isEqualTo("Rutland");
        assertThat(view.download.getElement().getAttribute("download")).isEqualTo("proportion.csv");
    }

    /**
     * The hand-worked ISR of StandardisationTest: populations (100, 200) at reference rates 5/1000 and 30/2000 give
     * E = 0.5 + 3 = 3.5; 12 observed (5 + 7) → 3.4286 with Byar's limits 1.7696 to 5.9894. The rate multiplies by the
     * reference's crude rate 35 / 3000 × 100,000.
     */
    @Test
    void anIndirectlyStandardisedRatioShowsEachStratumsExpectedEvents() {
        view.operation.setValue(Operation.ISR);
        paste("Band\tObserved\tPopulation\tReference events\tReference population\n<20\t5\t100\t5\t1000\n"
                + "20-24\t7\t200\t30\t2000\n");

        assertThat(view.error.getText()).isEmpty();
        assertThat(headers(view.results)).containsExactly("Label", "Observed", "Population", "Reference events",
                "Reference population", "Expected");
        assertThat(shown(0)).containsExactly("<20", "5", "100", "5", "1,000", "0.5000");
        assertThat(shown(1).get(5)).isEqualTo("3.0000");
        List<Object> row = rows().get(0);
        // Label, 4 inputs, expected; then ratio, lower, upper, observed, expected, confidence, method.
        assertThat((double) row.get(6)).isCloseTo(12 / 3.5, org.assertj.core.data.Offset.offset(1e-14));
        assertThat((double) row.get(7)).isCloseTo(1.7695742408797224, org.assertj.core.data.Offset.offset(1e-12));
        assertThat((double) row.get(8)).isCloseTo(5.989388015319057, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(view.summary.getText()).startsWith("Standardised ratio 3.4286 (95% CI 1.7696 to 5.9894, Byar): 12"
                + " observed against 3.5000 expected");

        view.operation.setValue(Operation.ISRATE);
        paste("5\t100\t5\t1000\n7\t200\t30\t2000\n");
        assertThat(view.summary.getText()).startsWith("Indirectly standardised rate 4,000.0000 per 100,000 (95% CI ")
                .contains("times the reference rate 1,166.6667.");
    }

    /** StandardisationTest's hand-worked DSR: (10, 20) of (1000, 2000) with standard (3000, 1000) → 1000 per 100,000. */
    @Test
    void aDirectlyStandardisedRateIsInTheSummaryAndNotGivenUnderTenEvents() {
        view.operation.setValue(Operation.DSR);
        paste("10\t1000\t3000\n20\t2000\t1000\n");
        assertThat(view.error.getText()).isEmpty();
        assertThat(shown(0)).containsExactly("10", "1,000", "3,000", "1,000.0000");
        assertThat(view.summary.getText()).isEqualTo("Directly standardised rate 1,000.0000 per 100,000 (95% CI"
                + " 565.6626 to 1,570.7064, Dobson) from 30 events: the rate these strata would have with the standard"
                + " population's mix.");
        paste("4\t1000\t3000\n5\t2000\t1000\n");
        assertThat(view.summary.getText()).startsWith("9 events in total: a directly standardised rate is not given");
        assertThat(rows().get(0).get(4)).isNull();
        view.parameters.confidence.setValue(1.0);
        paste("10\t1000\t3000\n20\t2000\t1000\n");
        assertThat(view.error.getText()).isEqualTo("Confidence level: must be a fraction from 0.9 to below 1 (e.g."
                + " 0.95 or 0.998).");
        assertThat(view.results.isVisible()).isFalse();
    }

    /** West Lancashire 2019/20: 117/389 White vs 2/10 BME appointed → 1.5039 (0.4314 to 5.2428). */
    @Test
    void relativeLikelihoodsPerRowAndRepresentationOfAGroup() {
        view.operation.setValue(Operation.RELATIVE_LIKELIHOOD);
        paste("Appointed\t117\t389\t2\t10\nNone appointed\t3\t40\t0\t50\n");
        assertThat(shown(0)).containsExactly("Appointed", "117", "389", "2", "10", "1.5039", "0.4314", "5.2428",
                "Katz");
        assertThat(shown(1).subList(5, 8)).containsExactly("", "", "");

        view.operation.setValue(Operation.REPRESENTATION);
        paste("White\t15\t0.55\nAsian\t3\t0.30\nBlack\t1\t0.08\nOther\t1\t0.07\n");
        assertThat(shown(1)).containsExactly("Asian", "3", "0.3", "0.1500", shown(1).get(4), shown(1).get(5),
                "0.5000", "-15.0000");
        assertThat(view.summary.getText()).startsWith("Exact multinomial test: p = 0.3640");
        paste("White\t15\t0.5\nAsian\t3\t0.25\n");
        assertThat(view.error.getText()).isEqualTo("The share column must sum to 1 (within 1e-6) but sum to 0.75.");
    }

    @Test
    void eachOperationHasAnExampleThatCalculates() {
        for (Operation op : Operation.values()) {
            view.operation.setValue(op);
            assertThat(view.rows.getPlaceholder()).isEqualTo(op.example());
            ButtonKt._click(view.example);
            assertThat(view.error.getText()).as(op.title()).isEmpty();
            assertThat(GridKt._size(view.results)).as(op.title()).isPositive();
        }
        view.operation.setValue(Operation.SII);
        ButtonKt._click(view.example);
        // The API test's seeded example: SII −10, RII 0.5, intercept 20.
        assertThat(view.summary.getText()).startsWith("Slope index of inequality -10.0000 (95% CI ")
                .contains("Relative index 0.5000").contains("Intercept 20.0000.");
    }
}
