package org.perinatalequity.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;
import org.perinatalequity.TestDatabase;
import org.perinatalequity.system.DataVersion;
import org.perinatalequity.system.DerivedDataRefresher;
import org.perinatalequity.system.EquityProperties;
import org.perinatalequity.system.TemporaryRoots;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The fuzz suite of issue 19: damaged and hostile MSDS extracts made from one small valid extract (a fixed seed, a
 * bounded number of cases), each loaded through the real ingestion into one database. For every case the outcome is
 * either a load whose row problems name file, line, column, value and reason, or a refusal whose message names the
 * file (and the line where there is one) and the reason, in plain words with no Java or DuckDB text; a refusal
 * changes no raw or derived table and no earlier ingest-log row; no temporary copy is left after any case; nothing
 * is logged as an error (an error in the log means an unexpected fault). The hostile-size cases also run in a child
 * JVM with a small heap, in {@code IngestFuzzIT}, to bound memory.
 */
class IngestFuzzTest {

    private static final long SEED = 19L;
    private static final int BYTE_FLIPS = 16;
    private static final int TRUNCATIONS = 6;
    private static final String PROVIDER = "RWE";

    /** Text that belongs to Java or DuckDB, never to a message for a sender of files. */
    private static final Pattern INTERNAL = Pattern.compile("Exception|Error|LINE \\d|java\\.|org\\.|(?i:duckdb)"
            + "|\tat |Input length|INT32|VARCHAR|cast\\(|read_csv|stage_|\\bnull\\b");
    /** A refusal names what it is about: a file of the submission (or the submission's missing table). */
    private static final Pattern NAMES_A_FILE = Pattern.compile("[^ ]+\\.(csv|zip)|MSD[0-9]{3}");
    private static final Set<String> ROW_PROBLEMS = Set.of("bad_row", "malformed", "missing_mandatory",
            "invalid_value", "orphan");
    private static final Set<String> SENSITIVE = Set.of("NHSNumberMother", "Postcode", "NHSNumberBaby");

    @TempDir
    static Path dir;

    private static TestDatabase db;
    private static JdbcClient jdbc;
    private static IngestService service;
    private static Path tempRoot;
    private static Path previousRoot;
    private static final ListAppender<ILoggingEvent> LOGGED = new ListAppender<>();
    private static Level previousLevel;
    private static boolean previousAdditive;

    @BeforeAll
    static void loadTheValidExtract() throws Exception {
        Logger app = (Logger) LoggerFactory.getLogger("org.perinatalequity");
        previousLevel = app.getLevel();
        previousAdditive = app.isAdditive();
        app.setLevel(Level.WARN);
        app.setAdditive(false);        // the refusals' warnings are expected: kept here, not printed
        LOGGED.start();
        app.addAppender(LOGGED);
        tempRoot = dir.resolve("temp-root");
        previousRoot = TemporaryRoots.use(tempRoot);
        db = TestDatabase.create(dir);
        jdbc = JdbcClient.create(db.dataSource());
        service = service(db, dir);
        IngestReport report = service.ingest(List.of(valid(dir.resolve("valid")).path()), TESTER);
        assertThat(report.allLoaded()).as("%s", report.submissions()).isTrue();
        assertThat(report.rejects()).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM msd101").query(Long.class).single()).isEqualTo(3);
    }

    @AfterAll
    static void restore() throws IOException {
        if (db != null) {
            db.close();
        }
        TemporaryRoots.use(previousRoot);
        Logger app = (Logger) LoggerFactory.getLogger("org.perinatalequity");
        app.detachAppender(LOGGED);
        app.setLevel(previousLevel);
        app.setAdditive(previousAdditive);
    }

    private static final IngestService.Requester TESTER = new IngestService.Requester("fuzz", "test");

    static IngestService service(TestDatabase db, Path dir) {
        MsdsRegistry registry = new MsdsRegistry();
        EquityProperties properties = new EquityProperties(new EquityProperties.Database(db.file()),
                new EquityProperties.Ingest("fuzz-key", dir.resolve("inbox"), false, 10, 1L << 30, 2_000_000_000L, 200),
                new EquityProperties.SampleData(false, dir), new EquityProperties.Reference("2019"));
        return new IngestService(db.dataSource(), registry, new IngestLogQuery(JdbcClient.create(db.dataSource()),
                registry), new DerivedDataRefresher(db.dataSource(), List.of(new LatestVersions(db.dataSource(),
                        registry)), new DataVersion(), e -> { }), properties, e -> { });
    }

    // ------------------------------------------------------------------ the valid extract and its damage

    static final String MSD000 = "OrgCodeProvider,RPStartDate,RPEndDate";
    static final String MSD001 = "LPIDMother,OrgIDLPID,PersonBirthDateMother,NHSNumberMother,Postcode,"
            + "EthnicCategoryMother";
    static final String MSD101 = "PregnancyID,LPIDMother,OrgIDComm,AntenatalAppDate,EDDAgreed";

    /** Three mothers and their bookings, April 2024 of provider RWE. */
    static Extract valid(Path folder) throws IOException {
        return Extract.in(folder)
                .file("MSD000.csv", MSD000, PROVIDER + ",2024-04-01,2024-04-30")
                .file("MSD001.csv", MSD001, "M1,RWE,1990-01-01,9434765919,LE1 1AA,A",
                        "M2,RWE,1985-06-30,9434765870,LE2 2BB,M", "M3,RWE,1999-12-31,,LE3 3CC,Z")
                .file("MSD002.csv", "LPIDMother,OrgCodeGMPMother", "M1,C82001", "M2,C82002", "M3,C82003")
                .file("MSD101.csv", MSD101, "P1,M1,QK1,2024-04-02,2024-10-20", "P2,M2,QK1,2024-04-10,2024-11-01",
                        "P3,M3,QK1,2024-04-20,2024-12-01");
    }

    /** A case: how to build its extract (a folder or a zip under the given folder) and what it must come to. */
    record Case(Builder build, Consumer<Outcome> expect) {
    }

    @FunctionalInterface
    interface Builder {
        /** The extract: a {@link Path} (folder or zip) or an {@link Extract}. */
        Object build(Path folder) throws IOException;
    }

    /** What the ingest of a case did. */
    record Outcome(IngestReport report, IngestReport.Submission submission) {

        String message() {
            return submission.message();
        }

        void mustLoad() {
            assertThat(loaded()).as("refused: %s", message()).isTrue();
        }

        boolean loaded() {
            return submission.status() == IngestReport.Status.loaded;
        }

        List<IngestReport.Issue> issues() {
            return Stream.concat(report.rejects().stream(), report.warnings().stream()).toList();
        }
    }

    static Stream<Arguments> cases() throws IOException {
        Random random = new Random(SEED);
        byte[] validMsd101 = lines(MSD101, "P1,M1,QK1,2024-04-02,2024-10-20", "P2,M2,QK1,2024-04-10,2024-11-01",
                "P3,M3,QK1,2024-04-20,2024-12-01");
        byte[] validMsd001 = lines(MSD001, "M1,RWE,1990-01-01,9434765919,LE1 1AA,A",
                "M2,RWE,1985-06-30,9434765870,LE2 2BB,M", "M3,RWE,1999-12-31,,LE3 3CC,Z");
        List<Arguments> all = new ArrayList<>();

        add(all, "a row cut short at the end of the file", f -> valid(f).bytes("MSD101.csv", (MSD101
                + "\nP1,M1,QK1,2024-04-02,2024-10-20\nP2,M2,QK1,2024-04-10,2024-11-01\nP3,M3,QK").getBytes()),
                o -> {
                    o.mustLoad();
                    assertThat(o.report().rejects()).containsExactly(new IngestReport.Issue("bad_row", "MSD101.csv",
                            "MSD101", 4, null, null, "row has 3 fields; the header has 5"));
                });
        for (int i = 0; i < TRUNCATIONS; i++) {
            String file = i % 2 == 0 ? "MSD101.csv" : "MSD001.csv";
            byte[] whole = i % 2 == 0 ? validMsd101 : validMsd001;
            int at = 1 + random.nextInt(whole.length - 1);
            add(all, "truncated " + file + " at byte " + at, f -> valid(f).bytes(file, Arrays.copyOf(whole, at)),
                    o -> { });
        }
        for (int i = 0; i < BYTE_FLIPS; i++) {
            String file = i % 2 == 0 ? "MSD101.csv" : "MSD001.csv";
            byte[] damaged = (i % 2 == 0 ? validMsd101 : validMsd001).clone();
            int flips = 1 + random.nextInt(4);
            StringBuilder where = new StringBuilder();
            for (int k = 0; k < flips; k++) {
                int at = random.nextInt(damaged.length);
                damaged[at] = (byte) random.nextInt(256);
                where.append(k == 0 ? "" : ",").append(at);
            }
            add(all, flips + " random byte(s) in " + file + " at " + where, f -> valid(f).bytes(file, damaged),
                    o -> { });
        }
        add(all, "a NUL byte", f -> valid(f).file("MSD001.csv", MSD001, "M1,RWE,1990-01-01,9434765919,LE1 1AA,A",
                "M2,R\0E,1985-06-30,9434765870,LE2 2BB,M"), o -> assertThat(o.message()).isEqualTo(
                        "MSD001.csv cannot be read: line 3, byte 5: a NUL byte (0x00), which a text file never holds:"
                                + " the file is damaged or not UTF-8 (UTF-16 holds such bytes); save it as UTF-8"));
        add(all, "a 1 MB field", f -> valid(f).file("MSD101.csv", MSD101, "P1,M1,QK1,2024-04-02,2024-10-20",
                "P2,M2," + "Q".repeat(1 << 20) + ",2024-04-10,2024-11-01"), o -> assertThat(o.message()).isEqualTo(
                        "MSD101.csv cannot be read: line 3, column 3: a field longer than 32,768 bytes (the limit,"
                                + " equity.ingest.limits.max-field-bytes)"));
        add(all, "a record over 2 MB of fields under the field limit", f -> valid(f).file("MSD002.csv",
                "LPIDMother,OrgCodeGMPMother," + columns("Note", 100), "M1,C82001," + "x".repeat(30_000).concat(",")
                        .repeat(99) + "x"), o -> assertThat(o.message()).isEqualTo(
                                "MSD002.csv cannot be read: line 2: a record longer than 2 MB (the fixed limit of one"
                                        + " record)"));
        add(all, "a header of 2,000 columns", f -> valid(f).file("MSD002.csv", "LPIDMother,OrgCodeGMPMother,"
                + columns("Extra", 1_998), "M1,C82001" + ",".repeat(1_998)), o -> assertThat(o.message()).isEqualTo(
                        "MSD002.csv cannot be read: line 1: the header has more than 1,000 columns (the limit,"
                                + " equity.ingest.limits.max-columns)"));
        add(all, "a header of 100,000 columns", f -> valid(f).file("MSD101.csv", MSD101 + "," + columns("X", 99_995),
                "P1,M1,QK1,2024-04-02,2024-10-20" + ",".repeat(99_995)), o -> assertThat(o.message()).isEqualTo(
                        "MSD101.csv cannot be read: line 1: the header has more than 1,000 columns (the limit,"
                                + " equity.ingest.limits.max-columns)"));
        add(all, "a first line over 1 MB", f -> valid(f).file("MSD101.csv", MSD101 + "," + columns("H".repeat(1_100),
                990), "P1,M1,QK1,2024-04-02,2024-10-20" + ",".repeat(990)), o -> assertThat(o.message()).isEqualTo(
                        "MSD101.csv cannot be read: line 1: the header is longer than 1 MB (1,048,576 bytes): this is"
                                + " not a CSV header"));
        add(all, "a mapped column twice", f -> valid(f).file("MSD101.csv", MSD101 + ",PregnancyID",
                "P1,M1,QK1,2024-04-02,2024-10-20,P9"), o -> assertThat(o.message()).isEqualTo(
                        "MSD101.csv line 1: the column PregnancyID appears twice (columns 1 and 6); send it once"));
        add(all, "a mapped column under its name and its alias", f -> valid(f).file("MSD101.csv",
                MSD101 + ",UniqPregID", "P1,M1,QK1,2024-04-02,2024-10-20,P9"), o -> assertThat(o.message())
                        .isEqualTo("MSD101.csv line 1: the columns PregnancyID and UniqPregID are both PregnancyID"
                                + " (columns 1 and 6); send one of them"));
        add(all, "an unknown column twice", f -> valid(f).file("MSD002.csv", "LPIDMother,OrgCodeGMPMother,Note,Note",
                "M1,C82001,a,b", "M2,C82002,,", "M3,C82003,c,d"), o -> {
                    o.mustLoad();
                    assertThat(o.report().warnings()).extracting(IngestReport.Issue::type, IngestReport.Issue::file,
                            IngestReport.Issue::line, IngestReport.Issue::column).containsExactly(
                                    org.assertj.core.groups.Tuple.tuple("ignored_column", "MSD002.csv", 1, "Note, Note"));
                });
        add(all, "UTF-16 with a BOM", f -> valid(f).bytes("MSD001.csv", utf16(true, validMsd001)),
                o -> assertThat(o.message()).startsWith("MSD001.csv cannot be read: line 1, byte 3: a NUL byte")
                        .contains("UTF-16"));
        add(all, "UTF-16 without a BOM", f -> valid(f).bytes("MSD001.csv", utf16(false, validMsd001)),
                o -> assertThat(o.message()).startsWith("MSD001.csv cannot be read: line 1, byte 2: a NUL byte")
                        .contains("UTF-16"));
        add(all, "Windows-1252 with an undefined byte", f -> valid(f).bytes("MSD002.csv", concat(
                "LPIDMother,OrgCodeGMPMother,OrgIDGPPrac\nM1,C82001,Zo".getBytes(), new byte[] { (byte) 0xEB },
                "\nM2,C82002,A".getBytes(), new byte[] { (byte) 0x81 }, "\n".getBytes())),
                o -> assertThat(o.message()).isEqualTo("MSD002.csv cannot be read: not valid UTF-8 at line 2, byte"
                        + " 13, and not Windows-1252 either (byte 0x81 at line 3, byte 12 is no Windows-1252"
                        + " character): the file must be saved as UTF-8"));
        add(all, "Windows-1252 without an undefined byte", f -> valid(f).bytes("MSD002.csv", concat(
                "LPIDMother,OrgCodeGMPMother,OrgIDGPPrac\nM1,C82001,Zo".getBytes(), new byte[] { (byte) 0xEB },
                "\nM2,C82002,AB".getBytes(), new byte[] { (byte) 0x80 }, "\nM3,C82003,\n".getBytes())), o -> {
                    o.mustLoad();
                    assertThat(jdbc.sql("SELECT OrgIDGPPrac FROM msd002 WHERE LPIDMother IN ('M1', 'M2') ORDER BY 1")
                            .query(String.class).list()).containsExactly("AB€", "Zoë");
                });
        add(all, "a zip inside the zip, beside the files", f -> valid(f.resolve("x")).zip(f.resolve("outer.zip"),
                Map.of("inner.zip", zipOf(Map.of("MSD102.csv", "PregnancyID,CarePlanDate\nP1,2024-04-02\n")))),
                o -> {
                    o.mustLoad();
                    assertThat(o.report().warnings()).contains(new IngestReport.Issue("ignored_file", "inner.zip",
                            null, null, null, null, "a zip inside the zip is not opened (send one zip of .csv files);"
                                    + " ignored"));
                });
        add(all, "only a zip inside the zip", f -> {
            Path inner = valid(f.resolve("x")).zip(f.resolve("inner.zip"), Map.of());
            return zip(f.resolve("outer.zip"), Map.of("inner.zip", Files.readAllBytes(inner)));
        }, o -> assertThat(o.message()).isEqualTo("The submission holds no .csv file: the zip inside it (inner.zip)"
                + " is not opened; send one zip of the .csv files"));
        add(all, "zip entries named ../ and absolute", f -> {
            Extract extract = valid(f.resolve("x")).delete("MSD002.csv");
            return extract.zip(f.resolve("traversal.zip"), Map.of("../../../MSD102.csv",
                    "PregnancyID,CarePlanDate\nP1,2024-04-02\n".getBytes(), "/tmp/fuzz-absolute/MSD002.csv",
                    "LPIDMother,OrgCodeGMPMother\nM1,C82001\n".getBytes()));
        }, o -> {
            o.mustLoad();
            assertThat(o.submission().tables()).extracting(IngestReport.TableCount::table).contains("MSD002", "MSD102");
            assertThat(Files.exists(Path.of("/tmp/fuzz-absolute"))).isFalse();
            try (Stream<Path> files = Files.walk(dir)) {
                assertThat(files.filter(p -> p.getFileName().toString().equals("MSD102.csv"))).isEmpty();
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        add(all, "a zip bomb", f -> {
            byte[] rows = ("P1,M1,QK1,2024-04-02,2024-10-20\n").repeat(2_000_000).getBytes();
            return valid(f.resolve("x")).delete("MSD101.csv").zip(f.resolve("bomb.zip"),
                    Map.of("MSD101.csv", concat((MSD101 + "\n").getBytes(), rows)));
        }, o -> assertThat(o.message()).isEqualTo("bomb.zip: the entry MSD101.csv expands more than 200 times (the"
                + " limit, equity.ingest.limits.max-compression-ratio); refused as a possible zip bomb"));
        add(all, "formula injection in text fields", f -> valid(f).file("MSD101.csv", MSD101,
                "\"=HYPERLINK(\"\"http://x.io\"\",\"\"y\"\")\",M1,+cmd,2024-04-02,2024-10-20",
                "@SUM(A1),M2,-2+3,2024-04-10,2024-11-01"), o -> {
                    o.mustLoad();
                    // Stored as sent: it is data; every CSV download neutralises it (export.CsvExport).
                    assertThat(jdbc.sql("SELECT PregnancyID || ' ' || OrgIDComm FROM msd101 m JOIN submission s"
                            + " USING (submission_id) WHERE s.rp_start = DATE '2024-04-01' ORDER BY 1")
                            .query(String.class).list()).containsExactly("=HYPERLINK(\"http://x.io\",\"y\") +cmd",
                                    "@SUM(A1) -2+3");
                });
        add(all, "an empty file", f -> valid(f).bytes("MSD101.csv", new byte[0]), o -> assertThat(o.message())
                .isEqualTo("MSD101.csv cannot be read: the file is empty (no header line)"));
        add(all, "blank lines only", f -> valid(f).bytes("MSD101.csv", "\n\r\n\n".getBytes()),
                o -> assertThat(o.message()).isEqualTo("MSD101.csv cannot be read: the file is empty (no header line)"));
        add(all, "a header and no rows", f -> valid(f).file("MSD101.csv", MSD101), o -> {
            o.mustLoad();
            assertThat(o.submission().tables()).contains(new IngestReport.TableCount("MSD101", 0, 0, 0));
        });
        add(all, "CRLF and LF mixed", f -> valid(f).bytes("MSD101.csv", (MSD101 + "\r\nP1,M1,QK1,2024-04-02,"
                + "2024-10-20\nP2,M2,QK1,2024-04-10,2024-11-01\r\nP3,M3\n\r\nP4,M3,QK1,2024-04-20,2024-12-01\r\n")
                .getBytes()), o -> {
                    o.mustLoad();
                    assertThat(o.report().rejects()).containsExactly(new IngestReport.Issue("bad_row", "MSD101.csv",
                            "MSD101", 4, null, null, "row has 2 fields; the header has 5"));
                    assertThat(jdbc.sql("SELECT PregnancyID || '@' || line FROM msd101 m JOIN submission s"
                            + " USING (submission_id) WHERE s.rp_start = DATE '2024-04-01' ORDER BY 1")
                            .query(String.class).list()).containsExactly("P1@2", "P2@3", "P4@6");
                });
        add(all, "a lone CR inside a row", f -> valid(f).bytes("MSD101.csv", (MSD101 + "\nP1,M1,QK1,2024-04-02,"
                + "2024-10-20\nP2,M2,QK1,20\r24-04-10,2024-11-01\nP3,M3,QK1,2024-04-20,2024-12-01\n").getBytes()),
                o -> assertThat(o.message()).isEqualTo("MSD101.csv cannot be read: line 3, byte 13: a carriage return"
                        + " (CR) alone inside a row: lines must end with LF or CRLF; the file is damaged or was saved"
                        + " with old Mac line ends"));
        add(all, "a quote left open", f -> valid(f).file("MSD101.csv", MSD101, "P1,M1,QK1,2024-04-02,2024-10-20",
                "\"P2,M2,QK1,2024-04-10,2024-11-01", "P3,M3,QK1,2024-04-20,2024-12-01"), o -> assertThat(o.message())
                        .isEqualTo("MSD101.csv cannot be read: a quoted field opened on or after line 3 is never"
                                + " closed"));
        add(all, "a stray quote inside a field", f -> valid(f).file("MSD101.csv", MSD101,
                "P1,M1,QK1,2024-04-02,2024-10-20", "P2,M\"2\",QK1,2024-04-10,2024-11-01"), o -> { });
        add(all, "NHS numbers with a letter and too short", f -> valid(f).file("MSD001.csv", MSD001,
                "M1,RWE,1990-01-01,99O6271612,LE1 1AA,A", "M2,RWE,1985-06-30,12345,LE2 2BB,M",
                "M3,RWE,1999-12-31,9434765871,LE3 3CC,Z"), o -> {
                    o.mustLoad();
                    assertThat(o.report().warnings()).filteredOn(w -> "NHSNumberMother".equals(w.column()))
                            .extracting(IngestReport.Issue::type, IngestReport.Issue::line, IngestReport.Issue::value)
                            .containsExactly(org.assertj.core.groups.Tuple.tuple("invalid_value", 2, null),
                                    org.assertj.core.groups.Tuple.tuple("invalid_value", 3, null),
                                    org.assertj.core.groups.Tuple.tuple("invalid_value", 4, null));
                });
        add(all, "dates that are no dates", f -> valid(f).file("MSD101.csv", MSD101,
                "P1,M1,QK1,2024-13-45,2024-10-20", "P2,M2,QK1,2024-04-10,31/12/2024", "P3,M3,QK1,2024-04-20,"),
                o -> {
                    o.mustLoad();
                    assertThat(o.report().rejects()).extracting(IngestReport.Issue::type, IngestReport.Issue::line,
                            IngestReport.Issue::column, IngestReport.Issue::value).containsExactly(
                                    org.assertj.core.groups.Tuple.tuple("malformed", 2, "AntenatalAppDate", "2024-13-45"));
                    assertThat(o.report().warnings()).extracting(IngestReport.Issue::type, IngestReport.Issue::line,
                            IngestReport.Issue::column, IngestReport.Issue::value).contains(
                                    org.assertj.core.groups.Tuple.tuple("invalid_value", 3, "EDDAgreed", "31/12/2024"));
                });
        add(all, "random bytes", f -> {
            byte[] noise = new byte[4_096];
            new Random(SEED).nextBytes(noise);
            return valid(f).bytes("MSD002.csv", noise).path();
        }, o -> { });
        add(all, "a damaged zip", f -> {
            byte[] zip = Files.readAllBytes(valid(f.resolve("x")).zip(f.resolve("whole.zip"), Map.of()));
            return Files.write(f.resolve("damaged.zip"), Arrays.copyOf(zip, zip.length / 2));
        }, o -> assertThat(o.message()).isEqualTo("damaged.zip is not a readable zip file: it is damaged, incomplete or"
                + " not a zip; send it again"));
        return all.stream();
    }

    private static void add(List<Arguments> all, String name, Builder build, Consumer<Outcome> expect) {
        all.add(Arguments.of(Named.of(all.size() + 1 + ": " + name, new Case(build, expect))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachDamagedExtractLoadsWithRowProblemsOrIsRefusedPlainlyChangingNothing(Case c) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("case-" + System.nanoTime()));
        Object built = c.build().build(folder.resolve("extract"));
        Path source = built instanceof Extract extract ? extract.path() : (Path) built;
        Map<String, String> before = state();
        long lastRun = lastRun();
        Map<String, String> logBefore = ingestLog(lastRun);
        LOGGED.list.clear();

        IngestReport report = service.ingest(List.of(source), TESTER);

        assertThat(report.submissions()).hasSize(1);
        Outcome outcome = new Outcome(report, report.submissions().get(0));
        assertThat(LOGGED.list).as("errors logged").noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.ERROR));
        assertThat(ingestLog(lastRun)).as("earlier ingest-log rows").isEqualTo(logBefore);
        if (outcome.loaded()) {
            for (IngestReport.Issue issue : outcome.issues()) {
                assertThat(issue.reason()).as("%s", issue).isNotBlank().doesNotContainPattern(INTERNAL);
                if (ROW_PROBLEMS.contains(issue.type())) {
                    assertThat(issue.file()).as("%s", issue).isNotBlank();
                    assertThat(issue.line()).as("%s", issue).isNotNull().isGreaterThanOrEqualTo(2);
                    if (!issue.type().equals("bad_row")) {
                        assertThat(issue.column()).as("%s", issue).isNotBlank();
                    }
                    if (issue.type().equals("malformed") || issue.type().equals("invalid_value")) {
                        assertThat(issue.value() != null || SENSITIVE.contains(issue.column())).as("value of %s", issue)
                                .isTrue();
                    }
                }
            }
        } else {
            String message = outcome.message();
            assertThat(message).isNotBlank().doesNotContainPattern(INTERNAL).containsPattern(NAMES_A_FILE);
            assertThat(state()).as("raw and derived tables after a refusal").isEqualTo(before);
            assertThat(jdbc.sql("SELECT status || ': ' || message FROM ingest_submission WHERE run_id = ?")
                    .param(lastRun()).query(String.class).single()).isEqualTo("refused: " + message);
        }
        c.expect().accept(outcome);
        try (Stream<Path> left = Files.list(tempRoot)) {
            assertThat(left).as("temporary copies left").isEmpty();
        }
    }

    // ------------------------------------------------------------------ the state compared before and after

    /** A checksum (rows and a hash of every row) of every table but the ingest log's. */
    private static Map<String, String> state() {
        Map<String, String> state = new LinkedHashMap<>();
        List<String> tables = jdbc.sql("SELECT table_schema || '.' || table_name FROM information_schema.tables"
                + " WHERE table_type = 'BASE TABLE' AND table_catalog = current_database()"
                + " AND table_name NOT LIKE 'ingest_%' ORDER BY 1").query(String.class).list();
        assertThat(tables).contains("main.submission", "main.msd101", "main.fact_event", "main.quality_item");
        for (String table : tables) {
            state.put(table, checksum(table, ""));
        }
        return state;
    }

    /** The ingest log's rows of the runs up to {@code lastRun}: a later run must not change them. */
    private static Map<String, String> ingestLog(long lastRun) {
        Map<String, String> log = new LinkedHashMap<>();
        for (String table : List.of("ingest_run", "ingest_submission", "ingest_file", "ingest_issue")) {
            log.put(table, checksum(table, " WHERE run_id <= " + lastRun));
        }
        return log;
    }

    private static String checksum(String table, String where) {
        return jdbc.sql("SELECT count(*) || ':' || coalesce(sum(hash(t))::VARCHAR, '-') FROM " + table + " t" + where)
                .query(String.class).single();
    }

    private static long lastRun() {
        return jdbc.sql("SELECT coalesce(max(run_id), 0) FROM ingest_run").query(Long.class).single();
    }

    // ------------------------------------------------------------------ bytes

    private static byte[] lines(String... lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String columns(String prefix, int n) {
        return Stream.iterate(1, i -> i + 1).limit(n).map(i -> prefix + i).collect(Collectors.joining(","));
    }

    private static byte[] utf16(boolean bom, byte[] utf8) {
        String text = new String(utf8, StandardCharsets.UTF_8);
        // Java's UTF-16 writes a big-endian BOM (FE FF); without one, little-endian as Windows saves it.
        return text.getBytes(bom ? StandardCharsets.UTF_16 : StandardCharsets.UTF_16LE);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] zipOf(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static Path zip(Path target, Map<String, byte[]> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return target;
    }
}
