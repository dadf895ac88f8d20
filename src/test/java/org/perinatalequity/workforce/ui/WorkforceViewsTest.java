package org.perinatalequity.workforce.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perinatalequity.EquityTest;
import org.perinatalequity.KaribuRoutes;
import org.perinatalequity.TestFiles;
import org.perinatalequity.TestUsers;
import org.perinatalequity.ingest.IngestReport;
import org.perinatalequity.ingest.IngestService;
import org.perinatalequity.security.SystemCaller;
import org.perinatalequity.security.ui.AccessDeniedView;
import org.perinatalequity.workforce.Assessment;
import org.perinatalequity.workforce.WorkforceService;
import org.perinatalequity.workforce.WresIndicator;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Workforce equality page and the staff list on the bundled workforce sample (three WRES years), without a
 * browser: the words follow the intervals, and a board user cannot open the staff-level list.
 */
@EquityTest
class WorkforceViewsTest {

    private static final Routes ROUTES = KaribuRoutes.discover();
    private static final Path SAMPLE = Path.of("data-samples", "workforce");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String file = TestFiles.freshDatabase(WorkforceViewsTest.class);
        registry.add("equity.database.file", () -> file);
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    IngestService ingest;

    @Autowired
    WorkforceService workforce;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void setUp() throws Exception {
        if (SystemCaller.call(workforce::years).isEmpty()) {
            List<Path> years;
            try (var files = Files.list(SAMPLE)) {
                years = files.sorted().toList();
            }
            IngestReport report = SystemCaller.call(() -> ingest.ingest(years, new IngestService.Requester("test",
                    "test")));
            assertThat(report.allLoaded()).as(report.toString()).isTrue();
        }
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
    }

    @AfterEach
    void tearDown() {
        TestUsers.karibuLogout();
        MockVaadin.tearDown();
    }

    @Test
    void theBoardSeesTheNineIndicatorsInWordsThatFollowTheIntervals() {
        TestUsers.karibuLogin(TestUsers.BOARD, List.of("BOARD"), List.of());
        UI.getCurrent().navigate("workforce");
        assertThat(_get(H1.class).getText()).isEqualTo("Workforce equality");
        assertThat(_get(Paragraph.class, s -> s.withId("workforce-status")).getText())
                .isEqualTo("WRES year 2024-25, from staff-level files.");
        @SuppressWarnings("unchecked")
        Grid<WresIndicator> grid = _get(Grid.class, s -> s.withId("indicators-grid"));
        assertThat(GridKt._size(grid)).isEqualTo(9);
        List<WresIndicator> indicators = workforce.wres("2024-25").orElseThrow().indicators();
        for (int row = 0; row < 9; row++) {
            WresIndicator i = indicators.get(row);
            String words = GridKt._getFormattedRow(grid, row).get(6);
            assertThat(words.startsWith("▲ Adverse")).as(words).isEqualTo(i.lower95() != null && i.lower95() > 1.25);
            assertThat(words.startsWith("▼ Favourable")).as(words)
                    .isEqualTo(i.upper95() != null && i.upper95() < 0.80);
            assertThat(words.startsWith("– Not assessed")).isEqualTo(i.assessment() == Assessment.NOT_ASSESSED);
        }
        // The sample is set near the national figures: White applicants about 1.5 times as likely to be appointed.
        assertThat(indicators.get(1).relativeLikelihood()).isBetween(1.2, 2.0);
        assertThat(GridKt._getFormattedRow(grid, 1).get(5)).startsWith(
                String.format(java.util.Locale.UK, "%.2f (", indicators.get(1).relativeLikelihood()));
        // Staff of a thousand and more: indicator 1 shows, by band too.
        assertThat(indicators.get(0).bme().value()).isBetween(25.0, 45.0);
        Grid<?> bands = _get(Grid.class, s -> s.withId("bands-grid"));
        assertThat(GridKt._size(bands)).isGreaterThan(8);
        Grid<?> trend = _get(Grid.class, s -> s.withId("trend-grid"));
        assertThat(GridKt._size(trend)).isEqualTo(9);
        assertThat(trend.getColumns()).hasSize(4);
    }

    @Test
    void aBoardUserCannotOpenTheStaffList() {
        TestUsers.karibuLogin(TestUsers.BOARD, List.of("BOARD"), List.of());
        UI.getCurrent().navigate("workforce/staff");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(AccessDeniedView.class);
        assertThat(_find(Grid.class, s -> s.withId("staff-grid"))).isEmpty();
    }

    @Test
    void theWorkforceRoleSeesTheStaffListAndEveryViewIsAudited() {
        long before = jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'record_view' AND user_name = ?")
                .param("test-workforce").query(Long.class).single();
        TestUsers.karibuLogin("test-workforce", List.of("WORKFORCE"), List.of());
        UI.getCurrent().navigate("workforce/staff");
        Grid<?> grid = _get(Grid.class, s -> s.withId("staff-grid"));
        assertThat(GridKt._size(grid)).isGreaterThan(1200);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'record_view' AND user_name = ?")
                .param("test-workforce").query(Long.class).single()).isEqualTo(before + 1);
    }
}
