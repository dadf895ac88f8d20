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
 * How long each view takes to render on the bundled sample data, as a person sees it: from asking the browser for
 * the page to the page's heading being shown with no server round trip pending and no grid still loading.
 * The first visit of each view after start-up is reported apart (nothing cached yet), then the median and the
 * slowest of later visits. Not part of {@code verify}: {@code ./mvnw test -Dtest=ViewRenderBenchmark
 * -Dbenchmark=true [-Dbenchmark.visits=5]} (docs/benchmarks.md); needs Chromium like the browser tests.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "equity.ingest.inbox-enabled=false", "equity.sample-data.location=data-samples" })
@ActiveProfiles("demo")
class ViewRenderBenchmark {

    private static final int VISITS = Integer.getInteger("benchmark.visits", 5);

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
        VIEWS.put("audit", "admin");
    }

    /** The page is drawn: its heading is there, Vaadin has no request in flight and no grid is fetching rows. */
    private static final String READY = """
            const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients
                ? Object.values(window.Vaadin.Flow.clients) : [];
            return document.querySelector('h1') !== null && clients.length > 0
                && clients.every(c => !c.isActive())
                && [...document.querySelectorAll('vaadin-grid')].every(g => !g.loading);""";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String file = TestFiles.freshDatabase(ViewRenderBenchmark.class);
        registry.add("equity.database.file", () -> file);
    }

    @LocalServerPort
    int port;

    @Test
    void every_view_renders_on_the_sample_data() throws IOException {
        try (Browser browser = Browser.start(1440, 1000)) {
            ChromeDriver driver = browser.driver();
            String signedIn = null;
            List<String> lines = new ArrayList<>();
            for (Map.Entry<String, String> view : VIEWS.entrySet()) {
                if (!view.getValue().equals(signedIn)) {
                    driver.manage().deleteAllCookies();
                    DataLoadedViewIT.signIn(driver, port, view.getValue(), "demo");
                    signedIn = view.getValue();
                }
                double first = visit(driver, view.getKey());
                List<Double> later = new ArrayList<>();
                for (int i = 0; i < VISITS; i++) {
                    later.add(visit(driver, view.getKey()));
                }
                later.sort(Double::compare);
                lines.add(String.format(Locale.ROOT, "| `/%s` | %s | %.0f ms | %.0f ms | %.0f ms |", view.getKey(),
                        view.getValue(), first, later.get(later.size() / 2), later.get(later.size() - 1)));
            }
            System.out.printf(Locale.ROOT, "%nView render benchmark: sample data, %d cores, %d later visits each%n",
                    Runtime.getRuntime().availableProcessors(), VISITS);
            System.out.println("| View | Signed in as | First visit | Later, median | Later, slowest |");
            System.out.println("|---|---|---|---|---|");
            lines.forEach(System.out::println);
        }
    }

    private double visit(ChromeDriver driver, String path) {
        long start = System.nanoTime();
        driver.get("http://localhost:" + port + "/" + path);
        new WebDriverWait(driver, Duration.ofSeconds(60), Duration.ofMillis(10))
                .until(d -> Boolean.TRUE.equals(driver.executeScript(READY)));
        return (System.nanoTime() - start) / 1e6;
    }
}
