package org.perinatalequity.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The forest plot: a whisker and dot per published row, labelled references, the band, diamonds, words. */
class IntervalChartTest {

    private static int count(String svg, String s) {
        return svg.split(java.util.regex.Pattern.quote(s), -1).length - 1;
    }

    @Test
    void sharesWithTwoReferenceLinesAndAHiddenRow() {
        ChartData.Estimates e = new ChartData.Estimates("BME share of staff by pay band, 2024-25", "subtitle",
                "BME staff (%)", "%", false, List.of(
                        new ChartData.Estimate("Band 5", 45.9, 39.2, 52.7, false),
                        new ChartData.Estimate("Band 6", 36.8, 32.4, 41.4, false),
                        new ChartData.Estimate("Band 8B", null, null, null, true)),
                List.of(new ChartData.Reference("All maternity and neonatal staff", 38.7),
                        new ChartData.Reference("Births to BME mothers (community served)", 41.4)), null, null);
        ChartImage c = Charts.intervalChart(e, 800);
        assertThat(count(c.svg(), "<g class='whisker'>")).isEqualTo(2);
        assertThat(count(c.svg(), "<g class='point'>")).isEqualTo(2);
        assertThat(count(c.svg(), "<g class='reference'>")).isEqualTo(2);
        assertThat(count(c.svg(), "<g class='band'>")).isZero();
        assertThat(c.svg()).contains("* suppressed");
        assertThat(c.description()).isEqualTo("BME share of staff by pay band, 2024-25: Band 5 45.9% (95% CI 39.2 to"
                + " 52.7); Band 6 36.8% (95% CI 32.4 to 41.4); Band 8B suppressed (*). All maternity and neonatal"
                + " staff 38.7%. Births to BME mothers (community served) 41.4%. "
                + ChartText.SUPPRESSED_NOTE + ".");
    }

    @Test
    void likelihoodsOnALogAxisWithTheEquitableBand() {
        ChartData.Estimates e = new ChartData.Estimates("Relative likelihoods year on year", null, "RL", "", true,
                List.of(new ChartData.Estimate("2 Appointment, 2024-25", 1.5039, 0.4314, 5.2428, false),
                        new ChartData.Estimate("3 Disciplinary, 2024-25", null, null, null, false)),
                List.of(new ChartData.Reference("Equal likelihood", 1.0)),
                new ChartData.Band("Equitable band 0.80–1.25", 0.8, 1.25), null);
        ChartImage c = Charts.intervalChart(e, 800);
        assertThat(count(c.svg(), "<g class='band'>")).isEqualTo(1);
        assertThat(count(c.svg(), "<g class='whisker'>")).isEqualTo(1);
        assertThat(c.svg()).contains("no value");
        // The log axis is labelled at plain ratios, not powers of ten.
        assertThat(c.svg()).contains(">1.25</text>", ">0.5</text>", ">2</text>").doesNotContain(">10</text>");
        // Likelihoods to two places, as WRES publishes them.
        assertThat(c.description()).startsWith("Relative likelihoods year on year: 2 Appointment, 2024-25 1.50 (95% CI"
                + " 0.43 to 5.24); 3 Disciplinary, 2024-25 no value. Equal likelihood 1.00. Equitable band 0.80–1.25.");
    }

    @Test
    void eachRowsOwnComparisonIsADiamond() {
        ChartData.Estimates e = new ChartData.Estimates("MVP members by ethnic group", null, "%", "%", false,
                List.of(new ChartData.Estimate("White", 64.0, 42.0, 81.0, false, 55.0),
                        new ChartData.Estimate("Asian", 16.0, 5.0, 39.0, false, 30.0)),
                List.of(), null, "Births");
        ChartImage c = Charts.intervalChart(e, 800);
        assertThat(count(c.svg(), "<g class='compare'>")).isEqualTo(2);
        assertThat(c.description()).contains("White 64.0% (95% CI 42.0 to 81.0), Births 55.0%");
    }
}
