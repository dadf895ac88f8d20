package org.perinatalequity.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perinatalequity.EquityTest;
import org.perinatalequity.TestFiles;
import org.perinatalequity.security.SystemCaller;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * One test per ingest limit, through the settings as an operator sets them (one Spring context with every limit
 * lowered): an input just under the limit loads, one just over is refused with the exact text, which names the file,
 * the line where there is one, the limit's value and the setting that changes it. The fixed limits (a record of 2 MB,
 * a header of 1 MB) cannot be reached under these low field limits: {@code CsvScanTest} and {@code IngestFuzzTest}
 * test them at the defaults. The memory ceiling ({@code memory-limit}) is tested in {@code IngestMemoryTest}; the memory an ingest of a hostile
 * file takes, in {@code IngestFuzzIT}.
 */
@EquityTest
@TestPropertySource(properties = { "equity.ingest.limits.max-columns=8", "equity.ingest.limits.max-field-bytes=100",
        "equity.ingest.limits.max-rows=30000", "equity.ingest.limits.max-compression-ratio=20",
        "equity.ingest.max-zip-entries=6", "equity.ingest.max-uncompressed-bytes=4194304" })
class IngestLimitsTest {

    private static final long MAX_UNCOMPRESSED = 4_194_304;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String file = TestFiles.freshDatabase(IngestLimitsTest.class);
        registry.add("equity.database.file", () -> file);
    }

    @Autowired
    IngestService service;

    @TempDir
    Path dir;

    private IngestReport.Submission ingest(Path source) {
        IngestReport report = SystemCaller.call(() -> service.ingest(List.of(source),
                new IngestService.Requester("limits", "test")));
        assertThat(report.submissions()).hasSize(1);
        return report.submissions().get(0);
    }

    private void assertLoads(Path source) {
        IngestReport.Submission s = ingest(source);
        assertThat(s.status()).as("%s", s.message()).isEqualTo(IngestReport.Status.loaded);
    }

    private void assertRefused(Path source, String message) {
        IngestReport.Submission s = ingest(source);
        assertThat(s.status()).isEqualTo(IngestReport.Status.refused);
        assertThat(s.message()).isEqualTo(message);
    }

    private Extract valid(String name) throws IOException {
        return IngestFuzzTest.valid(dir.resolve(name));
    }

    private static String columns(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> "Note" + i).collect(Collectors.joining(","));
    }

    @Test
    void maxColumns() throws Exception {
        // MSD002's two registry columns and extra ones: 8 columns load, 9 do not.
        assertLoads(valid("under").file("MSD002.csv", "LPIDMother,OrgCodeGMPMother," + columns(6),
                "M1,C82001" + ",".repeat(6)).path());
        assertRefused(valid("over").file("MSD002.csv", "LPIDMother,OrgCodeGMPMother," + columns(7),
                "M1,C82001" + ",".repeat(7)).path(), "MSD002.csv cannot be read: line 1: the header has more than 8"
                        + " columns (the limit, equity.ingest.limits.max-columns)");
    }

    @Test
    void maxFieldBytes() throws Exception {
        assertLoads(valid("under").file("MSD002.csv", "LPIDMother,OrgCodeGMPMother,Note", "M1,C82001,x",
                "M2,C82002,\"" + "y".repeat(98) + "\"").path());
        assertRefused(valid("over").file("MSD002.csv", "LPIDMother,OrgCodeGMPMother,Note", "M1,C82001,x",
                "M2,C82002," + "y".repeat(101)).path(), "MSD002.csv cannot be read: line 3, column 3: a field longer"
                        + " than 100 bytes (the limit, equity.ingest.limits.max-field-bytes)");
    }

    @Test
    void maxRows() throws Exception {
        assertLoads(withBookings(valid("under"), 30_000).path());
        assertRefused(withBookings(valid("over"), 30_001).path(), "MSD101.csv cannot be read: line 30,002: more than"
                + " 30,000 records (the limit, equity.ingest.limits.max-rows)");
    }

    private static Extract withBookings(Extract extract, int rows) throws IOException {
        try (OutputStream out = Files.newOutputStream(extract.path().resolve("MSD101.csv"))) {
            out.write((IngestFuzzTest.MSD101 + "\n").getBytes(StandardCharsets.UTF_8));
            for (int i = 1; i <= rows; i++) {
                out.write(("P" + i + ",M" + (1 + i % 3) + ",QK1,2024-04-02,2024-10-20\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
        return extract;
    }

    @Test
    void maxCompressionRatio() throws Exception {
        // Bookings with notes of random digits: the shorter the random part, the more the entry packs.
        Path under = null;
        Path over = null;
        for (int random = 10; random >= 0 && (under == null || over == null); random--) {
            byte[] msd101 = notedBookings(random);
            long packed = packedSize(msd101);
            long ratio = msd101.length / packed;
            if (ratio >= 15 && ratio < 20 && under == null) {
                under = valid("under-" + random).bytes("MSD101.csv", msd101).zip(dir.resolve("under.zip"), Map.of());
            } else if (ratio > 21 && ratio < 30 && over == null) {
                over = valid("over-" + random).bytes("MSD101.csv", msd101).zip(dir.resolve("over.zip"), Map.of());
            }
        }
        assertThat(under).as("an entry expanding 15-19 times").isNotNull();
        assertThat(over).as("an entry expanding 22-29 times").isNotNull();
        assertLoads(under);
        assertRefused(over, "over.zip: the entry MSD101.csv expands more than 20 times (the limit,"
                + " equity.ingest.limits.max-compression-ratio); refused as a possible zip bomb");
    }

    /**
     * 20,000 bookings (over 1 MB, so the ratio applies), each with a note of 55 fixed characters and {@code random}
     * random digits (with default packing 2 digits expand 19 times, 1 digit 22 times).
     */
    private static byte[] notedBookings(int random) {
        Random digits = new Random(random);
        StringBuilder csv = new StringBuilder(IngestFuzzTest.MSD101).append(",Note\n");
        for (int i = 1; i <= 20_000; i++) {
            csv.append("P").append(i).append(",M").append(1 + i % 3).append(",QK1,2024-04-02,2024-10-20,note-")
                    .append("x".repeat(50));
            for (int d = 0; d < random; d++) {
                csv.append((char) ('0' + digits.nextInt(10)));
            }
            csv.append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Packed as {@link Extract#zip} packs it (the default level). */
    private static long packedSize(byte[] content) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(content);
        deflater.finish();
        byte[] buffer = new byte[1 << 16];
        long packed = 0;
        while (!deflater.finished()) {
            packed += deflater.deflate(buffer);
        }
        deflater.end();
        return packed;
    }

    @Test
    void maxZipEntries() throws Exception {
        Map<String, byte[]> extra = new LinkedHashMap<>();
        extra.put("MSD102.csv", "PregnancyID,CarePlanDate\nP1,2024-04-02\n".getBytes(StandardCharsets.UTF_8));
        extra.put("readme.txt", "about this extract".getBytes(StandardCharsets.UTF_8));
        // The extract's 4 files and 2 more (a file that is not loaded counts too: it is in the zip).
        assertLoads(valid("under").zip(dir.resolve("under.zip"), extra));
        extra.put("notes.txt", "more about it".getBytes(StandardCharsets.UTF_8));
        assertRefused(valid("over").zip(dir.resolve("over.zip"), extra), "over.zip holds more than 6 files (the limit,"
                + " equity.ingest.max-zip-entries)");
    }

    @Test
    void maxUncompressedBytes() throws Exception {
        assertLoads(zipOfSize(valid("under"), MAX_UNCOMPRESSED, "under.zip"));
        assertRefused(zipOfSize(valid("over"), MAX_UNCOMPRESSED + 1, "over.zip"), "over.zip unpacks to more than 4 MB"
                + " (the limit, equity.ingest.max-uncompressed-bytes); refused as a possible zip bomb");
    }

    /**
     * The extract zipped so its files unpack to exactly {@code total} bytes: MSD002 filled with rows of random notes
     * (they pack about twice, far from the ratio limit), each field within the field limit.
     */
    private Path zipOfSize(Extract extract, long total, String name) throws IOException {
        Files.delete(extract.path().resolve("MSD002.csv"));
        long others;
        try (Stream<Path> files = Files.list(extract.path())) {
            others = files.mapToLong(p -> p.toFile().length()).sum();
        }
        String header = "LPIDMother,OrgCodeGMPMother," + columns(6) + "\n";
        long remaining = total - others - header.length();
        Random random = new Random(7);
        StringBuilder csv = new StringBuilder(header);
        int full = 16 + 6 * 100;                          // "M1,C82001," + 6 fields + 5 commas + newline
        while (remaining >= 2L * full) {
            csv.append(row(random, full));
            remaining -= full;
        }
        int first = (int) (remaining / 2);
        csv.append(row(random, first)).append(row(random, (int) (remaining - first)));
        byte[] msd002 = csv.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(others + msd002.length).isEqualTo(total);
        Path zip = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out);
                Stream<Path> files = Files.list(extract.path())) {
            z.setLevel(Deflater.BEST_SPEED);
            for (Path p : files.sorted().toList()) {
                z.putNextEntry(new ZipEntry(p.getFileName().toString()));
                z.write(Files.readAllBytes(p));
                z.closeEntry();
            }
            z.putNextEntry(new ZipEntry("MSD002.csv"));
            z.write(msd002);
            z.closeEntry();
        }
        return zip;
    }

    /** A row of MSD002 of exactly {@code bytes} bytes (newline included): mother M1 and six random hex notes. */
    private static String row(Random random, int bytes) {
        int content = bytes - 16;
        StringBuilder row = new StringBuilder("M1,C82001,");
        for (int f = 0; f < 6; f++) {
            int length = content / 6 + (f < content % 6 ? 1 : 0);
            for (int i = 0; i < length; i++) {
                row.append(Character.forDigit(random.nextInt(16), 16));
            }
            row.append(f < 5 ? "," : "\n");
        }
        return row.toString();
    }

    @Test
    void aMappedColumnTwice() throws Exception {
        assertLoads(valid("under").file("MSD101.csv", IngestFuzzTest.MSD101 + ",Pregnancy",
                "P1,M1,QK1,2024-04-02,2024-10-20,x").path());
        assertRefused(valid("over").file("MSD101.csv", IngestFuzzTest.MSD101 + ",pregnancyid",
                "P1,M1,QK1,2024-04-02,2024-10-20,P9").path(), "MSD101.csv line 1: the column PregnancyID appears"
                        + " twice (columns 1 and 6); send it once");
    }

    @Test
    void aZipInsideTheZip() throws Exception {
        Path inner = valid("inner").zip(dir.resolve("inner.zip"), Map.of());
        assertLoads(valid("beside").zip(dir.resolve("beside.zip"), Map.of("more.zip", Files.readAllBytes(inner))));
        Path only = dir.resolve("only.zip");
        try (OutputStream out = Files.newOutputStream(only); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("inner.zip"));
            z.write(Files.readAllBytes(inner));
            z.closeEntry();
        }
        assertRefused(only, "The submission holds no .csv file: the zip inside it (inner.zip) is not opened; send one"
                + " zip of the .csv files");
    }
}
