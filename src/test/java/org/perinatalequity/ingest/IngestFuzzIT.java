package org.perinatalequity.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perinatalequity.Application;

/**
 * The hostile-size cases of the fuzz suite ({@link IngestFuzzTest}) through the real {@code ingest} command in a child
 * JVM with a small heap: a header of 100,000 columns, a zip bomb and a 1 MB field (one run), and a file of long fields
 * under the field limit. Each must end within {@link #TIME_BOUND_SECONDS} with the expected exit code and message, its peak
 * resident memory ({@code VmHWM} of {@code /proc/PID/status}, the JVM and DuckDB together) under
 * {@link #RSS_BOUND_BYTES}, and leave no temporary copy.
 */
class IngestFuzzIT {

    /** The child's heap; DuckDB's memory lies outside it, bounded by equity.ingest.limits.memory-limit. */
    private static final String HEAP = "-Xmx256m";
    private static final long RSS_BOUND_BYTES = 1L << 30;
    private static final int TIME_BOUND_SECONDS = 120;

    @TempDir
    Path dir;

    /**
     * The three hostile files as three submissions of one run (one JVM start instead of three, so the suite stays
     * quick on a busy machine): each is refused with its own message, and the peak of the whole run is bounded.
     */
    @Test
    void aHeaderOf100000ColumnsAZipBombAndAOneMegabyteFieldAreRefusedInBoundedMemory() throws Exception {
        Extract wide = IngestFuzzTest.valid(dir.resolve("wide")).file("MSD101.csv", IngestFuzzTest.MSD101 + ","
                + Stream.iterate(1, i -> i + 1).limit(99_995).map(i -> "X" + i).collect(Collectors.joining(",")),
                "P1,M1,QK1,2024-04-02,2024-10-20" + ",".repeat(99_995));
        Extract field = IngestFuzzTest.valid(dir.resolve("field")).file("MSD101.csv", IngestFuzzTest.MSD101,
                "P1,M1,QK1,2024-04-02,2024-10-20", "P2,M2," + "Q".repeat(1 << 20) + ",2024-04-10,2024-11-01");

        Run run = ingest(wide.path(), bomb(), field.path());

        assertThat(run.exit()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("Refused wide: MSD101.csv cannot be read: line 1: the header has more than"
                + " 1,000 columns (the limit, equity.ingest.limits.max-columns)",
                "Refused bomb.zip: bomb.zip: the entry MSD101.csv expands more than 200 times (the limit,"
                        + " equity.ingest.limits.max-compression-ratio); refused as a possible zip bomb",
                "Refused field: MSD101.csv cannot be read: line 3, column 3: a field longer than 32,768 bytes (the"
                        + " limit, equity.ingest.limits.max-field-bytes)");
        run.assertBounded();
    }

    /** The extract with its MSD101 as 400 MB of one repeated row, about 400 kB packed. */
    private Path bomb() throws IOException {
        Extract extract = IngestFuzzTest.valid(dir.resolve("x")).delete("MSD101.csv");
        Path bomb = dir.resolve("bomb.zip");
        try (OutputStream out = Files.newOutputStream(bomb); ZipOutputStream zip = new ZipOutputStream(out);
                Stream<Path> files = Files.list(extract.path())) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            for (Path p : files.sorted().toList()) {
                zip.putNextEntry(new ZipEntry(p.getFileName().toString()));
                zip.write(Files.readAllBytes(p));
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("MSD101.csv"));
            zip.write((IngestFuzzTest.MSD101 + "\n").getBytes(StandardCharsets.UTF_8));
            byte[] rows = "P1,M1,QK1,2024-04-02,2024-10-20\n".repeat(32_768).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 400; i++) {
                zip.write(rows);
            }
            zip.closeEntry();
        }
        assertThat(Files.size(bomb)).isLessThan(2_000_000);
        return bomb;
    }

    @Test
    void longFieldsUnderTheLimitLoadInBoundedMemory() throws Exception {
        // 2,000 rows with a 30 kB note each (60 MB): the note is no registry column, so it is read past, not kept.
        Path folder = dir.resolve("notes");
        IngestFuzzTest.valid(folder);
        String note = "n".repeat(30_000);
        try (OutputStream out = Files.newOutputStream(folder.resolve("MSD101.csv"))) {
            out.write((IngestFuzzTest.MSD101 + ",Note\n").getBytes(StandardCharsets.UTF_8));
            for (int i = 1; i <= 2_000; i++) {
                out.write(("P" + i + ",M" + (1 + i % 3) + ",QK1,2024-04-02,2024-10-20," + note + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
        }

        Run run = ingest(folder);

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("MSD101  read 2000  loaded 2000  rejected 0");
        run.assertBounded();
    }

    // ------------------------------------------------------------------ the child

    private Run ingest(Path... sources) throws IOException, InterruptedException {
        Path temp = dir.resolve("tmp");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), HEAP, "-cp", System.getProperty("java.class.path"), Application.class.getName(), "ingest"));
        for (Path source : sources) {
            command.add(source.toString());
        }
        command.addAll(List.of("--db=" + dir.resolve("fuzz.duckdb"), "--equity.temp-folder=" + temp,
                "--equity.ingest.pseudonymisation-key=fuzz-key", "--equity.audit.log-file=" + dir.resolve("audit.log")));
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> {
            try (InputStream in = process.getInputStream()) {
                in.transferTo(output);
            } catch (IOException e) {
                // the child ended
            }
        });
        reader.start();
        long peak = 0;
        Path status = Path.of("/proc", String.valueOf(process.pid()), "status");
        long deadline = started + TimeUnit.SECONDS.toNanos(TIME_BOUND_SECONDS);
        while (process.isAlive() && System.nanoTime() < deadline) {
            peak = Math.max(peak, peakRss(status));
            Thread.sleep(20);
        }
        boolean ended = !process.isAlive();
        if (!ended) {
            process.destroyForcibly();
        }
        process.waitFor(30, TimeUnit.SECONDS);
        reader.join(10_000);
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        List<String> left = new ArrayList<>();
        if (Files.isDirectory(temp)) {
            try (Stream<Path> files = Files.list(temp)) {
                files.forEach(p -> left.add(p.getFileName().toString()));
            }
        }
        return new Run(ended ? process.exitValue() : -1, output.toString(StandardCharsets.UTF_8), peak, seconds, ended,
                left);
    }

    /** VmHWM (peak resident set) in bytes; 0 once the process has gone. */
    private static long peakRss(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone between the check and the read
        }
        return 0;
    }

    private record Run(int exit, String output, long peakRss, long seconds, boolean ended, List<String> tempLeft) {

        void assertBounded() {
            assertThat(ended).as("ended within %d s", TIME_BOUND_SECONDS).isTrue();
            assertThat(peakRss).as("peak RSS in bytes (%d s)", seconds).isPositive().isLessThan(RSS_BOUND_BYTES);
            assertThat(tempLeft).as("temporary copies left").isEmpty();
        }
    }
}
