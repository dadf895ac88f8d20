package org.perinatalequity.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.perinatalequity.TestDatabase;
import org.perinatalequity.system.DataVersion;
import org.perinatalequity.system.DerivedDataRefresher;
import org.perinatalequity.system.EquityProperties;
import org.perinatalequity.system.TemporaryRoots;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The fuzz suite of the reference loads (the {@code reference} command and the upload run {@link ReferenceService}):
 * a postcode directory and an IoD file damaged a little (bad bytes, wrong columns, a huge header, broken rows). Each
 * either loads or is refused with a message that names the file, the line where there is one and the reason, with no
 * Java or DuckDB text; a refusal changes no reference table; no temporary copy is left; nothing is logged as an error.
 */
class ReferenceFuzzTest {

    private static final long SEED = 17L;
    private static final int BYTE_FLIPS = 8;
    private static final Pattern INTERNAL = Pattern.compile("Exception|Error|LINE \\d|java\\.|org\\.|(?i:duckdb)"
            + "|\tat |Input length|INT32|VARCHAR|cast\\(|read_csv|ref_stage|\\bnull\\b");
    private static final String NSPL = "NSPL_FEB_2025_UK.csv";
    private static final String IOD = "File_7_IoD2025_Scores_Ranks_Deciles.csv";

    @TempDir
    static Path dir;

    private static TestDatabase db;
    private static JdbcClient jdbc;
    private static ReferenceService service;
    private static Path tempRoot;
    private static Path previousRoot;
    private static final ListAppender<ILoggingEvent> LOGGED = new ListAppender<>();
    private static Level previousLevel;
    private static boolean previousAdditive;

    @BeforeAll
    static void loadValidFiles() throws Exception {
        Logger app = (Logger) LoggerFactory.getLogger("org.perinatalequity");
        previousLevel = app.getLevel();
        previousAdditive = app.isAdditive();
        app.setLevel(Level.WARN);
        app.setAdditive(false);
        LOGGED.start();
        app.addAppender(LOGGED);
        tempRoot = dir.resolve("temp-root");
        previousRoot = TemporaryRoots.use(tempRoot);
        db = TestDatabase.create(dir);
        jdbc = JdbcClient.create(db.dataSource());
        service = new ReferenceService(db.dataSource(), jdbc, new EquityProperties(new EquityProperties.Database(
                db.file()), new EquityProperties.Ingest("k", dir, false, 10, 1L << 30, 1L << 30, 50),
                new EquityProperties.SampleData(false, dir), new EquityProperties.Reference("2025")),
                new DerivedDataRefresher(db.dataSource(), List.of(), new DataVersion(), e -> { }));
        Path valid = Files.createDirectories(dir.resolve("valid"));
        Files.write(valid.resolve(NSPL), validNspl());
        Files.write(valid.resolve(IOD), validIod());
        ReferenceReport report = service.load(List.of(valid.resolve(NSPL), valid.resolve(IOD)), "fuzz");
        assertThat(report.files()).hasSize(2);
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

    private static byte[] validNspl() {
        String h = ReferenceServiceTest.NSPL_2025;
        return lines(h, ReferenceServiceTest.row(h, Map.of("pcd", "LE1 1AA", "pcds", "LE1 1AA", "laua", "E06000016",
                "ctry", "E92000001", "lsoa21", "E01950001")), ReferenceServiceTest.row(h, Map.of("pcd", "LE111AB",
                        "pcds", "LE11 1AB", "laua", "E07000130", "ctry", "E92000001", "lsoa21", "E01950002")));
    }

    private static byte[] validIod() {
        return lines(ReferenceServiceTest.IOD2025, "E01950001,Leicester 001A,E06000016,Leicester,45.2,1203,1",
                "E01950002,Charnwood 001A,E07000130,Charnwood,12.0,20050,7");
    }

    /** A case: the file name and its bytes, and the exact refusal expected (null: loads, or any plain refusal). */
    record Case(String file, byte[] content, String refusal, boolean mustLoad) {
    }

    static Stream<Arguments> cases() {
        Random random = new Random(SEED);
        List<Arguments> all = new ArrayList<>();
        byte[] nspl = validNspl();
        byte[] iod = validIod();
        for (int i = 0; i < BYTE_FLIPS; i++) {
            boolean postcodes = i % 2 == 0;
            byte[] damaged = (postcodes ? nspl : iod).clone();
            int at = random.nextInt(damaged.length);
            damaged[at] = (byte) random.nextInt(256);
            add(all, "a random byte at " + at, new Case(postcodes ? NSPL : IOD, damaged, null, false));
        }
        add(all, "a NUL byte", new Case(IOD, concat(Arrays.copyOf(iod, 100), new byte[] { 0 },
                Arrays.copyOfRange(iod, 100, iod.length)), IOD + " cannot be read: line 1, byte 101: a NUL byte (0x00),"
                        + " which a text file never holds: the file is damaged or not UTF-8 (UTF-16 holds such bytes);"
                        + " save it as UTF-8", false));
        add(all, "UTF-16", new Case(NSPL, new String(nspl, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16LE),
                NSPL + " cannot be read: line 1, byte 2: a NUL byte (0x00), which a text file never holds: the file is"
                        + " damaged or not UTF-8 (UTF-16 holds such bytes); save it as UTF-8", false));
        add(all, "Windows-1252 with an undefined byte", new Case(IOD, concat(lines(ReferenceServiceTest.IOD2025),
                "E01950001,Leicester ".getBytes(), new byte[] { (byte) 0xE9, (byte) 0x81 },
                ",E06000016,Leicester,45.2,1203,1\n".getBytes()), IOD + " cannot be read: not valid UTF-8 at line 2,"
                        + " byte 21, and not Windows-1252 either (byte 0x81 at line 2, byte 22 is no Windows-1252"
                        + " character): the file must be saved as UTF-8", false));
        add(all, "wrong columns", new Case("lookup.csv", lines("code,name,size", "a,b,c"), "lookup.csv is not a postcode"
                + " directory (ONSPD/NSPL), an IoD File 7, a GP practice to PCN mapping, an LSOA 2011 to 2021 lookup, a"
                + " neighbourhood file, an MVP membership list, a community assets register or a boundary file (GeoJSON,"
                + " GeoPackage): its header starts code,name,size",
                false));
        add(all, "a row with too few fields", new Case(IOD, lines(ReferenceServiceTest.IOD2025,
                "E01950001,Leicester 001A,E06000016,Leicester,45.2,1203,1", "E01950002,Charnwood 001A"), IOD
                        + " line 3: the row has 2 fields; the header has 7; the file is damaged: send it again as"
                        + " published", false));
        add(all, "a header of 2,000 columns", new Case(NSPL, lines(ReferenceServiceTest.NSPL_2025 + "," + IntStream
                .rangeClosed(1, 1_965).mapToObj(i -> "x" + i).collect(Collectors.joining(","))), NSPL + " cannot be"
                        + " read: line 1: the header has more than 1,000 columns (the limit,"
                        + " equity.ingest.limits.max-columns)", false));
        add(all, "a quote left open", new Case(IOD, lines(ReferenceServiceTest.IOD2025,
                "E01950001,\"Leicester 001A,E06000016,Leicester,45.2,1203,1"), IOD + " cannot be read: a quoted field"
                        + " opened on or after line 2 is never closed", false));
        add(all, "an empty file", new Case(NSPL, new byte[0], NSPL + " cannot be read: the file is empty (no header"
                + " line)", false));
        add(all, "a header only", new Case(IOD, lines(ReferenceServiceTest.IOD2025), IOD + " holds no rows", false));
        add(all, "CRLF and LF mixed", new Case(IOD, (ReferenceServiceTest.IOD2025 + "\r\nE01950001,Leicester 001A,"
                + "E06000016,Leicester,45.2,1203,1\nE01950002,Charnwood 001A,E07000130,Charnwood,12.0,20050,7\r\n")
                .getBytes(StandardCharsets.UTF_8), null, true));
        add(all, "a decile that is no number", new Case(IOD, lines(ReferenceServiceTest.IOD2025,
                "E01950001,Leicester 001A,E06000016,Leicester,45.2,1203,one"), IOD + ": 1 row(s) have no IMD decile"
                        + " between 1 and 10", false));
        String geojson = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
                + "{\"LSOA21CD\":\"E01950001\",\"LSOA21NM\":\"Leicester 001A\"},\"geometry\":{\"type\":\"Polygon\","
                + "\"coordinates\":[[[-1.13,52.63],[-1.12,52.63],[-1.12,52.64],[-1.13,52.63]]]}}]}";
        add(all, "a boundary file cut short", new Case("lsoa.geojson", Arrays.copyOf(geojson.getBytes(), 150), null,
                false));
        byte[] flipped = geojson.getBytes();
        flipped[random.nextInt(flipped.length)] = (byte) random.nextInt(256);
        add(all, "a boundary file with a random byte", new Case("lsoa.geojson", flipped, null, false));
        return all.stream();
    }

    private static void add(List<Arguments> all, String name, Case c) {
        all.add(Arguments.of(Named.of(all.size() + 1 + ": " + name + " (" + c.file() + ")", c)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachDamagedReferenceFileLoadsOrIsRefusedPlainlyChangingNothing(Case c) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("case-" + System.nanoTime()));
        Path file = Files.write(folder.resolve(c.file()), c.content());
        Map<String, String> before = state();
        LOGGED.list.clear();

        Throwable refused = catchThrowable(() -> service.load(List.of(file), "fuzz"));

        assertThat(LOGGED.list).as("errors logged").noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.ERROR));
        if (c.mustLoad()) {
            assertThat(refused).as("refused").isNull();
        }
        if (refused != null) {
            assertThat(refused).isInstanceOf(ReferenceRefusedException.class);
            assertThat(refused.getMessage()).startsWith(c.file()).doesNotContainPattern(INTERNAL);
            if (c.refusal() != null) {
                assertThat(refused.getMessage()).isEqualTo(c.refusal());
            }
            assertThat(state()).as("reference tables after a refusal").isEqualTo(before);
        } else {
            assertThat(c.refusal()).as("expected a refusal").isNull();
        }
        try (Stream<Path> left = Files.list(tempRoot)) {
            assertThat(left).as("temporary copies left").isEmpty();
        }
    }

    private static Map<String, String> state() {
        Map<String, String> state = new LinkedHashMap<>();
        for (String table : List.of("ref_postcode", "ref_imd", "ref_file")) {
            state.put(table, jdbc.sql("SELECT count(*) || ':' || coalesce(sum(hash(t))::VARCHAR, '-') FROM " + table
                    + " t").query(String.class).single());
        }
        return state;
    }

    private static byte[] lines(String... lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
