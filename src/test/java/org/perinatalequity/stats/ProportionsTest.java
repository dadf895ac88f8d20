package org.perinatalequity.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProportionsTest {

    /**
     * Published Fingertips Wilson limits (exact z): fingertips-open
     * PholioVisualisationWS/AnalysisTest/SpcForProportionsComparerTest.cs, indicator 1 and 514 (2010) rows; the
     * numerators are value × denominator (457 of 5,930 and so on).
     */
    @ParameterizedTest
    @CsvSource({
            "457, 5930, 7.7065767284991562, 7.0548320523366375, 8.4130813590727076",
            "225, 2273, 9.8988121425428961, 8.7379055891773572, 11.195035154784872",
            "246, 1972, 12.474645030425965, 11.088798553603118, 14.006406155616993",
            "147, 1339, 10.9783420463032, 9.41418865607498, 12.7657535004819",
            "143, 899, 15.9065628476085, 13.6615426206213, 18.4417082867185" })
    void reproducesFingertipsPublishedLimits(double x, double n, double value, double lower, double upper) {
        Estimate e = Proportions.wilson(x, n, 0.95, 100);
        assertThat(e.value()).isCloseTo(value, within(1e-12));
        assertThat(e.lower()).isCloseTo(lower, within(1e-11));
        assertThat(e.upper()).isCloseTo(upper, within(1e-11));
        assertThat(e.method()).isEqualTo("Wilson");
    }

    /**
     * Hand-worked with the formula of statistical-methods.md section 1 (checked with scipy.stats.norm.ppf for z):
     * boundaries x = 0, x = n, n = 1, both confidence levels, multipliers 1, 100 and 1000, a fractional input.
     */
    @ParameterizedTest
    @CsvSource({
            "0, 10, 0.95, 100, 0, 0, 27.75327998628892",
            "10, 10, 0.95, 100, 100, 72.24672001371107, 100",
            "1, 1, 0.998, 1, 1, 0.0947909015013205, 1",
            "65, 100, 0.95, 100, 65, 55.25444329688797, 73.63575175690247",
            "65, 100, 0.998, 1000, 650, 495.4946574070447, 778.3540614089685",
            "2.5, 7.5, 0.95, 100, 33.33333333333333, 10.968574550953836, 66.98840576767687" })
    void handWorkedBoundaries(double x, double n, double confidence, double multiplier, double value, double lower,
            double upper) {
        Estimate e = Proportions.wilson(x, n, confidence, multiplier);
        assertThat(e.value()).isCloseTo(value, within(1e-12));
        assertThat(e.lower()).isCloseTo(lower, within(1e-11));
        assertThat(e.upper()).isCloseTo(upper, within(1e-11));
    }

    @Test
    void zeroAndFullAreExactlyOnTheBounds() {
        assertThat(Proportions.wilson(0, 37, 0.998, 100).lower()).isZero();
        assertThat(Proportions.wilson(37, 37, 0.998, 100).upper()).isEqualTo(100);
    }

    @Test
    void refusesInvalidInputsNamingTheField() {
        assertThatThrownBy(() -> Proportions.wilson(-1, 10, 0.95, 100)).isInstanceOf(InvalidInputException.class)
                .hasMessage("numerator must be ≥ 0");
        assertThatThrownBy(() -> Proportions.wilson(11, 10, 0.95, 100)).hasMessage("denominator must be ≥ numerator");
        assertThatThrownBy(() -> Proportions.wilson(0, 0, 0.95, 100))
                .hasMessage("denominator must be > 0 (the value is not computable)");
        assertThatThrownBy(() -> Proportions.wilson(1, 10, 0.8, 100)).extracting("field").isEqualTo("confidence");
        assertThatThrownBy(() -> Proportions.wilson(1, 10, 1.0, 100)).extracting("field").isEqualTo("confidence");
        assertThatThrownBy(() -> Proportions.wilson(1, 10, 95, 100))
                .hasMessage("confidence must be a fraction from 0.9 to below 1 (e.g. 0.95, not 95)");
        assertThatThrownBy(() -> Proportions.wilson(1, 10, 0.95, 0)).extracting("field").isEqualTo("multiplier");
    }

    @Test
    void zIsExactNotRounded() {
        assertThat(Confidence.z(0.95)).isCloseTo(1.959963984540054, within(1e-14));
        assertThat(Confidence.z(0.998)).isCloseTo(3.090232306167813, within(1e-13));
    }
}
