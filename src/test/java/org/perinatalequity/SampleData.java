package org.perinatalequity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.perinatalequity.ingest.IngestReport;
import org.perinatalequity.ingest.IngestService;
import org.perinatalequity.reference.ReferenceService;
import org.perinatalequity.security.SystemCaller;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** The sample data of {@link SampleDataTest}: its database file and loading it once. */
public final class SampleData {

    public static final String DATABASE = "target/test-db/sample-data.duckdb";
    public static final Path EXTRACT = Path.of("data-samples", "llr-sample-msds.zip");
    /** The MHSDS submission of the same synthetic women, loaded with the maternity extract. */
    public static final Path MENTAL_HEALTH = Path.of("data-samples", "llr-sample-mhsds.zip");
    public static final Path REFERENCE = Path.of("data-samples", "reference");

    private SampleData() {
    }

    /** Loads the sample reference files and extract unless the shared database already holds them. */
    public static synchronized void ensureLoaded(IngestService ingest, ReferenceService reference) {
        SystemCaller.run(() -> {
            if (!reference.hasReferenceData()) {
                reference.load(List.of(REFERENCE), "test");
            }
            if (ingest.isDatabaseEmpty()) {
                IngestReport report = ingest.ingest(List.of(EXTRACT, MENTAL_HEALTH), new IngestService.Requester("test", "test"));
                if (!report.allLoaded()) {
                    throw new IllegalStateException("The sample extract was refused: " + report.submissions());
                }
            }
        });
    }

    /** Deletes the shared database before its context starts, so each test run begins empty. */
    public static final class FreshDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            try {
                Files.createDirectories(Path.of(DATABASE).getParent());
                Files.deleteIfExists(Path.of(DATABASE));
                Files.deleteIfExists(Path.of(DATABASE + ".wal"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
