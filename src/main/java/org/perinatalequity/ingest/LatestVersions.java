package org.perinatalequity.ingest;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.perinatalequity.system.RefreshStep;
import org.perinatalequity.system.TableSwap;

import org.springframework.stereotype.Component;

/**
 * Stores the latest version of every MSDS and MHSDS record ({@code internal.msdNNN_store}, read through the views
 * {@code internal.msdNNN}): a window over every submission is too slow to repeat in every query. The first step of
 * every derived-data refresh; the stores are swapped in the refresh's one transaction with every other derived table,
 * so readers see one version of the data.
 */
@Component
public class LatestVersions implements RefreshStep {

    private final DataSource dataSource;
    private final List<String> rawTables;

    LatestVersions(DataSource dataSource, MsdsRegistry registry) {
        this.dataSource = dataSource;
        this.rawTables = registry.dataTables().stream().map(MsdsTable::rawTable).toList();
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
        List<TableSwap.Build> stores = rawTables.stream()
                .map(t -> new TableSwap.Build("internal." + t + "_store", "SELECT * FROM internal." + t + "_latest"))
                .toList();
        TableSwap.swap(st, stores);
    }
}
