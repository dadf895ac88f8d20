package org.perinatalequity.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perinatalequity.Application;

/**
 * The {@code rebuild} command on a database file left by the {@code ingest} command: it rebuilds every step and
 * leaves every derived table holding exactly the rows the load's own refresh gave.
 */
class RebuildCommandTest {

    /** Every table the refresh derives: the latest record versions, the measure facts, the quality items. */
    private static final String DERIVED = "SELECT schema_name || '.' || table_name FROM duckdb_tables()"
            + " WHERE NOT temporary AND ((schema_name = 'internal' AND table_name LIKE 'msd%\\_store' ESCAPE '\\')"
            + " OR (schema_name = 'main' AND table_name IN ('fact_event', 'quality_item'))) ORDER BY 1";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--equity.ingest.pseudonymisation-key=cli-test-key");
        return CommandLine.run(Application.class, all.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path extract() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("extract"));
        Files.writeString(folder.resolve("MSD000.csv"), "OrgCodeProvider,RPStartDate,RPEndDate\nRWE,2024-04-01,2024-04-30\n");
        Files.writeString(folder.resolve("MSD001.csv"),
                "LPIDMother,PersonBirthDateMother,EthnicCategoryMother\nM1,1990-01-01,A\nM2,1985-06-30,99\n");
        Files.writeString(folder.resolve("MSD002.csv"), "LPIDMother,OrgCodeGMPMother\nM1,C82001\nM2,V81999\n");
        Files.writeString(folder.resolve("MSD101.csv"),
                "PregnancyID,LPIDMother,AntenatalAppDate,EDDAgreed\nP1,M1,2024-04-02,2024-10-20\nP2,M2,2024-04-10,2024-09-01\n");
        return folder;
    }

    @Test
    void ingestAndRebuildRefreshOnceWithoutTheStartUpRefreshBeforeThem() throws Exception {
        Path db = dir.resolve("once.duckdb");
        assertThat(run("--db=" + db, "ingest", extract().toString())).as(err.toString(StandardCharsets.UTF_8))
                .isZero();
        // Stale derived data (as a killed refresh leaves them): a start-up refresh would rebuild them first.
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db); Statement st = c.createStatement()) {
            st.execute("DELETE FROM derived_build");
        }
        out.reset();

        assertThat(run("--db=" + db, "rebuild")).as(err.toString(StandardCharsets.UTF_8)).isZero();

        // The first version of this process is the rebuild's own: no refresh ran at start.
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Rebuilt the derived data: 4 steps in ")
                .contains("(data version 1)");
        // Other commands still pass the start-up gate.
        assertThat(CommandLine.REFRESH_THEMSELVES).containsExactlyInAnyOrder("ingest", "rebuild");
    }

    @Test
    void rebuildGivesTheTablesTheLoadGaveRowForRow() throws Exception {
        Path db = dir.resolve("rebuild.duckdb");
        assertThat(run("--db=" + db, "ingest", extract().toString())).as(err.toString(StandardCharsets.UTF_8))
                .isZero();
        List<String> tables;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db); Statement st = c.createStatement()) {
            tables = strings(st, DERIVED);
            for (String table : tables) {
                st.execute("CREATE TABLE main.\"before_" + table + "\" AS SELECT * FROM " + table);
            }
            assertThat(count(st, "SELECT count(*) FROM fact_event")).isPositive();
            assertThat(count(st, "SELECT count(*) FROM quality_item")).isPositive();
        }
        assertThat(tables).contains("main.fact_event", "main.quality_item", "internal.msd101_store");
        out.reset();

        assertThat(run("--db=" + db, "rebuild")).as(err.toString(StandardCharsets.UTF_8)).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Rebuilt the derived data: 4 steps in ");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db); Statement st = c.createStatement()) {
            assertThat(strings(st, "SELECT CAST(count(*) AS VARCHAR) FROM derived_build")).containsExactly("1");
            for (String table : tables) {
                String before = "main.\"before_" + table + "\"";
                assertThat(count(st, "SELECT count(*) FROM (SELECT * FROM " + table + " EXCEPT ALL SELECT * FROM "
                        + before + ")")).as("rows of %s the rebuild added", table).isZero();
                assertThat(count(st, "SELECT count(*) FROM (SELECT * FROM " + before + " EXCEPT ALL SELECT * FROM "
                        + table + ")")).as("rows of %s the rebuild lost", table).isZero();
            }
        }
    }

    @Test
    void rebuildTakesNoArguments() {
        assertThat(run("--db=" + dir.resolve("args.duckdb"), "rebuild", "now")).isEqualTo(CommandLine.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("rebuild takes no arguments, found: now")
                .contains("Usage: rebuild");
    }

    private static List<String> strings(Statement st, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static long count(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
