package org.perinatalequity.ingest.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.upload.Upload;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perinatalequity.KaribuRoutes;
import org.perinatalequity.TestFiles;
import org.perinatalequity.TestUsers;
import org.perinatalequity.ingest.IngestReport;
import org.perinatalequity.ingest.IngestService;
import org.perinatalequity.security.Roles;
import org.perinatalequity.security.SystemCaller;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.perinatalequity.EquityTest;

/** The Data loaded page against a real DuckDB holding the April 2024 fixture extract, without a browser. */
@EquityTest
class DataLoadedViewTest {

    private static final Routes ROUTES = KaribuRoutes.discover();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String file = TestFiles.freshDatabase(DataLoadedViewTest.class);
        registry.add("equity.database.file", () -> file);
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    IngestService ingestService;

    private static long fixtureRunId;

    @BeforeEach
    void setUp() {
        if (ingestService.isDatabaseEmpty()) {
            IngestReport report = SystemCaller.call(() -> ingestService.ingest(List.of(TestFiles.FIXTURE_EXTRACT),
                    new IngestService.Requester("tester", "test")));
            assertThat(report.allLoaded()).as("fixture loads: %s", report).isTrue();
            fixtureRunId = report.runId();
        }
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
        TestUsers.karibuLogin(TestUsers.ADMIN, List.of(Roles.ADMIN), List.of());
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
        TestUsers.karibuLogout();
    }

    @Test
    void defaultRouteShowsTheDataPageWithItsMenuEntry() {
        UI.getCurrent().navigate("");
        _get(DataLoadedView.class);
        // Karibu's component walk does not enter a Scroller's content, so the menu is read from the Scroller.
        SideNav nav = (SideNav) _get(Scroller.class).getContent();
        // The menu is built from every view's @Menu; the data page is also the start page ("").
        assertThat(nav.getItems()).extracting(SideNavItem::getLabel, SideNavItem::getPath)
                .contains(tuple("Data loaded", "data"));
        assertThat(nav.getItems().stream().filter(i -> i.getPath().equals("data")).findFirst().orElseThrow()
                .getPathAliases()).containsExactly("");
    }

    @Test
    void gridsShowTheLoadedSubmissionTablesAndRunWithItsReject() {
        UI.getCurrent().navigate("data");

        Grid<?> submissions = grid("submissions-grid");
        assertThat(GridKt._size(submissions)).isEqualTo(1);
        List<String> submission = GridKt._getFormattedRow(submissions, 0);
        assertThat(submission.subList(0, 3)).containsExactly("RWE", "1 Apr 2024 – 30 Apr 2024", "provider");
        // The upload test may have replaced the fixture's submission with the same extract by now.
        assertThat(submission.get(4)).isEqualTo(String.valueOf(ingestService.findSubmissions().get(0).runId()));

        Grid<?> tables = grid("tables-grid");
        assertThat(row(tables, "MSD001 Mother's Demographics")).containsExactly("MSD001 Mother's Demographics", "3", "3");
        assertThat(row(tables, "MSD101 Pregnancy and Booking Details"))
                .containsExactly("MSD101 Pregnancy and Booking Details", "3", "3");
        assertThat(row(tables, "MSD401 Baby's Demographics and Birth Details")).endsWith("0", "0");

        Grid<?> runs = grid("runs-grid");
        List<String> run = row(runs, String.valueOf(fixtureRunId));
        assertThat(run.subList(2, 5)).containsExactly("tester", "test", "loaded");
        assertThat(run.get(6)).isEqualTo("1");

        GridKt._selectRow(runs, rowIndex(runs, String.valueOf(fixtureRunId)));
        Grid<?> issues = grid("issues-grid");
        List<String> reject = row(issues, "reject");
        assertThat(reject.get(2)).isEqualTo("MSD101.csv");
        assertThat(reject.get(3)).isEqualTo("MSD101");
        assertThat(reject.get(4)).isEqualTo("5");
        assertThat(reject.get(5)).isEqualTo("AntenatalAppDate");
        assertThat(reject.get(6)).isEqualTo("2024-13-45");
    }

    @Test
    void uploadedZipIsIngestedInTheBackgroundAndTheGridsRefresh() throws Exception {
        UI.getCurrent().navigate("data");
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        TestFiles.zipFolder(TestFiles.FIXTURE_EXTRACT, zip);

        Upload upload = _get(Upload.class);
        UploadKt._upload(upload, "rwe-2024-04.zip", "application/zip", zip.toByteArray());
        MockVaadin.runUIQueue();
        assertThat(_get(VerticalLayout.class, spec -> spec.withId("upload-working")).isVisible()).isTrue();
        assertThat(awaitStatus()).startsWith("Loaded RWE, 1 Apr 2024 – 30 Apr 2024 (run ")
                .contains("4 tables, 10 rows, 1 reject");
        // The same provider and period again replaces the earlier submission instead of adding one.
        assertThat(GridKt._size(grid("submissions-grid"))).isEqualTo(1);
        Grid<?> runs = grid("runs-grid");
        assertThat(GridKt._getFormattedRow(runs, 0).subList(2, 5)).containsExactly(TestUsers.ADMIN, "upload", "loaded");
        // The new run is selected, so its reject is listed straight away.
        assertThat(row(grid("issues-grid"), "reject").get(4)).isEqualTo("5");
    }

    @Test
    void refusedUploadSaysWhyAndChangesNothing() throws Exception {
        UI.getCurrent().navigate("data");
        Upload upload = _get(Upload.class);
        UploadKt._upload(upload, "MSD001.csv", "text/csv",
                Files.readAllBytes(TestFiles.FIXTURE_EXTRACT.resolve("MSD001.csv")));

        assertThat(awaitStatus()).startsWith("Refused (run ").contains("has no MSD000 file")
                .endsWith("Nothing was changed.");
        assertThat(row(grid("tables-grid"), "MSD001 Mother's Demographics").get(1)).isEqualTo("3");
        assertThat(GridKt._getFormattedRow(grid("runs-grid"), 0).get(4)).isEqualTo("refused");
    }

    /** Lets the background ingest finish and runs the UI updates it pushed, as the browser round trip would. */
    private static String awaitStatus() throws InterruptedException {
        Div status = _get(Div.class, spec -> spec.withId("upload-status"));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (status.getText().isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            MockVaadin.runUIQueue();
        }
        return status.getText();
    }

    private static Grid<?> grid(String id) {
        return _get(Grid.class, spec -> spec.withId(id));
    }

    private static List<String> row(Grid<?> grid, String firstCell) {
        return GridKt._getFormattedRow(grid, rowIndex(grid, firstCell));
    }

    private static int rowIndex(Grid<?> grid, String firstCell) {
        for (int i = 0; i < GridKt._size(grid); i++) {
            if (GridKt._getFormattedRow(grid, i).get(0).equals(firstCell)) {
                return i;
            }
        }
        throw new AssertionError("No row starting with '" + firstCell + "' in " + grid.getId().orElse("grid"));
    }
}
