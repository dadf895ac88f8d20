package org.perinatalequity.breakdown.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.perinatalequity.Browser;
import org.perinatalequity.SampleData;
import org.perinatalequity.TestFiles;
import org.perinatalequity.TestUsers;
import org.perinatalequity.breakdown.BreakdownRequest;
import org.perinatalequity.breakdown.BreakdownResult;
import org.perinatalequity.breakdown.BreakdownService;
import org.perinatalequity.ingest.IngestService;
import org.perinatalequity.ingest.ui.DataLoadedViewIT;
import org.perinatalequity.measures.Dimension;
import org.perinatalequity.reference.ReferenceService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.perinatalequity.EquityTest;
import org.springframework.test.context.TestPropertySource;

/** The explorer and the inequalities page in Chromium on the sample data, signed in as an analyst. */
@EquityTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = TestUsers.USERS_FILE)
class AnalystViewsIT {

    private static Browser browser;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String file = TestFiles.freshDatabase(AnalystViewsIT.class);
        registry.add("equity.database.file", () -> file);
    }

    @LocalServerPort
    int port;

    @Autowired
    BreakdownService service;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start(1400, 2400);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void load(@Autowired IngestService ingest, @Autowired ReferenceService reference) {
        SampleData.ensureLoaded(ingest, reference);
    }

    @Test
    void theExplorerShowsChartTableAndTrendForABookmarkedView() {
        WebDriver driver = browser.driver();
        DataLoadedViewIT.signIn(driver, port, TestUsers.ANALYST, TestUsers.PASSWORD);
        driver.get("http://localhost:" + port + "/explorer?measure=preterm&by=imd_quintile");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(90));
        int expected = service.breakdown(new BreakdownRequest("preterm", Dimension.IMD_QUINTILE, null, null, null,
                java.util.Map.of(), true, null)).rows().size();
        wait.until(d -> browser.renderedRows("breakdown-table") == expected);
        assertThat(driver.findElement(By.tagName("h2")).getText()).isEqualTo("Preterm births by IMD quintile (1 = most deprived)");
        assertThat(driver.findElements(By.cssSelector(".chart svg title"))).isNotEmpty();
        assertThat(driver.getPageSource()).contains("slope index of inequality").contains("Download CSV")
                .contains("Download PNG");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.screenshot(Path.of("docs/screenshots/explorer.png"));
    }

    @Test
    void theExplorerShowsMentalHealthAccessByEthnicGroupCountedInWomen() {
        WebDriver driver = browser.driver();
        DataLoadedViewIT.signIn(driver, port, TestUsers.ANALYST, TestUsers.PASSWORD);
        driver.get("http://localhost:" + port + "/explorer?measure=pmh_access&by=ethnic_group");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(90));
        int expected = service.breakdown(new BreakdownRequest("pmh_access", Dimension.ETHNIC_GROUP, null, null, null,
                java.util.Map.of(), true, null)).rows().size();
        wait.until(d -> browser.renderedRows("breakdown-table") == expected);
        assertThat(driver.findElement(By.tagName("h2")).getText())
                .isEqualTo("Perinatal mental health access by ethnic group");
        // Counted in women, so there is no maternal-age adjustment to offer.
        assertThat(driver.findElement(By.id("adjust")).getDomAttribute("disabled")).isNotNull();
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.screenshot(Path.of("docs/screenshots/explorer-pmh-access.png"));
    }

    @Test
    void theInequalitiesPageRanksAreasBesideTheFunnelPlot() {
        WebDriver driver = browser.driver();
        DataLoadedViewIT.signIn(driver, port, TestUsers.ANALYST, TestUsers.PASSWORD);
        // A bookmarked page: the measure, the areas and a period come from the URL
        driver.get("http://localhost:" + port + "/inequalities?measure=breastmilk_first_feed&area=local_authority"
                + "&from=2023-04&to=2025-03");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(90));
        wait.until(d -> browser.renderedRows("area-ranking") > 3);
        // Gradient, ethnic group by deprivation, quintiles over time, funnel
        assertThat(driver.findElements(By.cssSelector(".chart svg"))).hasSize(4);
        wait.until(d -> browser.renderedRows("over-time-table") > 5);
        assertThat(driver.getPageSource()).contains("Slope index of inequality");
        assertThat(driver.findElement(By.cssSelector("vaadin-combo-box#inequality-measure input")).getDomProperty("value"))
                .isEqualTo("First feed breast milk");
        assertThat(driver.getCurrentUrl()).contains("measure=breastmilk_first_feed").contains("area=local_authority")
                .contains("from=2023-04");
        // Areas by name, the heat map by comparison with the LMNS, a definition, downloads for each analysis
        assertThat(driver.findElement(By.id("area-ranking")).getText()).contains("Leicester (E06000016)");
        assertThat(driver.findElements(By.cssSelector(".chart svg g.cell.better"))).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector(".chart svg g.cell.worse, .chart svg g.cell.similar")))
                .isNotEmpty();
        assertThat(driver.findElement(By.id("measure-definition")).getText()).contains("Definition:");
        assertThat(driver.findElements(By.cssSelector("a[download]"))).hasSize(12);
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.fullPageScreenshot(Path.of("docs/screenshots/inequalities.png"));
        assertThat(List.of(driver.getTitle())).containsExactly("Inequalities | Perinatal Equity Dashboard");
    }

    /**
     * The Neighbourhoods page as an analyst: the map's legend (its heading and classes with their ranges and counts),
     * the table of the same rows, an area's {@code <title>} with its name and value, no serious axe-core violation;
     * then the level changed to neighbourhoods from the page's select.
     */
    @Test
    void theNeighbourhoodsPageMapsAMeasureBesideItsTable() {
        ChromeDriver driver = browser.driver();
        DataLoadedViewIT.signIn(driver, port, TestUsers.ANALYST, TestUsers.PASSWORD);
        driver.get("http://localhost:" + port + "/neighbourhoods");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(90));
        wait.until(d -> !d.findElements(By.cssSelector("#neighbourhood-map svg path.area")).isEmpty()
                && browser.renderedRows("map-table") > 3);
        assertThat(driver.getTitle()).isEqualTo("Neighbourhoods | Perinatal Equity Dashboard");

        BreakdownResult shown = service.breakdown(new BreakdownRequest("preterm", Dimension.NEIGHBOURHOOD, null, null,
                null, java.util.Map.of(), true, null));
        assertThat(driver.findElements(By.cssSelector("#neighbourhood-map svg path.area"))).hasSize(45);
        // The legend: what the colour is, then at most five classes, each "low to high (n areas)"
        String legend = driver.findElement(By.cssSelector("#neighbourhood-map svg g.legend")).getText();
        assertThat(legend).startsWith("Preterm births (%)");
        List<String> classes = driver.findElements(By.cssSelector("#neighbourhood-map svg g.legend-class")).stream()
                .map(e -> e.getText()).toList();
        assertThat(classes).hasSizeBetween(2, 5).allMatch(c -> c.matches("\\d+\\.\\d( to \\d+\\.\\d)? \\(\\d+ areas?\\)"));
        // One area's title, as a screen reader and a hover read it
        BreakdownResult.Row row = shown.rows().stream().filter(r -> r.value() != null && !r.group().equals("Unknown"))
                .findFirst().orElseThrow();
        String title = (String) driver.executeScript("return document.querySelector('#neighbourhood-map svg path[id=\"'"
                + " + arguments[0] + '\"] title').textContent;", row.group());
        assertThat(title).startsWith(row.groupName() + " (" + row.group() + "): " + String.format(java.util.Locale.UK,
                "%.1f%% (%,.0f of %,.0f)", row.value(), row.numerator(), row.denominator()));
        // The table holds the same areas, by name
        String table = driver.findElement(By.id("map-table")).getText();
        assertThat(table).contains(row.label());
        assertThat(browser.renderedRows("map-table")).isGreaterThan(10);
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.fullPageScreenshot(Path.of("docs/screenshots/neighbourhoods.png"));

        // The level select: MSOAs
        driver.findElement(By.id("map-level")).click();
        wait.until(d -> d.findElements(By.cssSelector("vaadin-select-item")).stream()
                .anyMatch(item -> item.getText().equals("MSOA")));
        driver.findElements(By.cssSelector("vaadin-select-item")).stream().filter(i -> i.getText().equals("MSOA"))
                .findFirst().orElseThrow().click();
        wait.until(d -> d.findElements(By.cssSelector("#neighbourhood-map svg path.area")).size() == 126);
        assertThat(driver.findElement(By.cssSelector("#neighbourhood-map svg title")).getDomProperty("textContent"))
                .startsWith("Preterm births by MSOA");
    }

    /**
     * The explorer with the keyboard alone: Tab reaches the measure, the breakdown and the downloads in reading
     * order; typing a measure and Enter changes the view (and the URL); the breakdown select opens with Enter and
     * moves with the arrow keys.
     */
    @Test
    void theExplorerWorksFromTheKeyboardAlone() {
        ChromeDriver driver = browser.driver();
        DataLoadedViewIT.signIn(driver, port, TestUsers.ANALYST, TestUsers.PASSWORD);
        driver.get("http://localhost:" + port + "/explorer?measure=preterm&by=imd_quintile");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(90));
        wait.until(d -> browser.renderedRows("breakdown-table") > 0);

        List<String> visited = tabUntil(driver, "vaadin-combo-box#measure");
        driver.switchTo().activeElement().sendKeys(Keys.chord(Keys.CONTROL, "a"), "Caesarean");
        wait.until(d -> d.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                .anyMatch(item -> item.getText().startsWith("Caesarean")));
        driver.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
        wait.withMessage(() -> "URL " + driver.getCurrentUrl() + ", focus " + focused(driver))
                .until(d -> d.getCurrentUrl().contains("measure=caesarean"));
        wait.until(d -> d.findElement(By.tagName("h2")).getText().startsWith("Caesarean"));

        tabUntil(driver, "vaadin-select#by");
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        wait.until(d -> !d.findElements(By.cssSelector("vaadin-select-item")).isEmpty());
        driver.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        wait.until(d -> !d.getCurrentUrl().contains("by=imd_quintile"));
        assertThat(driver.getCurrentUrl()).contains("measure=caesarean", "by=");

        List<String> rest = tabUntil(driver, "a[download]");
        assertThat(focused(driver)).contains("Download CSV");
        assertThat(visited).as("the menu comes before the controls").anyMatch(f -> f.contains("vaadin-side-nav-item"));
        assertThat(rest).as("the table is reached on the way to the downloads").anyMatch(f -> f.contains("vaadin-grid"));
    }

    /** Presses Tab until the focused element matches the selector; returns what was focused on the way. */
    private static List<String> tabUntil(ChromeDriver driver, String selector) {
        List<String> visited = new java.util.ArrayList<>();
        for (int i = 0; i < 80; i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            String now = focused(driver);
            visited.add(now);
            if (Boolean.TRUE.equals(driver.executeScript("let e = document.activeElement;"
                    + " while (e && e.shadowRoot && e.shadowRoot.activeElement) e = e.shadowRoot.activeElement;"
                    + " return !!(e && (e.matches(arguments[0]) || e.closest(arguments[0])"
                    + " || (e.getRootNode().host && e.getRootNode().host.closest(arguments[0]))));", selector))) {
                return visited;
            }
        }
        throw new AssertionError("Tab never reached " + selector + "; focus went " + visited);
    }

    /** The focused element and the component it belongs to, as tag#id and its text. */
    private static String focused(ChromeDriver driver) {
        return (String) driver.executeScript("let e = document.activeElement;"
                + " while (e && e.shadowRoot && e.shadowRoot.activeElement) e = e.shadowRoot.activeElement;"
                + " if (!e) return 'nothing';"
                + " const host = e.getRootNode().host || e.closest('vaadin-combo-box, vaadin-select, vaadin-checkbox,"
                + " vaadin-grid, vaadin-button, a') || e;"
                + " return host.tagName.toLowerCase() + (host.id ? '#' + host.id : '') + ' '"
                + " + (host.textContent || '').trim().slice(0, 40);");
    }
}
