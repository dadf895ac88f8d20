package org.perinatalequity.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perinatalequity.TestDatabase;
import org.perinatalequity.security.TestAudit;
import org.perinatalequity.system.EquityProperties;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The IMD vintage setting on a real DuckDB file: written at every start, and a change audited old → new. */
class ReferenceSettingsTest {

    @TempDir
    Path dir;

    private static void start(JdbcClient jdbc, Path dir, String vintage) {
        new ReferenceSettings(jdbc, new EquityProperties(new EquityProperties.Database(dir.resolve("x.duckdb")),
                new EquityProperties.Ingest(null, dir, false, 10, 1, 1, 1), new EquityProperties.SampleData(false, dir),
                new EquityProperties.Reference(vintage)), TestAudit.service(jdbc)).afterPropertiesSet();
    }

    @Test
    void aNewVintageIsWrittenAndAuditedOnceAndTheSameOneIsNot() {
        try (TestDatabase database = TestDatabase.create(dir)) {
            JdbcClient jdbc = JdbcClient.create(database.dataSource());
            start(jdbc, dir, "2019");
            assertThat(changes(jdbc)).as("the schema's default is 2019 already").isEmpty();

            start(jdbc, dir, "2025");
            start(jdbc, dir, "2025");
            assertThat(jdbc.sql("SELECT value FROM setting WHERE name = 'imd_vintage'").query(String.class).single())
                    .isEqualTo("2025");
            assertThat(changes(jdbc)).containsExactly("system|setting imd_vintage|IMD vintage of deprivation:"
                    + " 2019 → 2025 (equity.reference.imd-vintage)|success");

            start(jdbc, dir, "2019");
            assertThat(changes(jdbc)).hasSize(2).last().asString().contains("2025 → 2019");
        }
    }

    private static List<String> changes(JdbcClient jdbc) {
        return jdbc.sql("""
                SELECT user_name || '|' || target || '|' || detail || '|' || outcome FROM audit_event
                WHERE action = 'config_change' ORDER BY event_id""").query(String.class).list();
    }
}
