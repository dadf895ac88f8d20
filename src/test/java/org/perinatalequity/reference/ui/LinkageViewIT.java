package org.perinatalequity.reference.ui;

import org.perinatalequity.Browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.perinatalequity.TestFiles;
import org.perinatalequity.ingest.IngestReport;
import org.perinatalequity.ingest.IngestService;
import org.perinatalequity.reference.Linkage;
import org.perinatalequity.reference.ReferenceService;
import org.perinatalequity.system.ui.DisplayFormats;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.perinatalequity.EquityTest;
import org.perinatalequity.TestUsers;
import org.springframework.test.context.TestPropertySource;

/**
 * The linkage report in headless Chromium on the synthetic LLR sample: the report's values as the browser
 * renders them, then the three sample reference files uploaded in one selection, and a screenshot for
 * docs/ui.md.
 */
@EquityTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = TestUsers.USERS_FILE)
class LinkageViewIT {

    private static final Path REFERENCE = Path.of("data-samples/reference");
    private static final List<Path> REFERENCE_FILES = Stream.of("ONSPD_synthetic_LLR.csv",
            "File_7_IoD2019_synthetic_LLR.csv", "gp_practice_pcn.csv").map(REFERENCE::resolve).toList();
    private static final Path SCREENSHOT = Path.of("docs/screenshots/linkage-report.png");
    private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(2);
    /** Cell texts of a grid's rendered rows, in row order (cells are slotted into the grid's shadow rows). */
    private static final String GRID_ROWS = """
            const grid = document.getElementById(arguments[0]);
            return [...grid.shadowRoot.querySelectorAll('#items tr')]
                .filter(tr => !tr.hidden)
                .sort((a, b) => a.index - b.index)
                .map(tr => [...tr.querySelectorAll('slot')]
                    .map(s => s.assignedElements()[0])
                    .filter(cell => cell)
                    .map(cell => cell.textContent.trim()));""";

    private static WebDriver driver;
    private static Browser browser;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String file = TestFiles.freshDatabase(LinkageViewIT.class);
        registry.add("equity.database.file", () -> file);
    }

    @LocalServerPort
    int port;

    @Autowired
    IngestService ingestService;

    @Autowired
    ReferenceService referenceService;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start(1400, 1000);
        driver = browser.driver();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void loadSampleData() {
        if (ingestService.isDatabaseEmpty()) {
            org.perinatalequity.security.SystemCaller.run(() -> {
                IngestReport report = ingestService.ingest(List.of(LinkageViewTest.SAMPLE_EXTRACT),
                        new IngestService.Requester("test", "test"));
                assertThat(report.allLoaded()).as("sample extract loads: %s", report).isTrue();
                referenceService.load(REFERENCE_FILES, "tester");
            });
        }
    }

    @Test
    void reportShowsTheSampleLinkageAndTakesAnUploadOfSeveralFiles() throws IOException {
        org.perinatalequity.ingest.ui.DataLoadedViewIT.signIn(driver, port, org.perinatalequity.TestUsers.ADMIN,
                org.perinatalequity.TestUsers.PASSWORD);
        driver.get("http://localhost:" + port + "/linkage");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(d -> !d.findElements(By.id("match-rates-grid")).isEmpty());
        assertThat(driver.getTitle()).isEqualTo("Linkage report | Perinatal Equity Dashboard");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Linkage report");
        assertThat(driver.findElement(By.id("imd-vintage")).getText()).contains("IMD 2019 on LSOA 2011");

        wait.until(d -> gridRows("files-grid").stream().anyMatch(row -> row.size() == 7
                && row.get(4).equals("File_7_IoD2019_synthetic_LLR.csv") && row.get(3).equals("2019")
                && row.get(5).equals("631")));
        Linkage.MatchRateRow worst = referenceService.findMatchRates().stream().sorted(LinkageGrids.WORST_FIRST)
                .findFirst().orElseThrow();
        wait.until(d -> {
            List<List<String>> rows = gridRows("match-rates-grid");
            return !rows.isEmpty() && rows.get(0).equals(List.of(worst.provider(), worst.team(),
                    DisplayFormats.count(worst.women()), DisplayFormats.count(worst.linked()),
                    DisplayFormats.percent(worst.linkedPercent())));
        });
        assertThat(gridRows("statuses-grid").get(0).get(0)).isEqualTo("linked");
        assertThat(gridRows("unmatched-grid")).isNotEmpty();

        // One selection of several files, as a person picks the files of a release in the file dialog.
        fileInput().sendKeys(REFERENCE_FILES.stream().map(p -> p.toAbsolutePath().toString())
                .collect(Collectors.joining("\n")));
        WebDriverWait loading = new WebDriverWait(driver, LOAD_TIMEOUT);
        loading.until(d -> !d.findElement(By.id("reference-upload-status")).getText().isBlank());
        assertThat(driver.findElement(By.id("reference-upload-status")).getText())
                .isEqualTo("Loaded 3 reference files.");
        assertThat(driver.findElements(By.cssSelector("#reference-upload-files li"))).extracting(WebElement::getText)
                .anyMatch(t -> t.startsWith("File_7_IoD2019_synthetic_LLR.csv: English Indices of Deprivation 2019")
                        && t.endsWith("vintage 2019, 631 rows"));
        loading.until(d -> gridRows("files-grid").stream().filter(row -> row.size() == 7
                && row.get(6).equals(org.perinatalequity.TestUsers.ADMIN)).count() == 3);
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.fullPageScreenshot(SCREENSHOT);
    }

    /** The Upload's own file input, inside its shadow root: what the "Choose files…" button opens. */
    private static WebElement fileInput() {
        WebElement upload = driver.findElement(By.id("reference-upload"));
        List<WebElement> inLight = upload.findElements(By.cssSelector("input[type=file]"));
        return inLight.isEmpty() ? upload.getShadowRoot().findElement(By.cssSelector("input[type=file]"))
                : inLight.get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<List<String>> gridRows(String gridId) {
        return (List<List<String>>) ((JavascriptExecutor) driver).executeScript(GRID_ROWS, gridId);
    }
}
