package org.perinatalequity.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perinatalequity.TestDatabase;

/** The memory ceiling of an ingest ({@code equity.ingest.limits.memory-limit}): lowered, never raised, put back. */
class IngestMemoryTest {

    @TempDir
    Path dir;

    @Test
    void lowersDuckDbsLimitForTheIngestAndPutsItBack() throws SQLException {
        try (TestDatabase db = TestDatabase.create(dir); Connection c = db.dataSource().getConnection()) {
            set(c, "4GB");
            try (IngestMemory memory = IngestMemory.limit(c, "256MB")) {
                assertThat(IngestMemory.bytes(IngestMemory.current(c))).isBetween(240_000_000L, 256_000_000L);
            }
            assertThat(IngestMemory.bytes(IngestMemory.current(c))).isBetween(3_700_000_000L, 4_000_000_000L);
        }
    }

    @Test
    void neverRaisesATighterLimitNorSetsABlankOne() throws SQLException {
        try (TestDatabase db = TestDatabase.create(dir); Connection c = db.dataSource().getConnection()) {
            set(c, "128MB");
            String before = IngestMemory.current(c);
            try (IngestMemory memory = IngestMemory.limit(c, "2GB")) {
                assertThat(IngestMemory.current(c)).isEqualTo(before);
            }
            try (IngestMemory memory = IngestMemory.limit(c, " ")) {
                assertThat(IngestMemory.current(c)).isEqualTo(before);
            }
            assertThat(IngestMemory.current(c)).isEqualTo(before);
        }
    }

    @Test
    void tellsDuckDbsOutOfMemoryErrorFromOtherFaults() {
        assertThat(IngestService.outOfMemory(new SQLException("Out of Memory Error: could not allocate block of size"
                + " 256.0 KiB (1.9 MiB/2.0 MiB used)"))).isTrue();
        assertThat(IngestService.outOfMemory(new RuntimeException("wrapped", new SQLException("Out of Memory Error:"
                + " failed to pin block")))).isTrue();
        assertThat(IngestService.outOfMemory(new SQLException("Conversion Error: Could not convert string"))).isFalse();
    }

    private static void set(Connection c, String limit) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET memory_limit = '" + limit + "'");
        }
    }
}
