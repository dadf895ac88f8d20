package org.perinatalequity.ingest.ui;

import org.perinatalequity.Browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.perinatalequity.TestFiles;
import org.perinatalequity.TestUsers;
import org.perinatalequity.ingest.IngestService;
import org.perinatalequity.ingest.LoadedData;
import org.perinatalequity.system.ui.DisplayFormats;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.perinatalequity.EquityTest;
import org.springframework.test.context.TestPropertySource;

/**
 * The Data loaded page in headless Chromium: upload an extract through the page, wait for the grids to
 * show what was loaded, and keep a screenshot for docs/ui.md.
 */
@EquityTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = TestUsers.USERS_FILE)
// The first test's screenshot shows the page after exactly one upload.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class DataLoadedViewIT {

    private static final Path SAMPLE_EXTRACT = Path.of("data-samples/llr-sample-msds.zip");
    private static final Path SCREENSHOT = Path.of("docs/screenshots/data-loaded.png");
    private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(3);
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
        String file = TestFiles.freshDatabase(DataLoadedViewIT.class);
        registry.add("equity.database.file", () -> file);
    }

    @LocalServerPort
    int port;

    @Autowired
    IngestService ingestService;

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

    /** Signs in through the login page as the administrator, who alone may upload. */
    public static void signIn(WebDriver driver, int port, String user, String password) {
        signIn(driver, "http://localhost:" + port, user, password);
    }

    /** Signs in through the login page of the app at {@code baseUrl}. */
    public static void signIn(WebDriver driver, String baseUrl, String user, String password) {
        driver.get(baseUrl + "/login");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(d -> !d.findElements(By.cssSelector("vaadin-login-form input[name=username]")).isEmpty());
        driver.findElement(By.cssSelector("vaadin-login-form input[name=username]")).sendKeys(user);
        driver.findElement(By.cssSelector("vaadin-login-form input[name=password]")).sendKeys(password, Keys.ENTER);
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
    }

    @Test
    @Order(1)
    void uploadingAnExtractShowsItsRowsAndRunOnThePage() throws IOException {
        signIn(driver, port, TestUsers.ADMIN, TestUsers.PASSWORD);
        driver.get("http://localhost:" + port + "/");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(d -> !d.findElements(By.id("extract-upload")).isEmpty());
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Data loaded");
        assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en-GB");
        assertThat(driver.getTitle()).isEqualTo("Data loaded | Perinatal Equity Dashboard");
        assertThat(driver.findElement(By.id("upload-label")).getText()).isEqualTo(ExtractUpload.LABEL);

        boolean sample = Files.isRegularFile(SAMPLE_EXTRACT);
        Path extract = sample ? SAMPLE_EXTRACT : fixtureZip();
        fileInput().sendKeys(extract.toAbsolutePath().toString());

        WebDriverWait loading = new WebDriverWait(driver, LOAD_TIMEOUT);
        loading.until(d -> !d.findElement(By.id("upload-status")).getText().isBlank());
        String status = driver.findElement(By.id("upload-status")).getText();
        assertThat(status).as("upload outcome").startsWith("Loaded ");

        long motherRows = ingestService.countTableRows().stream().filter(t -> t.table().equals("MSD001"))
                .mapToLong(LoadedData.TableRows::rows).sum();
        if (!sample) {
            assertThat(motherRows).isEqualTo(TestFiles.dataLines(TestFiles.FIXTURE_EXTRACT.resolve("MSD001.csv")));
        }
        assertThat(motherRows).isPositive();
        String expected = DisplayFormats.count(motherRows);
        loading.until(d -> gridRows("tables-grid").stream().anyMatch(row -> row.size() == 3
                && row.get(0).equals("MSD001 Mother's Demographics") && row.get(1).equals(expected)));
        loading.until(d -> gridRows("runs-grid").stream().anyMatch(row -> row.size() == 8
                && row.get(2).equals(TestUsers.ADMIN) && row.get(3).equals("upload") && row.get(4).equals("loaded")));
        assertThat(gridRows("submissions-grid")).isNotEmpty();
        if (!sample) {
            // The fixture's malformed booking date is listed with its line number under the selected run.
            loading.until(d -> gridRows("issues-grid").stream().anyMatch(row -> row.size() == 8
                    && row.get(0).equals("reject") && row.get(3).equals("MSD101") && row.get(4).equals("5")));
        }
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.fullPageScreenshot(SCREENSHOT);
    }

    @Test
    @Order(2)
    void theCsvFilesOfOneUploadAreLoadedAsOneSubmission() {
        driver.get("http://localhost:" + port + "/data");
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("extract-upload")).isEmpty());
        // One selection of several files, as a person picks them in the file dialog.
        fileInput().sendKeys(Stream.of("MSD000", "MSD001", "MSD002", "MSD101")
                .map(t -> TestFiles.FIXTURE_EXTRACT.resolve(t + ".csv").toAbsolutePath().toString())
                .collect(Collectors.joining("\n")));

        new WebDriverWait(driver, LOAD_TIMEOUT)
                .until(d -> !d.findElement(By.id("upload-status")).getText().isBlank());
        assertThat(driver.findElement(By.id("upload-status")).getText())
                .startsWith("Loaded RWE, 1 Apr 2024 – 30 Apr 2024 (run ").contains("4 tables, 10 rows, 1 reject");
    }

    /** The Upload's own file input, inside its shadow root: what the "Choose files…" button opens. */
    private static WebElement fileInput() {
        WebElement upload = driver.findElement(By.id("extract-upload"));
        List<WebElement> inLight = upload.findElements(By.cssSelector("input[type=file]"));
        return inLight.isEmpty() ? upload.getShadowRoot().findElement(By.cssSelector("input[type=file]"))
                : inLight.get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<List<String>> gridRows(String gridId) {
        return (List<List<String>>) ((JavascriptExecutor) driver).executeScript(GRID_ROWS, gridId);
    }

    private static Path fixtureZip() throws IOException {
        Path zip = Path.of("target", "it", "rwe-2024-04.zip");
        Files.createDirectories(zip.getParent());
        try (OutputStream out = Files.newOutputStream(zip)) {
            TestFiles.zipFolder(TestFiles.FIXTURE_EXTRACT, out);
        }
        return zip;
    }
}
