package org.perinatalequity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.perinatalequity.ingest.IngestService;
import org.perinatalequity.quality.QualityFixture;
import org.perinatalequity.reference.ReferenceService;
import org.perinatalequity.system.DataVersion;
import org.perinatalequity.system.DerivedDataRefresher;
import org.perinatalequity.system.DerivedDataRefreshed;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The derived-data pipeline end to end: each load (reference files, then an extract) publishes exactly one
 * {@link DerivedDataRefreshed}, and when it comes the measure facts and the quality items already hold the new rows.
 */
@SpringBootTest(properties = { "equity.ingest.pseudonymisation-key=test-key", "equity.ingest.inbox-enabled=false" })
class DerivedDataRefreshTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String file = TestFiles.freshDatabase(DerivedDataRefreshTest.class);
        registry.add("equity.database.file", () -> file);
    }

    /** What the tables held when an event came, read by the listener itself. */
    record Seen(long version, long facts, long qualityItems) {
    }

    @TestConfiguration
    static class Recording {

        final List<Seen> seen = new CopyOnWriteArrayList<>();
        private final JdbcClient jdbc;

        Recording(DataSource dataSource) {
            this.jdbc = JdbcClient.create(dataSource);
        }

        @EventListener
        void on(DerivedDataRefreshed event) {
            seen.add(new Seen(event.version(), count("fact_event"), count("quality_item")));
        }

        private long count(String table) {
            return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
        }
    }

    @Autowired
    Recording recording;

    @Autowired
    IngestService ingest;

    @Autowired
    ReferenceService reference;

    @Autowired
    DataVersion version;

    @Autowired
    DerivedDataRefresher refresher;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyLoadPublishesOneRefreshedEventAfterFactsAndQualityItemsAreRebuilt() throws Exception {
        // The start-up refresh of the empty database came first: nothing derived yet.
        assertThat(recording.seen).hasSize(1);
        assertThat(recording.seen.get(0).facts()).isZero();
        assertThat(recording.seen.get(0).qualityItems()).isZero();

        QualityFixture.load(ingest, reference, Files.createTempDirectory(Path.of("target"), "refresh-fixture"));

        // One event for the reference load (still no records), one for the extract.
        assertThat(recording.seen).hasSize(3);
        assertThat(recording.seen.get(1).facts()).isZero();
        Seen afterIngest = recording.seen.get(2);
        long facts = jdbc.sql("SELECT count(*) FROM fact_event").query(Long.class).single();
        long items = jdbc.sql("SELECT count(*) FROM quality_item").query(Long.class).single();
        assertThat(facts).isPositive();
        assertThat(items).isPositive();
        assertThat(afterIngest.facts()).isEqualTo(facts);
        assertThat(afterIngest.qualityItems()).isEqualTo(items);
        assertThat(recording.seen).extracting(Seen::version).doesNotHaveDuplicates().isSorted();
        assertThat(afterIngest.version()).isEqualTo(version.current());

        // What a restart on these data does: nothing is stale, so nothing is rebuilt, but a new version is announced
        String builtAt = jdbc.sql("SELECT CAST(built_at AS VARCHAR) FROM derived_build").query(String.class).single();
        long stepsRebuilt = refresher.stepsRebuilt();
        refresher.refreshIfStale();
        assertThat(refresher.stepsRebuilt()).as("steps rebuilt by a start on unchanged data").isEqualTo(stepsRebuilt);
        assertThat(jdbc.sql("SELECT CAST(built_at AS VARCHAR) FROM derived_build").query(String.class).single())
                .isEqualTo(builtAt);
        assertThat(recording.seen).hasSize(4);
        assertThat(recording.seen.get(3).version()).isEqualTo(version.current()).isGreaterThan(afterIngest.version());
    }
}
