package org.perinatalequity.board.ui;

import org.openqa.selenium.chrome.ChromeDriver;
import org.perinatalequity.Browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.perinatalequity.TestFiles;
import org.perinatalequity.ingest.ui.DataLoadedViewIT;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The board overview in headless Chromium on the demo profile (the bundled sample loads on first start), signed in
 * as the demo board member: ten cards with charts and text, the print button, the print layout without navigation;
 * saves docs/screenshots/board-overview.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "equity.ingest.inbox-enabled=false", "equity.sample-data.location=data-samples" })
@ActiveProfiles("demo")
class BoardViewIT {

    private static final Path SCREENSHOTS = Path.of("docs/screenshots");

    private static ChromeDriver driver;
    private static Browser browser;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String file = TestFiles.freshDatabase(BoardViewIT.class);
        registry.add("equity.database.file", () -> file);
    }

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start(1440, 1800);
        driver = browser.driver();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theBoardSeesTenSuppressedCardsAndCanPrintThem() throws IOException {
        DataLoadedViewIT.signIn(driver, port, "board", "demo");
        driver.manage().window().setSize(new Dimension(1440, 1800));
        driver.get("http://localhost:" + port + "/board");
        new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(d -> d.findElements(By.cssSelector(".equity-board-card svg")).size() == 10);

        assertThat(driver.getTitle()).isEqualTo("Board overview | Perinatal Equity Dashboard");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Board overview");
        assertThat(menu()).contains("Board overview");
        WebElement continuity = driver.findElement(By.id("board-card-continuity_of_carer"));
        assertThat(continuity.findElement(By.tagName("h3")).getText()).isEqualTo("Continuity of carer by 29 weeks");
        assertThat(continuity.getText()).contains("Latest quarter (", "Target: 75.0%", "Assurance: ",
                "Most vs least deprived quintile: ", "Black vs White women: ");
        assertThat(continuity.findElement(By.cssSelector("svg title")).getDomProperty("textContent")).isNotBlank();

        JavascriptExecutor js = driver;
        js.executeScript("window.__printed = false; window.print = () => { window.__printed = true; };");
        driver.findElement(By.id("board-print")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(
                ((JavascriptExecutor) d).executeScript("return window.__printed;")));

        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.screenshot(SCREENSHOTS.resolve("board-overview.png"));

        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertThat(driver.findElement(By.id("board-print")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.cssSelector("vaadin-side-nav")).isDisplayed()).isFalse();
        assertThat(js.executeScript("return getComputedStyle(document.getElementById('board-card-preterm'))"
                + ".breakInside;")).isEqualTo("avoid");
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
    }

    @Test
    void theActionPlanShowsEachInterventionWithItsMeasures() {
        DataLoadedViewIT.signIn(driver, port, "board", "demo");
        driver.manage().window().setSize(new Dimension(1440, 1800));
        driver.get("http://localhost:" + port + "/action-plan");
        new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(d -> d.findElements(By.cssSelector(".equity-plan-intervention")).size() == 12);

        assertThat(driver.getTitle()).isEqualTo("Action plan | Perinatal Equity Dashboard");
        assertThat(menu()).contains("Board overview", "Action plan");
        WebElement coc = driver.findElement(By.id("plan-intervention-1-1"));
        assertThat(coc.findElement(By.tagName("h3")).getText()).startsWith("1.1 Continuity of carer teams");
        WebElement row = coc.findElement(By.cssSelector("tbody tr"));
        assertThat(row.findElement(By.cssSelector("th a")).getText()).isEqualTo("Continuity of carer by 29 weeks");
        assertThat(row.getText()).contains("Latest quarter (", "Target: 75.0%", "Most vs least deprived quintile");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.screenshot(SCREENSHOTS.resolve("action-plan.png"));

        // Narrowing to the interventions at risk leaves the digital-exclusion one only
        driver.findElement(By.id("plan-delivery")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(
                By.xpath("//vaadin-select-item[normalize-space(.)='At risk']")).isEmpty());
        driver.findElement(By.xpath("//vaadin-select-item[normalize-space(.)='At risk']")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector(".equity-plan-intervention")).size() == 1);
        assertThat(driver.findElement(By.id("plan-summary")).getText())
                .isEqualTo("1 intervention in 1 priority: 1 at risk.");
        row = driver.findElement(By.cssSelector("#plan-intervention-2-1 tbody tr"));
        row.findElement(By.cssSelector("th a")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("/explorer"));
        assertThat(driver.getCurrentUrl()).contains("measure=remote_contacts", "by=imd_quintile");
    }

    private static List<String> menu() {
        return driver.findElements(By.cssSelector("vaadin-side-nav-item")).stream().map(WebElement::getText)
                .map(String::strip).toList();
    }
}
