package org.perinatalequity.system;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The part of the derived data a load can change: the women whose records it added, removed or superseded, with
 * every record linked to theirs. Records link by the ids the derived views join on (provider with the mother,
 * pregnancy, delivery, baby, contact and activity ids), so the ids are closed under "a record carrying any of them":
 * the closure over the record stores before the load (what the old rows rested on) and after it (what the new rows
 * rest on). Every derived row of a woman outside the closure reads only records outside it, unchanged by the load.
 * The stores are then replaced, inside the refresher's one transaction, by their rows in the closure, so the
 * unchanged derived SQL computes exactly those women's rows; the full stores are put back before the refresher
 * commits. Records without a mother id are always in the closure (their rows carry no mother to find
 * them by), which the TEMP table {@code refresh_mother} marks with a null mother id.
 */
final class WomenPartition implements AutoCloseable {

    /** Each record store with its linking columns, by kind of id. */
    private static final Map<String, Map<String, String>> LINKS = Map.of(
            "msd001", Map.of("mother", "LPIDMother"),
            "msd002", Map.of("mother", "LPIDMother"),
            "msd101", Map.of("mother", "LPIDMother", "pregnancy", "PregnancyID"),
            "msd102", Map.of("mother", "LPIDMother", "pregnancy", "PregnancyID"),
            "msd201", Map.of("mother", "LPIDMother", "pregnancy", "PregnancyID", "contact", "CareConID"),
            "msd202", Map.of("mother", "LPIDMother", "contact", "CareConID", "activity", "CareActIDMother"),
            "msd301", Map.of("mother", "LPIDMother", "pregnancy", "PregnancyID", "delivery", "LabourDeliveryID"),
            "msd302", Map.of("mother", "LPIDMother", "delivery", "LabourDeliveryID"),
            "msd401", Map.of("mother", "LPIDMother", "delivery", "LabourDeliveryID", "baby", "LPIDBaby"),
            "msd405", Map.of("baby", "LPIDBaby", "baby_activity", "CareActIDBaby"));

    private final Connection connection;
    private final String added;
    private final String removed;

    private WomenPartition(Connection connection, Set<Long> added, Set<Long> removed) {
        this.connection = connection;
        this.added = list(added);
        this.removed = list(removed);
    }

    /**
     * Before the record stores are rebuilt: the ids of the records the load added (raw rows of its submissions) and
     * removed (stored rows of the replaced submissions), closed over the stores as they still are. {@code connection}
     * is the refresher's, inside its transaction: the partition's TEMP tables live there until {@link #close}.
     */
    static WomenPartition beforeLoadIsStored(Connection connection, Set<Long> added, Set<Long> removed)
            throws SQLException {
        WomenPartition partition = new WomenPartition(connection, added, removed);
        // On failure the refresher rolls back and closes its connection: the TEMP tables go with it.
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE OR REPLACE TEMP TABLE refresh_id (kind VARCHAR, provider VARCHAR, id VARCHAR)");
            for (var table : LINKS.entrySet()) {
                String t = table.getKey();
                insertIds(st, table.getValue(), "internal." + t + "_store r WHERE r.submission_id IN (" + partition.removed
                        + ")" + nullMother(table.getValue()));
                insertIds(st, table.getValue(), "(SELECT x.*, s.provider FROM main." + t + " x JOIN main.submission s"
                        + " USING (submission_id) WHERE x.submission_id IN (" + partition.added + ")) r");
            }
            close(st);
        }
        return partition;
    }

    /** Once the stores hold the new latest versions: closes the ids over them too, and lists the women. */
    void afterLoadIsStored() throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (var table : LINKS.entrySet()) {
                insertIds(st, table.getValue(), "internal." + table.getKey() + "_store r WHERE r.submission_id IN ("
                        + added + ")" + nullMother(table.getValue()));
            }
            close(st);
            st.execute("CREATE OR REPLACE TEMP TABLE refresh_mother AS"
                    + " SELECT DISTINCT provider, id AS mother_id FROM refresh_id WHERE kind = 'mother'"
                    + " UNION SELECT DISTINCT provider, CAST(NULL AS VARCHAR) FROM main.submission");
        }
    }

    /** How many women (provider and mother id) the partition holds. */
    long women() throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(mother_id) FROM refresh_mother")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Runs {@code work} where every record store holds only the partition's records, and puts the full stores back
     * after it; all inside the refresher's transaction, so no reader ever sees a restricted store.
     */
    void withStoresRestricted(Statement st, TableSwap.Alongside work) throws SQLException {
        for (var table : LINKS.entrySet()) {
            String store = "internal." + table.getKey() + "_store";
            st.execute("ALTER TABLE " + store + " RENAME TO " + table.getKey() + "_store__full");
            st.execute("CREATE TABLE " + store + " AS SELECT * FROM " + store + "__full r WHERE "
                    + linked(table.getValue()));
        }
        work.run(st);
        for (String t : LINKS.keySet()) {
            st.execute("DROP TABLE internal." + t + "_store");
            st.execute("ALTER TABLE internal." + t + "_store__full RENAME TO " + t + "_store");
        }
    }

    /** Drops the partition's TEMP tables from the refresher's connection. */
    @Override
    public void close() throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("DROP TABLE IF EXISTS refresh_id");
            st.execute("DROP TABLE IF EXISTS refresh_mother");
        }
    }

    /** Adds the ids of every stored record linked to one already in, until none is added. */
    private static void close(Statement st) throws SQLException {
        long before = -1;
        long now = count(st);
        while (now != before) {
            for (var table : LINKS.entrySet()) {
                insertIds(st, table.getValue(), "internal." + table.getKey() + "_store r WHERE "
                        + linked(table.getValue()));
            }
            before = now;
            now = count(st);
        }
    }

    private static void insertIds(Statement st, Map<String, String> links, String from) throws SQLException {
        String ids = links.entrySet().stream()
                .map(l -> "SELECT '" + l.getKey() + "' AS kind, r.provider, r." + l.getValue() + " AS id FROM " + from)
                .collect(Collectors.joining(" UNION ALL "));
        st.execute("INSERT INTO refresh_id SELECT DISTINCT * FROM (" + ids + ") WHERE id IS NOT NULL"
                + " EXCEPT SELECT * FROM refresh_id");
    }

    /** A record carrying any id of the partition. */
    private static String linked(Map<String, String> links) {
        return links.entrySet().stream()
                .map(l -> "(r.provider || '|' || r." + l.getValue() + ") IN (SELECT provider || '|' || id FROM refresh_id"
                        + " WHERE kind = '" + l.getKey() + "')")
                .collect(Collectors.joining(" OR ")) + nullMother(links);
    }

    private static String nullMother(Map<String, String> links) {
        return links.containsKey("mother") ? " OR r.LPIDMother IS NULL" : "";
    }

    private static long count(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM refresh_id")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String list(Set<Long> ids) {
        return ids.isEmpty() ? "NULL" : ids.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
    }
}
