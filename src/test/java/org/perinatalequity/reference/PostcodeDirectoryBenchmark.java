package org.perinatalequity.reference;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.perinatalequity.TestDatabase;
import org.perinatalequity.system.DataVersion;
import org.perinatalequity.system.DerivedDataRefresher;
import org.perinatalequity.system.EquityProperties;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Loads a generated national-size postcode directory (2.7 million rows in the ONSPD Feb 2023 layout)
 * and reports the time. Not part of {@code verify}: {@code ./mvnw test -Dtest=PostcodeDirectoryBenchmark
 * -Dbenchmark=true [-Dbenchmark.postcodes=2700000]} (docs/benchmarks.md).
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class PostcodeDirectoryBenchmark {

    @Test
    void loadsANationalSizePostcodeDirectory() throws Exception {
        int postcodes = Integer.getInteger("benchmark.postcodes", 2_700_000);
        Path root = Files.createDirectories(Path.of("target", "benchmark"));
        Path file = root.resolve("ONSPD_generated_" + postcodes + ".csv");
        if (!Files.exists(file)) {
            write(file, postcodes);
        }
        Path dbDir = Files.createDirectories(root.resolve("reference-" + System.nanoTime()));
        try (TestDatabase db = TestDatabase.create(dbDir)) {
            ReferenceService service = new ReferenceService(db.dataSource(), JdbcClient.create(db.dataSource()),
                    new EquityProperties(new EquityProperties.Database(db.file()),
                            new EquityProperties.Ingest("k", dbDir, false, 10, 1L << 40, 1L << 40, 50),
                            new EquityProperties.SampleData(false, dbDir), new EquityProperties.Reference("2019")),
                    new DerivedDataRefresher(db.dataSource(), List.of(), new DataVersion(), e -> { }));
            Runtime rt = Runtime.getRuntime();
            long t = System.nanoTime();
            ReferenceReport report = service.load(List.of(file), "benchmark");
            double seconds = (System.nanoTime() - t) / 1e9;
            System.out.printf(Locale.ROOT, "%nPostcode directory benchmark: %,d rows (%.0f MB) loaded in %.1f s"
                    + " (%,.0f rows/s); Java heap used after load %d MB%n%n", report.files().get(0).rows(),
                    Files.size(file) / 1e6, seconds, report.files().get(0).rows() / seconds,
                    (rt.totalMemory() - rt.freeMemory()) >> 20);
        }
    }

    /** Writes unique synthetic postcodes (AA9 9AA shapes) with every ONSPD column present. */
    private static void write(Path file, int rows) throws Exception {
        List<String> header = List.of(ReferenceServiceTest.ONSPD_2023.split(","));
        SplittableRandom random = new SplittableRandom(1);
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write(ReferenceServiceTest.ONSPD_2023);
            out.write('\n');
            List<String> cells = new ArrayList<>(Collections.nCopies(header.size(), ""));
            for (int i = 0; i < rows; i++) {
                String area = "" + (char) ('A' + i / 260_000 % 26) + (char) ('A' + i / 10_000 % 26);
                String outward = area + (i / 400 % 25);
                String inward = (i / 100 % 4 + 1) + "" + (char) ('A' + i / 10 % 10) + (char) ('A' + i % 10);
                String pcds = outward + " " + inward;
                cells.set(0, String.format(Locale.ROOT, "%-4s%s", outward, inward));
                cells.set(2, pcds);
                cells.set(3, "198001");
                cells.set(4, random.nextInt(20) == 0 ? "202001" : "");
                cells.set(header.indexOf("oslaua"), String.format(Locale.ROOT, "E0%07d", random.nextInt(400)));
                cells.set(header.indexOf("ctry"), "E92000001");
                cells.set(header.indexOf("lsoa11"), String.format(Locale.ROOT, "E01%06d", random.nextInt(32_844)));
                cells.set(header.indexOf("lsoa21"), String.format(Locale.ROOT, "E01%06d", random.nextInt(33_755)));
                cells.set(header.indexOf("lat"), "52.6");
                cells.set(header.indexOf("long"), "-1.1");
                out.write(String.join(",", cells));
                out.write('\n');
            }
        }
    }
}
