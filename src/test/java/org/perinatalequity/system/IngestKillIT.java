package org.perinatalequity.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.perinatalequity.Application;
import org.perinatalequity.demodata.DemoDataGenerator;

/**
 * The kill test: the real {@code ingest} command in a child JVM, SIGKILLed (or sent SIGTERM) at a stage of the load
 * (found from its log lines), then a start on the same database (the {@code reference} command of a path that does
 * not exist: the start-up gates run, nothing is loaded). Afterwards the raw tables are before or after the load, the derived tables
 * are those a complete ingest builds, no run is left "running" and no temporary copy is left.
 */
class IngestKillIT {

    private static final String KEY = "kill-test-key";

    @TempDir
    static Path shared;

    private static Path extract;
    /** What a complete, uncut ingest of the extract leaves, to compare each recovered database with. */
    private static Map<String, Long> complete;

    @TempDir
    Path dir;

    @BeforeAll
    static void generateAndLoadOnce() throws Exception {
        new DemoDataGenerator().generate(shared.resolve("demo"), 3000, 7);
        extract = shared.resolve("demo/msds");
        Path db = shared.resolve("complete.duckdb");
        Child child = Child.start(db, shared.resolve("tmp-complete"), extract.toString());
        assertThat(child.waitFor()).as(child.output()).isZero();
        complete = state(db);
        assertThat(complete.get("submissions")).isEqualTo(1);
        assertThat(complete.get("fact_event")).isPositive();
    }

    /** Markers: the child's log line after which it is killed. */
    @ParameterizedTest
    @ValueSource(strings = {
            "read and checked in",                     // staging and checks of the files, before the replace
            "loaded msds",                             // replace committed, before the derived-data refresh
            // The start-up refresh logs the same steps: only those after the load count ("after>>marker").
            "loaded msds>>Derived data: latest versions rebuilt",   // between refresh steps
            "loaded msds>>Derived data: measure facts rebuilt" })   // facts new, quality items old
    void aKillAtEachStageHealsAtTheNextStart(String marker) throws Exception {
        Path db = dir.resolve("equity.duckdb");
        Path temp = dir.resolve("tmp");
        Child killed = Child.start(db, temp, extract.toString());
        assertThat(killed.killAt(marker)).as("reached '%s': %s", marker, killed.output()).isTrue();

        Map<String, Long> after = restart(db, temp);
        assertThat(after.get("running")).as("runs left running").isZero();
        // A kill before the run's end is logged leaves it running, closed as interrupted at the restart; a kill during
        // the refresh comes after the run was logged as loaded (its data committed), and the restart rebuilds.
        assertThat(after.get("interrupted") + after.get("loaded_runs")).as("the killed run, closed").isEqualTo(1);
        if (after.get("submissions") == 0) {
            // Before: nothing of the load.
            assertThat(after.get("msd001")).isZero();
            assertThat(after.get("msd101")).isZero();
            assertThat(after.get("fact_event")).isZero();
            assertThat(after.get("quality_item")).isZero();
        } else {
            // After: every raw and derived table as a complete ingest leaves it.
            assertThat(after).containsAllEntriesOf(without(complete, "interrupted", "loaded_runs"));
        }
        assertThat(after.get("stale_quality")).as("quality_item differs from v_quality_item").isZero();
        assertThat(after.get("stale_store")).as("msd101_store differs from the latest versions").isZero();
        try (Stream<Path> left = Files.list(temp)) {
            assertThat(left).as("temporary copies left").isEmpty();
        }
    }

    /**
     * A stop signal (SIGTERM) during the load and during the derived-data refresh: the child ends within 25 s; a run
     * stopped during its load is logged "interrupted" by the stopping process itself and nothing of it is loaded; one
     * stopped during the refresh had committed its load (logged "loaded") and the next start rebuilds the derived
     * data; the temporary root is empty either way.
     */
    @ParameterizedTest
    @ValueSource(strings = { "read and checked in", "loaded msds>>Derived data: latest versions rebuilt" })
    void aStopSignalEndsTheIngestCleanly(String marker) throws Exception {
        Path db = dir.resolve("equity.duckdb");
        Path temp = dir.resolve("tmp");
        Child stopped = Child.start(db, temp, extract.toString());
        long signalled = stopped.signalAt(marker);
        assertThat(signalled).as("reached '%s': %s", marker, stopped.output()).isPositive();
        assertThat(System.nanoTime() - signalled).as("nanoseconds from SIGTERM to exit: %s", stopped.output())
                .isLessThan(TimeUnit.SECONDS.toNanos(25));
        boolean duringLoad = !marker.contains(">>");
        try (Stream<Path> left = Files.list(temp)) {
            assertThat(left).as("temporary copies left by the stopped process").isEmpty();
        }
        Map<String, Long> stoppedState = state(db);
        assertThat(stoppedState.get("running")).as("runs left running by the stopped process").isZero();
        if (duringLoad) {
            assertThat(stoppedState.get("interrupted")).as("the stopped run, logged by itself").isEqualTo(1);
            assertThat(stoppedState.get("submissions")).as("nothing of the load").isZero();
            assertThat(stoppedState.get("msd101")).isZero();
        } else {
            assertThat(stoppedState.get("loaded_runs")).as("the load committed before the stop").isEqualTo(1);
        }

        Map<String, Long> after = restart(db, temp);
        if (duringLoad) {
            assertThat(after.get("fact_event")).isZero();
            assertThat(after.get("quality_item")).isZero();
        } else {
            assertThat(after).containsAllEntriesOf(without(complete, "interrupted", "loaded_runs"));
        }
        assertThat(after.get("stale_quality")).as("quality_item differs from v_quality_item").isZero();
        assertThat(after.get("stale_store")).as("msd101_store differs from the latest versions").isZero();
    }

    /**
     * A start on the database that loads nothing: the {@code reference} command of a path that does not exist (the
     * start-up gates run; {@code ingest} and {@code rebuild} skip the start-up refresh, as they refresh themselves).
     */
    private Map<String, Long> restart(Path db, Path temp) throws Exception {
        Child restart = Child.start(db, temp, "reference", dir.resolve("nothing-here").toString());
        assertThat(restart.waitFor()).as(restart.output()).isEqualTo(1);
        return state(db);
    }

    @Test
    void theKilledRunIsToldApartFromACompleteOne() throws Exception {
        assertThat(complete.get("interrupted")).isZero();
        assertThat(complete.get("running")).isZero();
    }

    private static Map<String, Long> without(Map<String, Long> map, String... keys) {
        Map<String, Long> copy = new LinkedHashMap<>(map);
        for (String key : keys) {
            copy.remove(key);
        }
        return copy;
    }

    private static Map<String, Long> state(Path db) throws SQLException {
        Map<String, Long> state = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath()); Statement st = c.createStatement()) {
            put(st, state, "submissions", "SELECT count(*) FROM submission");
            put(st, state, "msd001", "SELECT count(*) FROM main.msd001");
            put(st, state, "msd101", "SELECT count(*) FROM main.msd101");
            put(st, state, "msd401", "SELECT count(*) FROM main.msd401");
            put(st, state, "store101", "SELECT count(*) FROM internal.msd101_store");
            put(st, state, "fact_event", "SELECT count(*) FROM fact_event");
            put(st, state, "fact_numerator", "SELECT count(*) FROM fact_event WHERE numerator = 1");
            put(st, state, "quality_item", "SELECT count(*) FROM quality_item");
            put(st, state, "quality_valid", "SELECT count(*) FROM quality_item WHERE status = 'valid'");
            put(st, state, "stale_quality", "SELECT (SELECT count(*) FROM (SELECT * FROM quality_item EXCEPT ALL"
                    + " SELECT * FROM v_quality_item)) + (SELECT count(*) FROM (SELECT * FROM v_quality_item EXCEPT ALL"
                    + " SELECT * FROM quality_item))");
            put(st, state, "stale_store", "SELECT (SELECT count(*) FROM (SELECT * FROM internal.msd101_store EXCEPT"
                    + " ALL SELECT * FROM internal.msd101_latest)) + (SELECT count(*) FROM (SELECT * FROM"
                    + " internal.msd101_latest EXCEPT ALL SELECT * FROM internal.msd101_store))");
            put(st, state, "running", "SELECT count(*) FROM ingest_run WHERE outcome = 'running'");
            put(st, state, "loaded_runs", "SELECT count(*) FROM ingest_run WHERE outcome = 'loaded'");
            put(st, state, "interrupted", "SELECT count(*) FROM ingest_run WHERE outcome = 'interrupted'");
        }
        return state;
    }

    private static void put(Statement st, Map<String, Long> state, String name, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            state.put(name, rs.getLong(1));
        }
    }

    /** The app's {@code ingest} command in a JVM of its own, its log read line by line. */
    private static final class Child {

        private final Process process;
        private final List<String> lines = new ArrayList<>();

        private Child(Process process) {
            this.process = process;
        }

        static Child start(Path db, Path temp, String path) throws IOException {
            return start(db, temp, "ingest", path);
        }

        static Child start(Path db, Path temp, String word, String path) throws IOException {
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-cp", System.getProperty("java.class.path"), Application.class.getName(), word,
                    path, "--db=" + db.toAbsolutePath(), "--equity.temp-folder=" + temp.toAbsolutePath(),
                    "--equity.ingest.pseudonymisation-key=" + KEY, "--equity.audit.log-file=" + temp.getParent()
                            .resolve("audit-" + db.getFileName() + ".log"),
                    "--logging.level.org.perinatalequity=DEBUG");
            return new Child(new ProcessBuilder(command).redirectErrorStream(true).start());
        }

        /** Kills the child (SIGKILL) as soon as a line contains the marker; false when it ended first. */
        boolean killAt(String markers) throws IOException, InterruptedException {
            String[] steps = markers.split(">>");
            int next = 0;
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                    if (line.contains(steps[next]) && ++next == steps.length) {
                        process.destroyForcibly();
                        process.waitFor(30, TimeUnit.SECONDS);
                        return true;
                    }
                }
            }
            process.waitFor(30, TimeUnit.SECONDS);
            return false;
        }

        /**
         * Sends SIGTERM as soon as a line contains the marker, reads the rest of the log and waits up to 60 s for the
         * exit; the nanoTime of the signal, or 0 when the child ended first.
         */
        long signalAt(String markers) throws IOException, InterruptedException {
            String[] steps = markers.split(">>");
            int next = 0;
            long signalled = 0;
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                    if (signalled == 0 && line.contains(steps[next]) && ++next == steps.length) {
                        signalled = System.nanoTime();
                        // SIGTERM on Linux; Process.destroy() would also close the log stream being read.
                        process.toHandle().destroy();
                    }
                }
            }
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("The child did not end after SIGTERM: " + output());
            }
            return signalled;
        }

        int waitFor() throws IOException, InterruptedException {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                in.lines().forEach(lines::add);
            }
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("The child did not end: " + output());
            }
            return process.exitValue();
        }

        String output() {
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        }
    }
}
