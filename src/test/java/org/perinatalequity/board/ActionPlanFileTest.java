package org.perinatalequity.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.perinatalequity.board.ActionPlan.DeliveryStatus;
import org.perinatalequity.board.ActionPlan.Intervention;

class ActionPlanFileTest {

    private static final Set<String> MEASURES = Set.of("early_booking", "continuity_of_carer", "preterm",
            "stillbirth", "neonatal_death", "low_birthweight_term", "pcsp_recorded", "remote_contacts",
            "did_not_attend", "ethnicity_recorded", "postcode_linked", "smoking_booking", "smoking_delivery",
            "breastmilk_first_feed", "folic_acid_before");
    private static final String HEADER = String.join(",", ActionPlanFile.COLUMNS) + "\n";

    @Test
    void theBundledSamplePlanReadsInFileOrder() throws IOException {
        String text = Files.readString(Path.of("data-samples/action-plan.csv"), StandardCharsets.UTF_8);
        ActionPlan plan = ActionPlanFile.read(text, "action-plan.csv", MEASURES);

        assertThat(plan.priorities()).extracting(ActionPlan.Priority::id).containsExactly("P1", "P2", "P3", "P4",
                "P5");
        assertThat(plan.priorities().get(0).name()).isEqualTo("Restore NHS services inclusively");
        assertThat(plan.priorities().stream().mapToInt(p -> p.interventions().size()).sum()).isEqualTo(12);
        Intervention first = plan.priorities().get(0).interventions().get(0);
        assertThat(first.id()).isEqualTo("1.1");
        assertThat(first.title()).startsWith("Continuity of carer teams first for women from Black, Asian and Mixed");
        assertThat(first.lead()).isEqualTo("Director of Midwifery");
        assertThat(first.start()).isEqualTo(YearMonth.of(2022, 4));
        assertThat(first.due()).isEqualTo(YearMonth.of(2027, 3));
        assertThat(first.status()).isEqualTo(DeliveryStatus.IN_PROGRESS);
        assertThat(first.measures()).containsExactly("continuity_of_carer");
        Intervention maternalMedicine = plan.priorities().get(0).interventions().get(3);
        assertThat(maternalMedicine.measures()).containsExactly("preterm", "stillbirth", "neonatal_death",
                "low_birthweight_term");
        Intervention training = plan.priorities().get(4).interventions().get(1);
        assertThat(training.id()).isEqualTo("5.2");
        assertThat(training.measures()).isEmpty();
    }

    @Test
    void optionalColumnsMayBeLeftOutAndDaysAndStatusCaseAreAccepted() {
        String text = "\uFEFFpriority_id,priority,intervention_id,intervention,lead,start,due,delivery_status\n"
                + "P1,Inclusive services,1,Outreach,Matron,2023-01-15,2024-06,complete\n";
        Intervention only = ActionPlanFile.read(text, "plan.csv", MEASURES).priorities().get(0).interventions().get(0);
        assertThat(only.start()).isEqualTo(YearMonth.of(2023, 1));
        assertThat(only.status()).isEqualTo(DeliveryStatus.COMPLETE);
        assertThat(only.focus()).isEmpty();
        assertThat(only.measures()).isEmpty();
    }

    @Test
    void everyProblemIsReportedWithItsLineColumnAndValue() {
        String text = HEADER
                + "P1,Inclusive services,1.1,Outreach,Matron,2023-01,2024-06,In progress,,early_bookng\n"
                + "P1,Inclusive services,1.2,\"Two-line\ntitle\",Matron,2023-13,2024-06,Done,,\n"
                + "\n"
                + "P1,Services for all,1.1,,Matron,2024-06,2023-01,Delayed,,preterm;stillbirth\n";
        assertThatThrownBy(() -> ActionPlanFile.read(text, "plan.csv", MEASURES))
                .isInstanceOfSatisfying(ActionPlanException.class, e -> assertThat(e.problems()).containsExactly(
                        "plan.csv line 2, column measures: 'early_bookng' is not a measure in the catalogue"
                                + " (docs/measures.md lists them)",
                        "plan.csv line 3, column start: '2023-13' is not a month in the form YYYY-MM",
                        "plan.csv line 3, column delivery_status: 'Done' must be one of Not started, In progress,"
                                + " At risk, Delayed, Complete",
                        "plan.csv line 6, column intervention: '' is required",
                        "plan.csv line 6, column due: '2023-01' is before the start 2024-06",
                        "plan.csv line 6, column intervention_id: '1.1' is used by an earlier line; each"
                                + " intervention needs its own id",
                        "plan.csv line 6, column priority: 'Services for all' differs from 'Inclusive services'"
                                + " given for P1 on an earlier line"))
                .hasMessageStartingWith("The action plan file plan.csv cannot be used: plan.csv line 2");
    }

    @Test
    void aHeaderWithoutRequiredColumnsIsRefusedBeforeAnyLine() {
        assertThatThrownBy(() -> ActionPlanFile.read("priority,intervention,lead\nA,B,C\n", "plan.csv", MEASURES))
                .isInstanceOfSatisfying(ActionPlanException.class, e -> assertThat(e.problems()).containsExactly(
                        "plan.csv line 1: missing column(s) priority_id, intervention_id, start, due, delivery_status;"
                                + " the header must name " + String.join(", ", ActionPlanFile.COLUMNS)));
    }

    @Test
    void aHeaderAloneIsNotAPlan() {
        assertThatThrownBy(() -> ActionPlanFile.read(HEADER, "plan.csv", MEASURES))
                .isInstanceOfSatisfying(ActionPlanException.class,
                        e -> assertThat(e.problems()).isEqualTo(List.of("plan.csv: has a header but no interventions")));
    }

    @Test
    void anUnclosedQuoteIsReportedNotSwallowed() {
        String text = HEADER + "P1,Services,1.1,\"Outreach,Matron,2023-01,2024-06,In progress,,\n";
        assertThatThrownBy(() -> ActionPlanFile.read(text, "plan.csv", MEASURES))
                .isInstanceOf(ActionPlanException.class).hasMessageContaining("plan.csv: cannot be read as CSV");
    }
}
