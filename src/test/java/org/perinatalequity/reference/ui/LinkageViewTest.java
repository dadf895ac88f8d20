package org.perinatalequity.reference.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.upload.Upload;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perinatalequity.system.ui.DisplayFormats;
import org.perinatalequity.KaribuRoutes;
import org.perinatalequity.TestFiles;
import org.perinatalequity.ingest.IngestReport;
import org.perinatalequity.ingest.IngestService;
import org.perinatalequity.reference.ReferenceService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.perinatalequity.EquityTest;

/**
 * The linkage report against a real DuckDB holding the synthetic LLR sample extract (about 25,000 births)
 * and the sample reference files, without a browser.
 */
@EquityTest
class LinkageViewTest {

    static final Path SAMPLE_EXTRACT = Path.of("data-samples/llr-sample-msds.zip");
    static final Path REFERENCE = Path.of("data-samples/reference");
    static final Path IOD_2019 = REFERENCE.resolve("File_7_IoD2019_synthetic_LLR.csv");
    static final Path GP_PCN = REFERENCE.resolve("gp_practice_pcn.csv");

    private static final Routes ROUTES = KaribuRoutes.discover();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String file = TestFiles.freshDatabase(LinkageViewTest.class);
        registry.add("equity.database.file", () -> file);
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    IngestService ingestService;

    @Autowired
    ReferenceService referenceService;

    @BeforeEach
    void setUp() {
        // Loaded once per test class: the context, and so the database file, is shared by its tests.
        if (ingestService.isDatabaseEmpty()) {
            org.perinatalequity.security.SystemCaller.run(() -> {
                IngestReport report = ingestService.ingest(List.of(SAMPLE_EXTRACT),
                        new IngestService.Requester("test", "test"));
                assertThat(report.allLoaded()).as("sample extract loads: %s", report).isTrue();
                referenceService.load(List.of(REFERENCE.resolve("ONSPD_synthetic_LLR.csv"), IOD_2019, GP_PCN), "tester");
            });
        }
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
        org.perinatalequity.TestUsers.karibuLogin(org.perinatalequity.TestUsers.ADMIN, List.of("ADMIN"), List.of());
        UI.getCurrent().navigate("linkage");
    }

    @AfterEach
    void tearDown() {
        org.perinatalequity.TestUsers.karibuLogout();
        MockVaadin.tearDown();
    }

    @Test
    void pageHasItsMenuEntryAndNamesTheImdVintageInUse() {
        _get(LinkageView.class);
        SideNav nav = (SideNav) _get(Scroller.class).getContent();
        assertThat(nav.getItems()).extracting(SideNavItem::getLabel, SideNavItem::getPath)
                .contains(tuple("Linkage report", "linkage"));
        assertThat(_get(Paragraph.class, spec -> spec.withId("imd-vintage")).getText())
                .isEqualTo("Deprivation in use: IMD 2019 on LSOA 2011 (setting equity.reference.imd-vintage).");
        for (String id : List.of("files-grid", "statuses-grid", "match-rates-grid", "unmatched-grid")) {
            assertThat(grid(id).getAriaLabel()).as(id).get().asString().isNotBlank();
        }
    }

    @Test
    void filesGridShowsEachReferenceFileWithItsLayoutVintageAndRows() {
        Grid<?> files = grid("files-grid");
        List<String> iod = row(files, 4, IOD_2019.getFileName().toString());
        assertThat(iod.subList(1, 4)).containsExactly("Indices of Deprivation",
                "English Indices of Deprivation 2019 File 7 (LSOA 2011)", "2019");
        assertThat(iod.subList(5, 7)).containsExactly("631", "tester");
        List<String> onspd = row(files, 4, "ONSPD_synthetic_LLR.csv");
        assertThat(onspd.get(1)).isEqualTo("Postcode directory");
        assertThat(onspd.get(5)).isEqualTo(DisplayFormats.count(TestFiles.dataLines(REFERENCE.resolve("ONSPD_synthetic_LLR.csv"))));
    }

    @Test
    void statusesShowEveryStatusWithItsMeaningCountAndShareOfAllWomen() {
        Grid<?> statuses = grid("statuses-grid");
        List<String> codes = column(statuses, 0);
        assertThat(codes).startsWith("linked", "terminated", "lsoa_submitted", "pseudo", "outside_england",
                "unmatched", "malformed", "missing");
        long women = referenceService.countPostcodeStatuses().stream().mapToLong(s -> s.women()).sum();
        long linked = referenceService.countPostcodeStatuses().stream().filter(s -> s.status().equals("linked"))
                .mapToLong(s -> s.women()).sum();
        assertThat(women).isGreaterThan(20_000);
        assertThat(linked).isGreaterThan(women / 2);
        List<String> linkedRow = row(statuses, 0, "linked");
        assertThat(linkedRow.get(1)).contains("postcode directory");
        assertThat(linkedRow.get(2)).isEqualTo(DisplayFormats.count(linked));
        assertThat(linkedRow.get(3)).isEqualTo(DisplayFormats.percent(100.0 * linked / women)).matches("\\d+\\.\\d%");
        assertThat(row(statuses, 0, "pseudo").get(1)).contains("ZZ99");
    }

    @Test
    void matchRatesListTheTenTeamsWorstFirstWithOneDecimal() {
        Grid<?> rates = grid("match-rates-grid");
        // The sample's ten community teams, plus the women without a care plan naming a team.
        assertThat(column(rates, 1)).hasSize(11).contains("Unknown").filteredOn(t -> !t.equals("Unknown"))
                .hasSize(10).contains("CITY-EAST", "CITY-NORTH", "HARBOROUGH", "MELTON-RUT");
        assertThat(column(rates, 0)).containsOnly("RWE");
        List<Double> percents = new ArrayList<>();
        for (int i = 0; i < GridKt._size(rates); i++) {
            List<String> row = GridKt._getFormattedRow(rates, i);
            assertThat(row.get(4)).matches("\\d+\\.\\d%");
            percents.add(Double.parseDouble(row.get(4).replace("%", "")));
            long women = Long.parseLong(row.get(2).replace(",", ""));
            long linked = Long.parseLong(row.get(3).replace(",", ""));
            assertThat(linked).isLessThanOrEqualTo(women);
        }
        assertThat(percents).isSorted();
        assertThat(percents.get(0)).isLessThan(100.0);
    }

    @Test
    void unmatchedDistrictsAreListedMostFrequentFirst() {
        Grid<?> unmatched = grid("unmatched-grid");
        int size = GridKt._size(unmatched);
        assertThat(size).isBetween(1, LinkageView.TOP_UNMATCHED_DISTRICTS);
        List<String> first = GridKt._getFormattedRow(unmatched, 0);
        assertThat(first.get(0)).matches("[A-Z]{1,2}[0-9][A-Z0-9]?");
        assertThat(first.get(0)).isEqualTo(referenceService.findUnmatchedDistricts(1).get(0).postcodeDistrict());
    }

    @Test
    void uploadedFileIsLoadedInTheBackgroundAndListed() throws Exception {
        int filesBefore = GridKt._size(grid("files-grid"));
        UploadKt._upload(_get(Upload.class), GP_PCN.getFileName().toString(), "text/csv", Files.readAllBytes(GP_PCN));
        MockVaadin.runUIQueue();
        assertThat(_get(VerticalLayout.class, spec -> spec.withId("reference-upload-working")).isVisible()).isTrue();

        assertThat(awaitStatus()).isEqualTo("Loaded 1 reference file.");
        assertThat(text(_get(UnorderedList.class, spec -> spec.withId("reference-upload-files"))))
                .isEqualTo("gp_practice_pcn.csv: GP practice to primary care network mapping, "
                        + DisplayFormats.count(TestFiles.dataLines(GP_PCN), "row"));
        Grid<?> files = grid("files-grid");
        assertThat(GridKt._size(files)).isEqualTo(filesBefore + 1);
        assertThat(GridKt._getFormattedRow(files, 0).subList(4, 7))
                .containsExactly("gp_practice_pcn.csv", DisplayFormats.count(TestFiles.dataLines(GP_PCN)), org.perinatalequity.TestUsers.ADMIN);
    }

    @Test
    void refusedUploadSaysWhyAndChangesNothing() throws Exception {
        int filesBefore = GridKt._size(grid("files-grid"));
        UploadKt._upload(_get(Upload.class), "hospitals.csv", "text/csv", "site_code,site_name\nRWE01,LRI\n".getBytes());

        assertThat(awaitStatus()).startsWith("Refused: hospitals.csv is not a postcode directory (ONSPD/NSPL)")
                .contains("its header starts site_code,site_name").endsWith("Nothing was changed.");
        assertThat(_get(UnorderedList.class, spec -> spec.withId("reference-upload-files")).getChildren()).isEmpty();
        assertThat(GridKt._size(grid("files-grid"))).isEqualTo(filesBefore);
        assertThat(row(grid("files-grid"), 4, IOD_2019.getFileName().toString()).get(5)).isEqualTo("631");
    }

    /** Lets the background load finish and runs the UI updates it pushed, as the browser round trip would. */
    private static String awaitStatus() throws InterruptedException {
        Div status = _get(Div.class, spec -> spec.withId("reference-upload-status"));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (status.getText().isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            MockVaadin.runUIQueue();
        }
        return status.getText();
    }

    private static String text(Component component) {
        return component.getElement().getTextRecursively();
    }

    private static Grid<?> grid(String id) {
        return _get(Grid.class, spec -> spec.withId(id));
    }

    private static List<String> column(Grid<?> grid, int column) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < GridKt._size(grid); i++) {
            values.add(GridKt._getFormattedRow(grid, i).get(column));
        }
        return values;
    }

    private static List<String> row(Grid<?> grid, int column, String value) {
        for (int i = 0; i < GridKt._size(grid); i++) {
            List<String> row = GridKt._getFormattedRow(grid, i);
            if (row.get(column).equals(value)) {
                return row;
            }
        }
        throw new AssertionError("No row with '" + value + "' in column " + column + " of " + grid.getId().orElse("grid"));
    }
}
