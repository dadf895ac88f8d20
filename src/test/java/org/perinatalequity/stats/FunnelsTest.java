package org.perinatalequity.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FunnelsTest {

    /** Σx/Σn of PHEindicatormethods tests/testthat/testdata_funnel_prop_inputs.csv, as printed (6 decimals of %). */
    private static final double BASELINE = 0.80642448;

    /**
     * PHEindicatormethods tests/testthat/testdata_funnel_prop_outputs.csv (Population, Lower2s0025limit,
     * Upper2s0025limit, Lower3s0001limit, Upper3s0001limit at baseline 80.642448%). The file prints 6 decimals and
     * the baseline is itself rounded, so the tolerance is 2e-6 percentage points.
     */
    @ParameterizedTest
    @CsvSource({
            "1, 3.204264, 100, 0, 100",
            "3, 35.933491, 100, 10.150815, 100",
            "10, 56.154344, 100, 42.03259, 100",
            "18, 62.390093, 98.894803, 51.864359, 100",
            "41, 68.548635, 92.73626, 61.574398, 99.710497",
            "1008, 78.203374, 83.081521, 76.796814, 84.488082",
            "110000, 80.408963, 80.875933, 80.274317, 81.010578" })
    void reproducesThePackageFunnelTestData(double population, double lower95, double upper95, double lower998,
            double upper998) {
        FunnelLimits limits = Funnels.limits(population, BASELINE, 100);
        assertThat(limits.lower95()).isCloseTo(lower95, within(2e-6));
        assertThat(limits.upper95()).isCloseTo(upper95, within(2e-6));
        assertThat(limits.lower998()).isCloseTo(lower998, within(2e-6));
        assertThat(limits.upper998()).isCloseTo(upper998, within(2e-6));
    }

    /** Rows of PHEindicatormethods tests/testthat/testdata_funnel_prop_inputs.csv with their published significance. */
    @ParameterizedTest
    @CsvSource({
            "35078.4880000, 41980, HIGH_998",
            "24803.6256000, 31824, LOW_998",
            "50050.7443000, 61921, NOT_SIGNIFICANT",
            "26789.2380000, 33012, HIGH_95",
            "36850.0492000, 45449, HIGH_95",
            "30277.5312000, 37828, LOW_95",
            "14493.3552000, 17964, NOT_SIGNIFICANT" })
    void reproducesThePackageSignificance(double numerator, double denominator, FunnelSignificance expected) {
        assertThat(Funnels.significance(numerator, denominator, BASELINE)).isEqualTo(expected);
    }

    @Test
    void aProportionExactlyOnALimitIsInsideIt() {
        double[] limits95 = Funnels.roots(1000, 0.3, Confidence.quantile(0.975));
        double onUpper = limits95[1] * 1000;
        assertThat(Funnels.significance(onUpper, 1000, 0.3)).isEqualTo(FunnelSignificance.NOT_SIGNIFICANT);
        assertThat(Funnels.significance(onUpper + 1e-6, 1000, 0.3)).isEqualTo(FunnelSignificance.HIGH_95);
    }

    @Test
    void perThousandIsScaledAndClippedToItsOwnRange() {
        FunnelLimits percent = Funnels.limits(50, 0.01, 100);
        FunnelLimits perThousand = Funnels.limits(50, 0.01, 1000);
        assertThat(perThousand.upper95()).isCloseTo(percent.upper95() * 10, within(1e-9));
        assertThat(perThousand.lower998()).isZero();
    }

    @Test
    void refusesAnAverageOutsideZeroToOne() {
        assertThatThrownBy(() -> Funnels.limits(100, 80.6, 100)).extracting("field").isEqualTo("averageProportion");
    }
}
