package org.perinatalequity.breakdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.perinatalequity.charts.ChartData;
import org.perinatalequity.charts.ChartMeasure;
import org.perinatalequity.measures.Measure;
import org.perinatalequity.stats.Comparison;
import org.perinatalequity.stats.Polarity;
import org.perinatalequity.stats.SpcInput;
import org.perinatalequity.stats.SpcResult.Assurance;
import org.perinatalequity.stats.SpcResult.PointType;

/** The adapter from the breakdown's read models to the charts' input: every field a chart reads, carried over. */
class BreakdownChartDataTest {

    private static BreakdownResult.Row row(String group, Comparison comparison) {
        return new BreakdownResult.Row(group, null, 12.0, 300.0, 4.0, 2.3, 6.9, 1.8, 8.1, false, comparison, null,
                null, null);
    }

    @Test
    void aBreakdownKeepsItsGroupsAndNamesItsDimensions() {
        BreakdownResult.Row named = row("E06000016", Comparison.WORSE).withGroupName("Leicester");
        BreakdownResult.Row hidden = new BreakdownResult.Row("E06000017", null, 3.0, 20.0, null, null, null, null,
                null, true, Comparison.NOT_COMPARED, null, null, null);
        BreakdownResult result = new BreakdownResult("preterm", "local_authority", "imd_quintile", "2024-04",
                "2025-03", true, "%", "2019", row(null, null), List.of(named, hidden),
                new BreakdownResult.Inequality(-4.6, -5.9, -3.3, 0.58, 0.49, 0.68));

        ChartData.Breakdown data = BreakdownChartData.breakdown(result);

        assertThat(data.measure()).isEqualTo("preterm");
        assertThat(data.by()).isEqualTo("local_authority");
        assertThat(data.byLabel()).isEqualTo("Local authority");
        assertThat(data.by2()).isEqualTo("imd_quintile");
        assertThat(data.by2Label()).isEqualTo("IMD quintile (1 = most deprived)");
        assertThat(data.from()).isEqualTo("2024-04");
        assertThat(data.to()).isEqualTo("2025-03");
        assertThat(data.suppressed()).isTrue();
        assertThat(data.unit()).isEqualTo("%");
        assertThat(data.total()).isEqualTo(new ChartData.Group(null, null, null, 300.0, 4.0, 2.3, 6.9, false, null));
        assertThat(data.groups()).containsExactly(
                new ChartData.Group("E06000016", null, "Leicester", 300.0, 4.0, 2.3, 6.9, false, Comparison.WORSE),
                new ChartData.Group("E06000017", null, null, 20.0, null, null, null, true, Comparison.NOT_COMPARED));
        assertThat(data.inequality()).isEqualTo(new ChartData.Inequality(-4.6, -5.9, -3.3, 0.58, 0.49, 0.68));
    }

    @Test
    void everyComparisonIsCarriedOver() {
        List<BreakdownResult.Row> rows = Arrays.stream(Comparison.values()).map(c -> row(c.name(), c))
                .toList();
        BreakdownResult result = new BreakdownResult("preterm", "ethnic_group", null, null, null, false, "%", null,
                null, rows, null);

        ChartData.Breakdown data = BreakdownChartData.breakdown(result);

        assertThat(data.groups()).extracting(ChartData.Group::comparison).containsExactly(Comparison.values());
        assertThat(data.byLabel()).isEqualTo("Ethnic group");
        assertThat(data.by2Label()).isNull();
        assertThat(data.total()).isNull();
    }

    @Test
    void aTrendKeepsItsReadingAndItsPoints() {
        List<TrendResult.Point> points = List.of(
                new TrendResult.Point("2025-01", 40.0, 100.0, 40.0, 30.5, 50.2, 25.0, 55.0, PointType.SPECIAL_CAUSE_CONCERN,
                        false, true, 41.0),
                new TrendResult.Point("2025-02", 5.0, 90.0, null, null, null, null, null, null, true, false));
        TrendResult trend = new TrendResult("caesarean", "month", true, "%", 35.0, 41.0, PointType.SPECIAL_CAUSE_CONCERN,
                Assurance.HIT_AND_MISS, points, null, "p_prime", 3, List.of("2025-01"));

        ChartData.Trend data = BreakdownChartData.trend(trend);

        assertThat(data).isEqualTo(new ChartData.Trend("caesarean", "%", 35.0, 41.0, PointType.SPECIAL_CAUSE_CONCERN,
                Assurance.HIT_AND_MISS, List.of(
                        new ChartData.Point("2025-01", 40.0, 25.0, 55.0, PointType.SPECIAL_CAUSE_CONCERN, false, true,
                                41.0),
                        new ChartData.Point("2025-02", null, null, null, null, true, false, null)),
                SpcInput.Chart.P_PRIME, 3, List.of("2025-01")));
    }

    @Test
    void aMeasureGivesWhatItsChartsWrite() {
        Measure measure = new Measure("preterm", "Preterm births", "Born before 37 weeks", "per 1,000", 1000,
                Polarity.LOWER_IS_BETTER, 60.0, "preterm births", "births", List.of(), "birth", "outcome",
                false, "select 1", 0, "Local definition", null, List.of(), null);

        assertThat(BreakdownChartData.measure(measure))
                .isEqualTo(new ChartMeasure("Preterm births", "per 1,000", 1000, 60.0, "births"));
    }

    @Test
    void nothingGivesNothingSoTheChartsSayNoData() {
        assertThat(BreakdownChartData.breakdown(null)).isNull();
        assertThat(BreakdownChartData.trend(null)).isNull();
        assertThat(BreakdownChartData.measure(null)).isNull();
    }
}
