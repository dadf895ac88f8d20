package org.perinatalequity.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.perinatalequity.stats.Standardisation.DirectlyStandardised;
import org.perinatalequity.stats.Standardisation.FrequencyGroup;
import org.perinatalequity.stats.Standardisation.IndirectlyStandardised;

/**
 * Directly and indirectly standardised rates against PHEindicatormethods' own test oracle
 * ({@code tests/testthat/testdata_DSR_ISR.xlsx} at ukhsa-collaboration/PHEindicatormethods@093fd28, sheets
 * testdata_multiarea, testdata_nonindepe, refdata, testresults_DSR and testresults_ISR; the expected values are that
 * sheet's, to its 15 significant figures, the non-independent rows to its 8 decimals) and small hand-worked cases.
 */
class StandardisationTest {

    /** European Standard Population 2013, 19 bands (0–4 … 90+), as the package's esp2013. */
    static final double[] ESP2013 = { 5000, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000, 7000, 6500, 6000,
            5500, 5000, 4000, 2500, 1500, 1000 };

    static final double[] POPULATION = { 636, 558, 609, 543, 384, 594, 669, 843, 660, 576, 606, 522, 426, 273, 300,
            288, 153, 123, 207 };

    static final double[] BIG = { 127, 25, 18, 21, 12, 27, 48, 27, 29, 32, 32, 34, 45, 65, 38, 68, 74, 82, 91 };

    static final double[] SMALL = { 12, 4, 3, 2, 3, 4, 8, 2, 2, 3, 4, 5, 6, 8, 5, 6, 5, 5, 4 };

    /** testdata_tiny: the 10–14 count is blank in the sheet, which the package reads as 0. */
    static final double[] TINY = { 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 1, 2, 3 };

    static final double[] REFERENCE_COUNT = { 10303, 2824, 0, 3615, 3641, 3490, 3789, 3213, 3031, 2771, 3089, 3490,
            3595, 4745, 5514, 7125, 5694, 6210, 5757 };

    static final double[] REFERENCE_POPULATION = { 50520, 57173, 60213, 54659, 44345, 50128, 62163, 67423, 62899,
            55463, 60479, 49974, 44140, 40888, 37239, 30819, 18136, 15325, 13918 };

    private static void assertRelative(Double actual, double expected, double tolerance) {
        assertThat(actual).isNotNull();
        assertThat(actual).isCloseTo(expected, within(Math.abs(expected) * tolerance));
    }

    @Test
    void dsrMatchesThePackagesOracleAt95And998() {
        DirectlyStandardised big = Standardisation.directlyStandardisedRate(BIG, POPULATION, ESP2013, 100000, 0.95);
        assertThat(big.totalCount()).isEqualTo(895);
        assertRelative(big.value(), 10430.247991469423, 1e-12);
        assertRelative(big.lower(), 9717.709067985681, 1e-12);
        assertRelative(big.upper(), 11178.94091547925, 1e-12);
        DirectlyStandardised big998 = Standardisation.directlyStandardisedRate(BIG, POPULATION, ESP2013, 100000,
                0.998);
        assertRelative(big998.lower(), 9323.2878802199029, 1e-12);
        assertRelative(big998.upper(), 11620.595999522058, 1e-12);

        DirectlyStandardised small = Standardisation.directlyStandardisedRate(SMALL, POPULATION, ESP2013, 10000,
                0.95);
        assertThat(small.totalCount()).isEqualTo(91);
        assertRelative(small.value(), 110.3212025300104, 1e-12);
        assertRelative(small.lower(), 87.745576753670903, 1e-12);
        assertRelative(small.upper(), 136.70882227251795, 1e-12);
        DirectlyStandardised small998 = Standardisation.directlyStandardisedRate(SMALL, POPULATION, ESP2013, 10000,
                0.998);
        assertRelative(small998.lower(), 76.36420357939879, 1e-12);
        assertRelative(small998.upper(), 153.00328948244763, 1e-12);
    }

    @Test
    void dsrIsNotGivenUnderTenEvents() {
        DirectlyStandardised tiny = Standardisation.directlyStandardisedRate(TINY, POPULATION, ESP2013, 100000, 0.95);
        assertThat(tiny.totalCount()).isEqualTo(9);
        assertThat(tiny.value()).isNull();
        assertThat(tiny.lower()).isNull();
        assertThat(tiny.upper()).isNull();
    }

    /**
     * Hand-worked: counts (10, 20), populations (1000, 2000), standard (3000, 1000): DSR = (10·3 + 20·0.5) / 4000 ×
     * 100,000 = 1000; var = (10·3² + 20·0.5²) / 4000² = 95 / 16e6; O = 30 with Byar's limits 20.24 and 42.83, so
     * the limits are 1000 + √(var/30)·(O_L − 30)·100,000 and the same with O_U.
     */
    @Test
    void dsrByHand() {
        DirectlyStandardised d = Standardisation.directlyStandardisedRate(new double[] { 10, 20 },
                new double[] { 1000, 2000 }, new double[] { 3000, 1000 }, 100000, 0.95);
        assertRelative(d.value(), 1000, 1e-14);
        assertRelative(d.lower(), 565.6626446644062, 1e-12);
        assertRelative(d.upper(), 1570.7063794620126, 1e-12);
    }

    @Test
    void aStandardWeightOfZeroDropsTheStratumButKeepsItsEvents() {
        // The second stratum's 9 events make the total 10, so the DSR is given, from the first stratum only.
        DirectlyStandardised d = Standardisation.directlyStandardisedRate(new double[] { 1, 9 },
                new double[] { 100, 100 }, new double[] { 5, 0 }, 1000, 0.95);
        assertThat(d.totalCount()).isEqualTo(10);
        assertRelative(d.value(), 10, 1e-14);
    }

    static List<FrequencyGroup> frequencies(double[]... byFrequency) {
        return java.util.stream.IntStream.range(0, byFrequency.length)
                .mapToObj(f -> new FrequencyGroup(f + 1, byFrequency[f])).toList();
    }

    /** testdata_nonind_big and testdata_nonind_small: people with 1, 2, 3 or 4 events by age band. */
    @Test
    void nonIndependentEventsWidenTheInterval() {
        List<FrequencyGroup> big = frequencies(
                new double[] { 75, 16, 11, 12, 8, 18, 26, 18, 18, 21, 21, 23, 23, 39, 25, 40, 46, 49, 56 },
                new double[] { 16, 3, 2, 3, 0, 3, 6, 3, 4, 4, 4, 4, 6, 8, 5, 9, 9, 10, 11 },
                new double[] { 4, 1, 1, 1, 0, 1, 2, 1, 1, 1, 1, 1, 2, 2, 1, 2, 2, 3, 3 },
                new double[] { 2, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 1, 1, 0, 1, 1, 1, 1 });
        DirectlyStandardised d = Standardisation.directlyStandardisedRate(big, POPULATION, ESP2013, 100000, 0.95);
        assertThat(d.totalCount()).isEqualTo(895);
        assertRelative(d.value(), 10430.24799147, 1e-11);
        assertRelative(d.lower(), 9532.9497786200009, 1e-11);
        assertRelative(d.upper(), 11373.074832980001, 1e-11);
        DirectlyStandardised d998 = Standardisation.directlyStandardisedRate(big, POPULATION, ESP2013, 100000,
                0.998);
        assertRelative(d998.lower(), 9036.2563135700002, 1e-11);
        assertRelative(d998.upper(), 11929.24980749, 1e-11);

        List<FrequencyGroup> small = frequencies(
                new double[] { 7, 4, 3, 0, 3, 4, 5, 2, 2, 3, 4, 5, 3, 5, 5, 3, 5, 5, 4 },
                new double[] { 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 },
                new double[] { 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 1, 0, 1, 0, 0, 0 });
        DirectlyStandardised s = Standardisation.directlyStandardisedRate(small, POPULATION, ESP2013, 100000, 0.95);
        assertThat(s.totalCount()).isEqualTo(89);
        assertRelative(s.value(), 1082.9541984099999, 1e-10);
        assertRelative(s.lower(), 817.68609755, 1e-10);
        assertRelative(s.upper(), 1393.5588492700001, 1e-10);
    }

    @Test
    void isRatioMatchesThePackagesOracle() {
        IndirectlyStandardised big = Standardisation.indirectlyStandardisedRatio(895, POPULATION, REFERENCE_COUNT,
                REFERENCE_POPULATION, 1, 0.95);
        assertThat(big.method()).isEqualTo("Byar");
        assertThat(big.expected()).isCloseTo(835.88356123117433, within(1e-10));
        assertRelative(big.value(), 1.0707232939020275, 1e-13);
        assertRelative(big.lower(), 1.0017147712553987, 1e-12);
        assertRelative(big.upper(), 1.1432332872498949, 1e-12);
        assertThat(big.referenceRate()).isNull();

        IndirectlyStandardised small998 = Standardisation.indirectlyStandardisedRatio(91, POPULATION,
                REFERENCE_COUNT, REFERENCE_POPULATION, 100, 0.998);
        assertRelative(small998.value(), 10.886683770400502, 1e-13);
        assertRelative(small998.lower(), 7.6954255283921107, 1e-12);
        assertRelative(small998.upper(), 14.897920510466744, 1e-12);

        IndirectlyStandardised tiny = Standardisation.indirectlyStandardisedRatio(9, POPULATION, REFERENCE_COUNT,
                REFERENCE_POPULATION, 100, 0.95);
        assertThat(tiny.method()).isEqualTo("Exact");
        assertRelative(tiny.value(), 1.0767049882813684, 1e-13);
        assertRelative(tiny.lower(), 0.49233808250957761, 1e-10);
        assertRelative(tiny.upper(), 2.043921455549973, 1e-10);
    }

    @Test
    void isRateMatchesThePackagesOracle() {
        IndirectlyStandardised big = Standardisation.indirectlyStandardisedRate(895, POPULATION, REFERENCE_COUNT,
                REFERENCE_POPULATION, 100000, 0.95);
        assertRelative(big.referenceRate(), 9349.8830922110192, 1e-13);
        assertRelative(big.value(), 10011.137622091057, 1e-13);
        assertRelative(big.lower(), 9365.91600297888, 1e-12);
        assertRelative(big.upper(), 10689.097582910616, 1e-12);

        IndirectlyStandardised tiny = Standardisation.indirectlyStandardisedRate(9, POPULATION, REFERENCE_COUNT,
                REFERENCE_POPULATION, 1000, 0.998);
        assertThat(tiny.method()).isEqualTo("Exact");
        assertRelative(tiny.referenceRate(), 93.498830922110187, 1e-13);
        assertRelative(tiny.value(), 1.0067065765231229, 1e-13);
        assertRelative(tiny.lower(), 0.27431908625542339, 1e-10);
        assertRelative(tiny.upper(), 2.5343696352192358, 1e-10);
    }

    /** The package's testdata_err2 case: a stratum with population 0 adds nothing to expected (Area1, E = 808.32). */
    @Test
    void aLocalPopulationOfZeroIsAllowed() {
        double[] population = POPULATION.clone();
        population[1] = 0;
        IndirectlyStandardised r = Standardisation.indirectlyStandardisedRatio(895, population, REFERENCE_COUNT,
                REFERENCE_POPULATION, 100, 0.95);
        assertThat(r.expected()).isCloseTo(808.32174009182529, within(1e-9));
        assertRelative(r.value(), 110.72323749430866, 1e-12);
        assertRelative(r.lower(), 103.58708281676485, 1e-12);
        assertRelative(r.upper(), 118.22147841228508, 1e-12);
    }

    /**
     * Hand-worked: populations (100, 200) against reference rates 5/1000 and 30/2000 give E = 0.5 + 3 = 3.5. With 12
     * observed: ratio 12 / 3.5 and Byar's limits on 12 over 3.5; with 3 observed, the exact χ² limits
     * χ²(0.025; 6)/2 / 3.5 and χ²(0.975; 8)/2 / 3.5 (scipy.stats.chi2.ppf). The reference rate is 35 / 3000.
     */
    @Test
    void isrByHand() {
        double[] population = { 100, 200 };
        double[] count = { 5, 30 };
        double[] people = { 1000, 2000 };
        IndirectlyStandardised r = Standardisation.indirectlyStandardisedRatio(12, population, count, people, 1,
                0.95);
        assertThat(r.expected()).isCloseTo(3.5, within(1e-14));
        assertRelative(r.value(), 3.4285714285714284, 1e-14);
        assertRelative(r.lower(), 1.7695742408797224, 1e-12);
        assertRelative(r.upper(), 5.989388015319057, 1e-12);
        IndirectlyStandardised exact = Standardisation.indirectlyStandardisedRatio(3, population, count, people, 1,
                0.95);
        assertRelative(exact.lower(), 0.17676346368445753, 1e-10);
        assertRelative(exact.upper(), 2.504935162783521, 1e-10);
        IndirectlyStandardised rate = Standardisation.indirectlyStandardisedRate(12, population, count, people,
                100000, 0.95);
        assertRelative(rate.referenceRate(), 1166.6666666666667, 1e-14);
        assertRelative(rate.value(), 4000, 1e-14);
    }

    @Test
    void noExpectedEventsGiveNoRatio() {
        IndirectlyStandardised r = Standardisation.indirectlyStandardisedRatio(2, new double[] { 0, 0 },
                new double[] { 5, 30 }, new double[] { 1000, 2000 }, 1, 0.95);
        assertThat(r.expected()).isZero();
        assertThat(r.observed()).isEqualTo(2);
        assertThat(r.value()).isNull();
        assertThat(r.lower()).isNull();
        assertThat(r.upper()).isNull();
        assertThat(r.method()).isEqualTo("Exact");
    }

    @Test
    void badInputsNameTheirField() {
        double[] one = { 1 };
        assertThatThrownBy(() -> Standardisation.directlyStandardisedRate(new double[] { 1, 2 }, one, one, 1, 0.95))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("count must have one value per stratum (1, as population) but has 2");
        assertThatThrownBy(() -> Standardisation.directlyStandardisedRate(one, new double[] { 0 }, one, 1, 0.95))
                .hasMessage("population[0] must be > 0");
        assertThatThrownBy(() -> Standardisation.directlyStandardisedRate(one, one, new double[] { -1 }, 1, 0.95))
                .hasMessage("standardPopulation[0] must be ≥ 0");
        assertThatThrownBy(() -> Standardisation.directlyStandardisedRate(one, one, new double[] { 0 }, 1, 0.95))
                .hasMessage("standardPopulation must not be 0 in every stratum");
        assertThatThrownBy(() -> Standardisation.directlyStandardisedRate(one, one, one, 1, 1))
                .hasMessageStartingWith("confidence must be a fraction");
        assertThatThrownBy(() -> Standardisation.indirectlyStandardisedRatio(1, one, one, new double[] { 0 }, 1,
                0.95)).hasMessage("referencePopulation[0] must be > 0");
        assertThatThrownBy(() -> Standardisation.indirectlyStandardisedRatio(1, new double[] { -1 }, one, one, 1,
                0.95)).hasMessage("population[0] must be ≥ 0");
        assertThatThrownBy(() -> Standardisation.indirectlyStandardisedRatio(1, one, one, one, 0, 0.95))
                .hasMessageStartingWith("refValue must be > 0");
        assertThatThrownBy(() -> Standardisation.directlyStandardisedRate(List.of(new FrequencyGroup(0, one)), one,
                one, 1, 0.95)).hasMessage("individualsByFrequency[0].frequency must be > 0 (events per person)");
    }
}
