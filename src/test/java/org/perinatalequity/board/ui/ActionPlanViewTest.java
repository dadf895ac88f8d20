package org.perinatalequity.board.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.perinatalequity.SampleDataTest;
import org.perinatalequity.SampleDataViewTest;
import org.perinatalequity.TestUsers;
import org.perinatalequity.board.ActionPlan;
import org.perinatalequity.board.ActionPlanProperties;
import org.perinatalequity.board.ActionPlanService;
import org.perinatalequity.board.MeasureStatus;
import org.perinatalequity.breakdown.BreakdownService;
import org.perinatalequity.security.AuditFilter;
import org.perinatalequity.export.Exports;
import org.perinatalequity.security.AuditService;
import org.perinatalequity.stats.SpcResult.PointType;

import org.springframework.beans.factory.annotation.Autowired;

/** The action plan page on the bundled plan and sample data, signed in as a board member. */
@SampleDataTest
class ActionPlanViewTest extends SampleDataViewTest {

    @Autowired
    ActionPlanService service;

    @BeforeEach
    void signIn() {
        TestUsers.karibuLogin(TestUsers.BOARD, List.of("BOARD"), List.of());
    }

    @Test
    void everyPriorityAndInterventionOfTheFileIsShownWithItsMeasures() {
        UI.getCurrent().navigate("action-plan");
        assertThat(_find(H2.class).stream().map(H2::getText)).containsExactly(
                "P1 Restore NHS services inclusively", "P2 Mitigate against digital exclusion",
                "P3 Ensure datasets are complete and timely",
                "P4 Accelerate preventative programmes that engage those at greatest risk",
                "P5 Strengthen leadership and accountability");
        assertThat(_find(Article.class)).hasSize(12);
        assertThat(text("plan-summary")).isEqualTo(
                "12 interventions in 5 priorities: 2 not started, 7 in progress, 1 at risk, 1 delayed, 1 complete.");
        assertThat(text("plan-intervention-1-1-facts"))
                .isEqualTo("Lead: Director of Midwifery · Timeline: Apr 2022 to Mar 2027 · Delivery: In progress");
        assertThat(text("plan-intervention-5-2-no-measures"))
                .isEqualTo("No measure in the catalogue tracks this intervention yet.");

        // The maternal medicine row of stillbirths reads exactly as the service words it, suppressed
        MeasureStatus stillbirth = service.statuses(service.plan()).get("stillbirth");
        assertThat(stillbirth.quarters().suppressed()).isTrue();
        assertThat(stillbirth.quintiles().suppressed()).isTrue();
        NativeTableRow row = rows("plan-intervention-1-4-measures").get(2);
        List<String> cells = row.getChildren().map(c -> c.getElement().getTextRecursively()).toList();
        List<String> texts = ActionPlanService.texts(stillbirth);
        assertThat(cells.get(0)).isEqualTo("Stillbirths");
        assertThat(cells.subList(1, 5)).isEqualTo(texts.subList(0, 4));
        assertThat(cells.get(5)).startsWith(texts.get(4)).startsWith("Deprivation: most deprived quintile ");
        Anchor link = row.getChildren().findFirst().orElseThrow().getChildren().map(Anchor.class::cast).findFirst()
                .orElseThrow();
        assertThat(link.getHref()).isEqualTo("explorer?measure=stillbirth&by=imd_quintile");
    }

    @Test
    void theFiltersNarrowThePlanAndTheDownloadHoldsExactlyWhatIsShown() {
        UI.getCurrent().navigate("action-plan");
        ActionPlanView view = _get(ActionPlanView.class);
        @SuppressWarnings("unchecked")
        Select<String> delivery = _get(Select.class, spec -> spec.withId("plan-delivery"));
        delivery.setValue("In progress");
        assertThat(_find(Article.class)).hasSize(7);
        assertThat(text("plan-summary")).isEqualTo("7 interventions in 4 priorities: 7 in progress.");
        assertThat(view.shown().priorities().stream().flatMap(p -> p.interventions().stream())
                .allMatch(i -> i.status() == ActionPlan.DeliveryStatus.IN_PROGRESS)).isTrue();

        List<CSVRecord> csv = download();
        // One row per intervention and measure: 1.1 (1), 1.4 (4), 3.1, 3.2, 4.1 (2), 5.1 (3), 5.2 (no measure: 1)
        assertThat(csv).hasSize(13);
        assertThat(csv).extracting(r -> r.get("delivery_status")).containsOnly("In progress");
        assertThat(csv).extracting(r -> r.get("intervention_id")).containsExactly("1.1", "1.4", "1.4", "1.4", "1.4",
                "3.1", "3.2", "4.1", "4.1", "5.1", "5.1", "5.1", "5.2");
        CSVRecord coc = csv.get(0);
        assertThat(coc.get("measure_id")).isEqualTo("continuity_of_carer");
        assertThat(coc.get("latest")).isEqualTo(text("plan-intervention-1-1-measures", 1, 1));
        assertThat(coc.get("target")).isEqualTo("Target: 75.0%");
        assertThat(csv.get(12).get("measure_id")).isEmpty();

        Checkbox concern = _get(Checkbox.class, spec -> spec.withId("plan-concern"));
        delivery.setValue(ActionPlanView.ALL);
        concern.setValue(true);
        Map<String, MeasureStatus> statuses = service.statuses(service.plan());
        long expected = service.plan().priorities().stream().flatMap(p -> p.interventions().stream())
                .filter(i -> i.measures().stream()
                        .anyMatch(m -> statuses.get(m).months().variation() == PointType.SPECIAL_CAUSE_CONCERN))
                .count();
        assertThat(_find(Article.class)).hasSize((int) expected);
    }

    @Test
    void theDownloadIsAudited(@Autowired AuditService audit) {
        UI.getCurrent().navigate("action-plan");
        download();
        TestUsers.karibuLogin(TestUsers.ADMIN, List.of("ADMIN"), List.of());
        assertThat(audit.find(new AuditFilter(TestUsers.BOARD, AuditService.EXPORT), 5))
                .anySatisfy(e -> {
                    assertThat(e.target()).isEqualTo("action-plan");
                    assertThat(e.recordCount()).isEqualTo(19);
                });
    }

    @Test
    void aBrokenPlanFileIsExplainedLineByLine(@TempDir Path dir, @Autowired BreakdownService breakdowns,
            @Autowired Exports exports) throws IOException {
        Path file = dir.resolve("plan.csv");
        Files.writeString(file, "priority_id,priority,intervention_id,intervention,lead,start,due,delivery_status\n"
                + "P1,Services,1.1,Outreach,Matron,2023-01,2022-06,Stalled\n", StandardCharsets.UTF_8);
        ActionPlanService broken = new ActionPlanService(new ActionPlanProperties(file),
                breakdowns, exports);
        UI.getCurrent().add(new ActionPlanView(broken));

        assertThat(_get(H2.class).getText()).isEqualTo("The action plan cannot be shown");
        assertThat(_get(Component.class, spec -> spec.withId("plan-problems")).getElement().getAttribute("role"))
                .isEqualTo("alert");
        assertThat(_find(ListItem.class).stream().map(ListItem::getText)).containsExactly(
                "plan.csv line 2, column delivery_status: 'Stalled' must be one of Not started, In progress,"
                        + " At risk, Delayed, Complete",
                "plan.csv line 2, column due: '2022-06' is before the start 2023-01");
        assertThat(_find(Article.class)).isEmpty();
    }

    private static List<CSVRecord> download() {
        byte[] bytes = DownloadKt._download(_get(Anchor.class, spec -> spec.withId("plan-download")));
        try {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(new String(bytes, StandardCharsets.UTF_8))).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The heading row first, then one row per measure. */
    private static List<NativeTableRow> rows(String tableId) {
        return _find(_get(NativeTable.class, spec -> spec.withId(tableId)), NativeTableRow.class);
    }

    private static String text(String tableId, int row, int column) {
        return rows(tableId).get(row).getChildren().skip(column).findFirst().orElseThrow().getElement()
                .getTextRecursively();
    }

    private static String text(String id) {
        return _get(Paragraph.class, spec -> spec.withId(id)).getElement().getTextRecursively();
    }
}
