package org.perinatalequity.ingest;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The memory ceiling of an ingest ({@code equity.ingest.limits.memory-limit}): DuckDB's {@code memory_limit} is
 * lowered to it while the ingest runs and put back afterwards. It is never raised: a database configured tighter
 * keeps its own limit. DuckDB's limit is per database, so readers running during the ingest share the ceiling.
 * Beyond it DuckDB spills to disk or fails the statement (the submission is refused, nothing changed), instead of
 * the process growing without bound.
 */
final class IngestMemory implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IngestMemory.class);
    private static final Pattern SIZE = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*([KMGT]i?B|bytes?)?",
            Pattern.CASE_INSENSITIVE);

    private final @Nullable Connection connection;
    private final @Nullable String previous;

    private IngestMemory(@Nullable Connection connection, @Nullable String previous) {
        this.connection = connection;
        this.previous = previous;
    }

    static IngestMemory limit(Connection connection, String limit) throws SQLException {
        if (limit.isBlank()) {
            return new IngestMemory(null, null);
        }
        String current = current(connection);
        long wanted = bytes(limit);
        long now = bytes(current);
        if (wanted <= 0 || now > 0 && now <= wanted) {
            return new IngestMemory(null, null);
        }
        try (Statement st = connection.createStatement()) {
            st.execute("SET memory_limit = " + SubmissionLoader.literal(limit.strip()));
        }
        return new IngestMemory(connection, current);
    }

    static String current(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT current_setting('memory_limit')")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Bytes of a DuckDB size ("2GB", "12.4 GiB", "512 MiB"); -1 when it is not one. */
    static long bytes(String size) {
        Matcher m = SIZE.matcher(size.strip());
        if (!m.matches()) {
            return -1;
        }
        double value = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT);
        double factor = switch (unit) {
            case "KB" -> 1e3;
            case "MB" -> 1e6;
            case "GB" -> 1e9;
            case "TB" -> 1e12;
            case "KIB" -> 1024.0;
            case "MIB" -> 1024.0 * 1024;
            case "GIB" -> 1024.0 * 1024 * 1024;
            case "TIB" -> 1024.0 * 1024 * 1024 * 1024;
            default -> 1;
        };
        return (long) (value * factor);
    }

    @Override
    public void close() {
        if (connection == null || previous == null) {
            return;
        }
        try (Statement st = connection.createStatement()) {
            st.execute("SET memory_limit = " + SubmissionLoader.literal(previous));
        } catch (SQLException e) {
            LOG.warn("Could not restore DuckDB's memory_limit to {} after the ingest", previous, e);
        }
    }
}
