package org.perinatalequity.breakdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perinatalequity.measures.Measure;
import org.perinatalequity.stats.Polarity;

import org.springframework.mock.env.MockEnvironment;

/** The setting {@code equity.spc.rebase.<measureId>=YYYY-MM[,YYYY-MM]}, read at start-up. */
class RebaseSettingsTest {

    private static Measure measure(String id) {
        return new Measure(id, id, id, "%", 100, Polarity.HIGHER_IS_BETTER, null, "x", "n", List.of("plan"),
                "booking", "outcome", false, "select 1", 0, "Local definition", null, List.of(), null);
    }

    @Test
    void readsTheMonthsOfEachMeasure() {
        MockEnvironment env = new MockEnvironment().withProperty("equity.spc.rebase.caesarean", "2024-10, 2023-04")
                .withProperty("equity.spc.rebase.preterm", " ");
        Map<String, List<YearMonth>> settings = RebaseSettings.read(
                List.of(measure("caesarean"), measure("preterm"), measure("stillbirth")), env);
        assertThat(settings).containsOnlyKeys("caesarean");
        assertThat(settings.get("caesarean")).containsExactly(YearMonth.of(2024, 10), YearMonth.of(2023, 4));
    }

    @Test
    void aMistypedMonthStopsStartUpNamingTheSetting() {
        MockEnvironment env = new MockEnvironment().withProperty("equity.spc.rebase.caesarean", "Oct 2024");
        assertThatThrownBy(() -> RebaseSettings.read(List.of(measure("caesarean")), env))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Setting equity.spc.rebase.caesarean: months as YYYY-MM[,YYYY-MM], not 'Oct 2024'");
    }
}
