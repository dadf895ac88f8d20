package org.perinatalequity.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;

/**
 * Loads one submission (the CSV files of one folder or zip) on one connection, inside the caller's
 * transaction: recognise its dataset from the file names ({@link Dataset}), then each file's table and
 * layout, stage it with DuckDB {@code read_csv}, validate every value against its registry format in SQL,
 * then replace any earlier load of the same dataset, provider and reporting period. Anything that refuses
 * the submission throws {@link IngestRefusedException} before the raw tables are touched, so the caller's
 * rollback leaves the database as it was.
 */
final class SubmissionLoader {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SubmissionLoader.class);

    /** The outcome of a loaded submission. */
    record Loaded(Dataset dataset, long submissionId, @Nullable Long replacedSubmissionId, String provider,
            LocalDate periodStart, LocalDate periodEnd, List<IngestReport.TableCount> tables) {
    }

    private final Connection connection;
    private final MsdsRegistry registry;
    private final Pseudonymiser pseudonymiser;
    private final Path workDir;
    private final IngestLog log;
    private final CsvScan.Limits limits;
    private final java.util.Set<Dataset> permitted;
    private final List<StagedFile> staged = new ArrayList<>();
    private final List<CsvScanOfFile> scanned = new ArrayList<>();
    /** The dataset of the submission, once recognised from its files (MSDS until a file says otherwise). */
    private Dataset dataset = Dataset.MSDS;
    private boolean recognised;

    /** Every file looked at, for the ingest log, whether or not the submission loads. */
    record CsvScanOfFile(String name, String tableId, CsvScan scan) {
    }

    SubmissionLoader(Connection connection, MsdsRegistry registry, Pseudonymiser pseudonymiser, Path workDir,
            IngestLog log, CsvScan.Limits limits, java.util.Set<Dataset> permitted) {
        this.connection = connection;
        this.permitted = permitted;
        this.limits = limits;
        this.registry = registry;
        this.pseudonymiser = pseudonymiser;
        this.workDir = workDir;
        this.log = log;
    }

    List<CsvScanOfFile> scannedFiles() {
        return scanned;
    }

    /** The dataset the files were recognised as (for the report of a refused submission too), if they were. */
    @Nullable
    Dataset recognisedDataset() {
        return recognised ? dataset : null;
    }

    Loaded load(ExtractFiles.Found found) throws SQLException, IOException {
        long started = System.nanoTime();
        for (String name : found.skipped()) {
            log.warning("ignored_file", name, null, null, null, null, name.toLowerCase(java.util.Locale.ROOT)
                    .endsWith(".zip") ? "a zip inside the zip is not opened (send one zip of .csv files); ignored"
                            : "not a .csv file; ignored");
        }
        if (found.csvFiles().isEmpty()) {
            List<String> zips = found.skipped().stream()
                    .filter(n -> n.toLowerCase(java.util.Locale.ROOT).endsWith(".zip")).toList();
            throw new IngestRefusedException("The submission holds no .csv file" + (zips.isEmpty() ? ""
                    : ": the zip" + (zips.size() > 1 ? "s" : "") + " inside it (" + String.join(", ", zips)
                            + ") " + (zips.size() > 1 ? "are" : "is") + " not opened; send one zip of the .csv files"));
        }
        dataset = recogniseDataset(found.csvFiles());
        recognised = true;
        if (!permitted.contains(dataset)) {
            throw new IngestRefusedException("The submission holds " + dataset + " files, which your role may not load ("
                    + (dataset == Dataset.WORKFORCE ? "workforce data is HR data: a user with the WORKFORCE role loads it"
                            : "an ADMIN user loads them") + "); nothing was loaded");
        }
        Map<String, StagedFile> byTable = recognise(found.csvFiles());
        List<String> requiredTables = dataset.requiredTables();
        for (String required : requiredTables) {
            if (!byTable.containsKey(required)) {
                throw new IngestRefusedException("The submission has no " + required + " file (every "
                        + (dataset == Dataset.MSDS ? "" : dataset + " ") + "submission needs "
                        + String.join(", ", requiredTables) + ")");
            }
        }
        // MSD002 (GP practice registration) is optional because many local and national extracts omit it.
        if (dataset == Dataset.MSDS && !byTable.containsKey("MSD002")) {
            log.warning("missing_table", null, "MSD002", null, null, null, "no MSD002 (GP practice registration) file:"
                    + " GP practice and PCN are unknown for this submission, so their breakdowns have no data from it");
        }
        long t0 = System.nanoTime();
        for (Map.Entry<String, StagedFile> entry : byTable.entrySet()) {
            entry.setValue(stage(entry.getValue()));
        }
        long t1 = System.nanoTime();
        Header header = header(byTable.get(dataset.headerTable()));
        Long replaced = existingSubmission(header);
        for (StagedFile file : byTable.values()) {
            recordIssues(file);
        }
        long t2 = System.nanoTime();
        long submissionId = replace(header, replaced, byTable);
        long t3 = System.nanoTime();
        warnOrphans(byTable, header.provider(), submissionId);
        List<IngestReport.TableCount> counts = new ArrayList<>();
        for (StagedFile file : byTable.values()) {
            long kept = count("SELECT count(*) FROM " + file.rawTable() + " WHERE keep");
            long rejected = file.scan().badRows().size() + count("SELECT count(*) FROM " + file.rawTable()
                    + " WHERE NOT keep");
            counts.add(new IngestReport.TableCount(file.table().id(), file.scan().records(), kept, rejected));
        }
        LOG.debug("scan {} ms, stage and check {} ms, issues {} ms, insert {} ms, orphans {} ms",
                (t0 - started) / 1_000_000, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000,
                (System.nanoTime() - t3) / 1_000_000);
        return new Loaded(dataset, submissionId, replaced, header.provider(), header.start(), header.end(), counts);
    }

    // ------------------------------------------------------------------ recognising files

    /**
     * The dataset of a submission, from the table ids its file names carry (MSDnnn or MHSnnn); files that name
     * no table are MSDS files recognised by their header, as before there was a second dataset. A submission
     * mixing the two is refused: each dataset has its own header table, provider and period.
     */
    private static Dataset recogniseDataset(List<ExtractFiles.SourceFile> files) {
        Map<Dataset, String> seen = new LinkedHashMap<>();
        for (ExtractFiles.SourceFile file : files) {
            String fileName = Path.of(file.name()).getFileName().toString();
            MsdsRegistry.anyTableIdInFileName(fileName).flatMap(Dataset::ofTable)
                    .ifPresent(d -> seen.putIfAbsent(d, file.name()));
        }
        if (seen.size() > 1) {
            StringJoiner which = new StringJoiner(" and ");
            seen.forEach((d, name) -> which.add(d + " (" + name + ")"));
            throw new IngestRefusedException("The submission mixes files of two datasets: " + which
                    + "; load each dataset's files as a submission of its own");
        }
        return seen.isEmpty() ? Dataset.MSDS : seen.keySet().iterator().next();
    }

    private Map<String, StagedFile> recognise(List<ExtractFiles.SourceFile> files) throws IOException, SQLException {
        Map<String, StagedFile> byTable = new LinkedHashMap<>();
        int index = 0;
        for (ExtractFiles.SourceFile file : files) {
            CsvScan scan;
            try {
                scan = CsvScan.of(file.path(), limits);
            } catch (CsvScan.Unreadable e) {
                throw new IngestRefusedException(file.name() + " cannot be read: " + e.getMessage(), e);
            } catch (IOException e) {
                // The Java text stays in the server log; the sender is told what to do in plain words.
                LOG.warn("{} could not be read: {}", file.name(), e.toString());
                throw new IngestRefusedException(file.name() + " cannot be read: the file could not be opened or"
                        + " read to its end", e);
            }
            Optional<String> named = dataset.tableIdInFileName(Path.of(file.name()).getFileName().toString());
            MsdsTable table;
            if (named.isPresent()) {
                table = registry.table(named.get()).orElse(null);
                if (table == null) {
                    scanned.add(new CsvScanOfFile(file.name(), named.get(), scan));
                    if (MsdsRegistry.isKnownUnusedTable(named.get())) {
                                log.warning("ignored_table", file.name(), named.get(), null, null, null,
                                named.get() + " is an " + dataset + " table the dashboard does not use; the file was"
                                        + " not loaded");
                        continue;
                    }
                    throw new IngestRefusedException(file.name() + ": unknown table " + named.get()
                            + " (not " + dataset.tableKind() + ")");
                }
            } else if (dataset != Dataset.MSDS) {
                // The specification names each MHSDS file after its table; several tables share key columns.
                throw new IngestRefusedException(file.name() + ": unknown table: the file name has no " + dataset
                        + " table id (" + String.join(", ", dataset.requiredTables()) + ")");
            } else {
                table = registry.recogniseByHeader(scan.header()).orElseThrow(() -> new IngestRefusedException(
                        file.name() + ": unknown table: the file name has no MSDnnn table id and the header matches"
                                + " no MSDS table"));
            }
            scanned.add(new CsvScanOfFile(file.name(), table.id(), scan));
            HeaderMapping mapping = table.map(scan.header());
            if (!mapping.missingRequired().isEmpty()) {
                throw new IngestRefusedException(file.name() + " (" + table.id() + "): missing mandatory column"
                        + (mapping.missingRequired().size() > 1 ? "s " : " ") + String.join(", ", mapping.missingRequired()));
            }
            refuseDuplicateColumns(file.name(), scan.header(), mapping);
            StagedFile previous = byTable.get(table.id());
            if (previous != null) {
                throw new IngestRefusedException("Two files for " + table.id() + ": " + previous.source().name()
                        + " and " + file.name());
            }
            if (!mapping.ignored().isEmpty()) {
                log.warning("ignored_column", file.name(), table.id(), 1, String.join(", ", mapping.ignored()), null,
                        "column" + (mapping.ignored().size() > 1 ? "s" : "") + " not in the " + dataset
                                + " registry for "
                                + table.id() + "; ignored");
            }
            Path readable = file.path();
            if (scan.encoding() == CsvScan.Encoding.WINDOWS_1252) {
                readable = workDir.resolve("utf8-" + index + ".csv");
                try {
                    CsvScan.transcodeWindows1252(file.path(), readable);
                } catch (IOException e) {
                    LOG.warn("{} could not be converted from Windows-1252: {}", file.name(), e.toString());
                    throw new IngestRefusedException(file.name() + " cannot be read: it is not valid UTF-8 and could"
                            + " not be converted from Windows-1252: the file must be saved as UTF-8", e);
                }
            }
            if (scan.mixedLineEnds()) {
                // DuckDB's reader stops on a file mixing CRLF and LF line ends: it reads a copy with LF only.
                Path lf = workDir.resolve("lf-" + index + ".csv");
                CsvScan.normaliseLineEnds(readable, lf);
                readable = lf;
            }
            byTable.put(table.id(), new StagedFile(index++, new ExtractFiles.SourceFile(file.name(), readable), scan,
                    mapping, 0));
        }
        return byTable;
    }

    /**
     * A column the mapping uses that appears twice in the header (by name or alias, in any case) is ambiguous:
     * which copy holds the data cannot be told, so the file is refused rather than one copy silently dropped.
     */
    private static void refuseDuplicateColumns(String name, List<String> header, HeaderMapping mapping) {
        Map<String, Integer> first = new java.util.HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            first.putIfAbsent(header.get(i).strip().toLowerCase(java.util.Locale.ROOT), i);
        }
        for (HeaderMapping.Column column : mapping.columns()) {
            String key = column.headerName().toLowerCase(java.util.Locale.ROOT);
            for (int i = 0; i < header.size(); i++) {
                if (i != column.position() && header.get(i).strip().toLowerCase(java.util.Locale.ROOT).equals(key)) {
                    throw new IngestRefusedException(name + " line 1: the column " + column.headerName()
                            + " appears twice (columns " + (first.get(key) + 1) + " and " + (Math.max(i,
                                    column.position()) + 1) + "); send it once");
                }
            }
            for (String alias : column.item().aliases().keySet()) {
                Integer at = first.get(alias.toLowerCase(java.util.Locale.ROOT));
                if (at != null && at != column.position() && !alias.equalsIgnoreCase(column.headerName())) {
                    throw new IngestRefusedException(name + " line 1: the columns " + column.headerName() + " and "
                            + header.get(at).strip() + " are both " + column.item().name() + " (columns "
                            + (Math.min(at, column.position()) + 1) + " and " + (Math.max(at, column.position()) + 1)
                            + "); send one of them");
                }
            }
        }
    }

    // ------------------------------------------------------------------ staging and validation

    /** Reads a file with {@code read_csv} and checks every value once, into the row flags. */
    private StagedFile stage(StagedFile file) throws SQLException {
        long started = System.nanoTime();
        staged.add(file);
        int width = file.scan().header().size();
        StringJoiner columns = new StringJoiner(", ", "{", "}");
        for (int i = 0; i < width; i++) {
            columns.add("'c" + i + "': 'VARCHAR'");
        }
        StringJoiner keep = new StringJoiner(" AND ", "(", ")").setEmptyValue("TRUE");
        for (HeaderMapping.Column column : file.mandatory()) {
            keep.add("coalesce(" + column.format().validSql(StagedFile.value(column)) + ", false)");
        }
        StringJoiner clean = new StringJoiner(" AND ", "(", ")").setEmptyValue("TRUE");
        for (HeaderMapping.Column column : file.optional()) {
            String v = StagedFile.value(column);
            clean.add("coalesce(" + v + " IS NULL OR " + column.format().validSql(v) + ", false)");
        }
        String rejects = "stage_rej_" + file.index();
        execute("DROP TABLE IF EXISTS " + rejects);
        execute("DROP TABLE IF EXISTS stage_rejscan_" + file.index());
        // The checks run once, while the file is read: every later query reads the flags.
        // Only the mapped columns are kept: the reader skips the others, so columns the registry does not know
        // cost no memory.
        StringJoiner mapped = new StringJoiner(", ", "", ", ").setEmptyValue("");
        file.mapping().columns().forEach(c -> mapped.add("c" + c.position()));
        try {
            execute("CREATE OR REPLACE TEMP TABLE " + file.rawTable() + " AS SELECT " + mapped + keep + " AS keep, "
                    + clean + " AS clean FROM read_csv(" + literal(file.source().path().toString()) + ", header = true,"
                    + " auto_detect = false, delim = ',', quote = '\"', escape = '\"', columns = " + columns + ","
                    + " max_line_size = " + CsvScan.MAX_RECORD_BYTES + ", store_rejects = true, rejects_table = '"
                    + rejects + "', rejects_scan = 'stage_rejscan_" + file.index() + "') r");
        } catch (SQLException e) {
            // The scan has checked encoding, quoting and sizes, so this is unexpected: DuckDB's text stays in
            // the server log, the sender gets the file and what to check.
            LOG.warn("{}: the CSV reader failed: {}", file.source().name(), e.getMessage());
            throw new IngestRefusedException(file.source().name() + " cannot be read: the CSV reader stopped on it;"
                    + " check its quoting (a stray \" inside a field) and that it is a CSV file saved as UTF-8", e);
        }
        long read = System.nanoTime();
        long accepted = count("SELECT count(*) FROM " + file.rawTable());
        long structural = count("SELECT count(DISTINCT line) FROM " + rejects);
        long expectedGood = file.scan().records() - file.scan().badRows().size();
        if (accepted != expectedGood || structural != file.scan().badRows().size()) {
            throw new IngestRefusedException(file.source().name() + " cannot be read consistently: " + accepted
                    + " rows parsed and " + structural + " refused by the CSV reader, but the file holds "
                    + expectedGood + " well-formed and " + file.scan().badRows().size()
                    + " malformed records. Check quoting (a stray \" inside a field).");
        }
        if (file.scan().segments().size() > 1) {
            StringJoiner rows = new StringJoiner(", ");
            file.scan().segments().forEach(s -> rows.add("(" + s.fromRow() + ", " + s.extraLines() + ")"));
            execute("CREATE OR REPLACE TEMP TABLE " + file.segmentTable() + " AS SELECT * FROM (VALUES " + rows
                    + ") t(from_row, extra)");
        }
        // Row ids follow file order; inside a transaction they start at an offset, hence the base.
        StagedFile based = new StagedFile(file.index(), file.source(), file.scan(), file.mapping(),
                count("SELECT coalesce(min(rowid), 0) FROM " + file.rawTable()));
        LOG.debug("{}: read and checked in {} ms", file.source().name(), (read - started) / 1_000_000);
        return based;
    }

    /** Per row, the list of problems with the given items (only evaluated on rows that have one). */
    private static String problems(List<HeaderMapping.Column> columns, boolean mandatory) {
        StringJoiner list = new StringJoiner(", ", "[", "]");
        for (HeaderMapping.Column column : columns) {
            String v = StagedFile.value(column);
            String name = literal(column.item().name());
            String shown = column.item().sensitive() ? "NULL" : v;
            String malformed = "{'typ': '" + (mandatory ? "malformed" : "invalid_value") + "', 'col': " + name
                    + ", 'val': " + shown + ", 'why': " + literal(column.format().reason()) + "}";
            list.add(mandatory
                    ? "CASE WHEN " + v + " IS NULL THEN {'typ': 'missing_mandatory', 'col': " + name
                            + ", 'val': NULL, 'why': 'missing mandatory item'} WHEN NOT "
                            + column.format().validSql(v) + " THEN " + malformed + " END"
                    : "CASE WHEN " + v + " IS NOT NULL AND NOT " + column.format().validSql(v) + " THEN " + malformed
                            + " END");
        }
        return "list_filter(" + list + "::STRUCT(typ VARCHAR, col VARCHAR, val VARCHAR, why VARCHAR)[],"
                + " lambda x: x IS NOT NULL)";
    }

    /** Writes the file's rejects and warnings to the ingest log (set-based: a bad file may have millions). */
    private void recordIssues(StagedFile file) throws SQLException {
        for (CsvScan.BadRow bad : file.scan().badRows()) {
            log.reject("bad_row", file.source().name(), file.table().id(), (int) bad.line(), null, null,
                    "row has " + bad.fields() + " field" + (bad.fields() == 1 ? "" : "s") + "; the header has "
                            + file.scan().header().size());
        }
        log.insertFromStage(file, "reject", problems(file.mandatory(), true), "NOT r.keep");
        log.insertFromStage(file, "warning", problems(file.optional(), false), "r.keep AND NOT r.clean");
    }

    /** After the insert: rows of this submission whose parent is in no submission of the provider. */
    private void warnOrphans(Map<String, StagedFile> byTable, String provider, long submissionId) throws SQLException {
        for (Dataset.ParentLink link : dataset.parents()) {
            StagedFile child = byTable.get(link.child());
            if (child == null || !child.has(link.childKey())) {
                continue;
            }
            String reason = "orphan: no " + link.parent() + " record with " + link.parentKey()
                    + " equal to this value in this or an earlier submission of " + provider + "; row loaded";
            log.insertOrphans(child, "SELECT c.line, c." + link.childKey() + " AS key FROM "
                    + link.child().toLowerCase() + " c WHERE c.submission_id = " + submissionId + " AND c."
                    + link.childKey() + " IS NOT NULL AND NOT EXISTS (SELECT 1 FROM " + link.parent().toLowerCase()
                    + " p JOIN submission s USING (submission_id) WHERE s.provider = ? AND s.dataset = '" + dataset
                    + "' AND p." + link.parentKey()
                    + " = c." + link.childKey() + ")", link.childKey(), reason, provider);
        }
    }

    // ------------------------------------------------------------------ the header (MSD000, MHS000) and replacement

    private record Header(String provider, LocalDate start, LocalDate end, boolean national) {
    }

    private Header header(StagedFile msd000) throws SQLException {
        String name = msd000.source().name();
        String id = dataset.headerTable();
        Dataset.HeaderItems items = dataset.headerItems();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT line, x.col, x.val, x.why FROM (SELECT " + msd000.line()
                        + " AS line, unnest(" + problems(msd000.mandatory(), true) + ") AS x FROM " + msd000.rows()
                        + " WHERE NOT r.keep) ORDER BY line LIMIT 1")) {
            if (rs.next()) {
                throw new IngestRefusedException(name + " (" + id + ") line " + rs.getInt(1) + ": " + rs.getString(2)
                        + (rs.getString(3) == null ? "" : " '" + rs.getString(3) + "'") + ": " + rs.getString(4));
            }
        }
        long rows = count("SELECT count(*) FROM " + msd000.rawTable());
        if (rows != 1 || !msd000.scan().badRows().isEmpty()) {
            throw new IngestRefusedException(name + " (" + id + ") must hold exactly one header row; it holds "
                    + (rows + msd000.scan().badRows().size()));
        }
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT " + msd000.value(items.provider()) + ", try_cast("
                        + msd000.value(items.periodStart()) + " AS DATE), try_cast(" + msd000.value(items.periodEnd())
                        + " AS DATE) FROM " + msd000.rows())) {
            rs.next();
            LocalDate start = rs.getObject(2, LocalDate.class);
            LocalDate end = rs.getObject(3, LocalDate.class);
            if (end.isBefore(start)) {
                throw new IngestRefusedException(name + " (" + id + "): " + items.periodEnd() + " " + end
                        + " is before " + items.periodStart() + " " + start);
            }
            boolean national = staged.stream().anyMatch(f -> f.mapping().nationalLayout());
            return new Header(rs.getString(1).strip().toUpperCase(), start, end, national);
        }
    }

    private Long existingSubmission(Header header) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT submission_id FROM submission WHERE provider = ? AND rp_start = ? AND rp_end = ?"
                        + " AND dataset = ?")) {
            ps.setString(1, header.provider());
            ps.setDate(2, Date.valueOf(header.start()));
            ps.setDate(3, Date.valueOf(header.end()));
            ps.setString(4, dataset.name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private long replace(Header header, Long replaced, Map<String, StagedFile> byTable) throws SQLException {
        if (replaced != null) {
            for (MsdsTable table : registry.tables(dataset)) {
                if (!table.id().equals(dataset.headerTable())) {
                    execute("DELETE FROM " + table.rawTable() + " WHERE submission_id = " + replaced);
                }
            }
            execute("DELETE FROM submission WHERE submission_id = " + replaced);
        }
        long id = count("SELECT nextval('submission_seq')");
        boolean provider = staged.stream().anyMatch(f -> !f.mapping().nationalLayout()
                && !f.table().id().equals(dataset.headerTable()));
        String layout = header.national() ? (provider ? "mixed" : "national") : "provider";
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO submission (submission_id, provider, rp_start,"
                + " rp_end, layout, run_id, loaded_at, dataset) VALUES (?, ?, ?, ?, ?, ?, current_localtimestamp(), ?)")) {
            ps.setLong(1, id);
            ps.setString(2, header.provider());
            ps.setDate(3, Date.valueOf(header.start()));
            ps.setDate(4, Date.valueOf(header.end()));
            ps.setString(5, layout);
            ps.setLong(6, log.runId());
            ps.setString(7, dataset.name());
            ps.executeUpdate();
        }
        for (StagedFile file : byTable.values()) {
            if (!file.table().id().equals(dataset.headerTable())) {
                insertRows(file, id);
            }
        }
        return id;
    }

    private void insertRows(StagedFile file, long submissionId) throws SQLException {
        StringJoiner targets = new StringJoiner(", ");
        StringJoiner values = new StringJoiner(", ");
        int pseudonymised = 0;
        for (HeaderMapping.Column column : file.mapping().columns()) {
            String v = StagedFile.value(column);
            targets.add(column.item().name());
            if (column.item().format().pseudonymised()) {
                values.add("CASE WHEN " + v + " IS NOT NULL THEN " + Pseudonymiser.sql(v) + " END");
                pseudonymised++;
            } else if (column.item().mandatory()) {
                // Kept rows have valid mandatory items; the cast is still a try_cast because DuckDB may
                // evaluate it before the keep filter.
                values.add(column.format().castSql(v));
            } else {
                values.add("CASE WHEN r.clean THEN " + column.format().castSql(v) + " ELSE "
                        + column.format().storeSql(v) + " END");
            }
        }
        String invalidItems = "CASE WHEN r.clean THEN []::VARCHAR[] ELSE list_transform("
                + problems(file.optional(), false) + ", lambda x: x.col) END";
        String sql = "INSERT INTO " + file.table().rawTable() + " (submission_id, line, invalid_items, " + targets
                + ") SELECT ?, " + file.line() + ", " + invalidItems + ", " + values + " FROM " + file.rows()
                + " WHERE r.keep";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            int p = 1;
            ps.setLong(p++, submissionId);
            for (int i = 0; i < pseudonymised; i++) {
                ps.setBytes(p++, pseudonymiser.outerPad());
                ps.setBytes(p++, pseudonymiser.innerPad());
            }
            ps.executeUpdate();
        }
    }

    /** Drops the temporary tables of this submission (they live as long as the pooled connection). */
    void dropStage() throws SQLException {
        for (StagedFile file : staged) {
            int i = file.index();
            for (String t : List.of("stage_raw_" + i, "stage_seg_" + i, "stage_rej_" + i,
                    "stage_rejscan_" + i)) {
                execute("DROP TABLE IF EXISTS " + t);
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        }
    }

    private long count(String sql) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A SQL string literal; the only way file names and registry text reach SQL. */
    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
