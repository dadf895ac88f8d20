package org.perinatalequity.geography;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The National Grid formulas against the Ordnance Survey's own worked examples ("A guide to coordinate systems in
 * Great Britain", annexes B and C: the point 52°39'27.2531"N, 1°43'4.5177"E on OSGB36).
 */
class OsgbTest {

    private static double dms(int d, int m, double s) {
        return d + m / 60.0 + s / 3600.0;
    }

    @Test
    void projectsTheGuidesWorkedExampleToTheMillimetre() {
        double[] en = Osgb.project(Math.toRadians(dms(52, 39, 27.2531)), Math.toRadians(dms(1, 43, 4.5177)));

        assertThat(en[0]).isCloseTo(651409.903, within(0.001));
        assertThat(en[1]).isCloseTo(313177.270, within(0.001));
    }

    @Test
    void helmertShiftsWgs84ToOsgb36ByTheGuidesAmount() {
        // The same point given in WGS84/ETRS89 (the guide's OSTN15 example): the Helmert route lands within its
        // stated 5 m of the OSGB36 grid position, far finer than a 20 m generalised boundary.
        double[] en = Osgb.toNationalGrid(dms(1, 42, 57.8663), dms(52, 39, 28.8282));

        assertThat(en[0]).isCloseTo(651409.903, within(5.0));
        assertThat(en[1]).isCloseTo(313177.270, within(5.0));
    }

    @Test
    void leicesterLiesWhereTheGridPutsIt() {
        // The National Grid's true origin is 49°N 2°W at (400 km, -100 km); Leicester is about 459 km E, 304 km N.
        double[] origin = Osgb.project(Math.toRadians(49), Math.toRadians(-2));
        assertThat(origin[0]).isCloseTo(400_000, within(0.001));
        assertThat(origin[1]).isCloseTo(-100_000, within(0.001));

        double[] leicester = Osgb.toNationalGrid(-1.1332, 52.6369);
        assertThat(leicester[0]).isCloseTo(458_900, within(500.0));
        assertThat(leicester[1]).isCloseTo(304_600, within(500.0));
    }
}
