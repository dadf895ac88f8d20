package org.perinatalequity.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/** Writes one submission's rejects and warnings into {@code ingest_issue}, on the loading connection. */
final class IngestLog {

    private final Connection connection;
    private final long runId;
    private final int seq;

    IngestLog(Connection connection, long runId, int seq) {
        this.connection = connection;
        this.runId = runId;
        this.seq = seq;
    }

    long runId() {
        return runId;
    }

    void warning(String type, String file, String table, Integer line, String column, String value, String reason)
            throws SQLException {
        insert("warning", type, file, table, line, column, value, reason);
    }

    void reject(String type, String file, String table, Integer line, String column, String value, String reason)
            throws SQLException {
        insert("reject", type, file, table, line, column, value, reason);
    }

    private void insert(String kind, String type, String file, String table, Integer line, String column, String value,
            String reason) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO ingest_issue VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, runId);
            ps.setInt(2, seq);
            ps.setString(3, kind);
            ps.setString(4, type);
            ps.setString(5, file);
            ps.setString(6, table);
            if (line == null) {
                ps.setNull(7, Types.INTEGER);
            } else {
                ps.setInt(7, line);
            }
            ps.setString(8, column);
            ps.setString(9, value);
            ps.setString(10, reason);
            ps.executeUpdate();
        }
    }

    /** One issue per element of {@code problems} (an SQL list of problem structs) on the staged rows matching {@code where}. */
    void insertFromStage(StagedFile file, String kind, String problems, String where) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO ingest_issue SELECT ?, ?, ?, x.typ, ?, ?,"
                + " line, x.col, x.val, x.why FROM (SELECT " + file.line() + " AS line, unnest(" + problems
                + ") AS x FROM " + file.rows() + " WHERE " + where + ")")) {
            ps.setLong(1, runId);
            ps.setInt(2, seq);
            ps.setString(3, kind);
            ps.setString(4, file.source().name());
            ps.setString(5, file.table().id());
            ps.executeUpdate();
        }
    }

    /** Orphan warnings from a query answering (line, key); the query binds the provider. */
    void insertOrphans(StagedFile child, String select, String column, String reason, String provider)
            throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO ingest_issue SELECT ?, ?, 'warning',"
                + " 'orphan', ?, ?, o.line, ?, o.key, ? FROM (" + select + ") o")) {
            ps.setLong(1, runId);
            ps.setInt(2, seq);
            ps.setString(3, child.source().name());
            ps.setString(4, child.table().id());
            ps.setString(5, column);
            ps.setString(6, reason);
            ps.setString(7, provider);
            ps.executeUpdate();
        }
    }
}
