package org.perinatalequity.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.StringJoiner;

import javax.sql.DataSource;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBResultSet;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Writes a {@link Table} as an Arrow IPC stream produced by DuckDB's own Arrow export: the rows go into a
 * temporary table through the DuckDB appender and come out with {@code arrowExportStream}, so the Arrow encoding
 * is DuckDB's, batch by batch, not re-encoded by hand.
 */
@Component
public class ArrowExport {

    public static final String MEDIA_TYPE = "application/vnd.apache.arrow.stream";

    private final DataSource dataSource;

    ArrowExport(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void write(Table table, OutputStream out) throws IOException {
        String name = "arrow_export_" + Thread.currentThread().getId();
        // The connection of the answer's read snapshot when there is one (system.ReadSnapshot): a second connection
        // per export could exhaust the pool under concurrent exports.
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (Statement st = connection.createStatement()) {
            StringJoiner columns = new StringJoiner(", ");
            for (Table.Column c : table.columns()) {
                columns.add("\"" + c.name().replace("\"", "\"\"") + "\" " + c.type().sql());
            }
            st.execute("CREATE OR REPLACE TEMP TABLE " + name + " (" + columns + ")");
            try {
                append(connection.unwrap(DuckDBConnection.class), name, table);
                try (ResultSet rs = st.executeQuery("SELECT * FROM " + name);
                        BufferAllocator allocator = new RootAllocator();
                        ArrowReader reader = (ArrowReader) rs.unwrap(DuckDBResultSet.class)
                                .arrowExportStream(allocator, 4096);
                        ArrowStreamWriter writer = new ArrowStreamWriter(reader.getVectorSchemaRoot(), null,
                                Channels.newChannel(out))) {
                    writer.start();
                    while (reader.loadNextBatch()) {
                        writer.writeBatch();
                    }
                    writer.end();
                }
            } finally {
                st.execute("DROP TABLE IF EXISTS " + name);
            }
        } catch (SQLException e) {
            throw new IOException("Arrow export failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static void append(DuckDBConnection connection, String name, Table table) throws SQLException {
        try (DuckDBAppender appender = connection.createAppender("temp", DuckDBConnection.DEFAULT_SCHEMA, name)) {
            for (var row : table.rows()) {
                appender.beginRow();
                for (int i = 0; i < row.size(); i++) {
                    Object v = row.get(i);
                    switch (table.columns().get(i).type()) {
                        case TEXT -> appender.append((String) v);
                        case NUMBER -> {
                            if (v == null) {
                                appender.appendNull();
                            } else {
                                appender.append(((Number) v).doubleValue());
                            }
                        }
                        case INTEGER -> {
                            if (v == null) {
                                appender.appendNull();
                            } else {
                                appender.append(((Number) v).longValue());
                            }
                        }
                        case BOOLEAN -> {
                            if (v == null) {
                                appender.appendNull();
                            } else {
                                appender.append((Boolean) v);
                            }
                        }
                    }
                }
                appender.endRow();
            }
        }
    }
}
