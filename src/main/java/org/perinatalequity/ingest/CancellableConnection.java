package org.perinatalequity.ingest;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A connection whose running statement another thread can cancel: every statement made through it is remembered
 * until closed, and {@link #cancel} calls {@link Statement#cancel} on each (DuckDB interrupts the one executing; the
 * others return at once). The loaders make their own statements, so the ingest hands them this wrapper rather than
 * the pooled connection. Used when the process is asked to stop during an ingest (SIGTERM): the statement fails, its
 * transaction rolls back, and the run ends at once instead of finishing a long load.
 */
final class CancellableConnection {

    private final Connection connection;
    private final Set<Statement> open = ConcurrentHashMap.newKeySet();

    CancellableConnection(Connection target) {
        this.connection = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] { Connection.class }, (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (result instanceof Statement statement) {
                        open.removeIf(CancellableConnection::isClosed);
                        open.add(statement);
                    }
                    return result;
                });
    }

    Connection connection() {
        return connection;
    }

    /** Cancels whatever statement of this connection is executing; a failure to cancel is not an error. */
    void cancel() {
        for (Statement statement : open) {
            try {
                if (!statement.isClosed()) {
                    statement.cancel();
                }
            } catch (SQLException | RuntimeException e) {
                // Closed meanwhile, or not executing: nothing to cancel.
            }
        }
    }

    private static boolean isClosed(Statement statement) {
        try {
            return statement.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }
}
