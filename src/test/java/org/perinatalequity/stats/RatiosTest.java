package org.perinatalequity.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RatiosTest {

    /** Hand-worked: 30/1,000 against 20/2,000 is 3, with exp(ln 3 ± 1.959964·√(1/30 + 1/20)). */
    @Test
    void rateRatio() {
        Estimate e = Ratios.rateRatio(30, 1000, 20, 2000, 0.95);
        assertThat(e.value()).isCloseTo(3, within(1e-12));
        assertThat(e.lower()).isCloseTo(1.7037290739919277, within(1e-12));
        assertThat(e.upper()).isCloseTo(5.282530032144444, within(1e-12));
        assertThat(e.method()).isEqualTo("Log-normal");
    }

    /** Hand-worked (Katz): 30/100 against 20/200 with √(1/30 − 1/100 + 1/20 − 1/200). */
    @Test
    void proportionRatio() {
        Estimate e = Ratios.proportionRatio(30, 100, 20, 200, 0.95);
        assertThat(e.value()).isCloseTo(3, within(1e-12));
        assertThat(e.lower()).isCloseTo(1.797263187985246, within(1e-12));
        assertThat(e.upper()).isCloseTo(5.007613832056009, within(1e-12));
    }

    @Test
    void zeroCountsHaveNoLogScaleInterval() {
        assertThatThrownBy(() -> Ratios.rateRatio(0, 1000, 20, 2000, 0.95)).extracting("field")
                .isEqualTo("numerator");
        assertThatThrownBy(() -> Ratios.proportionRatio(5, 100, 0, 200, 0.95)).extracting("field")
                .isEqualTo("referenceNumerator");
    }
}
