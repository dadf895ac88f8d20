package org.perinatalequity.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RatesTest {

    /**
     * Hand-worked from statistical-methods.md section 2 (Byar's formulas; exact limits χ²(α/2; 2O)/2 and
     * χ²(1−α/2; 2O+2)/2, evaluated independently with scipy.stats.chi2.ppf): O = 0, 9 and 10 (the switch), a
     * fractional count, and O > n (250 events over 220, as in PHEindicatormethods' own rate test data).
     */
    @ParameterizedTest
    @CsvSource({
            "0, 1000, 0.95, 1000, 0, 0, 3.6888794541139354, Exact",
            "9, 1000, 0.95, 1000, 9, 4.115373097378334, 17.084803451419166, Exact",
            "10, 1000, 0.95, 1000, 10, 4.787449913967563, 18.391458605756473, Byar",
            "9.5, 1000, 0.95, 1000, 9.5, 4.4532582409939865, 17.739437952863632, Exact",
            "250, 220, 0.95, 100000, 113636.36363636365, 99984.94738532876, 128631.14487455785, Byar",
            "0, 1000, 0.998, 1000, 0, 0, 6.907755278982137, Exact",
            "9, 1000, 0.998, 1000, 9, 2.452424404363775, 22.65737330906293, Exact",
            "10, 1000, 0.998, 1000, 10, 2.916318374695686, 24.19372492788055, Byar",
            "250, 220, 0.998, 100000, 113636.36363636365, 92710.00554438953, 137651.23772147458, Byar" })
    void byarAndExact(double o, double n, double confidence, double multiplier, double value, double lower,
            double upper, String method) {
        Estimate e = Rates.crude(o, n, confidence, multiplier);
        assertThat(e.value()).isCloseTo(value, within(1e-9));
        assertThat(e.lower()).isCloseTo(lower, within(Math.abs(lower) * 1e-10 + 1e-12));
        assertThat(e.upper()).isCloseTo(upper, within(upper * 1e-10));
        assertThat(e.method()).isEqualTo(method);
    }

    @Test
    void zeroEventsHaveTheClosedFormUpperLimit() {
        // With O = 0 the exact upper count limit is −ln(α/2): 3.689 at 95%, the textbook "rule of 3.7".
        assertThat(Rates.countLimits(0, 0.95)[1]).isCloseTo(-Math.log(0.025), within(1e-12));
    }

    @Test
    void refusesInvalidInputs() {
        assertThatThrownBy(() -> Rates.crude(-65, 100, 0.95, 1000)).hasMessage("numerator must be ≥ 0");
        assertThatThrownBy(() -> Rates.crude(65, 0, 0.95, 1000)).extracting("field").isEqualTo("denominator");
        assertThatThrownBy(() -> Rates.crude(65, 100, 0.2, 1000)).extracting("field").isEqualTo("confidence");
    }
}
