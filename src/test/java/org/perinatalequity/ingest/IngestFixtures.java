package org.perinatalequity.ingest;

import java.nio.file.Path;
import java.util.List;

import javax.sql.DataSource;

import org.perinatalequity.system.DataVersion;
import org.perinatalequity.system.DerivedDataRefresher;
import org.perinatalequity.system.EquityProperties;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Loads an extract into a test database through the real ingestion, for tests of other features. */
public final class IngestFixtures {

    private IngestFixtures() {
    }

    public static IngestReport ingest(DataSource dataSource, Path workDir, Path... extracts) {
        MsdsRegistry registry = new MsdsRegistry();
        IngestService service = new IngestService(dataSource, registry,
                new IngestLogQuery(JdbcClient.create(dataSource), registry),
                new DerivedDataRefresher(dataSource, List.of(new LatestVersions(dataSource, registry),
                        new MentalHealthWomen()),
                        new DataVersion(), e -> { }),
                new EquityProperties(new EquityProperties.Database(workDir.resolve("unused.duckdb")),
                        new EquityProperties.Ingest("fixture-key", workDir, false, 10, 1L << 32, 1L << 32, 200),
                        new EquityProperties.SampleData(false, workDir), new EquityProperties.Reference("2019")),
                e -> { });
        IngestReport report = service.ingest(List.of(extracts), new IngestService.Requester("test", "test"));
        if (!report.allLoaded()) {
            throw new IllegalStateException("Fixture refused: " + report.submissions());
        }
        return report;
    }
}
