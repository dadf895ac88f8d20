package org.perinatalequity.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** Writes sample charts to target/chart-samples/ (PNG and SVG) so a person can look at them. */
class ChartSamplesTest {

    private static final Path DIR = Path.of("target", "chart-samples");

    @Test
    void writesSamples() throws IOException {
        Files.createDirectories(DIR);
        write("dot-quintile", Charts.dotChart(Samples.pretermByQuintile(), Samples.PRETERM));
        write("dot-ethnicity", Charts.dotChart(Samples.earlyBookingByEthnicity(), Samples.EARLY_BOOKING));
        write("dot-two-way", Charts.dotChart(Samples.pretermByEthnicityAndQuintile(), Samples.PRETERM));
        write("heat-map", Charts.heatMap(Samples.pretermByEthnicityAndQuintile(), Samples.PRETERM));
        write("slope", Charts.slopeChart(Samples.pretermByQuintile(), Samples.PRETERM));
        write("funnel", Charts.funnelPlot(Samples.pretermByDistrict(), Samples.PRETERM));
        write("spc", Charts.spcChart(Samples.earlyBookingTrend(), Samples.EARLY_BOOKING));
        write("trend-grid", Charts.trendGrid("Key measures, April 2024 to March 2025", java.util.List.of(
                new TrendPanel("Booked by 10 weeks", Samples.earlyBookingTrend()),
                new TrendPanel("Preterm births", Samples.flatTrend("preterm", 6.5, null)),
                new TrendPanel("Smoking at delivery", Samples.flatTrend("smoking", 8.2, 6.0)),
                new TrendPanel("Caesarean births", Samples.flatTrend("caesarean", 38.0, null))), false));
        assertThat(DIR.resolve("dot-quintile.png")).exists();
    }

    private static void write(String name, ChartImage image) throws IOException {
        Files.write(DIR.resolve(name + ".png"), image.png());
        Files.writeString(DIR.resolve(name + ".svg"), image.svg());
    }
}
