package org.perinatalequity.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.perinatalequity.TestDatabase;
import org.perinatalequity.demodata.DemoDataGenerator;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The product measured as a user meets it (issue 14): the {@code ingest} command end to end in its own process beside
 * DuckDB's raw {@code read_csv} of the same files, the server's start on that loaded database to its first answered
 * request, and the REST API over HTTP with sign-in (Basic and bearer), uncached and cached. Each child is a real
 * {@code java} process on this build's classpath (or {@code -Dbenchmark.jar=JAR}); its peak RSS is read from
 * {@code /proc/PID/status} while it runs. Not part of {@code verify}:
 * {@code ./mvnw test -Dtest=BoundaryBenchmark -Dbenchmark=true [-Dbenchmark.births=1000000]} (docs/benchmarks.md).
 * The ingest test leaves its database under {@code target/benchmark/boundary-N/} for the server tests after it.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BoundaryBenchmark {

    private static final int BIRTHS = Integer.getInteger("benchmark.births", 1_000_000);
    private static final Path ROOT = Path.of("target", "benchmark").toAbsolutePath();
    private static final long SEED = Long.getLong("benchmark.seed", 7L);
    private static final Path DATA = ROOT.resolve("births-" + BIRTHS + (SEED == 7L ? "" : "-seed-" + SEED));
    private static final Path RUN = ROOT.resolve("boundary-" + BIRTHS);
    private static final Path DB = RUN.resolve("equity.duckdb");
    private static final Pattern STEP = Pattern.compile("Derived data: (.+) rebuilt in (\\d+) ms");
    private static final Pattern WARM = Pattern.compile("Board and action plan figures computed for \\d+ measures in (\\d+) ms");
    private static final String TOKEN = "boundary-benchmark-token-0123456789abcdef";

    @Test
    @Order(1)
    void ingestCommandBesideRawReadCsv() throws Exception {
        if (!Files.exists(DATA.resolve("msds").resolve("MSD000.csv"))) {
            long t = System.nanoTime();
            new DemoDataGenerator().generate(DATA, BIRTHS, SEED);
            System.out.printf(Locale.ROOT, "generated %,d births in %.1f s%n", BIRTHS, seconds(t));
        }
        Files.createDirectories(RUN);
        Files.deleteIfExists(DB);
        List<Path> files;
        // The maternity and the mental health submissions of the same women, as a user would load both.
        try (Stream<Path> msds = Files.list(DATA.resolve("msds"));
                Stream<Path> mhsds = Files.list(DATA.resolve("mhsds"))) {
            files = Stream.concat(msds, mhsds).filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
        Path rawDir = Files.createTempDirectory(RUN, "raw");
        long rows = 0;
        long t0 = System.nanoTime();
        try (TestDatabase raw = TestDatabase.create(rawDir); Connection c = raw.dataSource().getConnection();
                Statement st = c.createStatement()) {
            int i = 0;
            for (Path file : files) {
                st.execute("CREATE TABLE r" + i + " AS SELECT * FROM read_csv('" + file + "', header = true, "
                        + "all_varchar = true)");
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM r" + i++)) {
                    rs.next();
                    rows += rs.getLong(1);
                }
            }
        }
        double rawSeconds = seconds(t0);
        deleteTree(rawDir);

        Child reference = Child.start(RUN, List.of("reference", DATA.resolve("reference").toString(), "--db=" + DB));
        reference.waitFor();
        Child ingest = Child.start(RUN, List.of("ingest", DATA.resolve("msds").toString(),
                DATA.resolve("mhsds").toString(), "--db=" + DB));
        int exit = ingest.waitFor();
        if (exit != 0) {
            throw new AssertionError("ingest exited with " + exit + ":\n" + ingest.log());
        }
        System.out.printf(Locale.ROOT, "%nBoundary benchmark, ingest command: %,d births (seed %d), %d files, %,d rows, %d cores,"
                + " load average %s%n", BIRTHS, SEED, files.size(), rows, Runtime.getRuntime().availableProcessors(),
                load());
        System.out.printf(Locale.ROOT, "  raw read_csv (all text, no checks)      %7.1f s%n", rawSeconds);
        System.out.printf(Locale.ROOT, "  reference command (postcodes, IMD, GP)  %7.1f s  peak RSS %,d MiB%n",
                reference.seconds(), reference.peakKib() / 1024);
        System.out.printf(Locale.ROOT, "  ingest command, end to end              %7.1f s  peak RSS %,d MiB%n",
                ingest.seconds(), ingest.peakKib() / 1024);
        ingest.printPhases();
        System.out.printf(Locale.ROOT, "  ratio ingest command / raw read         %7.2f  (target <= 1.5)%n%n",
                ingest.seconds() / rawSeconds);
    }

    @Test
    @Order(2)
    void serverStartAndApiOverHttp() throws Exception {
        if (!Files.exists(DB)) {
            throw new AssertionError("Run ingestCommandBesideRawReadCsv first: no database at " + DB);
        }
        String hash = new BCryptPasswordEncoder().encode("benchmark");
        String tokenSha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(TOKEN.getBytes(StandardCharsets.UTF_8)));
        Path users = RUN.resolve("users.csv");
        Files.writeString(users, "username,password,roles,teams,token_sha256\nbench," + hash + ",ANALYST,," + tokenSha
                + "\n");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String base = "http://localhost:" + port;
        // From the project folder: the development-mode classpath (no -Dbenchmark.jar) finds Vaadin's bundle there.
        Child server = Child.start(RUN, Path.of("").toAbsolutePath(), List.of("--db=" + DB, "--server.port=" + port, "--equity.security.users-file=" + users,
                "--equity.ingest.inbox-enabled=false"));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String basic = "Basic " + Base64.getEncoder().encodeToString("bench:benchmark".getBytes(StandardCharsets.UTF_8));
        double firstAnswer;
        while (true) {
            if (!server.process.isAlive()) {
                throw new AssertionError("The server stopped:\n" + server.log());
            }
            try {
                if (get(http, base + "/api/measures", basic).statusCode() == 200) {
                    firstAnswer = server.seconds();
                    break;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        long rssAfterStart = server.rssKib();
        // The board warm-up runs in the background after start: its log line says how long it took.
        long warmUpMs = -1;
        for (int i = 0; i < 600 && warmUpMs < 0; i++) {
            Matcher m = WARM.matcher(server.log());
            warmUpMs = m.find() ? Long.parseLong(m.group(1)) : -1;
            if (warmUpMs < 0) {
                Thread.sleep(500);
            }
        }
        List<String> mix = requestMix();
        try {
            List<Double> uncachedBasic = time(http, base, mix.subList(0, mix.size() / 2), basic);
            List<Double> uncachedBearer = time(http, base, mix.subList(mix.size() / 2, mix.size()), "Bearer " + TOKEN);
            List<Double> cachedBasic = new ArrayList<>();
            List<Double> cachedBearer = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                cachedBasic.addAll(time(http, base, mix, basic));
                cachedBearer.addAll(time(http, base, mix, "Bearer " + TOKEN));
            }
            List<Double> uncached = new ArrayList<>(uncachedBasic);
            uncached.addAll(uncachedBearer);
            System.out.printf(Locale.ROOT, "%nBoundary benchmark, server: %,d births, load average %s%n", BIRTHS, load());
            System.out.printf(Locale.ROOT, "  start to first answered request (GET /api/measures)  %6.1f s%n", firstAnswer);
            System.out.printf(Locale.ROOT, "  RSS after start %,d MiB, peak so far %,d MiB%n", rssAfterStart / 1024,
                    server.peakKib() / 1024);
            System.out.printf(Locale.ROOT, "  board warm-up (log)                                  %6s ms%n",
                    warmUpMs < 0 ? "not seen" : String.valueOf(warmUpMs));
            System.out.printf(Locale.ROOT, "  %d distinct requests; times in ms              p50      p95      max%n",
                    mix.size());
            row("uncached (first of each), Basic + bearer", uncached);
            row("uncached, Basic only", uncachedBasic);
            row("uncached, bearer only", uncachedBearer);
            row("cached (5 repeats), Basic", cachedBasic);
            row("cached (5 repeats), bearer", cachedBearer);
            System.out.printf(Locale.ROOT, "  RSS after the mix %,d MiB, peak %,d MiB%n%n", server.rssKib() / 1024,
                    server.peakKib() / 1024);
        } finally {
            server.process.destroy();
            server.waitFor();
        }
    }

    /** Several measures × dimensions, two-way, filtered, trends, the catalogue and dimension lists. */
    private static List<String> requestMix() {
        List<String> mix = new ArrayList<>();
        List<String> measures = List.of("preterm", "caesarean", "smoking_delivery", "early_booking",
                "continuity_of_carer", "stillbirth");
        List<String> dims = List.of("ethnic_group", "imd_quintile", "age_group", "place");
        for (String m : measures) {
            for (String d : dims) {
                mix.add("/api/measures/" + m + "/breakdown?by=" + d);
            }
            mix.add("/api/measures/" + m + "/breakdown?by=ethnic_group&by2=imd_quintile");
            mix.add("/api/measures/" + m + "/breakdown?by=ethnic_group&imd_quintile=1,2");
            mix.add("/api/measures/" + m + "/trend?by=month");
            mix.add("/api/measures/" + m + "/trend?by=quarter&ethnic_group=White");
        }
        mix.add("/api/measures");
        mix.add("/api/dimensions");
        // Interleave so the Basic and the bearer halves each get every kind of request.
        List<String> even = new ArrayList<>();
        List<String> odd = new ArrayList<>();
        for (int i = 0; i < mix.size(); i++) {
            (i % 2 == 0 ? even : odd).add(mix.get(i));
        }
        even.addAll(odd);
        return even;
    }

    private static List<Double> time(HttpClient http, String base, List<String> paths, String authorization)
            throws Exception {
        List<Double> ms = new ArrayList<>();
        for (String path : paths) {
            long t = System.nanoTime();
            HttpResponse<String> response = get(http, base + path, authorization);
            ms.add((System.nanoTime() - t) / 1e6);
            if (response.statusCode() != 200) {
                throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
            }
        }
        return ms;
    }

    private static HttpResponse<String> get(HttpClient http, String url, String authorization) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization)
                .timeout(Duration.ofSeconds(120)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void row(String label, List<Double> ms) {
        List<Double> s = ms.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "  %-42s %8.1f %8.1f %8.1f%n", label, s.get((s.size() - 1) / 2),
                s.get((int) Math.ceil(s.size() * 0.95) - 1), s.get(s.size() - 1));
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** A child JVM of the application, its log in a file, its peak RSS sampled from /proc while it runs. */
    private static final class Child {

        private final Process process;
        private final Path logFile;
        private final long started;
        private final Instant startedAt;
        private final AtomicLong peak = new AtomicLong();
        private volatile long ended;

        private Child(Process process, Path logFile, long started, Instant startedAt) {
            this.process = process;
            this.logFile = logFile;
            this.started = started;
            this.startedAt = startedAt;
            Thread sampler = new Thread(() -> {
                while (process.isAlive()) {
                    peak.accumulateAndGet(status("VmHWM:"), Math::max);
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "rss-sampler");
            sampler.setDaemon(true);
            sampler.start();
        }

        static Child start(Path dir, List<String> arguments) throws IOException {
            return start(dir, dir, arguments);
        }

        /** @param dir where the log goes; @param workDir the child's working folder */
        static Child start(Path dir, Path workDir, List<String> arguments) throws IOException {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(List.of(System.getProperty("benchmark.jvm", "-XX:+UseSerialGC").split(" ")));
            String jar = System.getProperty("benchmark.jar");
            if (jar != null) {
                command.addAll(List.of("-jar", jar));
            } else {
                command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.perinatalequity.Application"));
            }
            command.addAll(arguments);
            // Every log line of the app's own classes (the commands keep only errors otherwise): the step times.
            command.add("--logging.level.org.perinatalequity=INFO");
            Path log = Files.createTempFile(dir, "child", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("EQUITY_INGEST_PSEUDONYMISATION_KEY", "boundary-benchmark-key");
            Instant at = Instant.now();
            return new Child(builder.start(), log, System.nanoTime(), at);
        }

        int waitFor() throws InterruptedException {
            int exit = process.waitFor();
            ended = System.nanoTime();
            return exit;
        }

        double seconds() {
            return ((ended == 0 ? System.nanoTime() : ended) - started) / 1e9;
        }

        long peakKib() {
            return Math.max(peak.get(), status("VmHWM:"));
        }

        long rssKib() {
            return status("VmRSS:");
        }

        private long status(String field) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                    if (line.startsWith(field)) {
                        return Long.parseLong(line.replaceAll("\\D", ""));
                    }
                }
            } catch (IOException | RuntimeException gone) {
                // the process has ended
            }
            return 0;
        }

        String log() {
            try {
                return Files.readString(logFile);
            } catch (IOException e) {
                return "";
            }
        }

        /** Each log line of the app with its time from the process start, and each derived step's own time. */
        void printPhases() {
            for (String line : log().lines().toList()) {
                if (line.length() < 24 || !line.contains(" INFO ") || !line.contains("o.p.")) {
                    continue;
                }
                double at;
                try {
                    at = Duration.between(startedAt, Instant.parse(line.substring(0, 24))).toMillis() / 1000.0;
                } catch (RuntimeException notATimestamp) {
                    continue;
                }
                String message = line.substring(line.indexOf(" : ") + 3);
                Matcher m = STEP.matcher(message);
                System.out.printf(Locale.ROOT, "    at %7.1f s  %s%s%n", at, message,
                        m.find() ? String.format(Locale.ROOT, "   [step %.1f s]", Long.parseLong(m.group(2)) / 1000.0) : "");
            }
        }
    }
}
