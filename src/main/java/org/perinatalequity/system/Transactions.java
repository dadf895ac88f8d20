package org.perinatalequity.system;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs work in one JDBC transaction on a given connection: commit when it returns, roll back when it throws, and
 * the connection back in auto-commit either way (it is usually a pooled one). The one place that writes
 * commit/rollback, so no caller can forget the rollback or leave a pooled connection in manual commit.
 */
public final class Transactions {

    private Transactions() {
    }

    /** Work that returns a result and may fail with a checked exception of its own besides SQL errors. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run() throws E, SQLException;
    }

    /** Work that returns nothing. */
    @FunctionalInterface
    public interface Statements<E extends Exception> {
        void run() throws E, SQLException;
    }

    public static <T, E extends Exception> T inTransactionReturning(Connection connection, Work<T, E> work)
            throws E, SQLException {
        return inTransactionReturning(connection, work, Statements::run);
    }

    /** How a transaction's commit is run: directly, or inside what must happen in the same step. */
    @FunctionalInterface
    public interface Commit {
        void run(Statements<RuntimeException> commit) throws SQLException;
    }

    /** {@link #inTransactionReturning(Connection, Work)} with the commit run through {@code commit}. */
    public static <T, E extends Exception> T inTransactionReturning(Connection connection, Work<T, E> work,
            Commit commit) throws E, SQLException {
        connection.setAutoCommit(false);
        try {
            T result = work.run();
            commit.run(connection::commit);
            return result;
        } catch (Throwable e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    public static <E extends Exception> void inTransaction(Connection connection, Statements<E> work)
            throws E, SQLException {
        inTransactionReturning(connection, () -> {
            work.run();
            return null;
        });
    }
}
