package org.perinatalequity;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium for a browser test class: skipped with a message when it is not installed, a failure
 * when {@code -Dbrowser.tests=required} (CI). Closing it quits the browser and deletes its profile.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    public static Browser start(int width, int height) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String message = "Browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": apt-get install -y chromium chromium-driver";
            if ("required".equals(System.getProperty("browser.tests"))) {
                fail(message);
            }
            assumeTrue(false, message + "; skipping");
        }
        try {
            Path profile = Files.createTempDirectory("equity-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            // The background-networking flags keep Chromium from dialling out on a closed network (stack-notes.md 5).
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--window-size=" + width + "," + height, "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER.toString())).build();
            return new Browser(new ChromeDriver(service, options), profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs axe-core (the copy bundled in Deque's axe-core Selenium jar) on the page as it stands, against WCAG 2.0,
     * 2.1 and 2.2 A and AA rules, and returns its serious and critical violations, one line each: rule, impact,
     * help text and the elements concerned. Vaadin's components use open shadow roots, which axe reads.
     */
    public List<String> seriousAccessibilityViolations() {
        driver.executeScript(axeScript());
        Object result = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag',
                        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }, resultTypes: ['violations'] })
                    .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                        .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '
                            + v.nodes.slice(0, 5).map(n => JSON.stringify(n.target)).join(', '))))
                    .catch(e => done(['axe failed: ' + e]));
                """);
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) result;
        return violations;
    }

    /**
     * Runs only the named axe-core rules (such as {@code region} and {@code landmark-one-main}, which are best
     * practice rules outside the WCAG tags above) and returns their violations of any impact, one line each.
     */
    public List<String> accessibilityViolations(String... rules) {
        driver.executeScript(axeScript());
        Object result = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'rule', values: arguments[0] }, resultTypes: ['violations'] })
                    .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '
                            + v.nodes.slice(0, 5).map(n => JSON.stringify(n.target)).join(', '))))
                    .catch(e => done(['axe failed: ' + e]));
                """, List.of(rules));
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) result;
        return violations;
    }

    private static String axeScript() {
        try (InputStream in = Browser.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core:"
                        + "selenium in pom.xml)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows a Vaadin grid has drawn (it renders lazily, so this is what a person sees, not what it holds). */
    public long renderedRows(String gridId) {
        Object n = driver.executeScript("const g = document.getElementById(arguments[0]);"
                + " return g ? [...g.shadowRoot.querySelectorAll('#items tr')].filter(tr => !tr.hidden).length : 0;",
                gridId);
        return ((Number) n).longValue();
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** The window as it stands, without Vaadin's development-mode overlays. */
    public void screenshot(Path file) {
        hideDevTools();
        try {
            Files.createDirectories(file.getParent());
            Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The whole page, not only the first screenful: AppLayout scrolls its content area rather than the document, so
     * the window grows to the navbar plus the content's full height for the shot, then goes back to its size.
     */
    public void fullPageScreenshot(Path file) {
        Dimension size = driver.manage().window().getSize();
        long height = (Long) driver.executeScript("""
                const layout = document.querySelector('vaadin-app-layout');
                const content = layout.shadowRoot.querySelector('[content]');
                const browserChrome = window.outerHeight - window.innerHeight;
                return Math.ceil(content.getBoundingClientRect().top + content.scrollHeight + browserChrome + 8);""");
        driver.manage().window().setSize(new Dimension(size.getWidth(), (int) Math.max(size.getHeight(), height)));
        try {
            screenshot(file);
        } finally {
            driver.manage().window().setSize(size);
        }
    }

    /** The dev-mode tools and their notices exist only in development mode and are not part of the page. */
    public void hideDevTools() {
        driver.executeScript("document.querySelectorAll('vaadin-dev-tools, copilot-main')"
                + ".forEach(t => t.style.display = 'none');");
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
