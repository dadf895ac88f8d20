package org.perinatalequity.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Replaces derived tables whole: each is built as {@code <name>__next} beside the live one, then dropped and renamed
 * in the same transaction, so a reader sees the old rows or the new, never a mixture or a missing table. The
 * derived-data refresh calls {@link #swap} for every step inside its one transaction, so all derived tables become
 * current together at its commit. Table names and queries are fixed text of the application (no user input).
 */
public final class TableSwap {

    private TableSwap() {
    }

    /**
     * One table to replace.
     *
     * @param table its name, schema-qualified where it is not in main (e.g. {@code internal.msd001_store})
     * @param query the SELECT of its new rows, whose column names and types become the table's
     */
    public record Build(String table, String query) {

        String next() {
            return table + "__next";
        }

        String simpleName() {
            return table.substring(table.lastIndexOf('.') + 1);
        }
    }

    /** SQL run inside the swap's transaction, before the builds or after the swap. */
    @FunctionalInterface
    public interface Alongside {
        void run(Statement statement) throws SQLException;

        Alongside NOTHING = st -> { };
    }

    public static void replace(Connection connection, List<Build> builds) throws SQLException {
        replace(connection, Alongside.NOTHING, builds, Alongside.NOTHING);
    }

    /**
     * @param before run first (e.g. temp copies that the builds read, so they see the same version of the data)
     * @param after run once the new tables are in (e.g. rows of other tables that follow from the new ones)
     */
    public static void replace(Connection connection, Alongside before, List<Build> builds, Alongside after)
            throws SQLException {
        try (Statement st = connection.createStatement()) {
            Transactions.inTransaction(connection, () -> swap(st, before, builds, after));
        }
    }

    /**
     * The same inside a transaction the caller holds (the refresher's): readers see the new tables only once the
     * caller commits, together with whatever else it changed in that transaction.
     */
    public static void swap(Statement st, Alongside before, List<Build> builds, Alongside after) throws SQLException {
        before.run(st);
        for (Build build : builds) {
            st.execute("CREATE OR REPLACE TABLE " + build.next() + " AS " + build.query());
        }
        for (Build build : builds) {
            st.execute("DROP TABLE IF EXISTS " + build.table());
            st.execute("ALTER TABLE " + build.next() + " RENAME TO " + build.simpleName());
        }
        after.run(st);
    }

    /** {@link #swap(Statement, Alongside, List, Alongside)} with nothing alongside. */
    public static void swap(Statement st, List<Build> builds) throws SQLException {
        swap(st, Alongside.NOTHING, builds, Alongside.NOTHING);
    }
}
