package org.perinatalequity.demodata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * Rare outcomes need far more births than an extract test can afford: simulate 200,000 pregnancies per group
 * without writing rows and compare realised rates between groups living in the same kind of area.
 */
class PregnancySimulatorTests {

    private static final int N = 200_000;
    private final Geography geo = Geography.build(1L);

    @Test
    void stillbirthAndNeonatalDeathAreHigherForBlackThanWhiteMothers() {
        Outcomes white = simulate("A", 3);
        Outcomes black = simulate("N", 3);
        assertThat(black.stillbirth.value()).isGreaterThan(1.4 * white.stillbirth.value());
        assertThat(white.stillbirth.value() * 1000).isBetween(2.0, 4.5);
        assertThat(black.neonatal.value()).isGreaterThan(1.2 * white.neonatal.value());
        assertThat(black.earlyBooking.value()).isLessThan(white.earlyBooking.value() - 0.1);
    }

    @Test
    void pretermBirthRisesWithDeprivation() {
        Outcomes leastDeprived = simulate("A", 5);
        Outcomes mostDeprived = simulate("A", 1);
        assertThat(mostDeprived.preterm.value() / leastDeprived.preterm.value()).isBetween(1.3, 1.7);
        assertThat(mostDeprived.stillbirth.value()).isGreaterThan(1.4 * leastDeprived.stillbirth.value());
    }

    private record Outcomes(Rate stillbirth, Rate neonatal, Rate preterm, Rate earlyBooking) {
    }

    private Outcomes simulate(String category, int quintile) {
        Lsoa lsoa = geo.lsoas().stream().filter(l -> l.quintile() == quintile).findFirst().orElseThrow();
        Mother m = new Mother("M1", "9990000000", LocalDate.of(1993, 6, 1), category, EthnicGroup.ofCode(category),
                lsoa, category, lsoa.postcodes().get(0).pcds(), null, lsoa.team(), 1.0);
        PregnancySimulator sim = new PregnancySimulator(new OutcomeModel(), new SplittableRandom(99L),
                new NhsNumbers(1L));
        Outcomes o = new Outcomes(new Rate(), new Rate(), new Rate(), new Rate());
        for (int i = 0; i < N; i++) {
            Pregnancy p = sim.simulate("P", "L", m, LocalDate.of(2024, 1, 1), 1, false);
            Baby b = p.babies().get(0);
            o.stillbirth.add(!b.live());
            if (b.live()) {
                o.neonatal.add(b.deathDate() != null);
                o.preterm.add(p.gestation() < 259);
            }
            o.earlyBooking.add(p.gestationAtBooking() <= 70);
        }
        return o;
    }
}
