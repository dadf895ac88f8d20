package org.perinatalequity.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * Stores the latest version of every MSDS record ({@code internal.msdNNN_store}, read through the views
 * {@code internal.msdNNN}): a window over every submission is too slow to repeat in every query. Each store is
 * built next to the old one, then all are swapped in one transaction, so readers see one version of the data.
 * Runs after every ingest.
 */
@Component
public class LatestVersions {

    private final DataSource dataSource;
    private final List<String> rawTables;

    LatestVersions(DataSource dataSource, MsdsRegistry registry) {
        this.dataSource = dataSource;
        this.rawTables = registry.tables().stream().filter(t -> !t.id().equals("MSD000")).map(MsdsTable::rawTable)
                .toList();
    }

    /** For tests and tools that build the registry themselves. */
    public static LatestVersions of(DataSource dataSource) {
        return new LatestVersions(dataSource, new MsdsRegistry());
    }

    public synchronized void refresh() {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            for (String table : rawTables) {
                st.execute("CREATE OR REPLACE TABLE internal." + table + "_next AS SELECT * FROM internal." + table
                        + "_latest");
            }
            c.setAutoCommit(false);
            try {
                for (String table : rawTables) {
                    st.execute("DROP TABLE internal." + table + "_store");
                    st.execute("ALTER TABLE internal." + table + "_next RENAME TO " + table + "_store");
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not refresh the latest versions of the records: " + e.getMessage(), e);
        }
    }
}
