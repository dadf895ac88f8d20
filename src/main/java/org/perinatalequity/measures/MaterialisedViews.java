package org.perinatalequity.measures;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.duckdb.DuckDBConnection;

/**
 * The derived views that the measure definitions read again and again, materialised once as TEMP tables of the
 * same names. DuckDB looks an unqualified name up in the temp catalog before the database's main schema, inside
 * views too, so on that connection every {@code measure_<id>} view (and any other view over these) reads the
 * tables instead of recomputing the views, while the definitions stay plain SQL over the {@code v_} views. The
 * tables live on a connection of their own ({@link #open}): closing it drops them, so they can never shadow the
 * live views on a pooled connection.
 */
final class MaterialisedViews {

    /**
     * The views materialised: every {@code v_} view the measures share, in order (v_mh_contacts, read by the five
     * mental-health measures, is copied after the maternity views it joins through v_mh_women).
     */
    static final List<String> VIEWS = List.of("v_women", "v_bookings", "v_births", "v_contacts", "v_mh_contacts");

    private MaterialisedViews() {
    }

    /** A new connection to the same DuckDB instance, for one rebuild; close it when done. */
    static Connection open(DataSource dataSource) throws SQLException {
        try (Connection pooled = dataSource.getConnection()) {
            return pooled.unwrap(DuckDBConnection.class).duplicate();
        }
    }

    /** Drops the copies again, so later work on the same connection reads the live views. */
    static void drop(Statement st) throws SQLException {
        for (String view : VIEWS) {
            st.execute("DROP TABLE IF EXISTS temp.main." + view);
        }
    }

    /**
     * Copies each view into a TEMP table of its name. Call inside the rebuild's transaction, so the copies and
     * what is built from them see one version of the data.
     */
    static void materialise(Statement st) throws SQLException {
        String catalog;
        try (ResultSet rs = st.executeQuery("SELECT current_database()")) {
            rs.next();
            catalog = "\"" + rs.getString(1).replace("\"", "\"\"") + "\"";
        }
        for (String view : VIEWS) {
            st.execute("CREATE OR REPLACE TEMP TABLE " + view + " AS SELECT * FROM " + catalog + ".main." + view);
        }
    }
}
