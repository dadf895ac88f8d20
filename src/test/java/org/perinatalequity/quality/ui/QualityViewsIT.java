package org.perinatalequity.quality.ui;

import org.perinatalequity.Browser;

import org.perinatalequity.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

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
import org.perinatalequity.TestFiles;
import org.perinatalequity.ingest.IngestReport;
import org.perinatalequity.ingest.IngestService;
import org.perinatalequity.quality.Period;
import org.perinatalequity.quality.QualityService;
import org.perinatalequity.quality.TeamAccess;
import org.perinatalequity.quality.WorklistRow;
import org.perinatalequity.reference.ReferenceService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.perinatalequity.EquityTest;
import org.springframework.test.context.TestPropertySource;

/**
 * The data-quality pages in headless Chromium on the bundled sample extract and reference files: the LMNS heat map,
 * and a team page whose worklist holds that team's women and none of another team's. Screenshots for
 * docs/data-quality.md.
 */
@EquityTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = TestUsers.USERS_FILE)
class QualityViewsIT {

    private static final Path SAMPLE_EXTRACT = Path.of("data-samples/llr-sample-msds.zip");
    private static final Path SAMPLE_REFERENCE = Path.of("data-samples/reference");
    /** The team the signed-in team user is bound to. */
    private static final String TEAM = TestUsers.TEAM_ID;
    private static final String OTHER_TEAM = "HARBOROUGH";
    private static final String ESCALATION_MONTH = "Aug 2024";
    /** The sample's reporting period ends on 2025-03-31. */
    private static final String LATEST_MONTH = "Mar 2025";
    /** Cell texts of a grid's rendered rows in row order (cells are slotted into its shadow rows); none before it renders. */
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
        String file = TestFiles.freshDatabase(QualityViewsIT.class);
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
    void loadSample() {
        assumeTrue(Files.isRegularFile(SAMPLE_EXTRACT), "the sample extract " + SAMPLE_EXTRACT + " is missing");
        if (ingestService.isDatabaseEmpty()) {
            org.perinatalequity.security.SystemCaller.run(() -> {
                referenceService.load(List.of(SAMPLE_REFERENCE), "tester");
                IngestReport report = ingestService.ingest(List.of(SAMPLE_EXTRACT),
                        new IngestService.Requester("tester", "test"));
                assertThat(report.allLoaded()).isTrue();
            });
        }
    }

    @Test
    void overviewShowsTheHeatMapAndEscalations() throws IOException {
        org.perinatalequity.ingest.ui.DataLoadedViewIT.signIn(driver, port, TestUsers.TEAM, TestUsers.PASSWORD);
        driver.get("http://localhost:" + port + "/quality");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        wait.until(d -> gridRows("heatmap-grid").size() > 2);
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Data quality");
        List<List<String>> rows = gridRows("heatmap-grid");
        assertThat(rows.get(0).get(0)).isEqualTo(QualityOverviewView.LMNS);
        assertThat(rows).anyMatch(r -> r.get(0).equals(TEAM));
        // Every cell prints its value with a symbol, so colour is never the only cue.
        assertThat(rows.get(0).subList(1, rows.get(0).size())).allMatch(c -> c.matches("[✓!✗] \\d+\\.\\d%"));

        // By default the escalations are as of the latest complete month: the sample is full up to its end, so every
        // team and site below threshold there is listed, those with a run of 3 or more complete months escalated.
        wait.until(d -> !gridRows("escalations-grid").isEmpty());
        List<List<String>> latest = gridRows("escalations-grid");
        assertThat(latest).anyMatch(r -> r.get(0).equals("Team") && r.get(3).equals("Escalated"))
                .allMatch(r -> r.get(6).equals(LATEST_MONTH));
        // An earlier month can be chosen; the grid then shows runs as of that month.
        WebElement month = driver.findElement(By.cssSelector("#escalation-month input"));
        month.sendKeys(ESCALATION_MONTH);
        wait.until(d -> !d.findElements(By.tagName("vaadin-combo-box-item")).isEmpty());
        month.sendKeys(Keys.ENTER);
        wait.until(d -> gridRows("escalations-grid").stream().anyMatch(r -> r.get(6).equals(ESCALATION_MONTH)));
        List<List<String>> escalations = gridRows("escalations-grid");
        assertThat(escalations).allMatch(r -> r.get(6).equals(ESCALATION_MONTH));
        // Every team and site below threshold is listed; those with a run of 3 or more complete months escalate.
        assertThat(escalations).allMatch(r -> r.get(3).equals("Escalated") == (Integer.parseInt(r.get(4)) >= 3));
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.fullPageScreenshot(Path.of("docs/screenshots/data-quality.png"));
    }

    @Test
    void teamPageListsThatTeamsWomenAndNoneOfAnotherTeam() throws IOException {
        org.perinatalequity.ingest.ui.DataLoadedViewIT.signIn(driver, port, TestUsers.TEAM, TestUsers.PASSWORD);
        driver.get("http://localhost:" + port + "/quality/team/" + TEAM);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        wait.until(d -> !gridRows("worklist-grid").isEmpty() && !gridRows("rates-grid").isEmpty());
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Data quality: team " + TEAM);
        assertThat(driver.getTitle()).isEqualTo("Data quality: team " + TEAM + " | Perinatal Equity Dashboard");

        Set<String> own = ids(qualityService.worklist(TEAM, Optional.empty(), Period.all(), TeamAccess.everyTeam()));
        Set<String> other = ids(qualityService.worklist(OTHER_TEAM, Optional.empty(), Period.all(),
                TeamAccess.everyTeam()));
        assertThat(other).isNotEmpty();
        List<String> shown = gridRows("worklist-grid").stream().map(r -> r.get(1)).toList();
        assertThat(shown).isNotEmpty().allMatch(own::contains).noneMatch(other::contains);
        assertThat(driver.findElement(By.id("worklist-csv")).getText()).isEqualTo("Download the worklist (CSV)");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.fullPageScreenshot(Path.of("docs/screenshots/team-worklist.png"));

        // Another team's page shows its rates but no named records to this team user.
        driver.get("http://localhost:" + port + "/quality/team/" + OTHER_TEAM);
        wait.until(d -> !gridRows("rates-grid").isEmpty());
        assertThat(driver.findElements(By.id("worklist-grid"))).isEmpty();
        assertThat(driver.getPageSource()).contains("open only to team " + OTHER_TEAM);
    }

    private static Set<String> ids(List<WorklistRow> rows) {
        return rows.stream().map(WorklistRow::localPatientId).collect(Collectors.toSet());
    }

    @SuppressWarnings("unchecked")
    private static List<List<String>> gridRows(String gridId) {
        return (List<List<String>>) ((JavascriptExecutor) driver).executeScript(GRID_ROWS, gridId);
    }
}
