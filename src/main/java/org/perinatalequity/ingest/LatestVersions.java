package org.perinatalequity.ingest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.perinatalequity.system.RefreshStep;
import org.perinatalequity.system.TableSwap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Stores the latest version of every MSDS and MHSDS record ({@code internal.msdNNN_store}, read through the views
 * {@code internal.msdNNN}): a window over every submission is too slow to repeat in every query. The first step of
 * every derived-data refresh; the stores are swapped in the refresh's one transaction with every other derived table,
 * so readers see one version of the data.
 *
 * <p>After a load ({@link #rebuildSubmissions}) only the records the load can change are recomputed: those whose key
 * (the {@code PARTITION BY} of the table's {@code internal.<table>_latest} view) is carried by a row of an added
 * submission or by a stored row of a removed one. Every other key keeps the same rows to choose from, so its winner
 * is unchanged. The key and the query are read from the view itself, so the SQL file stays the one definition; a
 * view of another shape is rebuilt whole.
 */
@Component
public class LatestVersions implements RefreshStep {

    private static final Logger LOG = LoggerFactory.getLogger(LatestVersions.class);

    /** DuckDB's normalised text of a {@code _latest} view: its SELECT and FROM, then QUALIFY with the window. */
    private static final Pattern KEYED = Pattern.compile(
            "(?s)CREATE VIEW \\S+ AS (SELECT .+? FROM (\\(.+\\))) (QUALIFY \\(row_number\\(\\) OVER \\(PARTITION BY"
                    + " (.+?) ORDER BY .+\\) = 1\\));?\\s*");
    /** A key column as the window names it: the table's alias, a dot, the column. */
    private static final Pattern KEY_COLUMN = Pattern.compile("([a-z]+)\\.(\\w+)");
    /** A view where every row of every submission is current (a submission is replaced whole). */
    private static final Pattern EVERY_ROW = Pattern.compile(
            "(?s)CREATE VIEW \\S+ AS SELECT [^()]+ FROM \\(\\S+ AS r INNER JOIN main\\.submission AS s USING"
                    + " \\(submission_id\\)\\);?\\s*");

    private final List<String> rawTables;

    LatestVersions(DataSource dataSource, MsdsRegistry registry) {
        this.rawTables = registry.dataTables().stream().map(MsdsTable::rawTable).toList();
    }

    /** Whether a table the load brings most rows of is rebuilt whole; tests of the update by key say no. */
    boolean wholeWhenMostlyNew() {
        return true;
    }

    /** For tests and tools that build the registry themselves. */
    public static LatestVersions of(DataSource dataSource) {
        return new LatestVersions(dataSource, new MsdsRegistry());
    }

    @Override
    public Stage stage() {
        return Stage.LATEST_VERSIONS;
    }

    @Override
    public void rebuild(Statement st) throws SQLException {
        TableSwap.swap(st, rawTables.stream().map(LatestVersions::wholeStore).toList());
    }

    private static TableSwap.Build wholeStore(String table) {
        return new TableSwap.Build("internal." + table + "_store", "SELECT * FROM internal." + table + "_latest");
    }

    @Override
    public boolean rebuildsBySubmissions() {
        return true;
    }

    /**
     * For each table: the keys of the rows of the added submissions and of the stored rows of the removed ones, their
     * stored rows deleted and their latest versions recomputed from the raw rows of those keys only. A table where
     * the load brings most of the rows is rebuilt whole instead (the same rows, without the bookkeeping).
     */
    @Override
    public void rebuildSubmissions(Statement st, Set<Long> added, Set<Long> removed) throws SQLException {
        if (added.isEmpty() && removed.isEmpty()) {
            return;
        }
        String addedIds = list(added);
        String removedIds = list(removed);
        List<TableSwap.Build> whole = new ArrayList<>();
        for (String table : rawTables) {
            String store = "internal." + table + "_store";
            if (wholeWhenMostlyNew() && !mostlyKept(st, table, addedIds)) {
                whole.add(wholeStore(table));
                continue;
            }
            String view = viewSql(st, table);
            Matcher keyed = KEYED.matcher(view);
            Optional<List<String[]>> keys = keyed.matches() ? keyColumns(keyed.group(4)) : Optional.empty();
            if (keys.isPresent()) {
                List<String[]> key = keys.get();
                String viewKey = columns(key, "%1$s.%2$s AS c%3$d");
                String storeKey = columns(key, "%2$s AS c%3$d");
                st.execute("CREATE OR REPLACE TEMP TABLE refresh_key AS SELECT DISTINCT " + viewKey + " FROM "
                        + keyed.group(2) + " WHERE submission_id IN (" + addedIds + ") UNION SELECT DISTINCT "
                        + storeKey + " FROM " + store + " WHERE submission_id IN (" + removedIds + ")");
                st.execute("DELETE FROM " + store + " AS t WHERE EXISTS (SELECT 1 FROM refresh_key k WHERE "
                        + columns(key, "k.c%3$d IS NOT DISTINCT FROM t.%2$s", " AND ") + ")");
                st.execute("INSERT INTO " + store + " BY NAME " + keyed.group(1) + " WHERE EXISTS (SELECT 1 FROM"
                        + " refresh_key k WHERE "
                        + columns(key, "k.c%3$d IS NOT DISTINCT FROM %1$s.%2$s", " AND ") + ") " + keyed.group(3));
                st.execute("DROP TABLE refresh_key");
            } else if (EVERY_ROW.matcher(view).matches()) {
                st.execute("DELETE FROM " + store + " WHERE submission_id IN (" + removedIds + ")");
                st.execute("INSERT INTO " + store + " BY NAME SELECT * FROM internal." + table + "_latest"
                        + " WHERE submission_id IN (" + addedIds + ")");
            } else {
                LOG.info("internal.{}_latest is not a window over one key: its store is rebuilt whole", table);
                whole.add(wholeStore(table));
            }
        }
        TableSwap.swap(st, whole);
    }

    /** Whether a load can update the store of this {@code _latest} view (DuckDB's text of it) without rebuilding it. */
    static boolean updatable(String viewSql) {
        Matcher keyed = KEYED.matcher(viewSql);
        return keyed.matches() ? keyColumns(keyed.group(4)).isPresent() : EVERY_ROW.matcher(viewSql).matches();
    }

    /** Whether most of the table's raw rows are in submissions older than the load's. */
    private static boolean mostlyKept(Statement st, String table, String addedIds) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT count(*) FILTER (WHERE submission_id IN (" + addedIds + ")),"
                + " count(*) FROM main." + table)) {
            rs.next();
            return rs.getLong(1) * 2 < rs.getLong(2);
        }
    }

    private static String viewSql(Statement st, String table) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT sql FROM duckdb_views() WHERE schema_name = 'internal'"
                + " AND view_name = '" + table + "_latest'")) {
            if (!rs.next()) {
                throw new SQLException("No view internal." + table + "_latest: the database schema is incomplete");
            }
            return rs.getString(1);
        }
    }

    /** The window's key as alias and column pairs, when each is a plain column of the view's tables. */
    private static Optional<List<String[]>> keyColumns(String partitionBy) {
        List<String[]> key = new ArrayList<>();
        for (String part : partitionBy.split(",")) {
            Matcher m = KEY_COLUMN.matcher(part.strip());
            if (!m.matches()) {
                return Optional.empty();
            }
            key.add(new String[] { m.group(1), m.group(2) });
        }
        return Optional.of(key);
    }

    /**
     * Each key column formatted with its alias ({@code %1$s}), column ({@code %2$s}) and position ({@code %3$d}),
     * joined by {@code separator}; compared with IS NOT DISTINCT FROM, as the window groups null keys together.
     */
    private static String columns(List<String[]> key, String format, String separator) {
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < key.size(); i++) {
            terms.add(String.format(Locale.ROOT, format, key.get(i)[0], key.get(i)[1], i));
        }
        return String.join(separator, terms);
    }

    private static String columns(List<String[]> key, String format) {
        return columns(key, format, ", ");
    }

    private static String list(Set<Long> ids) {
        return ids.isEmpty() ? "NULL" : ids.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
    }
}
