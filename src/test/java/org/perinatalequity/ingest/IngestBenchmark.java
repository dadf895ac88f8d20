package org.perinatalequity.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.perinatalequity.TestDatabase;
import org.perinatalequity.demodata.DemoDataGenerator;
import org.perinatalequity.system.DataVersion;
import org.perinatalequity.system.DerivedDataRefresher;
import org.perinatalequity.system.EquityProperties;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Ingestion throughput on generated data, beside DuckDB's raw {@code read_csv} of the same files.
 * Not part of {@code verify}; run it with
 * {@code ./mvnw test -Dtest=IngestBenchmark -Dbenchmark=true [-Dbenchmark.births=1000000] [-Dbenchmark.dataset=mhsds]}
 * (docs/benchmarks.md).
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class IngestBenchmark {

    @Test
    void validatedLoadBesideRawReadCsv() throws Exception {
        int births = Integer.getInteger("benchmark.births", 1_000_000);
        Path root = Path.of("target", "benchmark");
        Path data = root.resolve("births-" + births);
        if (System.getProperty("benchmark.dir") == null && !Files.exists(data.resolve("msds").resolve("MSD000.csv"))) {
            long t = System.nanoTime();
            new DemoDataGenerator().generate(data, births, DemoDataGenerator.DEFAULT_SEED);
            System.out.printf(Locale.ROOT, "generated %,d births in %.1f s%n", births, seconds(t));
        }
        // -Dbenchmark.dataset=mhsds measures the generated MHSDS extract of the same women (MSDS by default);
        // -Dbenchmark.dir=FOLDER measures a folder of extracts of your own instead.
        String dataset = System.getProperty("benchmark.dataset", "msds");
        Path msds = System.getProperty("benchmark.dir") == null ? data.resolve(dataset) : Path.of(System.getProperty("benchmark.dir"));
        List<Path> files;
        try (Stream<Path> list = Files.list(msds)) {
            files = list.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }

        Path rawDir = Files.createDirectories(root.resolve("raw-" + System.nanoTime()));
        long rows = 0;
        long t0 = System.nanoTime();
        try (TestDatabase raw = TestDatabase.create(rawDir); Connection c = raw.dataSource().getConnection();
                Statement st = c.createStatement()) {
            int i = 0;
            for (Path file : files) {
                st.execute("CREATE TABLE r" + i++ + " AS SELECT * FROM read_csv('" + file.toAbsolutePath()
                        + "', header = true, all_varchar = true)");
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM r" + (i - 1))) {
                    rs.next();
                    rows += rs.getLong(1);
                }
            }
        }
        double rawSeconds = seconds(t0);

        Path ingestDir = Files.createDirectories(root.resolve("ingest-" + System.nanoTime()));
        double ingestSeconds;
        IngestReport report;
        try (TestDatabase db = TestDatabase.create(ingestDir)) {
            JdbcClient jdbc = JdbcClient.create(db.dataSource());
            MsdsRegistry registry = new MsdsRegistry();
            IngestService service = new IngestService(db.dataSource(), registry, new IngestLogQuery(jdbc, registry),
                new DerivedDataRefresher(db.dataSource(), List.of(new LatestVersions(db.dataSource(), registry)),
                        new DataVersion(), e -> { }),
                    new EquityProperties(new EquityProperties.Database(db.file()),
                            new EquityProperties.Ingest("benchmark-key", ingestDir, false, 10, 1L << 40, 1L << 40, 200),
                            new EquityProperties.SampleData(false, ingestDir), new EquityProperties.Reference("2019")),
                    e -> { });
            long t1 = System.nanoTime();
            report = service.ingest(List.of(msds), new IngestService.Requester("benchmark", "benchmark"));
            ingestSeconds = seconds(t1);
        }
        if (!report.allLoaded()) {
            throw new AssertionError("The benchmark extract was refused: " + report.submissions().get(0).message());
        }
        long loaded = report.submissions().get(0).tables().stream().mapToLong(IngestReport.TableCount::loaded).sum();
        System.out.printf(Locale.ROOT, "%nIngest benchmark (%s): %,d births, %d files, %,d rows, %d cores%n",
                msds.getFileName(), births, files.size(), rows, Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "  raw read_csv (all text, no checks)   %6.1f s  %,10.0f rows/s%n", rawSeconds,
                rows / rawSeconds);
        System.out.printf(Locale.ROOT, "  validated ingest (scan, stage, check, log, replace) %6.1f s  %,10.0f rows/s"
                + "  (%,d rows loaded)%n", ingestSeconds, rows / ingestSeconds, loaded);
        System.out.printf(Locale.ROOT, "  ratio validated / raw                %6.2f  (target <= 2.0)%n%n",
                ingestSeconds / rawSeconds);
        deleteTree(rawDir);
        deleteTree(ingestDir);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
