package org.perinatalequity.demodata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.perinatalequity.demodata.RateCalibration.Link;

class RateCalibrationTests {

    @Test
    void reproducesBothPublishedMarginsOverEnglandsMix() {
        double[] byGroup = {.058, .062, .068, .070, .062};
        double[] byQuintile = {.049, .054, .059, .065, .072};
        double[][] p = RateCalibration.fit(byGroup, byQuintile, Link.LOG);
        for (int g = 0; g < 5; g++) {
            double num = 0;
            double den = 0;
            for (int q = 0; q < 5; q++) {
                num += RateCalibration.ENGLAND[g][q] * p[g][q];
                den += RateCalibration.ENGLAND[g][q];
            }
            assertThat(num / den).isCloseTo(byGroup[g], within(1e-4));
        }
        // Within a quintile the Black/White ratio is smaller than the marginal 7.0/5.8, because Black mothers
        // live disproportionately in deprived areas.
        double within = p[EthnicGroup.BLACK.ordinal()][2] / p[EthnicGroup.WHITE.ordinal()][2];
        assertThat(within).isGreaterThan(1.0).isLessThan(0.070 / 0.058);
        assertThat(p[0][4]).isGreaterThan(p[0][0] * 1.3);
    }

    @Test
    void logitLinkKeepsCommonOutcomesBelowOne() {
        double[][] p = RateCalibration.fit(new double[] {.68, .78, .82, .90, .85},
                new double[] {.81, .77, .73, .69, .65}, Link.LOGIT);
        for (double[] row : p) {
            for (double v : row) {
                assertThat(v).isStrictlyBetween(0.3, 1.0);
            }
        }
    }
}
