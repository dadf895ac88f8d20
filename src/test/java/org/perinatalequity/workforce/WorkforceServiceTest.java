package org.perinatalequity.workforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.perinatalequity.breakdown.BreakdownResult;
import org.perinatalequity.breakdown.BreakdownService;
import org.perinatalequity.workforce.WorkforceData.StaffMember;

/**
 * The service's own arithmetic on hand-made rows: staff in post against births by ethnic group (representation) and
 * the BME share of births; the year parameter's checks.
 */
class WorkforceServiceTest {

    private static BreakdownResult.Row births(String group, double count) {
        return new BreakdownResult.Row(group, null, 0.0, count, 0.0, null, null, null, null, false, null, null, null,
                null);
    }

    @Test
    void staffAgainstBirthsByEthnicGroup() {
        // 100 staff in post: 60 White, 10 Mixed, 20 Asian, 5 Black, 5 other; births 55%, 5%, 30%, 6%, 4%.
        List<StaffMember> staff = new ArrayList<>();
        String[] categories = { "A", "D", "H", "N", "S" };
        int[] counts = { 60, 10, 20, 5, 5 };
        for (int g = 0; g < 5; g++) {
            for (int i = 0; i < counts[g]; i++) {
                staff.add(new StaffMember("R1", g + "-" + i, categories[g], "5", "Midwifery", true));
            }
        }
        staff.add(new StaffMember("R1", "unknown", "Z", "5", "Midwifery", true));
        WorkforceQuery query = mock(WorkforceQuery.class);
        when(query.years()).thenReturn(List.of("2024-25"));
        when(query.year(any(), any())).thenReturn(new WorkforceData("2024-25", staff, List.of(), List.of(), List.of(),
                List.of(), List.of()));
        BreakdownService breakdowns = mock(BreakdownService.class);
        BreakdownResult result = mock(BreakdownResult.class);
        when(result.rows()).thenReturn(List.of(births("White", 5500), births("Mixed", 500),
                births("Asian or Asian British", 3000), births("Black or Black British", 600),
                births("Any other ethnic group", 400), births("Not stated", 900)));
        when(breakdowns.breakdown(any())).thenReturn(result);
        WorkforceService service = new WorkforceService(query, WorkforceSettings.defaults().withSuppressBelow(5),
                breakdowns, null, null);
        List<RepresentationRow> rows = service.representation("2024-25");
        assertThat(rows).hasSize(1);
        RepresentationRow r = rows.get(0);
        assertThat(r.group()).isEqualTo("Staff in post");
        assertThat(r.members()).isEqualTo(100.0);
        RepresentationRow.Share asian = r.categories().get(2);
        assertThat(asian.percent()).isCloseTo(20.0, within(1e-12));
        assertThat(asian.communityPercent()).isCloseTo(30.0, within(1e-12));
        assertThat(asian.ratio()).isCloseTo(20.0 / 30.0, within(1e-12));
        assertThat(asian.gap()).isCloseTo(-10.0, within(1e-12));
        assertThat(asian.lower()).isLessThan(20.0);
        assertThat(asian.upper()).isGreaterThan(20.0);
        // Expected counts 4 (Black 6 → 6, other 4 < 5): the exact multinomial test.
        assertThat(r.test()).isEqualTo("exact");
        // Births of known ethnicity: 45% to BME mothers.
        assertThat(service.equality("2024-25").orElseThrow().communityBmePercent()).isCloseTo(45.0, within(1e-12));
        // With the default threshold of 10, the 5 Black and 5 other staff hide the row.
        assertThat(new WorkforceService(query, WorkforceSettings.defaults(), breakdowns, null, null)
                .representation("2024-25").get(0).suppressed()).isTrue();
    }

    @Test
    void aYearMustBeTwoConsecutiveYears() {
        assertThat(WorkforceService.checkYear("2024-25")).isEqualTo("2024-25");
        assertThat(WorkforceService.checkYear("1999-00")).isEqualTo("1999-00");
        assertThatThrownBy(() -> WorkforceService.checkYear("2024-26")).hasMessageContaining("YYYY-YY");
        assertThatThrownBy(() -> WorkforceService.checkYear("2024")).hasMessageContaining("'2024'");
    }
}
