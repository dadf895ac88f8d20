package org.perinatalequity.security.ui;

import org.perinatalequity.Browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.perinatalequity.TestFiles;
import org.perinatalequity.ingest.ui.DataLoadedViewIT;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The demo profile as a newcomer meets it: the bundled sample loads on first start, and each demo user
 * signs in through the login page and sees what their role should, with a screenshot per role for
 * docs/security.md.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "equity.ingest.inbox-enabled=false", "equity.sample-data.location=data-samples" })
@ActiveProfiles("demo")
class RoleScreensIT {

    private static final Path SCREENSHOTS = Path.of("docs/screenshots");

    private static WebDriver driver;
    private static Browser browser;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String file = TestFiles.freshDatabase(RoleScreensIT.class);
        registry.add("equity.database.file", () -> file);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start(1280, 800);
        driver = browser.driver();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theLoginPageListsTheDemoUsersAndAWrongPasswordIsRefused() throws IOException {
        driver.get(url("login"));
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(d -> !d.findElements(By.id("demo-users")).isEmpty());
        String hint = driver.findElement(By.id("demo-users")).getText();
        assertThat(hint).contains("analyst", "board", "admin", "team-" + firstTeam());
        screenshot("login.png");

        driver.findElement(By.cssSelector("vaadin-login-form input[name=username]")).sendKeys("board");
        driver.findElement(By.cssSelector("vaadin-login-form input[name=password]")).sendKeys("not-the-password",
                Keys.ENTER);
        wait.until(d -> d.getCurrentUrl().contains("login?error"));
        wait.until(d -> d.findElement(By.id("login-form")).getDomAttribute("error") != null);
    }

    @Test
    void adminSeesTheUploadAndTheAuditLog() throws IOException {
        signInAs("admin");
        waitFor("extract-upload");
        assertThat(menu()).containsExactly("Board overview", "Action plan", "Data loaded", "Linkage report", "Explorer",
                "Inequalities", "Neighbourhoods", "Data quality", "Workforce equality", "Representation", "Statistics calculator", "Audit log", "Your access");
        driver.get(url("audit"));
        waitFor("audit-grid");
        assertThat(driver.findElement(By.id("signed-in-user")).getText()).isEqualTo("admin (ADMIN)");
        screenshot("role-admin.png");
    }

    @Test
    void analystSeesTheDataButNoUpload() throws IOException {
        signInAs("analyst");
        waitFor("submissions-grid");
        assertThat(driver.findElements(By.id("extract-upload"))).isEmpty();
        assertThat(menu()).containsExactly("Board overview", "Action plan", "Data loaded", "Linkage report", "Explorer",
                "Inequalities", "Neighbourhoods", "Data quality", "Workforce equality", "Representation", "Statistics calculator", "Your access");
        screenshot("role-analyst.png");
    }

    @Test
    void boardLandsOnItsAccessPageAndCannotOpenTheDataPage() throws IOException {
        signInAs("board");
        waitFor("access-rights");
        assertThat(driver.findElement(By.id("access-rights")).getText()).contains("small numbers suppressed");
        assertThat(menu()).containsExactly("Board overview", "Action plan", "Explorer", "Inequalities", "Neighbourhoods", "Data quality",
                "Workforce equality", "Representation", "Statistics calculator", "Your access");
        screenshot("role-board.png");
        driver.get(url("data"));
        waitFor("access-denied");
        driver.get(url("audit"));
        waitFor("access-denied");
    }

    @Test
    void aTeamUserIsBoundToTheirTeam() throws IOException {
        String team = firstTeam();
        signInAs("team-" + team);
        // She starts on her team's page (its worklist is her work); "Your access" is one click away.
        waitFor("worklist-grid");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Data quality: team " + team);
        driver.get(url("account"));
        waitFor("access-rights");
        assertThat(driver.findElement(By.id("access-summary")).getText()).contains("team " + team);
        assertThat(menu()).containsExactly("Board overview", "Action plan", "Explorer", "Inequalities", "Neighbourhoods", "Data quality",
                "Workforce equality", "Representation", "Statistics calculator", "Your access");
        screenshot("role-team.png");
    }

    private String firstTeam() {
        return jdbc.sql("SELECT min(team) FROM v_women WHERE team <> 'Unknown'").query(String.class).single();
    }

    private void signInAs(String user) {
        DataLoadedViewIT.signIn(driver, port, user, "demo");
        driver.get(url(""));
    }

    private String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    private static void waitFor(String id) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id(id)).isEmpty());
    }

    private static List<String> menu() {
        return driver.findElements(By.cssSelector("vaadin-side-nav-item")).stream().map(WebElement::getText)
                .map(String::strip).toList();
    }

    private static void screenshot(String name) {
        browser.screenshot(SCREENSHOTS.resolve(name));
    }
}
