package org.perinatalequity.quality.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.perinatalequity.Browser;
import org.perinatalequity.TestFiles;
import org.perinatalequity.TestUsers;
import org.perinatalequity.ingest.IngestReport;
import org.perinatalequity.ingest.IngestService;
import org.perinatalequity.quality.QualityItem;
import org.perinatalequity.quality.QualityService;
import org.perinatalequity.quality.TeamAccess;
import org.perinatalequity.quality.WorklistFilter;
import org.perinatalequity.quality.WorklistRow;
import org.perinatalequity.quality.WorklistStatus;
import org.perinatalequity.reference.ReferenceService;
import org.perinatalequity.security.SystemCaller;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.perinatalequity.EquityTest;
import org.springframework.test.context.TestPropertySource;

/**
 * A community team works through its worklist in headless Chromium on the bundled sample: she signs in and lands on
 * her team, filters her worklist to one item, marks a record fixed; the same extract is loaded again and she still
 * sees it marked; a user of another team neither sees the record nor can mark it. Users from worklist-users.csv.
 */
@EquityTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "equity.security.users-file=src/test/resources/security/worklist-users.csv")
class WorklistIT {

    private static final Path SAMPLE_EXTRACT = Path.of("data-samples/llr-sample-msds.zip");
    private static final Path SAMPLE_REFERENCE = Path.of("data-samples/reference");
    private static final String TEAM = "CITY-NORTH";
    private static final String OTHER_TEAM = "HARBOROUGH";
    private static final String GRID_ROWS = """
            const grid = document.getElementById(arguments[0]);
            if (!grid || !grid.shadowRoot) return [];
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
        String file = TestFiles.freshDatabase(WorklistIT.class);
        registry.add("equity.database.file", () -> file);
    }

    @LocalServerPort
    int port;

    @Autowired
    IngestService ingestService;

    @Autowired
    ReferenceService referenceService;

    @Autowired
    QualityService qualityService;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start(1600, 1000);
        driver = browser.driver();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void loadSample() {
        assumeTrue(Files.isRegularFile(SAMPLE_EXTRACT), "the sample extract " + SAMPLE_EXTRACT + " is missing");
        if (ingestService.isDatabaseEmpty()) {
            SystemCaller.run(() -> {
                referenceService.load(List.of(SAMPLE_REFERENCE), "tester");
                loadExtract();
            });
        }
    }

    private void loadExtract() {
        IngestReport report = SystemCaller.call(() -> ingestService.ingest(List.of(SAMPLE_EXTRACT),
                new IngestService.Requester("tester", "test")));
        assertThat(report.allLoaded()).isTrue();
    }

    @Test
    void aTeamMarksARecordFixedAndStillSeesItAfterTheSameExtractIsReloaded() throws Exception {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        org.perinatalequity.ingest.ui.DataLoadedViewIT.signIn(driver, port, TestUsers.TEAM, TestUsers.PASSWORD);
        // She lands on her team's page, not on "Your access".
        wait.until(d -> d.findElements(By.tagName("h1")).stream()
                .anyMatch(h -> h.getText().equals("Data quality: team " + TEAM)));
        wait.until(d -> !gridRows().isEmpty());
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Data quality: team " + TEAM);

        choose("worklist-item", "Ethnic category");
        wait.until(d -> !gridRows().isEmpty() && gridRows().stream().allMatch(r -> r.get(2).equals("Ethnic category")));
        String woman = gridRows().get(0).get(1);
        assertThat(driver.findElement(By.id("worklist-counts")).getText())
                .matches("\\d+ records? \\(\\d+ to fix\\)( · .+: \\d+)+");

        WebElement status = driver.findElement(By.id("status-" + woman + "-ethnic_category"));
        status.click();
        wait.until(d -> d.findElements(By.tagName("vaadin-select-item")).stream()
                .anyMatch(i -> i.isDisplayed() && i.getText().equals("Fixed")));
        driver.findElements(By.tagName("vaadin-select-item")).stream()
                .filter(i -> i.isDisplayed() && i.getText().equals("Fixed")).findFirst().orElseThrow().click();
        wait.until(d -> statusOf(woman) == WorklistStatus.FIXED);

        loadExtract();

        driver.navigate().refresh();
        wait.until(d -> !gridRows().isEmpty());
        choose("worklist-item", "Ethnic category");
        choose("worklist-status", "Fixed");
        wait.until(d -> gridRows().size() == 1 && gridRows().get(0).get(1).equals(woman));
        assertThat(gridRows().get(0).get(2)).isEqualTo("Ethnic category");
        assertThat(statusOf(woman)).isEqualTo(WorklistStatus.FIXED);
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();

        // A user of another team lands on hers, sees no records of this team and cannot mark them.
        driver.manage().deleteAllCookies();
        org.perinatalequity.ingest.ui.DataLoadedViewIT.signIn(driver, port, "test-team-other", TestUsers.PASSWORD);
        wait.until(d -> d.findElements(By.tagName("h1")).stream()
                .anyMatch(h -> h.getText().equals("Data quality: team " + OTHER_TEAM)));
        driver.get("http://localhost:" + port + "/quality/team/" + TEAM);
        wait.until(d -> d.getPageSource().contains("open only to team " + TEAM));
        assertThat(driver.findElements(By.id("worklist-grid"))).isEmpty();
        HttpResponse<String> put = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/api/quality/worklist/" + TEAM + "/" + woman + "/ethnic_category"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("test-team-other:" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"status\":\"to_fix\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(403);
        assertThat(statusOf(woman)).isEqualTo(WorklistStatus.FIXED);
    }

    private WorklistStatus statusOf(String woman) {
        return qualityService.worklist(TEAM, new WorklistFilter(false, java.util.Optional.of(
                QualityItem.ETHNIC_CATEGORY), java.util.Optional.empty(), org.perinatalequity.quality.Period.all(),
                java.util.Optional.empty()), TeamAccess.everyTeam()).stream()
                .filter(r -> r.localPatientId().equals(woman)).map(WorklistRow::status).findFirst().orElseThrow();
    }

    private static void choose(String comboId, String label) {
        WebElement input = driver.findElement(By.cssSelector("#" + comboId + " input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), label);
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> !d.findElements(By.tagName("vaadin-combo-box-item")).isEmpty());
        input.sendKeys(Keys.ENTER);
    }

    @SuppressWarnings("unchecked")
    private static List<List<String>> gridRows() {
        return (List<List<String>>) ((JavascriptExecutor) driver).executeScript(GRID_ROWS, "worklist-grid");
    }
}
