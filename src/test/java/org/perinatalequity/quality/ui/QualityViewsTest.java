package org.perinatalequity.quality.ui;

import org.perinatalequity.TestUsers;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.data.provider.SortDirection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perinatalequity.KaribuRoutes;
import org.perinatalequity.TestFiles;
import org.perinatalequity.ingest.IngestService;
import org.perinatalequity.quality.QualityFixture;
import org.perinatalequity.quality.Problem;
import org.perinatalequity.quality.QualityItem;
import org.perinatalequity.quality.WorklistRow;
import org.perinatalequity.quality.WorklistStatus;
import org.perinatalequity.reference.ReferenceService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.perinatalequity.EquityTest;

/** The data-quality overview and team pages on the hand-built extract of QualityFixture, without a browser. */
@EquityTest
class QualityViewsTest {

    private static final Routes ROUTES = KaribuRoutes.discover();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String file = TestFiles.freshDatabase(QualityViewsTest.class);
        registry.add("equity.database.file", () -> file);
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    IngestService ingestService;

    @Autowired
    ReferenceService referenceService;

    @BeforeEach
    void setUp() throws Exception {
        if (ingestService.isDatabaseEmpty()) {
            QualityFixture.load(ingestService, referenceService,
                    Files.createTempDirectory(Path.of("target"), "quality-fixture"));
        }
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
        TestUsers.karibuLogin(TestUsers.ANALYST, List.of("ANALYST", "RECORD_ACCESS"), List.of());
    }

    @AfterEach
    void tearDown() {
        TestUsers.karibuLogout();
        MockVaadin.tearDown();
    }

    @Test
    void overviewHeatMapPrintsValueAndSymbolPerTeamAndItem() {
        UI.getCurrent().navigate("quality");
        assertThat(_get(H1.class).getText()).isEqualTo("Data quality");
        SideNav nav = (SideNav) _get(Scroller.class).getContent();
        assertThat(nav.getItems()).extracting(SideNavItem::getLabel).contains("Data quality");

        @SuppressWarnings("unchecked")
        Grid<QualityOverviewView.TeamRow> heatMap = _get(Grid.class, spec -> spec.withId("heatmap-grid"));
        List<QualityOverviewView.TeamRow> rows = new ArrayList<>();
        for (int i = 0; i < GridKt._size(heatMap); i++) {
            rows.add(GridKt._get(heatMap, i));
        }
        assertThat(rows).extracting(QualityOverviewView.TeamRow::team)
                .containsExactly(QualityOverviewView.LMNS, "TA", "TB");
        // TA: 2 of 5 ethnic categories valid (A and Z), below the 95% threshold; TB's care plan team all valid.
        assertThat(QualityCells.text(rows.get(1).percent(QualityItem.ETHNIC_CATEGORY), 95)).isEqualTo("✗ 40.0%");
        assertThat(QualityCells.text(rows.get(2).percent(QualityItem.CARE_PLAN_TEAM), 95)).isEqualTo("✓ 100.0%");
        assertThat(QualityCells.text(rows.get(2).percent(QualityItem.BIRTHWEIGHT), 95)).isEqualTo("–");
        assertThat(QualityCells.text(93.0, 95)).isEqualTo("! 93.0%");
        assertThat(heatMap.getColumns()).hasSize(1 + QualityItem.maternity().size());

        Grid<?> escalations = _get(Grid.class, spec -> spec.withId("escalations-grid"));
        assertThat(GridKt._getFormattedRow(escalations, 0)).containsExactly("Team", "TA", "Ethnic category",
                "Escalated", "3", "Mar 2024", "May 2024", "0.0%", "95.0%");
        // TB is below threshold in January, its latest month: listed, not escalated.
        List<List<String>> all = new ArrayList<>();
        for (int i = 0; i < GridKt._size(escalations); i++) {
            all.add(GridKt._getFormattedRow(escalations, i));
        }
        assertThat(all).contains(List.of("Team", "TB", "Ethnic category", "Below threshold", "1", "Jan 2024",
                "Jan 2024", "0.0%", "95.0%"));
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(Paragraph.class)).extracting(Paragraph::getText)
                .anyMatch(t -> t.contains("Run rule: a team or site is escalated when an item is below its threshold in"
                        + " each of its last 3 or more complete months"));
        // As of April the ethnicity run is two months long; the postcode run (February to April) is three.
        @SuppressWarnings("unchecked")
        ComboBox<YearMonth> asOf = _get(ComboBox.class, spec -> spec.withId("escalation-month"));
        HasValueUtilsKt._setValue(asOf, YearMonth.of(2024, 4));
        assertThat(GridKt._getFormattedRow(escalations, 0)).containsExactly("Team", "TA", "Postcode", "Escalated",
                "3", "Feb 2024", "Apr 2024", "0.0%", "98.0%");
        assertThat(_get(Anchor.class, spec -> spec.withId("escalations-csv")).getText())
                .isEqualTo("Download the monthly escalation summary (CSV)");
    }

    @Test
    void teamPageShowsRatesBesideTheLmnsTrendAndOnlyItsOwnWorklist() {
        UI.getCurrent().navigate("quality/team/TA");
        assertThat(_get(H1.class).getText()).isEqualTo("Data quality: team TA");

        Grid<?> rates = _get(Grid.class, spec -> spec.withId("rates-grid"));
        assertThat(GridKt._size(rates)).isEqualTo(QualityItem.maternity().size());
        List<String> ethnic = GridKt._getFormattedRow(rates, 0);
        assertThat(ethnic.get(0)).isEqualTo("Ethnic category");
        // LMNS: A, Z valid of six women; the team's own counts follow.
        assertThat(ethnic.subList(2, 9)).containsExactly("33.3%", "95.0%", "2", "1", "1", "1", "5");

        Grid<?> trend = _get(Grid.class, spec -> spec.withId("trend-grid"));
        assertThat(GridKt._getFormattedRow(trend, 0).get(0)).isEqualTo("Jun 2024");
        assertThat(GridKt._size(trend)).isEqualTo(6);

        @SuppressWarnings("unchecked")
        Grid<Object> worklist = _get(Grid.class, spec -> spec.withId("worklist-grid"));
        // Open pregnancies (every TA woman gave birth in June, inside the six weeks up to 30 June), newest first.
        assertThat(GridKt._getFormattedRow(worklist, 0).subList(0, 7)).containsExactly("10 May 2024", "M05",
                "Ethnic category", "Missing", "26 Nov 2024", "", "New");
        List<String> women = new ArrayList<>();
        for (int i = 0; i < GridKt._size(worklist); i++) {
            women.add(GridKt._getFormattedRow(worklist, i).get(1));
        }
        assertThat(women).contains("M02", "M03", "M04", "M05").doesNotContain("M01", "M06");
        assertThat(GridKt._size(worklist)).isEqualTo(18);

        worklist.sort(List.of(new GridSortOrder<>(worklist.getColumnByKey("localPatientId"), SortDirection.DESCENDING)));
        assertThat(GridKt._getFormattedRow(worklist, 0).get(1)).isEqualTo("M05");
        assertThat(_get(Anchor.class, spec -> spec.withId("worklist-csv")).getText()).isEqualTo("Download the worklist (CSV)");
    }

    @Test
    void unknownTeamSaysSo() {
        UI.getCurrent().navigate("quality/team/ZZ");
        assertThat(_get(Paragraph.class, spec -> spec.withText("No team 'ZZ' in the loaded data.")).isVisible()).isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theTeamFiltersItsWorklistAndMarksARecordFixed() {
        TestUsers.karibuLogin("ta-user", List.of("TEAM"), List.of("TA"));
        UI.getCurrent().navigate("quality/team/TA");
        Grid<WorklistRow> worklist = _get(Grid.class, spec -> spec.withId("worklist-grid"));
        Paragraph counts = _get(Paragraph.class, spec -> spec.withId("worklist-counts"));
        assertThat(counts.getText()).startsWith("18 records (18 to fix)").contains("Missing: ");

        ComboBox<QualityItem> item = _get(ComboBox.class, spec -> spec.withId("worklist-item"));
        HasValueUtilsKt._setValue(item, QualityItem.POSTCODE);
        ComboBox<Problem> problem = _get(ComboBox.class, spec -> spec.withId("worklist-problem"));
        HasValueUtilsKt._setValue(problem, Problem.NOT_LINKED);
        assertThat(GridKt._size(worklist)).isEqualTo(1);
        assertThat(GridKt._get(worklist, 0).localPatientId()).isEqualTo("M04");
        assertThat(counts.getText()).isEqualTo("1 record (1 to fix) · Not in the postcode directory: 1");

        Select<WorklistStatus> status = (Select<WorklistStatus>) GridKt._getCellComponent(worklist, 0, "status");
        assertThat(status.getId()).hasValue("status-M04-postcode");
        HasValueUtilsKt._setValue(status, WorklistStatus.FIXED);
        assertThat(GridKt._get(worklist, 0).status()).isEqualTo(WorklistStatus.FIXED);
        assertThat(counts.getText()).startsWith("1 record (0 to fix)");
        TextField note = (TextField) GridKt._getCellComponent(worklist, 0, "note");
        HasValueUtilsKt._setValue(note, "new build, not yet in ONSPD");
        assertThat(GridKt._get(worklist, 0).note()).isEqualTo("new build, not yet in ONSPD");
        assertThat(GridKt._get(worklist, 0).status()).isEqualTo(WorklistStatus.FIXED);

        ComboBox<WorklistStatus> statusFilter = _get(ComboBox.class, spec -> spec.withId("worklist-status"));
        HasValueUtilsKt._setValue(statusFilter, WorklistStatus.TO_FIX);
        assertThat(GridKt._size(worklist)).isZero();

        // Back to open: the analyst sees what the team said.
        TestUsers.karibuLogin(TestUsers.ANALYST, List.of("ANALYST", "RECORD_ACCESS"), List.of());
        UI.getCurrent().navigate("quality/team/TB");
        UI.getCurrent().navigate("quality/team/TA");
        worklist = _get(Grid.class, spec -> spec.withId("worklist-grid"));
        List<WorklistRow> rows = new ArrayList<>();
        for (int i = 0; i < GridKt._size(worklist); i++) {
            rows.add(GridKt._get(worklist, i));
        }
        assertThat(rows).filteredOn(r -> r.localPatientId().equals("M04") && r.item() == QualityItem.POSTCODE)
                .singleElement().extracting(WorklistRow::status, WorklistRow::note)
                .containsExactly(WorklistStatus.FIXED, "new build, not yet in ONSPD");
    }
}
