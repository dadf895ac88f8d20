package org.perinatalequity.reference;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import javax.sql.DataSource;

import org.perinatalequity.ingest.CsvScan;
import org.perinatalequity.ingest.ExtractFiles;
import org.perinatalequity.ingest.IngestRefusedException;
import org.perinatalequity.reference.ReferenceLayout.Field;
import org.perinatalequity.reference.ReferenceLayout.Kind;
import org.perinatalequity.security.AuditService;
import org.perinatalequity.security.AuditedLoad;
import org.perinatalequity.system.DerivedDataRefresher;
import org.perinatalequity.security.Roles;
import org.perinatalequity.system.EquityProperties;
import org.perinatalequity.system.Transactions;
import org.perinatalequity.system.Intake;

import jakarta.annotation.security.RolesAllowed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Loads the official reference files (postcode directory, IMD File 7, GP-PCN mapping) with DuckDB
 * {@code read_csv}, never holding them in Java memory, and answers the linkage report. One call is one
 * transaction: the files of a kind (e.g. the per-area CSVs of an ONSPD release) replace that kind whole,
 * and a refused file changes nothing. A load refreshes the derived data ({@link DerivedDataRefresher}).
 */
@Service
public class ReferenceService {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ReferenceService.class);

    /** Most rows of an MVP membership list (a partnership has tens or hundreds of members). */
    static final long MAX_MEMBERS = 100_000;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final EquityProperties properties;
    private final DerivedDataRefresher refresher;

    ReferenceService(DataSource dataSource, JdbcClient jdbc, EquityProperties properties,
            DerivedDataRefresher refresher) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.properties = properties;
        this.refresher = refresher;
    }

    private record Recognised(ExtractFiles.SourceFile file, CsvScan scan, Path readable, ReferenceLayout layout) {
    }

    /** ADMIN only; the command line and sample loader call it as SYSTEM (security.SystemCaller). */
    @RolesAllowed({ Roles.ADMIN, Roles.SYSTEM })
    @AuditedLoad(action = AuditService.REFERENCE_LOAD, source = "reference")
    public ReferenceReport load(List<Path> sources, String user) {
        Path workDir = createWorkDir();
        try (Connection connection = dataSource.getConnection()) {
            Map<String, List<Recognised>> groups = new LinkedHashMap<>();
            List<BoundaryLoader.Read> boundaries = new ArrayList<>();
            int n = 0;
            for (Path source : sources) {
                ExtractFiles.Found found = ExtractFiles.list(source, workDir,
                        new ExtractFiles.ZipLimits(properties.ingest().maxUncompressedBytes(),
                                properties.ingest().maxZipEntries(), properties.ingest().limits().maxCompressionRatio()),
                        ReferenceService::isReferenceFileName);
                for (ExtractFiles.SourceFile file : found.csvFiles()) {
                    // A boundary file is known by its content (GeoJSON or SQLite), whatever its name ends with
                    if (BoundaryLoader.isBoundaryFile(file.path())) {
                        boundaries.add(BoundaryLoader.read(file));
                        continue;
                    }
                    Recognised r = recognise(file, workDir, n++, scanLimits());
                    groups.computeIfAbsent(r.layout().kind() + ":" + r.layout().vintage(), k -> new ArrayList<>()).add(r);
                }
            }
            if (groups.isEmpty() && boundaries.isEmpty()) {
                throw new ReferenceRefusedException("No reference file (.csv, .geojson, .json, .gpkg) found in "
                        + sources.stream().map(p -> String.valueOf(p.getFileName())).collect(
                                java.util.stream.Collectors.joining(", ")));
            }
            // Postcodes and deprivation first: neighbourhoods and boundaries are checked against the LMNS's LSOAs
            List<List<Recognised>> ordered = groups.values().stream()
                    .sorted(java.util.Comparator.comparing(g -> g.get(0).layout().kind())).toList();
            List<String> warnings = new ArrayList<>();
            List<ReferenceReport.Reject> rejects = new ArrayList<>();
            List<ReferenceReport.LoadedFile> loaded;
            try {
                loaded = Transactions.inTransactionReturning(connection, () -> {
                    List<ReferenceReport.LoadedFile> files = new ArrayList<>();
                    for (List<Recognised> group : ordered) {
                        files.addAll(group.get(0).layout().kind() == Kind.mvp_members
                                ? loadMembers(connection, group, user, warnings, rejects)
                                : loadGroup(connection, group, user, warnings));
                    }
                    if (!boundaries.isEmpty()) {
                        files.addAll(BoundaryLoader.load(connection, boundaries, user, warnings));
                    }
                    return files;
                });
            } catch (SQLException | RuntimeException e) {
                throw plain(e);
            }
            refresher.refresh();
            return new ReferenceReport(loaded, warnings, rejects);
        } catch (SQLException | RuntimeException e) {
            throw plain(e);
        } finally {
            Intake.deleteFolder(workDir);
        }
    }

    /**
     * A refusal in plain words: refusals written for the sender pass as they are (those of the shared zip and CSV
     * checks too); any other fault's Java or DuckDB text stays in the server log.
     */
    private static ReferenceRefusedException plain(Exception e) {
        if (e instanceof ReferenceRefusedException r) {
            return r;
        }
        if (e instanceof IngestRefusedException r) {
            return new ReferenceRefusedException(r.getMessage(), r);
        }
        LOG.error("A reference load failed", e);
        return new ReferenceRefusedException("Reference data could not be loaded (nothing was changed; the server log"
                + " has the details)", e);
    }

    private CsvScan.Limits scanLimits() {
        EquityProperties.IngestLimits limits = properties.ingest().limits();
        return new CsvScan.Limits(limits.maxColumns(), limits.maxFieldBytes(), limits.maxRows());
    }

    private static boolean isReferenceFileName(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith(".csv") || lower.endsWith(".geojson") || lower.endsWith(".json") || lower.endsWith(".gpkg");
    }

    private static Recognised recognise(ExtractFiles.SourceFile file, Path workDir, int n, CsvScan.Limits limits) {
        try {
            CsvScan scan = CsvScan.of(file.path(), limits);
            ReferenceLayout layout = ReferenceLayout.detect(scan.header()).orElseThrow(() -> new ReferenceRefusedException(
                    file.name() + " is not a postcode directory (ONSPD/NSPL), an IoD File 7, a GP practice to PCN"
                            + " mapping, an LSOA 2011 to 2021 lookup, a neighbourhood file, an MVP membership list, a community assets register or a boundary file (GeoJSON,"
                            + " GeoPackage): its header starts " + String.join(",", scan.header().subList(0,
                                    Math.min(6, scan.header().size())))));
            if (!scan.badRows().isEmpty()) {
                // An official file with a broken row is damaged: loading the rest would silently drop areas.
                CsvScan.BadRow bad = scan.badRows().get(0);
                throw new ReferenceRefusedException(file.name() + " line " + CsvScan.number(bad.line()) + ": the row has "
                        + bad.fields() + " field" + (bad.fields() == 1 ? "" : "s") + "; the header has "
                        + scan.header().size() + (scan.badRows().size() > 1 ? " (" + CsvScan.number(scan.badRows()
                                .size()) + " such rows)" : "") + "; the file is damaged: send it again as published");
            }
            Path readable = file.path();
            if (scan.encoding() == CsvScan.Encoding.WINDOWS_1252) {
                Path utf8Copy = workDir.resolve("utf8-" + n + ".csv");
                CsvScan.transcodeWindows1252(file.path(), utf8Copy);
                readable = utf8Copy;
            }
            if (scan.mixedLineEnds()) {
                // DuckDB's reader stops on a file mixing CRLF and LF line ends: it reads a copy with LF only.
                Path lf = workDir.resolve("lf-" + n + ".csv");
                CsvScan.normaliseLineEnds(readable, lf);
                readable = lf;
            }
            return new Recognised(file, scan, readable, layout);
        } catch (CsvScan.Unreadable e) {
            throw new ReferenceRefusedException(file.name() + " cannot be read: " + e.getMessage(), e);
        } catch (IOException e) {
            LOG.warn("{} could not be read: {}", file.name(), e.toString());
            throw new ReferenceRefusedException(file.name() + " cannot be read: the file could not be opened or read"
                    + " to its end", e);
        }
    }

    private List<ReferenceReport.LoadedFile> loadGroup(Connection connection, List<Recognised> group, String user,
            List<String> warnings) throws SQLException {
        ReferenceLayout first = group.get(0).layout();
        String target = switch (first.kind()) {
            case postcode_directory -> "ref_postcode";
            case imd -> "ref_imd";
            case gp_pcn -> "ref_gp_pcn";
            case lsoa_lookup -> "ref_lsoa_lookup";
            case neighbourhood -> "ref_neighbourhood";
            case mvp_members -> throw new IllegalStateException("the MVP list is read by loadMembers");
            case assets -> null;
        };
        if (first.kind() == Kind.assets) {
            return loadAssets(connection, group, user, warnings);
        }
        execute(connection, "CREATE OR REPLACE TEMP TABLE ref_stage AS SELECT * FROM " + target + " LIMIT 0");
        List<ReferenceReport.LoadedFile> loaded = new ArrayList<>();
        for (Recognised r : group) {
            long before = count(connection, "SELECT count(*) FROM ref_stage");
            try {
                execute(connection, "INSERT INTO ref_stage " + select(r));
            } catch (SQLException e) {
                // The scan has checked encoding, quoting, field counts and sizes, so this is unexpected: DuckDB's
                // text stays in the server log.
                LOG.warn("{}: the CSV reader failed: {}", r.file().name(), e.getMessage());
                throw new ReferenceRefusedException(r.file().name() + " cannot be read: the CSV reader stopped on it;"
                        + " check its quoting (a stray \" inside a field) and that it is a CSV file saved as UTF-8", e);
            }
            long rows = count(connection, "SELECT count(*) FROM ref_stage") - before;
            if (rows == 0) {
                throw new ReferenceRefusedException(r.file().name() + " holds no rows");
            }
            loaded.add(new ReferenceReport.LoadedFile(r.file().name(), first.kind().name(), r.layout().description(),
                    r.layout().vintage(), rows));
            logFile(connection, r, rows, user);
        }
        if (first.kind() == Kind.imd) {
            long bad = count(connection, "SELECT count(*) FROM ref_stage WHERE imd_decile IS NULL OR imd_decile NOT BETWEEN 1 AND 10");
            if (bad > 0) {
                throw new ReferenceRefusedException(group.get(0).file().name() + ": " + bad
                        + " row(s) have no IMD decile between 1 and 10");
            }
            execute(connection, "DELETE FROM ref_imd WHERE vintage = '" + first.vintage() + "'");
            execute(connection, "INSERT INTO ref_imd SELECT DISTINCT ON (lsoa) * FROM ref_stage ORDER BY lsoa");
        } else if (first.kind() == Kind.postcode_directory) {
            // A postcode listed twice keeps its live entry.
            execute(connection, "DELETE FROM ref_postcode");
            execute(connection, "INSERT INTO ref_postcode SELECT DISTINCT ON (postcode_key) * FROM ref_stage"
                    + " ORDER BY postcode_key, terminated NULLS FIRST");
        } else if (first.kind() == Kind.lsoa_lookup) {
            execute(connection, "DELETE FROM ref_lsoa_lookup");
            execute(connection, "INSERT INTO ref_lsoa_lookup SELECT DISTINCT ON (lsoa11, lsoa21) * FROM ref_stage"
                    + " WHERE lsoa11 IS NOT NULL AND lsoa21 IS NOT NULL ORDER BY lsoa11, lsoa21");
        } else if (first.kind() == Kind.neighbourhood) {
            neighbourhoodWarnings(connection, group.get(0).file().name(), warnings);
            execute(connection, "DELETE FROM ref_neighbourhood");
            execute(connection, "INSERT INTO ref_neighbourhood SELECT DISTINCT ON (lsoa) * FROM ref_stage"
                    + " WHERE lsoa IS NOT NULL AND neighbourhood_code IS NOT NULL ORDER BY lsoa, neighbourhood_code");
        } else {
            execute(connection, "DELETE FROM ref_gp_pcn");
            execute(connection, "INSERT INTO ref_gp_pcn SELECT DISTINCT ON (practice_code) * FROM ref_stage"
                    + " ORDER BY practice_code");
        }
        execute(connection, "DROP TABLE ref_stage");
        return loaded;
    }

    /** The SELECT that reads one file into the target table's columns, by position (no header names in SQL). */
    private static String select(Recognised r) {
        ReferenceLayout layout = r.layout();
        StringJoiner columns = new StringJoiner(", ", "{", "}");
        for (int i = 0; i < r.scan().header().size(); i++) {
            columns.add("'c" + i + "': 'VARCHAR'");
        }
        String from = " FROM read_csv('" + r.readable().toString().replace("'", "''") + "', header = true,"
                + " auto_detect = false, delim = ',', quote = '\"', escape = '\"', columns = " + columns + ")";
        return switch (layout.kind()) {
            case postcode_directory -> "SELECT * FROM (SELECT regexp_replace(upper(" + col(layout, Field.POSTCODE)
                    + "), '[^A-Z0-9]', '', 'g') AS k, coalesce(" + col(layout, Field.POSTCODE_ONE_SPACE)
                    + ", CASE WHEN length(k) >= 5 THEN substr(k, 1, length(k) - 3) || ' ' || right(k, 3) END), "
                    + col(layout, Field.TERMINATED) + ", " + col(layout, Field.LA) + ", " + col(layout, Field.COUNTRY)
                    + ", " + col(layout, Field.LSOA11) + ", " + col(layout, Field.LSOA21) + ", try_cast("
                    + col(layout, Field.EASTING) + " AS INTEGER), try_cast(" + col(layout, Field.NORTHING)
                    + " AS INTEGER)" + from + ") WHERE k <> ''";
            case imd -> "SELECT '" + layout.vintage() + "', " + col(layout, Field.LSOA) + ", "
                    + col(layout, Field.LSOA_NAME) + ", " + col(layout, Field.LA) + ", " + col(layout, Field.LA_NAME)
                    + ", try_cast(" + col(layout, Field.IMD_SCORE) + " AS DOUBLE), try_cast("
                    + col(layout, Field.IMD_RANK) + " AS INTEGER), try_cast(" + col(layout, Field.IMD_DECILE)
                    + " AS INTEGER)" + from + " WHERE " + col(layout, Field.LSOA) + " IS NOT NULL";
            case lsoa_lookup -> "SELECT " + col(layout, Field.LSOA11) + ", " + col(layout, Field.LSOA21) + ", "
                    + col(layout, Field.CHANGE) + from;
            case neighbourhood -> "SELECT " + col(layout, Field.LSOA) + ", " + col(layout, Field.NEIGHBOURHOOD_CODE)
                    + ", coalesce(" + col(layout, Field.NEIGHBOURHOOD_NAME) + ", " + col(layout, Field.NEIGHBOURHOOD_CODE)
                    + ")" + from;
            case mvp_members -> throw new IllegalStateException("the MVP list is read by loadMembers");
            case assets -> throw new IllegalStateException("the assets register is read by AssetRegister");
            case gp_pcn -> "SELECT upper(" + col(layout, Field.PRACTICE) + "), " + col(layout, Field.PCN_CODE) + ", "
                    + col(layout, Field.PCN_NAME) + ", " + col(layout, Field.PRACTICE_NAME) + from + " WHERE "
                    + col(layout, Field.PRACTICE) + " IS NOT NULL";
        };
    }

    /**
     * The MVP membership list (MvpMembersFile checks each row): replaces the list whole; a row with a bad mandatory
     * value is rejected and the rest load; member ids are replaced by their keyed hash in the INSERT, as NHS numbers
     * are at ingest. A file none of whose rows can load refuses the call.
     */
    private List<ReferenceReport.LoadedFile> loadMembers(Connection connection, List<Recognised> group, String user,
            List<String> warnings, List<ReferenceReport.Reject> rejects) throws SQLException {
        org.perinatalequity.ingest.Pseudonymiser pseudonymiser = new org.perinatalequity.ingest.Pseudonymiser(
                properties.ingest().pseudonymisationKey());
        execute(connection, "DELETE FROM ref_mvp_member");
        List<ReferenceReport.LoadedFile> loaded = new ArrayList<>();
        for (Recognised r : group) {
            if (r.scan().records() > MAX_MEMBERS) {
                // The list is read whole into memory: a file this long is not an MVP list.
                throw new ReferenceRefusedException(r.file().name() + " has " + CsvScan.number(r.scan().records())
                        + " rows; an MVP membership list holds at most " + CsvScan.number(MAX_MEMBERS));
            }
            MvpMembersFile.Read read;
            try {
                read = MvpMembersFile.read(java.nio.file.Files.readString(r.readable()), r.file().name(), r.layout(),
                        java.time.LocalDate.now());
            } catch (IOException e) {
                throw new ReferenceRefusedException(r.file().name() + " cannot be read: the file could not be opened or"
                        + " read to its end", e);
            }
            rejects.addAll(read.rejects());
            warnings.addAll(read.warnings());
            if (read.members().isEmpty()) {
                throw new ReferenceRefusedException(r.file().name() + ": no membership could be loaded"
                        + (read.rejects().isEmpty() ? " (the file holds no rows)" : "; " + read.rejects().size()
                                + " row(s) rejected, the first: " + read.rejects().get(0)));
            }
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO ref_mvp_member VALUES ("
                    + org.perinatalequity.ingest.Pseudonymiser.sql("?") + ", ?, ?, ?, ?, ?, ?, ?)")) {
                for (MvpMembersFile.Member m : read.members()) {
                    ps.setBytes(1, pseudonymiser.outerPad());
                    ps.setBytes(2, pseudonymiser.innerPad());
                    ps.setString(3, m.memberId());
                    ps.setString(4, m.ethnicCategory());
                    ps.setString(5, m.postcodeDistrict());
                    ps.setString(6, m.lsoa());
                    ps.setObject(7, m.joined());
                    ps.setObject(8, m.left());
                    ps.setString(9, r.file().name());
                    ps.setLong(10, m.line());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            loaded.add(new ReferenceReport.LoadedFile(r.file().name(), Kind.mvp_members.name(),
                    r.layout().description(), null, read.members().size()));
            logFile(connection, r, read.members().size(), user);
        }
        return loaded;
    }

    /** The register is small and checked line by line (AssetRegister); the last file of the call replaces it. */
    private List<ReferenceReport.LoadedFile> loadAssets(Connection connection, List<Recognised> group, String user,
            List<String> warnings) throws SQLException {
        List<ReferenceReport.LoadedFile> loaded = new ArrayList<>();
        execute(connection, "DELETE FROM ref_asset");
        for (Recognised r : group) {
            long rows = AssetRegister.load(connection, r.readable(), r.file().name(), r.layout(), warnings);
            loaded.add(new ReferenceReport.LoadedFile(r.file().name(), r.layout().kind().name(),
                    r.layout().description(), null, rows));
            logFile(connection, r, rows, user);
        }
        return loaded;
    }

    /** An LSOA the LMNS does not know (typed wrong, or of the other vintage) and an LSOA listed twice are warned of. */
    private static void neighbourhoodWarnings(Connection connection, String fileName, List<String> warnings)
            throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT s.lsoa, count(*) FROM ref_stage s WHERE s.lsoa IS NOT NULL
                  AND (SELECT count(*) FROM v_lmns_lsoa) > 0
                  AND s.lsoa NOT IN (SELECT lsoa FROM v_lmns_lsoa)
                GROUP BY 1 ORDER BY 1""")) {
            while (rs.next()) {
                warnings.add(fileName + ": LSOA " + rs.getString(1) + " is not one of the LMNS's LSOAs (postcode"
                        + " directory or IoD file): its neighbourhood is kept but nothing links to it");
            }
        }
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT lsoa, count(DISTINCT neighbourhood_code) FROM ref_stage WHERE lsoa IS NOT NULL
                GROUP BY 1 HAVING count(DISTINCT neighbourhood_code) > 1 ORDER BY 1""")) {
            while (rs.next()) {
                warnings.add(fileName + ": LSOA " + rs.getString(1) + " is given " + rs.getLong(2)
                        + " neighbourhoods: the first in code order is kept");
            }
        }
    }

    private static String col(ReferenceLayout layout, Field field) {
        return layout.position(field).map(i -> "nullif(trim(c" + i + "), '')").orElse("CAST(NULL AS VARCHAR)");
    }

    private static void logFile(Connection connection, Recognised r, long rows, String user) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO ref_file VALUES (current_localtimestamp(), ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, r.layout().kind().name());
            ps.setString(2, r.layout().description());
            ps.setString(3, r.layout().vintage());
            ps.setString(4, r.file().name());
            ps.setString(5, r.scan().sha256());
            ps.setLong(6, rows);
            ps.setString(7, user);
            ps.executeUpdate();
        }
    }

    // ------------------------------------------------------------------ linkage report

    public String imdVintage() {
        return properties.reference().imdVintage();
    }

    public List<Linkage.FileRow> findLoadedFiles() {
        return jdbc.sql("""
                SELECT loaded_at, kind, layout, vintage, file_name, rows, user_name AS user
                FROM ref_file ORDER BY loaded_at DESC, file_name""").query(Linkage.FileRow.class).list();
    }

    public List<Linkage.StatusCount> countPostcodeStatuses() {
        return jdbc.sql("SELECT postcode_status AS status, count(*) AS women FROM v_women GROUP BY 1 ORDER BY 2 DESC")
                .query(Linkage.StatusCount.class).list();
    }

    public List<Linkage.MatchRateRow> findMatchRates() {
        return jdbc.sql("""
                SELECT provider, team, count(*) AS women, count(imd_decile) AS linked,
                       100.0 * count(imd_decile) / count(*) AS linked_percent
                FROM v_women GROUP BY provider, team ORDER BY provider, team""")
                .query(Linkage.MatchRateRow.class).list();
    }

    public List<Linkage.UnmatchedDistrict> findUnmatchedDistricts(int limit) {
        return jdbc.sql("""
                SELECT postcode_district, count(*) AS women FROM v_women WHERE postcode_status = 'unmatched'
                GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT :limit""").param("limit", limit)
                .query(Linkage.UnmatchedDistrict.class).list();
    }

    public boolean hasReferenceData() {
        return jdbc.sql("SELECT count(*) FROM ref_file").query(Long.class).single() > 0;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // Unpacked and converted copies of the files: private, and always deleted (they may hold NHS numbers).
    private static Path createWorkDir() {
        return Intake.createPrivateFolder("equity-reference-");
    }
}
