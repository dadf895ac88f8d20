package org.perinatalequity.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perinatalequity.stats.Comparison.BEST;
import static org.perinatalequity.stats.Comparison.BETTER;
import static org.perinatalequity.stats.Comparison.HIGHER;
import static org.perinatalequity.stats.Comparison.LOWER;
import static org.perinatalequity.stats.Comparison.NOT_COMPARED;
import static org.perinatalequity.stats.Comparison.SIMILAR;
import static org.perinatalequity.stats.Comparison.WORSE;
import static org.perinatalequity.stats.Comparison.WORST;
import static org.perinatalequity.stats.Polarity.HIGHER_IS_BETTER;
import static org.perinatalequity.stats.Polarity.LOWER_IS_BETTER;
import static org.perinatalequity.stats.Polarity.NONE;

import org.junit.jupiter.api.Test;

class ComparisonsTest {

    @Test
    void oneLevelOverlap() {
        // Hand-worked: area 2.6 with 95% CI 2.5–2.7.
        assertThat(Comparisons.overlap95(2.6, 2.5, 2.7, 2.7, HIGHER_IS_BETTER)).as("benchmark on the CI end")
                .isEqualTo(SIMILAR);
        assertThat(Comparisons.overlap95(2.6, 2.5, 2.7, 2.8, HIGHER_IS_BETTER)).isEqualTo(WORSE);
        assertThat(Comparisons.overlap95(2.6, 2.5, 2.7, 2.8, LOWER_IS_BETTER)).isEqualTo(BETTER);
        assertThat(Comparisons.overlap95(2.6, 2.5, 2.7, 2.8, NONE)).isEqualTo(LOWER);
        assertThat(Comparisons.overlap95(2.6, 2.5, 2.7, 2.4, NONE)).isEqualTo(HIGHER);
        assertThat(Comparisons.overlap95(2.6, null, 2.7, 2.4, HIGHER_IS_BETTER)).isEqualTo(NOT_COMPARED);
        assertThat(Comparisons.overlap95(2.6, 2.5, 2.7, Double.NaN, HIGHER_IS_BETTER)).isEqualTo(NOT_COMPARED);
    }

    /**
     * fingertips-open PholioVisualisationWS/AnalysisTest/SingleOverlappingCIsForTwoCILevelsComparerTest.cs:
     * 99.8% 2.3–2.9, 95% 2.5–2.7, value 2.6; benchmarks 3.0, 2.8, 2.6, 2.4, 2.2 for both RAG polarities.
     */
    @Test
    void twoLevelsAsFingertipsTests() {
        assertThat(two(3.0, LOWER_IS_BETTER)).isEqualTo(BEST);
        assertThat(two(3.0, HIGHER_IS_BETTER)).isEqualTo(WORST);
        assertThat(two(2.8, LOWER_IS_BETTER)).isEqualTo(BETTER);
        assertThat(two(2.8, HIGHER_IS_BETTER)).isEqualTo(WORSE);
        assertThat(two(2.6, LOWER_IS_BETTER)).isEqualTo(SIMILAR);
        assertThat(two(2.4, LOWER_IS_BETTER)).isEqualTo(WORSE);
        assertThat(two(2.4, HIGHER_IS_BETTER)).isEqualTo(BETTER);
        assertThat(two(2.2, LOWER_IS_BETTER)).isEqualTo(WORST);
        assertThat(two(2.2, HIGHER_IS_BETTER)).isEqualTo(BEST);
        assertThat(two(2.2, NONE)).isEqualTo(HIGHER);
        assertThat(two(3.0, NONE)).isEqualTo(LOWER);
        assertThat(Comparisons.overlap95And998(2.6, 2.5, 2.7, null, 2.9, 2.2, NONE)).isEqualTo(NOT_COMPARED);
    }

    private static Comparison two(double benchmark, Polarity polarity) {
        return Comparisons.overlap95And998(2.6, 2.5, 2.7, 2.3, 2.9, benchmark, polarity);
    }

    /**
     * fingertips-open PholioVisualisationWS/AnalysisTest/SpcForProportionsComparerTest.cs (low is good, unit 100):
     * the same significance at 1.96 and 3.0902, then two areas that differ between the levels.
     */
    @Test
    void spcForProportionsAsFingertipsTests() {
        double benchmark = 8.9611086876279327;
        assertThat(spc(7.7065767284991562, 5930, Comparisons.SPC_Z_95, benchmark)).isEqualTo(BETTER);
        assertThat(spc(7.7065767284991562, 5930, Comparisons.SPC_Z_998, benchmark)).isEqualTo(BETTER);
        assertThat(spc(9.8988121425428961, 2273, Comparisons.SPC_Z_95, benchmark)).isEqualTo(SIMILAR);
        assertThat(spc(9.8988121425428961, 2273, Comparisons.SPC_Z_998, benchmark)).isEqualTo(SIMILAR);
        assertThat(spc(12.474645030425965, 1972, Comparisons.SPC_Z_95, benchmark)).isEqualTo(WORSE);
        assertThat(spc(12.474645030425965, 1972, Comparisons.SPC_Z_998, benchmark)).isEqualTo(WORSE);

        double benchmark514 = 12.8379546895717;
        assertThat(spc(10.9783420463032, 1339, Comparisons.SPC_Z_95, benchmark514)).isEqualTo(BETTER);
        assertThat(spc(10.9783420463032, 1339, Comparisons.SPC_Z_998, benchmark514)).isEqualTo(SIMILAR);
        assertThat(spc(15.9065628476085, 899, Comparisons.SPC_Z_95, benchmark514)).isEqualTo(WORSE);
        assertThat(spc(15.9065628476085, 899, Comparisons.SPC_Z_998, benchmark514)).isEqualTo(SIMILAR);

        // Fingertips TestDenominatorInvalid: a denominator of 0 or −1 is not compared.
        assertThat(spc(10, 0, Comparisons.SPC_Z_95, 10)).isEqualTo(NOT_COMPARED);
        assertThat(spc(10, -1, Comparisons.SPC_Z_95, 10)).isEqualTo(NOT_COMPARED);
    }

    private static Comparison spc(double value, double denominator, double z, double benchmark) {
        return Comparisons.spcProportion(value, denominator, 100, z, benchmark, LOWER_IS_BETTER);
    }
}
