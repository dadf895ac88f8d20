package org.perinatalequity.calculator.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.perinatalequity.Browser;
import org.perinatalequity.TestFiles;
import org.perinatalequity.TestUsers;
import org.perinatalequity.ingest.ui.DataLoadedViewIT;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.perinatalequity.EquityTest;
import org.springframework.test.context.TestPropertySource;

/**
 * The calculator in Chromium, signed in as an analyst: rows pasted into the box (tab-separated, as a spreadsheet
 * copies them) give the Wilson limits in the grid and a download link; a bad cell is announced. Needs no data.
 */
@EquityTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = TestUsers.USERS_FILE)
class CalculatorViewIT {

    private static Browser browser;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String file = TestFiles.freshDatabase(CalculatorViewIT.class);
        registry.add("equity.database.file", () -> file);
    }

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start(1400, 1300);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    /** A script click: the box grows as rows arrive, so the button may still be moving when Selenium aims. */
    private static void click(WebDriver driver, String id) {
        ((JavascriptExecutor) driver).executeScript("document.getElementById(arguments[0]).click();", id);
    }

    /** As a paste ends: the box gets the text and fires the change that sends it to the server. */
    private static void paste(WebDriver driver, String text) {
        ((JavascriptExecutor) driver).executeScript("const a = document.getElementById('calculator-rows');"
                + " a.value = arguments[0]; a.dispatchEvent(new Event('change'));", text);
    }

    @Test
    void pastedRowsAreCalculatedShownAndOfferedAsCsv() {
        WebDriver driver = browser.driver();
        DataLoadedViewIT.signIn(driver, port, TestUsers.ANALYST, TestUsers.PASSWORD);
        driver.get("http://localhost:" + port + "/calculator");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        wait.until(d -> !d.findElements(By.cssSelector("#calculator-rows textarea")).isEmpty());
        assertThat(driver.getTitle()).isEqualTo("Statistics calculator | Perinatal Equity Dashboard");

        paste(driver, "Area\tNumerator\tDenominator\n7\t12a\n");
        click(driver, "calculator-calculate");
        wait.until(d -> d.findElement(By.id("calculator-error")).getText().startsWith("Row 2"));
        assertThat(driver.findElement(By.id("calculator-error")).getText())
                .isEqualTo("Row 2, denominator: '12a' is not a number.");

        paste(driver, "Area\tNumerator\tDenominator\nLeicester\t5\t20\nLeicestershire\t457\t5930\nRutland\t0\t10\n"
                        + "Outside LLR\t31\t412\n");
        click(driver, "calculator-calculate");
        wait.until(d -> browser.renderedRows("calculator-results") == 4);
        assertThat(driver.findElement(By.id("calculator-error")).getText()).isEmpty();
        assertThat(driver.findElement(By.id("calculator-results")).getText()).contains("0.1119", "0.4687");
        assertThat(driver.findElement(By.id("calculator-download")).getDomAttribute("download"))
                .isEqualTo("proportion.csv");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.screenshot(Path.of("docs/screenshots/statistics-calculator.png"));
    }
}
