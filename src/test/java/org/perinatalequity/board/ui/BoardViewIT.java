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
                .until(d -> d.findElements(By.cssSelector(".equity-board-chart svg")).size() == 11);

        assertThat(driver.getTitle()).isEqualTo("Board overview | Perinatal Equity Dashboard");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Board overview");
        // The demo profile says on every page (and so on every print-out) that the data are synthetic.
        assertThat(driver.findElement(By.cssSelector("main .synthetic-notice")).getText())
                .startsWith("Synthetic data: these figures come from the demo's generated extract");
        assertThat(menu()).contains("Board overview");
        WebElement continuity = driver.findElement(By.id("board-card-continuity_of_carer"));
        assertThat(continuity.findElement(By.tagName("h3")).getText()).isEqualTo("Continuity of carer by 29 weeks");
        assertThat(continuity.getText()).contains("Latest complete quarter (", "Target: 75.0%", "Assurance: ",
                "Deprivation: most deprived quintile ", "Black women ", "Mixed ethnicity women ", "n = ", "data to ",
                "Target 75.0% for women from Black or Black British, Asian or Asian British or Mixed groups");
        // the icons carry their words as text beside them and as the SVG's title
        assertThat(continuity.findElement(By.id("board-variation-icon-continuity_of_carer")).getText())
                .containsAnyOf("Common cause variation", "Special cause variation");
        assertThat(continuity.findElement(By.cssSelector("#board-assurance-icon-continuity_of_carer svg title"))
                .getDomProperty("textContent")).startsWith("Assurance");

        // the summary matrix: a row per measure, each with its period, counts, icons and gaps
        WebElement matrix = driver.findElement(By.id("board-matrix"));
        List<WebElement> rows = matrix.findElements(By.cssSelector("tbody tr"));
        assertThat(rows).as("ten maternity measures and perinatal mental health access").hasSize(11);
        assertThat(rows.get(0).findElement(By.tagName("th")).getText()).isEqualTo("Continuity of carer by 29 weeks");
        for (WebElement row : rows) {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            assertThat(cells).hasSize(7);
            assertThat(cells.get(0).getText()).matches("\\d{4}-Q[1-4]|12 months to \\d{4}-\\d{2}");
            assertThat(cells.get(1).getText()).matches(".+ \\([\\d,]+ of [\\d,]+\\)");
            assertThat(cells.get(3).findElements(By.cssSelector("svg title"))).hasSize(1);
            assertThat(cells.get(4).findElements(By.cssSelector("svg title"))).hasSize(1);
        }
        assertThat(driver.findElement(By.id("board-matrix-ethnicity_recorded")).getText())
                .contains("none (data-quality measure)");
        assertThat(driver.findElement(By.id("board-matrix-preterm")).getText()).contains("Most deprived ", "Black ");
        // the matrix comes before the first card
        assertThat(((Number) ((JavascriptExecutor) driver).executeScript("return arguments[0].getBoundingClientRect()"
                + ".top - arguments[1].getBoundingClientRect().top;", matrix, continuity)).doubleValue()).isNegative();

        // the board pack downloads as a PDF for a board member
        WebElement pack = driver.findElement(By.id("board-pack-download"));
        assertThat(pack.getText()).startsWith("Download the board pack (PDF, ");
        Object base64 = ((JavascriptExecutor) driver).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " fetch(arguments[0].href).then(r => r.arrayBuffer()).then(b => { const u = new Uint8Array(b);"
                + " let s = ''; for (let i = 0; i < u.length; i += 8192) { s += String.fromCharCode(...u.subarray(i,"
                + " i + 8192)); } done(btoa(s)); });", pack);
        byte[] packBytes = java.util.Base64.getDecoder().decode(base64.toString());
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(packBytes)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
            // the demo profile marks the cover and every page's footer
            assertThat(text).contains("Perinatal equity board pack", "SYNTHETIC DATA", "Summary matrix");
            assertThat(text.split("SYNTHETIC DATA", -1).length - 1).isGreaterThanOrEqualTo(pdf.getNumberOfPages());
            // The cover and the summary matrix, as a reader of docs/board.md sees them.
            org.apache.pdfbox.rendering.PDFRenderer renderer = new org.apache.pdfbox.rendering.PDFRenderer(pdf);
            for (int page = 0; page < 2; page++) {
                javax.imageio.ImageIO.write(renderer.renderImageWithDPI(page, 72),
                        "png", SCREENSHOTS.resolve("board-pack-page-" + (page + 1) + ".png").toFile());
            }
        }
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

        // Printing gives the whole board: the matrix, then every card, each priority from a new page
        org.openqa.selenium.PrintsPage printer = driver;
        byte[] printed = java.util.Base64.getDecoder().decode(printer.print(new org.openqa.selenium.print.PrintOptions())
                .getContent());
        int priorities = driver.findElements(By.cssSelector(".equity-board-priority")).size();
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(printed)) {
            assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(priorities + 1);
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
            for (WebElement title : driver.findElements(By.cssSelector(".equity-board-card h3"))) {
                assertThat(text).contains(title.getText());
            }
            assertThat(text).contains("Summary: every key measure at a glance");
        }
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
        assertThat(row.getText()).contains("Latest complete quarter (", "Target: 75.0%",
                "Deprivation: most deprived quintile");
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

    @Test
    void theWorkforceEqualityPageShowsTheIndicatorsBandsAndTrend() {
        DataLoadedViewIT.signIn(driver, port, "board", "demo");
        driver.manage().window().setSize(new Dimension(1440, 1800));
        driver.get("http://localhost:" + port + "/workforce");
        new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(d -> browser.renderedRows("indicators-grid") == 9);

        assertThat(driver.getTitle()).isEqualTo("Workforce equality | Perinatal Equity Dashboard");
        assertThat(menu()).contains("Workforce equality").doesNotContain("Workforce staff list");
        assertThat(driver.findElement(By.id("workforce-status")).getText())
                .isEqualTo("WRES year 2024-25, from staff-level files.");
        assertThat(driver.findElement(By.id("community")).getText()).startsWith("BME staff are ");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.fullPageScreenshot(SCREENSHOTS.resolve("workforce-equality.png"));
    }

    private static List<String> menu() {
        return driver.findElements(By.cssSelector("vaadin-side-nav-item")).stream().map(WebElement::getText)
                .map(String::strip).toList();
    }
}
