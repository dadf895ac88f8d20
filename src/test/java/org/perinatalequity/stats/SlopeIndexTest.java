package org.perinatalequity.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;

import org.junit.jupiter.api.Test;
import org.perinatalequity.stats.SiiInput.Quantile;
import org.perinatalequity.stats.SiiInput.ValueType;

/**
 * PHEindicatormethods' own SII expectations live in tests/testthat/testdata_SII.xlsx, which could not be read here, so
 * these tests use hand-worked data where the answer is known in closed form, an independent least-squares fit
 * (numpy.linalg.lstsq on √a and b√a, the package's lm(yvals ~ sqrt_a + b_sqrt_a - 1)), and the analytic spread of a
 * slope that is linear in normal draws; limits are compared loosely, as the package's tests do (5%).
 */
class SlopeIndexTest {

    private static final double[] RANKS = { 0.1, 0.3, 0.5, 0.7, 0.9 };

    /** Equal quintiles on the line 20 − 10·rank: SII −10, RII (20 − 10)/20 = 0.5, intercept 20. */
    @Test
    void untransformedLineIsRecoveredExactly() {
        SiiResult r = SlopeIndex.calculate(input(ValueType.OTHER, false, 1, line(i -> 20 - 10 * RANKS[i], 0.5)),
                new SplittableRandom(1));
        assertThat(r.sii()).isCloseTo(-10, within(1e-10));
        assertThat(r.rii()).isCloseTo(0.5, within(1e-12));
        assertThat(r.intercept()).isCloseTo(20, within(1e-10));
    }

    @Test
    void negativeMultiplierFlipsSiiAndInvertsRii() {
        SiiResult r = SlopeIndex.calculate(input(ValueType.OTHER, false, -1, line(i -> 20 - 10 * RANKS[i], 0.5)),
                new SplittableRandom(1));
        assertThat(r.sii()).isCloseTo(10, within(1e-10));
        assertThat(r.rii()).isCloseTo(2, within(1e-12));
        assertThat(r.siiLower()).isLessThan(r.sii());
        assertThat(r.siiUpper()).isGreaterThan(r.sii());
    }

    /**
     * Unequal populations, checked against numpy: β₀ 31.886939336655786, β₁ −19.59206049149338. The simulated 95%
     * limits of a slope linear in normal draws are β₁ ± z·√Σcᵢ²seᵢ² = −23.6639 and −15.5202.
     */
    @Test
    void weightedFitAndSimulatedLimits() {
        double[] pop = { 1200, 900, 1500, 800, 1100 };
        double[] val = { 30, 26, 21, 19, 14 };
        double[] se = { 1.2, 1.5, 1.1, 1.8, 1.3 };
        List<Quantile> q = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            q.add(new Quantile(i + 1, pop[i], val[i], null, null, se[i]));
        }
        SiiResult r = SlopeIndex.calculate(new SiiInput(ValueType.OTHER, false, 1, 0.95, 100_000, q),
                new SplittableRandom(42));
        assertThat(r.sii()).isCloseTo(-19.59206049149338, within(1e-10));
        assertThat(r.intercept()).isCloseTo(31.886939336655786, within(1e-10));
        assertThat(r.rii()).isCloseTo(0.3855772645770605, within(1e-12));
        assertThat(r.siiLower()).isCloseTo(-23.663928861726507, withinPercentage(1));
        assertThat(r.siiUpper()).isCloseTo(-15.520192121260255, withinPercentage(1));
        assertThat(r.riiLower()).isLessThan(r.rii());
        assertThat(r.riiUpper()).isGreaterThan(r.rii());
    }

    /**
     * Rates exactly exponential in rank, 2·3^rank, regressed on the log scale: β₀ = ln 2, β₁ = ln 3, so RII 3,
     * SII (6 − 2) × 1,000 and intercept 2 × 1,000. Limits from the log-scale slope spread, put back around the
     * midpoint as the package does.
     */
    @Test
    void logTransformedRates() {
        List<Quantile> q = new ArrayList<>();
        double seLog = 0.1;
        for (int i = 0; i < 5; i++) {
            double v = 2 * Math.pow(3, RANKS[i]);
            double z = Confidence.quantile(0.975);
            q.add(new Quantile(i + 1, 100, v, v * Math.exp(-z * seLog), v * Math.exp(z * seLog), null));
        }
        SiiResult r = SlopeIndex.calculate(new SiiInput(ValueType.RATE, true, 1000, 0.95, 100_000, q),
                new SplittableRandom(7));
        assertThat(r.rii()).isCloseTo(3, within(1e-10));
        assertThat(r.sii()).isCloseTo(4000, within(1e-7));
        assertThat(r.intercept()).isCloseTo(2000, within(1e-9));
        // Slope = Σcᵢyᵢ with cᵢ = aᵢ(bᵢ − b̄)/Σa(b − b̄)²; equal shares 0.2 at ranks 0.1…0.9 give Σcᵢ² = 2.5.
        double sd = seLog * Math.sqrt(2.5);
        double mid = Math.log(2) + Math.log(3) / 2;
        double sLow = Math.log(3) - Confidence.quantile(0.975) * sd;
        double expectedLower = (Math.exp(mid + sLow / 2) - Math.exp(mid - sLow / 2)) * 1000;
        assertThat(r.siiLower()).isCloseTo(expectedLower, withinPercentage(1));
        assertThat(r.riiLower()).isCloseTo(Math.exp(sLow), withinPercentage(1));
    }

    /** Proportions 0.3 − 0.2·rank on the logit scale with a negative multiplier: the limits swap, the RII inverts. */
    @Test
    void logitTransformedProportionsWithNegativeMultiplier() {
        List<Quantile> q = line(i -> 0.3 - 0.2 * RANKS[i], 0.02);
        SiiResult plus = SlopeIndex.calculate(input(ValueType.PROPORTION, true, 100, q), new SplittableRandom(3));
        SiiResult minus = SlopeIndex.calculate(input(ValueType.PROPORTION, true, -100, q), new SplittableRandom(3));
        assertThat(minus.sii()).isCloseTo(-plus.sii(), within(1e-10));
        assertThat(minus.rii()).isCloseTo(1 / plus.rii(), within(1e-12));
        assertThat(minus.siiLower()).isCloseTo(-plus.siiUpper(), within(1e-10));
        assertThat(minus.riiUpper()).isCloseTo(1 / plus.riiLower(), within(1e-12));
        assertThat(plus.sii()).isCloseTo(-20, withinPercentage(10));
    }

    @Test
    void sameSeedSameLimits() {
        SiiInput in = input(ValueType.OTHER, false, 1, line(i -> 20 - 10 * RANKS[i], 0.5));
        assertThat(SlopeIndex.calculate(in, new SplittableRandom(5)))
                .isEqualTo(SlopeIndex.calculate(in, new SplittableRandom(5)));
    }

    @Test
    void refusesTooFewQuantilesAndMissingErrors() {
        List<Quantile> four = line(i -> 1.0, 0.1).subList(0, 4);
        assertThatThrownBy(() -> SlopeIndex.calculate(input(ValueType.OTHER, false, 1, four), new SplittableRandom()))
                .hasMessage("quantiles must hold 5 to 100 quantiles");
        List<Quantile> noSe = new ArrayList<>(line(i -> 1.0, 0.1));
        noSe.set(2, new Quantile(3, 100, 1, null, null, null));
        assertThatThrownBy(() -> SlopeIndex.calculate(input(ValueType.OTHER, false, 1, noSe), new SplittableRandom()))
                .hasMessage("quantiles[2].standardError is needed when lower and upper are not given");
    }

    private static SiiInput input(ValueType type, boolean transform, double multiplier, List<Quantile> q) {
        return new SiiInput(type, transform, multiplier, 0.95, 20_000, q);
    }

    /** Equal-population quintiles with the given values and 95% limits of value × (1 ∓ spread/2). */
    private static List<Quantile> line(IntToDoubleFunction value, double spread) {
        List<Quantile> q = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            double v = value.applyAsDouble(i);
            q.add(new Quantile(i + 1, 100, v, v * (1 - spread / 2), v * (1 + spread / 2), null));
        }
        return q;
    }
}
