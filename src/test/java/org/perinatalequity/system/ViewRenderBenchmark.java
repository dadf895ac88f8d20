package org.perinatalequity.system;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.perinatalequity.Browser;
import org.perinatalequity.TestFiles;
import org.perinatalequity.ingest.ui.DataLoadedViewIT;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * How long each view takes to render on the bundled sample data, as a person sees it: until the page's heading is
 * shown with no server round trip pending and no grid still loading. Two ways in: a full page load (the browser
 * fetches the page and starts Vaadin's client, as from a bookmark) and moving to the view inside the running app
 * (as from the menu: the server builds the view and the client draws it). The first load of each view after
 * start-up is reported apart (nothing cached yet), then the median and slowest of later visits. Not part of
 * {@code verify}: {@code ./mvnw test -Dtest=ViewRenderBenchmark -Dbenchmark=true [-Dbenchmark.visits=5]
 * [-Dbenchmark.url=http://host:port]} (docs/benchmarks.md; the URL measures an app already running, e.g. the
 * production jar, instead of the test's own); needs Chromium like the browser tests.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "equity.ingest.inbox-enabled=false", "equity.sample-data.location=data-samples" })
@ActiveProfiles("demo")
class ViewRenderBenchmark {

    private static final int VISITS = Integer.getInteger("benchmark.visits", 5);
    private static final String URL = System.getProperty("benchmark.url");

    /** Every main view, with the demo user that may open it. */
    private static final Map<String, String> VIEWS = new LinkedHashMap<>();

    static {
        VIEWS.put("board", "board");
        VIEWS.put("action-plan", "board");
        VIEWS.put("explorer?measure=preterm&by=imd_quintile", "analyst");
        VIEWS.put("explorer?measure=smoking_delivery&by=ethnic_group&by2=imd_quintile", "analyst");
        VIEWS.put("inequalities", "analyst");
        VIEWS.put("quality", "analyst");
        VIEWS.put("quality/team/CITY-NORTH", "analyst");
        VIEWS.put("data", "admin");
        VIEWS.put("linkage", "admin");
        VIEWS.put("calculator", "admin");
        VIEWS.put("audit", "admin");
    }

    /**
     * The page is drawn: a heading not marked as the previous view's is there, Vaadin has no request in flight and no
     * grid is fetching rows.
     */
    private static final String READY = """
            const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients
                ? Object.values(window.Vaadin.Flow.clients) : [];
            return document.querySelector('h1:not([data-left])') !== null && clients.length > 0
                && clients.every(c => !c.isActive())
                && [...document.querySelectorAll('vaadin-grid')].every(g => !g.loading);""";

    /**
     * Moves inside the running app by clicking a router link (the menu's kind of link, which Flow handles without
     * reloading the page), after marking the current heading as left behind.
     */
    private static final String GO = """
            document.querySelectorAll('h1').forEach(h => h.setAttribute('data-left', ''));
            const link = document.createElement('a');
            link.setAttribute('router-link', '');
            link.href = arguments[0];
            document.body.appendChild(link);
            link.click();
            link.remove();""";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String file = TestFiles.freshDatabase(ViewRenderBenchmark.class);
        registry.add("equity.database.file", () -> file);
    }

    @LocalServerPort
    int port;

    @Test
    void everyViewRendersOnTheSampleData() throws IOException {
        try (Browser browser = Browser.start(1440, 1000)) {
            ChromeDriver driver = browser.driver();
            String signedIn = null;
            List<String> lines = new ArrayList<>();
            for (Map.Entry<String, String> view : VIEWS.entrySet()) {
                if (!view.getValue().equals(signedIn)) {
                    driver.manage().deleteAllCookies();
                    DataLoadedViewIT.signIn(driver, base(), view.getValue(), "demo");
                    signedIn = view.getValue();
                }
                double first = load(driver, view.getKey());
                List<Double> loads = new ArrayList<>();
                List<Double> moves = new ArrayList<>();
                for (int i = 0; i < VISITS; i++) {
                    loads.add(load(driver, view.getKey()));
                    move(driver, "account");
                    moves.add(move(driver, view.getKey()));
                }
                loads.sort(Double::compare);
                moves.sort(Double::compare);
                lines.add(String.format(Locale.ROOT, "| `/%s` | %s | %.0f ms | %.0f ms | %.0f ms | %.0f ms | %.0f ms |",
                        view.getKey(), view.getValue(), first, loads.get(loads.size() / 2),
                        loads.get(loads.size() - 1), moves.get(moves.size() / 2), moves.get(moves.size() - 1)));
            }
            System.out.printf(Locale.ROOT, "%nView render benchmark: sample data, %d cores, %d later visits each%n",
                    Runtime.getRuntime().availableProcessors(), VISITS);
            System.out.println("| View | Signed in as | First load | Load, median | Load, slowest | In-app, median"
                    + " | In-app, slowest |");
            System.out.println("|---|---|---|---|---|---|---|");
            lines.forEach(System.out::println);
        }
    }

    private String base() {
        return URL != null ? URL : "http://localhost:" + port;
    }

    private double load(ChromeDriver driver, String path) {
        long start = System.nanoTime();
        driver.get(base() + "/" + path);
        return ready(driver, start);
    }

    private static double move(ChromeDriver driver, String path) {
        long start = System.nanoTime();
        driver.executeScript(GO, path);
        return ready(driver, start);
    }

    private static double ready(ChromeDriver driver, long start) {
        new WebDriverWait(driver, Duration.ofSeconds(60), Duration.ofMillis(5))
                .withMessage(() -> driver.getCurrentUrl() + " " + driver.executeScript("""
                        return JSON.stringify({ h1: [...document.querySelectorAll('h1')].map(h => h.outerHTML),
                            clients: window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients
                                ? Object.keys(window.Vaadin.Flow.clients) : null });"""))
                .until(d -> Boolean.TRUE.equals(driver.executeScript(READY)));
        return (System.nanoTime() - start) / 1e6;
    }
}
