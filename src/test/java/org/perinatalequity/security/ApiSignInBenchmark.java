package org.perinatalequity.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.perinatalequity.SampleData;
import org.perinatalequity.TestFiles;
import org.perinatalequity.ingest.IngestService;
import org.perinatalequity.reference.ReferenceService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Sign-in cost under load (issue 19, issue 14 item 4): 50 concurrent readers over loopback HTTP on a fixed mix of
 * read requests on the sample data, first with HTTP Basic (a cost-10 BCrypt hash, as real users have), then with a
 * bearer token; requests/s and p50/p95 of each, for a bounded time per mode. Not part of {@code verify}:
 * {@code ./mvnw test -Dtest=ApiSignInBenchmark -Dbenchmark=true [-Dbenchmark.seconds=20]} (docs/benchmarks.md).
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "equity.ingest.inbox-enabled=false", "equity.ingest.pseudonymisation-key=benchmark-key" })
class ApiSignInBenchmark {

    static final int READERS = 50;
    static final int SECONDS = Integer.getInteger("benchmark.seconds", 20);
    static final String PASSWORD = "benchmark-password";
    static final String TOKEN = "benchmark-api-token";
    static final List<String> MIX = List.of("/api/measures", "/api/dimensions",
            "/api/measures/early_booking/breakdown?by=ethnic_group", "/api/measures/preterm/breakdown?by=imd_quintile",
            "/api/quality?by=team", "/api/measures/caesarean/trend");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        String file = TestFiles.freshDatabase(ApiSignInBenchmark.class);
        registry.add("equity.database.file", () -> file);
        try {
            Path users = Files.createDirectories(Path.of("target", "benchmark")).resolve("api-sign-in-users.csv");
            Files.writeString(users, "username,password,roles,teams,token_sha256\nreader,"
                    + new BCryptPasswordEncoder(10).encode(PASSWORD) + ",ANALYST,," + UserDirectory.sha256(TOKEN) + "\n",
                    StandardCharsets.UTF_8);
            registry.add("equity.security.users-file", users::toString);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    void load(IngestService ingest, ReferenceService reference) {
        SampleData.ensureLoaded(ingest, reference);
    }

    record Figures(String mode, int requests, int errors, double perSecond, double p50, double p95) {
    }

    @Test
    void basicReadersWithinTwiceTheBearerThroughput() throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString(("reader:" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        run("warm-up", "Bearer " + TOKEN, 3);
        Figures withBasic = run("basic", basic, SECONDS);
        Figures withBearer = run("bearer", "Bearer " + TOKEN, SECONDS);
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        for (Figures f : List.of(withBasic, withBearer)) {
            System.out.printf("API sign-in %-6s: %d requests, %d errors, %.0f requests/s, p50 %.1f ms, p95 %.1f ms%n",
                    f.mode(), f.requests(), f.errors(), f.perSecond(), f.p50(), f.p95());
        }
        System.out.printf("API sign-in: Basic/bearer throughput %.2f, load average %.2f%n",
                withBasic.perSecond() / withBearer.perSecond(), load);
        assertThat(withBasic.errors() + withBearer.errors()).isZero();
        assertThat(withBasic.perSecond()).as("Basic within 2x of bearer").isGreaterThan(withBearer.perSecond() / 2);
    }

    private Figures run(String mode, String authorization, int seconds) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Long> times = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(READERS);
        List<Future<?>> readers = new ArrayList<>();
        long start = System.nanoTime();
        for (int r = 0; r < READERS; r++) {
            int first = r;
            readers.add(pool.submit(() -> {
                int i = first;
                while (System.nanoTime() < end) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + MIX.get(i++ % MIX.size()))).header("Authorization", authorization)
                            .timeout(Duration.ofSeconds(30)).build();
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (IOException | InterruptedException e) {
                        errors.incrementAndGet();
                    }
                    times.add(System.nanoTime() - t0);
                }
                return null;
            }));
        }
        for (Future<?> reader : readers) {
            reader.get();
        }
        pool.shutdown();
        double elapsed = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        return new Figures(mode, sorted.size(), errors.get(), sorted.size() / elapsed, percentile(sorted, 0.50),
                percentile(sorted, 0.95));
    }

    private static double percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())))
                / 1e6;
    }
}
