package org.perinatalequity.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.perinatalequity.stats.Representation.Category;

/**
 * Representation against the population served (workforce-and-mental-health.md section 3.3). Expected values: the
 * published CoinMinD GM example for Goodman's intervals, and exact and χ² p-values recomputed with scipy
 * (brute-force multinomial.pmf enumeration; chi2.sf) from the reference's inputs.
 */
class RepresentationTest {

    /** CoinMinD::GM(y = (44, 55, 43, 32, 67, 78), α = 0.05), its published output; χ²₁(1 − 0.05/6) = 6.960401. */
    @Test
    void goodmanIntervalsOfTheCoinMinDExample() {
        double[] counts = { 44, 55, 43, 32, 67, 78 };
        double[] shares = { 1 / 6.0, 1 / 6.0, 1 / 6.0, 1 / 6.0, 1 / 6.0, 1 / 6.0 };
        Representation r = Representation.of(counts, shares, 0.95);
        double[] lower = { 0.09468368, 0.12376893, 0.09208527, 0.06412671, 0.15637944, 0.18692732 };
        double[] upper = { 0.1966413, 0.2350489, 0.1931040, 0.1535697, 0.2760670, 0.3130119 };
        for (int i = 0; i < counts.length; i++) {
            Category c = r.categories().get(i);
            assertThat(c.lower()).isCloseTo(lower[i], within(5e-9));
            assertThat(c.upper()).isCloseTo(upper[i], within(5e-8));
            assertThat(c.share()).isCloseTo(counts[i] / 319, within(1e-15));
        }
        assertThat(r.categories().get(0).lower()).isCloseTo(0.09468368035184334, within(1e-14));
        assertThat(r.test()).isEqualTo("chi_square");
    }

    /** SciPy's chisquare example (16, 18, 16, 14, 12, 12): uniform χ² = 2.0; against (16, 16, 16, 16, 16, 8) 3.5. */
    @Test
    void pearsonChiSquare() {
        double[] counts = { 16, 18, 16, 14, 12, 12 };
        Representation uniform = Representation.of(counts, new double[] { 1 / 6.0, 1 / 6.0, 1 / 6.0, 1 / 6.0,
                1 / 6.0, 1 / 6.0 }, 0.95);
        assertThat(uniform.test()).isEqualTo("chi_square");
        assertThat(uniform.pValue()).isCloseTo(0.8491450360846096, within(1e-13));
        Representation weighted = Representation.of(counts, new double[] { 16 / 88.0, 16 / 88.0, 16 / 88.0,
                16 / 88.0, 16 / 88.0, 8 / 88.0 }, 0.95);
        assertThat(weighted.pValue()).isCloseTo(0.6233876277495822, within(1e-13));
    }

    @Test
    void exactMultinomialWhenAnExpectedCountIsSmall() {
        Representation small = Representation.of(new double[] { 5, 2, 1 }, new double[] { 0.25, 0.5, 0.25 }, 0.95);
        assertThat(small.test()).isEqualTo("exact");
        assertThat(small.pValue()).isCloseTo(0.07666015625, within(1e-14));
        // Ties count as "at most as likely": (0, 4) and (4, 0) each have 1/16.
        assertThat(Representation.of(new double[] { 0, 4 }, new double[] { 0.5, 0.5 }, 0.95).pValue())
                .isCloseTo(0.125, within(1e-15));
        assertThat(Representation.of(new double[] { 2, 2 }, new double[] { 0.5, 0.5 }, 0.95).pValue())
                .isEqualTo(1.0);
        assertThat(Representation.of(new double[] { 3, 0, 0 }, new double[] { 0.2, 0.3, 0.5 }, 0.95).pValue())
                .isCloseTo(0.008, within(1e-15));
    }

    /**
     * The reference's MVP example: 20 members (White 15, Asian 3, Black 1, Other/Mixed 1) against births (0.55,
     * 0.30, 0.08, 0.07): exact p = 0.3640 (the Black expected count 1.6 is under 5, so χ², p = 0.3485, is not used);
     * Asian ratio 0.15 / 0.30 = 0.50 and gap 15% − 30% = −15 points.
     */
    @Test
    void maternityVoicesExample() {
        Representation r = Representation.of(new double[] { 15, 3, 1, 1 }, new double[] { 0.55, 0.30, 0.08, 0.07 },
                0.95);
        assertThat(r.test()).isEqualTo("exact");
        assertThat(r.pValue()).isCloseTo(0.3640045449745316, within(1e-12));
        Category asian = r.categories().get(1);
        assertThat(asian.share()).isCloseTo(0.15, within(1e-15));
        assertThat(asian.ratio()).isCloseTo(0.5, within(1e-14));
        assertThat(asian.gap()).isCloseTo(-15, within(1e-12));
        assertThat(Representation.chiSquarePValue(new double[] { 15, 3, 1, 1 },
                new double[] { 0.55, 0.30, 0.08, 0.07 }, 20)).isCloseTo(0.3485021544536159, within(1e-12));
    }

    @Test
    void theExactTestIsBoundedAndSaysSo() {
        assertThat(Representation.outcomes(20, 4)).isEqualTo(1771);
        double[] shares = { 0.97, 0.01, 0.01, 0.01 };
        // 400 people in 4 categories: C(403, 3) ≈ 1.08e7 outcomes, over the limit.
        assertThatThrownBy(() -> Representation.of(new double[] { 390, 4, 3, 3 }, shares, 0.95))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("counts need the exact multinomial test")
                .hasMessageContaining("1.08e+07 outcomes");
        // 300 people: C(303, 3) ≈ 4.6e6, enumerated.
        assertThat(Representation.of(new double[] { 291, 3, 3, 3 }, shares, 0.95).test()).isEqualTo("exact");
    }

    @Test
    void badInputs() {
        assertThatThrownBy(() -> Representation.of(new double[] { 1, 2 }, new double[] { 0.5, 0.4 }, 0.95))
                .hasMessageStartingWith("shares must sum to 1 (within 1e-6) but sum to 0.9");
        assertThatThrownBy(() -> Representation.of(new double[] { 1, 2 }, new double[] { 1, 0 }, 0.95))
                .hasMessage("shares[1] must be > 0");
        assertThatThrownBy(() -> Representation.of(new double[] { 1.5, 2 }, new double[] { 0.5, 0.5 }, 0.95))
                .hasMessage("counts[0] must be a whole number ≥ 0");
        assertThatThrownBy(() -> Representation.of(new double[] { 0, 0 }, new double[] { 0.5, 0.5 }, 0.95))
                .hasMessage("counts must not all be 0");
        assertThatThrownBy(() -> Representation.of(new double[] { 3 }, new double[] { 1 }, 0.95))
                .hasMessage("counts must hold at least 2 categories");
        assertThatThrownBy(() -> Representation.of(new double[] { 1, 2 }, new double[] { 1 }, 0.95))
                .hasMessage("shares must have one share per category (2, as counts) but has 1");
        assertThatThrownBy(() -> Representation.of(new double[] { 1, 2 }, new double[] { 0.5, 0.5 }, 1.2))
                .hasMessageStartingWith("confidence must be a fraction");
    }
}
