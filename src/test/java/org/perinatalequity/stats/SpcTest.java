package org.perinatalequity.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.perinatalequity.stats.SpcInput.Improvement;
import org.perinatalequity.stats.SpcResult.Assurance;
import org.perinatalequity.stats.SpcResult.Point;
import org.perinatalequity.stats.SpcResult.PointType;
import org.perinatalequity.stats.SpcResult.SpecialCause;

class SpcTest {

    /** R's set.seed(123); rnorm(20), the data of NHSRplotthedots tests/testthat/test-ptd_spc_standard.R. */
    private static final List<Double> RNORM = List.of(-0.56047565, -0.23017749, 1.55870831, 0.07050839, 0.12928774,
            1.71506499, 0.46091621, -1.26506123, -0.68685285, -0.44566197, 1.22408180, 0.35981383, 0.40077145,
            0.11068272, -0.55584113, 1.78691314, 0.49785048, -1.96661716, 0.70135590, -0.47279141);

    /** Snapshot tests/testthat/_snaps/ptd_spc_standard.md (r1): mean 0.1416238, lpl −3.01138, upl 3.294627. */
    @Test
    void reproducesThePackageSnapshot() {
        SpcResult r = Spc.calculate(SpcInput.xmr(RNORM, Improvement.INCREASE));
        assertThat(r.mean()).isCloseTo(0.1416238, within(5e-8));
        assertThat(r.lowerLimit()).isCloseTo(-3.01138, within(5e-6));
        assertThat(r.upperLimit()).isCloseTo(3.294627, within(5e-7));
        assertThat(r.points()).extracting(Point::type).containsOnly(PointType.COMMON_CAUSE);
        assertThat(r.variation()).isEqualTo(PointType.COMMON_CAUSE);
    }

    /**
     * Same snapshot, r2 and r3: y[15] = 10 with screening (mean 0.6694159, −2.383666, 3.722497) and without
     * (−4.596625, 5.935457). Screening drops the two huge moving ranges around the outlier once.
     */
    @Test
    void screeningOutliersAsThePackage() {
        List<Double> y = new ArrayList<>(RNORM);
        y.set(14, 10.0);
        SpcResult screened = Spc.calculate(SpcInput.xmr(y, Improvement.INCREASE));
        assertThat(screened.mean()).isCloseTo(0.6694159, within(5e-8));
        assertThat(screened.lowerLimit()).isCloseTo(-2.383666, within(5e-7));
        assertThat(screened.upperLimit()).isCloseTo(3.722497, within(5e-7));
        assertThat(screened.points().get(14).cause()).isEqualTo(SpecialCause.ABOVE_UCL);
        assertThat(screened.points().get(14).type()).isEqualTo(PointType.SPECIAL_CAUSE_IMPROVEMENT);

        SpcResult raw = Spc.calculate(SpcInput.xmr(y, Improvement.INCREASE).withScreenOutliers(false));
        assertThat(raw.lowerLimit()).isCloseTo(-4.596625, within(5e-7));
        assertThat(raw.upperLimit()).isCloseTo(5.935457, within(5e-7));
    }

    /**
     * test-ptd_spc_standard.R "only reports special cause for 2 of 3 points close to limits when they are on the same
     * side of the mean": 1, −1 × 8 with the last two 5.5 and −5.5 are common cause.
     */
    @Test
    void twoCloseOnOppositeSidesAreCommonCause() {
        List<Double> y = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            y.add(1.0);
            y.add(-1.0);
        }
        y.set(14, 5.5);
        y.set(15, -5.5);
        List<Point> points = Spc.calculate(SpcInput.xmr(y, Improvement.INCREASE)).points();
        assertThat(points.get(14).type()).isEqualTo(PointType.COMMON_CAUSE);
        assertThat(points.get(15).type()).isEqualTo(PointType.COMMON_CAUSE);
    }

    /**
     * Seven up then seven down: the shared peak is labelled by the fall (statistical-methods.md 12.3). Wide limits
     * keep the trend rule from being pre-empted by a point outside them.
     */
    @Test
    void trendsAndTheirDirection() {
        double[] y = { 1, 2, 3, 4, 5, 6, 7, 6, 5, 4, 3, 2, 1 };
        double[] mean = new double[y.length];
        double[] lower = new double[y.length];
        double[] upper = new double[y.length];
        Arrays.fill(mean, 4);
        Arrays.fill(lower, -100);
        Arrays.fill(upper, 100);
        SpecialCause[] causes = SpcRules.causes(y, new SpcLimits.Period(mean, lower, upper, lower, upper), 7, 7);
        assertThat(causes[5]).isEqualTo(SpecialCause.TREND_INCREASING);
        assertThat(causes[6]).isEqualTo(SpecialCause.TREND_DECREASING);
        assertThat(causes[12]).isEqualTo(SpecialCause.TREND_DECREASING);
        assertThat(Spc.pointType(causes[5], Improvement.DECREASE)).isEqualTo(PointType.SPECIAL_CAUSE_CONCERN);
        assertThat(Spc.pointType(causes[12], Improvement.DECREASE)).isEqualTo(PointType.SPECIAL_CAUSE_IMPROVEMENT);
    }

    /** Hand-worked shift: 8 points at 1 then 8 at 3; mean 2, and no direction is better. */
    @Test
    void shiftWithoutAPreferredDirection() {
        List<Double> y = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            y.add(i < 8 ? 1.0 + (i % 2) * 0.01 : 3.0 + (i % 2) * 0.01);
        }
        SpcResult r = Spc.calculate(SpcInput.xmr(y, Improvement.NEITHER).withTarget(2.0));
        assertThat(r.mean()).isCloseTo(2.005, within(1e-12));
        assertThat(r.points().get(0).cause()).isIn(SpecialCause.SHIFT_BELOW, SpecialCause.BELOW_LCL);
        assertThat(r.variation()).isEqualTo(PointType.SPECIAL_CAUSE_NEITHER);
        assertThat(r.assurance()).isNull();
    }

    /** tests/testthat/test-ptd_calculate_assurance_type.R: limits 1–3, 5–7, 1–5 with target 4. */
    @Test
    void assuranceAsThePackageTests() {
        Point a = point(1, 3);
        Point b = point(5, 7);
        Point c = point(1, 5);
        assertThat(Spc.assurance(4.0, Improvement.INCREASE, a)).isEqualTo(Assurance.CONSISTENTLY_FAILING);
        assertThat(Spc.assurance(4.0, Improvement.INCREASE, b)).isEqualTo(Assurance.CONSISTENTLY_PASSING);
        assertThat(Spc.assurance(4.0, Improvement.INCREASE, c)).isEqualTo(Assurance.HIT_AND_MISS);
        assertThat(Spc.assurance(4.0, Improvement.DECREASE, a)).isEqualTo(Assurance.CONSISTENTLY_PASSING);
        assertThat(Spc.assurance(4.0, Improvement.DECREASE, b)).isEqualTo(Assurance.CONSISTENTLY_FAILING);
        assertThat(Spc.assurance(4.0, Improvement.DECREASE, c)).isEqualTo(Assurance.HIT_AND_MISS);
        assertThat(Spc.assurance(4.0, Improvement.NEITHER, c)).isNull();
        assertThat(Spc.assurance(null, Improvement.INCREASE, c)).isNull();
        assertThat(Spc.assurance(5.0, Improvement.INCREASE, c)).as("on the limit").isEqualTo(Assurance.HIT_AND_MISS);
    }

    /** Rebasing: each period has its own mean and limits; the result carries the last period's. */
    @Test
    void rebaseStartsANewPeriod() {
        List<Double> y = List.of(10.0, 12.0, 11.0, 13.0, 10.0, 20.0, 22.0, 21.0, 23.0, 20.0);
        SpcResult r = Spc.calculate(SpcInput.xmr(y, Improvement.INCREASE).withRebaseAt(List.of(5)));
        // Second period 20, 22, 21, 23, 20: mean 21.2, MR̄ (2 + 1 + 2 + 3)/4 = 2, limits 21.2 ± 5.32.
        assertThat(r.mean()).isCloseTo(21.2, within(1e-12));
        assertThat(r.lowerLimit()).isCloseTo(15.88, within(1e-12));
        assertThat(r.upperLimit()).isCloseTo(26.52, within(1e-12));
        assertThat(r.points().get(0).mean()).isCloseTo(11.2, within(1e-12));
        assertThat(r.points()).extracting(Point::type).containsOnly(PointType.COMMON_CAUSE);
        assertThatThrownBy(() -> Spc.calculate(SpcInput.xmr(y, Improvement.INCREASE).withRebaseAt(List.of(9))))
                .extracting("field").isEqualTo("rebaseAt");
    }

    /**
     * Hand-worked p chart: 10/100, 12/100, 30/100, 9/50, 11/150 → p̄ = 72/500 = 0.144; point 3 (0.30) lies above
     * 0.144 + 3√(0.144·0.856/100) = 0.249329; limits vary with nᵢ and the top-level limits are null.
     */
    @Test
    void pChartWithVaryingDenominators() {
        SpcResult r = Spc.calculate(SpcInput.p(List.of(10.0, 12.0, 30.0, 9.0, 11.0),
                List.of(100.0, 100.0, 100.0, 50.0, 150.0), Improvement.DECREASE));
        double sigma100 = Math.sqrt(0.144 * 0.856 / 100);
        assertThat(r.mean()).isCloseTo(0.144, within(1e-15));
        assertThat(r.lowerLimit()).isNull();
        assertThat(r.upperLimit()).isNull();
        assertThat(r.points().get(0).upperLimit()).isCloseTo(0.144 + 3 * sigma100, within(1e-15));
        assertThat(r.points().get(0).lowerLimit()).isCloseTo(0.144 - 3 * sigma100, within(1e-15));
        assertThat(r.points().get(3).lowerLimit()).as("clipped at 0").isZero();
        assertThat(r.points().get(2).value()).isCloseTo(0.30, within(1e-15));
        assertThat(r.points().get(2).type()).isEqualTo(PointType.SPECIAL_CAUSE_CONCERN);
        assertThat(r.variation()).isEqualTo(PointType.COMMON_CAUSE);
    }

    @Test
    void refusesBadInput() {
        assertThatThrownBy(() -> Spc.calculate(SpcInput.xmr(List.of(1.0), Improvement.INCREASE)))
                .hasMessage("values must hold at least 2 points");
        assertThatThrownBy(() -> Spc.calculate(SpcInput.p(List.of(5.0, 6.0), List.of(10.0, 5.0), Improvement.INCREASE)))
                .hasMessage("denominators[1] must be ≥ values[1]");
    }

    private static Point point(double lower, double upper) {
        return new Point(0, (lower + upper) / 2, lower, upper, SpecialCause.COMMON_CAUSE, PointType.COMMON_CAUSE);
    }
}
