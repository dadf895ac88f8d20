package org.perinatalequity.system.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.perinatalequity.Browser;
import org.perinatalequity.SampleData;
import org.perinatalequity.TestFiles;
import org.perinatalequity.TestUsers;
import org.perinatalequity.ingest.IngestService;
import org.perinatalequity.ingest.ui.DataLoadedViewIT;
import org.perinatalequity.reference.ReferenceService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.perinatalequity.EquityTest;
import org.springframework.test.context.TestPropertySource;

/**
 * Landmarks, the skip link, field borders, Enter in a combo box and charts on a phone, in Chromium on the sample
 * data: axe-core's {@code region} and {@code landmark-one-main} on every main view, the border contrast from the
 * computed style, and the chart's SVG laid out for a 390 px window.
 */
@EquityTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = TestUsers.USERS_FILE)
class AccessibilityIT {

    private static final List<String> ANALYST_VIEWS = List.of("board", "explorer", "inequalities", "action-plan",
            "quality", "calculator", "account");
    private static final List<String> ADMIN_VIEWS = List.of("data", "linkage", "audit");

    private static Browser browser;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String file = TestFiles.freshDatabase(AccessibilityIT.class);
        registry.add("equity.database.file", () -> file);
    }

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start(1280, 1000);
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
        browser.driver().manage().window().setSize(new Dimension(1280, 1000));
    }

    private void open(String view) {
        WebDriver driver = browser.driver();
        driver.get("http://localhost:" + port + "/" + view);
        new WebDriverWait(driver, Duration.ofSeconds(90)).until(d -> !d.findElements(By.cssSelector("main h1"))
                .isEmpty());
    }

    @Test
    void everyMainViewHasOneMainLandmarkAndAllContentInLandmarks() {
        DataLoadedViewIT.signIn(browser.driver(), port, TestUsers.ANALYST, TestUsers.PASSWORD);
        for (String view : ANALYST_VIEWS) {
            open(view);
            assertThat(browser.accessibilityViolations("region", "landmark-one-main")).as(view).isEmpty();
        }
        DataLoadedViewIT.signIn(browser.driver(), port, TestUsers.ADMIN, TestUsers.PASSWORD);
        for (String view : ADMIN_VIEWS) {
            open(view);
            assertThat(browser.accessibilityViolations("region", "landmark-one-main")).as(view).isEmpty();
        }
    }

    @Test
    void theSkipLinkComesFirstAndMovesTheFocusToMain() {
        DataLoadedViewIT.signIn(browser.driver(), port, TestUsers.ANALYST, TestUsers.PASSWORD);
        open("explorer");
        WebDriver driver = browser.driver();
        driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement focused = driver.switchTo().activeElement();
        assertThat(focused.getText()).isEqualTo("Skip to main content");
        focused.sendKeys(Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> "main-content".equals(
                d.switchTo().activeElement().getAttribute("id")));
        assertThat(driver.getCurrentUrl()).contains("/explorer");
    }

    @Test
    void fieldBordersAreAtLeast3To1AgainstThePage() {
        DataLoadedViewIT.signIn(browser.driver(), port, TestUsers.ANALYST, TestUsers.PASSWORD);
        open("explorer");
        for (String id : List.of("measure", "by")) {
            String colour = (String) browser.driver().executeScript("""
                    const field = document.getElementById(arguments[0]).shadowRoot.querySelector('[part~="input-field"]');
                    const style = getComputedStyle(field);
                    return style.borderTopWidth === '0px' ? 'none' : style.borderTopColor;""", id);
            assertThat(colour).as(id + " border").isNotEqualTo("none");
            double[] border = rgb(colour);
            assertThat(contrast(border, new double[] { 255, 255, 255 })).as(id + " on white").isGreaterThanOrEqualTo(3);
            assertThat(contrast(border, rgb((String) browser.driver().executeScript(
                    "return getComputedStyle(document.querySelector('vaadin-app-layout')).backgroundColor;"))))
                    .as(id + " on the page").isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void typingPartOfAMeasureAndEnterChoosesIt() {
        DataLoadedViewIT.signIn(browser.driver(), port, TestUsers.ANALYST, TestUsers.PASSWORD);
        open("explorer?measure=preterm&by=place");
        WebDriver driver = browser.driver();
        WebElement input = driver.findElement(By.cssSelector("#measure input"));
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), "stillb");
        input.sendKeys(Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("measure=stillbirth"));
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.findElement(By.tagName("h2")).getText()
                .startsWith("Stillbirth"));
    }

    @Test
    void at390PxTheChartIsLaidOutNarrowNotScaled() {
        DataLoadedViewIT.signIn(browser.driver(), port, TestUsers.ANALYST, TestUsers.PASSWORD);
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        open("explorer?measure=preterm&by=ethnic_group");
        WebDriver driver = browser.driver();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> svgWidth(d) > 0 && svgWidth(d) <= 390);
        // One line of words first, the whole description behind a disclosure
        assertThat(driver.findElements(By.cssSelector(".equity-chart-words vaadin-details"))).isNotEmpty();
    }

    @Test
    void at390PxTheInequalitiesChartsAreLaidOutNarrow() {
        DataLoadedViewIT.signIn(browser.driver(), port, TestUsers.ANALYST, TestUsers.PASSWORD);
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        open("inequalities?measure=preterm");
        WebDriver driver = browser.driver();
        // The slope chart, the heat map, the small multiples over time and the funnel plot: four drawn charts
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> chartWidths(d).size() >= 4
                && chartWidths(d).stream().allMatch(w -> w <= 390));
    }

    @Test
    void theFaviconIsServedWithoutSigningIn() throws Exception {
        java.net.http.HttpResponse<byte[]> icon = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/favicon.ico"))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(icon.statusCode()).isEqualTo(200);
        // An ICO header: reserved 0, type 1, one image
        assertThat(java.util.Arrays.copyOf(icon.body(), 6)).containsExactly(0, 0, 1, 0, 1, 0);
    }

    /** The widths of the page's drawn charts (inline SVGs with a width; icons draw theirs in shadow roots). */
    @SuppressWarnings("unchecked")
    private static java.util.List<Double> chartWidths(WebDriver driver) {
        java.util.List<Object> widths = (java.util.List<Object>) ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return Array.from(document.querySelectorAll('svg[width]'))"
                        + ".map(s => parseFloat(s.getAttribute('width'))).filter(w => w > 100);");
        return widths.stream().map(w -> ((Number) w).doubleValue()).toList();
    }

    private static double svgWidth(WebDriver driver) {
        Object w = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "const s = document.querySelector('.chart svg'); return s ? parseFloat(s.getAttribute('width')) : 0;");
        return ((Number) w).doubleValue();
    }

    private static double[] rgb(String css) {
        Matcher m = Pattern.compile("rgba?\\((\\d+), (\\d+), (\\d+)").matcher(css);
        assertThat(m.find()).as(css).isTrue();
        return new double[] { Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
                Double.parseDouble(m.group(3)) };
    }

    /** WCAG relative luminance contrast ratio. */
    static double contrast(double[] a, double[] b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(double[] rgb) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double s = rgb[i] / 255;
            c[i] = s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }
}
