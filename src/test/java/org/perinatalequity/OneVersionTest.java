package org.perinatalequity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.perinatalequity.breakdown.BreakdownRequest;
import org.perinatalequity.breakdown.BreakdownResult;
import org.perinatalequity.breakdown.BreakdownService;
import org.perinatalequity.demodata.DemoDataGenerator;
import org.perinatalequity.ingest.IngestReport;
import org.perinatalequity.ingest.IngestService;
import org.perinatalequity.measures.Dimension;
import org.perinatalequity.security.SystemCaller;
import org.perinatalequity.system.DataVersion;
import org.perinatalequity.system.DerivedDataRefresher;
import org.perinatalequity.system.ReadSnapshot;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 19: every answer reads one data version. Readers hammer the API and the services while extracts are loaded
 * (each replacing the last, so every load changes every derived table) and the derived data rebuilt; no answer may
 * mix versions and none may fail:
 * <ul>
 * <li>in one snapshot, the counts of the facts, the quality items and a record store are always those of one
 * committed refresh (the refresher swaps every table in one transaction), and one data version always goes with the
 * same counts (the version moves on with the commit);</li>
 * <li>a breakdown (cached per version) agrees with the facts read in the same snapshot: its total is the number of
 * the measure's fact rows;</li>
 * <li>over HTTP, a breakdown's rows add up to its total, and the quality and escalation answers are 200.</li>
 * </ul>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "equity.ingest.pseudonymisation-key=test-key", "equity.ingest.inbox-enabled=false", TestUsers.USERS_FILE })
class OneVersionTest {

    private static final String COUNTS = "SELECT (SELECT count(*) FROM fact_event) || '/' || (SELECT count(*) FROM"
            + " quality_item) || '/' || (SELECT count(*) FROM internal.msd101_store)";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String file = TestFiles.freshDatabase(OneVersionTest.class);
        registry.add("equity.database.file", () -> file);
    }

    @LocalServerPort
    int port;

    @Autowired
    IngestService ingest;

    @Autowired
    DerivedDataRefresher refresher;

    @Autowired
    ReadSnapshot snapshot;

    @Autowired
    DataVersion version;

    @Autowired
    BreakdownService breakdowns;

    @Autowired
    JdbcClient jdbc;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void noAnswerMixesTwoVersionsWhileLoadsAndRefreshesRun() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "one-version");
        DemoDataGenerator generator = new DemoDataGenerator();
        List<Path> extracts = new java.util.ArrayList<>();
        for (int seed = 1; seed <= 3; seed++) {
            generator.generate(dir.resolve("seed-" + seed), 60 + 30 * seed, seed);
            extracts.add(dir.resolve("seed-" + seed).resolve("msds"));
        }
        load(extracts.get(0));
        Set<String> committed = ConcurrentHashMap.newKeySet();
        committed.add(counts());

        AtomicBoolean writing = new AtomicBoolean(true);
        List<String> failures = new CopyOnWriteArrayList<>();
        AtomicInteger answers = new AtomicInteger();
        Map<Long, String> countsOfVersion = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> readers = List.of(
                pool.submit(() -> loop(writing, failures, () -> snapshot.run(() -> {
                    String seen = counts();
                    String before = countsOfVersion.putIfAbsent(version.current(), seen);
                    check(failures, before == null || before.equals(seen),
                            "version " + version.current() + " with " + seen + " and " + before);
                    answers.incrementAndGet();
                }))),
                pool.submit(() -> loop(writing, failures, () -> snapshot.run(() -> {
                    BreakdownResult result = SystemCaller.call(() -> breakdowns.breakdown(new BreakdownRequest(
                            "early_booking", Dimension.ETHNIC_GROUP, null, null, null, Map.of(), false, null)));
                    long facts = jdbc.sql("SELECT count(*) FROM fact_event WHERE measure_id = 'early_booking'")
                            .query(Long.class).single();
                    check(failures, result.total().denominator() != null && result.total().denominator() == facts, "breakdown total "
                            + result.total().denominator() + " beside " + facts + " facts");
                    answers.incrementAndGet();
                }))),
                pool.submit(() -> loop(writing, failures, () -> {
                    JsonNode breakdown = get("/api/measures/early_booking/breakdown?by=ethnic_group&suppress=false",
                            failures);
                    if (breakdown != null) {
                        double rows = 0;
                        for (JsonNode row : breakdown.get("rows")) {
                            rows += row.get("denominator").asDouble();
                        }
                        check(failures, rows == breakdown.get("total").get("denominator").asDouble(),
                                "rows add up to " + rows + ", total " + breakdown.get("total").get("denominator"));
                    }
                    answers.incrementAndGet();
                })),
                pool.submit(() -> loop(writing, failures, () -> {
                    get("/api/quality/escalations", failures);
                    get("/api/quality?by=team", failures);
                    answers.incrementAndGet();
                })));
        try {
            // Five changes of the data: three loads (each replacing the one before) and two full rebuilds.
            for (Path extract : List.of(extracts.get(1), extracts.get(2), extracts.get(0))) {
                load(extract);
                committed.add(counts());
            }
            refresher.rebuildAll();
            committed.add(counts());
            load(extracts.get(1));
            committed.add(counts());
        } finally {
            writing.set(false);
            for (Future<?> reader : readers) {
                reader.get();
            }
            pool.shutdown();
        }

        assertThat(failures).as("mixed or failed answers").isEmpty();
        assertThat(committed).as("the loads changed the derived tables").hasSizeGreaterThanOrEqualTo(3);
        assertThat(countsOfVersion.values()).as("the readers overlapped the refreshes")
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(committed).containsAll(countsOfVersion.values());
        assertThat(answers.get()).isGreaterThan(20);
    }

    private void load(Path extract) {
        IngestReport report = SystemCaller.call(() -> ingest.ingest(List.of(extract),
                new IngestService.Requester("tester", "test")));
        assertThat(report.submissions()).extracting(IngestReport.Submission::status)
                .containsOnly(IngestReport.Status.loaded);
    }

    private String counts() {
        return jdbc.sql(COUNTS).query(String.class).single();
    }

    private static void loop(AtomicBoolean writing, List<String> failures, Runnable read) {
        while (writing.get()) {
            try {
                read.run();
            } catch (RuntimeException e) {
                failures.add(e.toString());
            }
        }
    }

    private static void check(List<String> failures, boolean ok, String what) {
        if (!ok) {
            failures.add(what);
        }
    }

    private JsonNode get(String path, List<String> failures) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + path)).header("Authorization", "Bearer "
                            + TestUsers.ANALYST_TOKEN).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                failures.add(path + " answered " + response.statusCode() + ": " + response.body());
                return null;
            }
            return json.readTree(response.body());
        } catch (Exception e) {
            failures.add(path + ": " + e);
            return null;
        }
    }
}
