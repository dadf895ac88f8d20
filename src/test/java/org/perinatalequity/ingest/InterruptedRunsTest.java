package org.perinatalequity.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perinatalequity.TestDatabase;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Runs a killed process left "running" are closed at the next start, each saying what of it was kept. */
class InterruptedRunsTest {

    @TempDir
    Path dir;

    @Test
    void runsLeftRunningAreClosedAsInterruptedWithWhatTheyLoaded() {
        try (TestDatabase db = TestDatabase.create(dir)) {
            JdbcClient jdbc = JdbcClient.create(db.dataSource());
            jdbc.sql("""
                    INSERT INTO ingest_run VALUES
                      (1, TIMESTAMP '2026-01-01 10:00', TIMESTAMP '2026-01-01 10:01', 'a', 'cli', 'loaded', 'fine'),
                      (2, TIMESTAMP '2026-01-02 10:00', NULL, 'b', 'cli', 'running', NULL),
                      (3, TIMESTAMP '2026-01-03 10:00', NULL, 'c', 'inbox', 'running', NULL)""").update();
            // Run 2 was killed after its submission committed; run 3 before anything committed.
            jdbc.sql("""
                    INSERT INTO submission (submission_id, provider, rp_start, rp_end, layout, run_id, loaded_at) VALUES
                      (7, 'RX1', DATE '2025-04-01', DATE '2025-04-30', 'provider', 2, TIMESTAMP '2026-01-02 10:00:30')""")
                    .update();

            InterruptedRuns runs = new InterruptedRuns(new IngestLogQuery(jdbc, new MsdsRegistry()));
            runs.start();

            assertThat(jdbc.sql("SELECT run_id || ':' || outcome FROM ingest_run ORDER BY run_id").query(String.class)
                    .list()).containsExactly("1:loaded", "2:interrupted", "3:interrupted");
            assertThat(jdbc.sql("SELECT message FROM ingest_run WHERE run_id = 2").query(String.class).single())
                    .isEqualTo("Interrupted: the process stopped before the run finished; 1 submission(s) had loaded"
                            + " and are kept (RX1 2025-04-01 to 2025-04-30); the rest changed nothing");
            assertThat(jdbc.sql("SELECT message FROM ingest_run WHERE run_id = 3").query(String.class).single())
                    .isEqualTo("Interrupted: the process stopped before the run finished; nothing of it was loaded"
                            + " (every table is as before the run)");
            assertThat(jdbc.sql("SELECT count(*) FROM ingest_run WHERE finished_at IS NULL").query(Long.class).single())
                    .isZero();
            assertThat(jdbc.sql("SELECT message FROM ingest_run WHERE run_id = 1").query(String.class).single())
                    .isEqualTo("fine");
        }
    }
}
