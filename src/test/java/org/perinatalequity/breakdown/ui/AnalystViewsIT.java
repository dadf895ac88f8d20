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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.perinatalequity.Browser;
import org.perinatalequity.SampleData;
import org.perinatalequity.TestFiles;
import org.perinatalequity.TestUsers;
import org.perinatalequity.breakdown.BreakdownRequest;
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

/** The explorer and the inequalities page in Chromium on the sample data, signed in as an analyst. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { TestUsers.USERS_FILE, "equity.ingest.pseudonymisation-key=test-key",
                "equity.ingest.inbox-enabled=false" })
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

    private static long renderedRows(WebDriver driver, String gridId) {
        Object n = ((JavascriptExecutor) driver).executeScript("const g = document.getElementById(arguments[0]);"
                + " return g ? [...g.shadowRoot.querySelectorAll('#items tr')].filter(tr => !tr.hidden).length : 0;",
                gridId);
        return ((Number) n).longValue();
    }

    @Test
    void the_explorer_shows_chart_table_and_trend_for_a_bookmarked_view() {
        WebDriver driver = browser.driver();
        DataLoadedViewIT.signIn(driver, port, TestUsers.ANALYST, TestUsers.PASSWORD);
        driver.get("http://localhost:" + port + "/explorer?measure=preterm&by=imd_quintile");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(90));
        int expected = service.breakdown(new BreakdownRequest("preterm", Dimension.IMD_QUINTILE, null, null, null,
                java.util.Map.of(), true, null)).rows().size();
        wait.until(d -> renderedRows(d, "breakdown-table") == expected);
        assertThat(driver.findElement(By.tagName("h2")).getText()).isEqualTo("Preterm births by IMD quintile (1 = most deprived)");
        assertThat(driver.findElements(By.cssSelector(".chart svg title"))).isNotEmpty();
        assertThat(driver.getPageSource()).contains("slope index of inequality").contains("Download CSV")
                .contains("Download PNG");
        browser.screenshot(Path.of("docs/screenshots/explorer.png"));
    }

    @Test
    void the_inequalities_page_ranks_areas_beside_the_funnel_plot() {
        WebDriver driver = browser.driver();
        DataLoadedViewIT.signIn(driver, port, TestUsers.ANALYST, TestUsers.PASSWORD);
        driver.get("http://localhost:" + port + "/inequalities");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(90));
        wait.until(d -> renderedRows(d, "area-ranking") > 3);
        assertThat(driver.findElements(By.cssSelector(".chart svg"))).hasSize(3);
        assertThat(driver.getPageSource()).contains("Slope index of inequality");
        browser.screenshot(Path.of("docs/screenshots/inequalities.png"));
        assertThat(List.of(driver.getTitle())).containsExactly("Inequalities | Perinatal Equity Dashboard");
    }
}
