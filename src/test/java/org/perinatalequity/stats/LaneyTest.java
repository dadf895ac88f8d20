package org.perinatalequity.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.perinatalequity.stats.SpcInput.Chart;
import org.perinatalequity.stats.SpcInput.Improvement;
import org.perinatalequity.stats.SpcResult.Point;
import org.perinatalequity.stats.SpcResult.PointType;

/** Laney's p′ chart on hand-worked examples (Laney 2002; the same arithmetic as qicharts2 {@code qic.pp}). */
class LaneyTest {

    /**
     * 16/100, 88/400, 24/100, 72/400: p̄ = 200/1000 = 0.2, p̄(1−p̄) = 0.16, so σ = 0.04 for n = 100 and 0.02 for
     * n = 400. z = (0.16−0.2)/0.04 = −1, (0.22−0.2)/0.02 = 1, (0.24−0.2)/0.04 = 1, (0.18−0.2)/0.02 = −1; moving
     * ranges 2, 0, 2, MR̄ = 4/3, σz = (4/3)/1.128 = 1.1820331. Limits 0.2 ± 3 × 0.04 × 1.1820331 = 0.2 ± 0.1418440
     * for n = 100 and 0.2 ± 0.0709220 for n = 400 (the plain p chart's are 0.2 ± 0.12 and 0.2 ± 0.06).
     */
    @Test
    void limitsAreThePChartsWidenedBySigmaZ() {
        List<Double> counts = List.of(16.0, 88.0, 24.0, 72.0);
        List<Double> totals = List.of(100.0, 400.0, 100.0, 400.0);
        SpcResult r = Spc.calculate(SpcInput.pPrime(counts, totals, Improvement.INCREASE));
        assertThat(r.mean()).isCloseTo(0.2, within(1e-12));
        assertThat(r.lowerLimit()).isNull();
        assertThat(r.upperLimit()).isNull();
        List<Point> p = r.points();
        assertThat(p).extracting(Point::value).containsExactly(0.16, 0.22, 0.24, 0.18);
        assertThat(p.get(0).lowerLimit()).isCloseTo(0.2 - 0.1418440, within(1e-7));
        assertThat(p.get(0).upperLimit()).isCloseTo(0.2 + 0.1418440, within(1e-7));
        assertThat(p.get(1).lowerLimit()).isCloseTo(0.2 - 0.0709220, within(1e-7));
        assertThat(p.get(1).upperLimit()).isCloseTo(0.2 + 0.0709220, within(1e-7));
        assertThat(p.get(3).upperLimit()).isCloseTo(0.2 + 0.0709220, within(1e-7));

        SpcResult plain = Spc.calculate(SpcInput.p(counts, totals, Improvement.INCREASE));
        assertThat(plain.points().get(0).upperLimit()).isCloseTo(0.32, within(1e-12));
        assertThat(plain.points().get(1).upperLimit()).isCloseTo(0.26, within(1e-12));
    }

    /**
     * Large denominators: 1,800, 2,200, 1,800, … out of 10,000 each (p̄ = 0.2, σ = 0.004). The p chart's limits
     * 0.188–0.212 put every point outside; on the p′ chart z alternates ±5, MR̄ = 10, σz = 10/1.128 = 8.8652482,
     * limits 0.2 ± 3 × 0.004 × 8.8652482 = 0.2 ± 0.1063830, and every point is common cause.
     */
    @Test
    void overDispersedLargeDenominatorsAreCommonCauseOnPPrime() {
        List<Double> counts = List.of(1800.0, 2200.0, 1800.0, 2200.0, 1800.0, 2200.0, 1800.0, 2200.0);
        List<Double> totals = List.of(10000.0, 10000.0, 10000.0, 10000.0, 10000.0, 10000.0, 10000.0, 10000.0);
        SpcResult p = Spc.calculate(SpcInput.p(counts, totals, Improvement.DECREASE));
        assertThat(p.points()).extracting(Point::type).doesNotContain(PointType.COMMON_CAUSE);

        SpcResult laney = Spc.calculate(SpcInput.pPrime(counts, totals, Improvement.DECREASE).withTarget(0.25));
        assertThat(laney.points()).extracting(Point::type).containsOnly(PointType.COMMON_CAUSE);
        assertThat(laney.points().get(0).upperLimit()).isCloseTo(0.2 + 0.1063830, within(1e-7));
        assertThat(laney.variation()).isEqualTo(PointType.COMMON_CAUSE);
        // The target 0.25 lies inside 0.094–0.306: hit and miss (on the p chart it would be consistently passing).
        assertThat(laney.assurance()).isEqualTo(SpcResult.Assurance.HIT_AND_MISS);
    }

    /** Rebasing gives each period its own p̄ and σz, as for the other charts. */
    @Test
    void eachPeriodHasItsOwnSigmaZ() {
        List<Double> counts = List.of(16.0, 88.0, 24.0, 72.0, 50.0, 60.0);
        List<Double> totals = List.of(100.0, 400.0, 100.0, 400.0, 100.0, 100.0);
        SpcResult r = Spc.calculate(SpcInput.pPrime(counts, totals, Improvement.INCREASE).withRebaseAt(List.of(4)));
        assertThat(r.points().get(1).upperLimit()).isCloseTo(0.2 + 0.0709220, within(1e-7));
        // 50/100, 60/100: p̄ = 0.55, σ = √(0.2475/100) = 0.0497494, z = ∓1.0050378, MR̄ = 2.0100756,
        // σz = 1.7819819, limits 0.55 ± 3 × 0.0497494 × 1.7819819 = 0.55 ± 0.2659574.
        assertThat(r.mean()).isCloseTo(0.55, within(1e-12));
        assertThat(r.points().get(5).upperLimit()).isCloseTo(0.55 + 0.2659574, within(1e-7));
    }

    @Test
    void needsADenominatorPerCount() {
        assertThatThrownBy(() -> Spc.calculate(new SpcInput(Chart.P_PRIME, List.of(1.0, 2.0), null,
                Improvement.INCREASE, null, true, 7, 7, List.of())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("denominators");
    }
}
