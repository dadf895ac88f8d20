package org.perinatalequity.system;

import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One answer, one data version: runs a reader's statements in one read transaction on one pooled connection (bound to
 * the thread, so every {@code JdbcClient} and {@code JdbcTemplate} call inside joins it). DuckDB gives a transaction
 * one snapshot, so an answer made of several statements (escalations and the months they cover, a breakdown, its
 * data-quality gates and its range, a page's tables) never mixes the tables of two refreshes. The transaction's
 * snapshot is taken together with the {@link DataVersion}, which the refresher moves on in the same step as its
 * commit, so caches keyed by {@link DataVersion#current()} inside hold answers of that version only. Nested calls
 * join the outer one.
 */
@Component
public class ReadSnapshot {

    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;
    private final DataVersion version;

    ReadSnapshot(PlatformTransactionManager transactions, DataSource dataSource, DataVersion version) {
        this.transactions = new TransactionTemplate(transactions);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
        this.transactions.setName("read snapshot");
        this.jdbc = new JdbcTemplate(dataSource);
        this.version = version;
    }

    /** {@code reading} with every statement in one snapshot and {@link DataVersion#current()} that snapshot's. */
    public <T> T read(Supplier<T> reading) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return reading.get();
        }
        return transactions.execute(status -> version.pinned(
                // The first statement starts DuckDB's transaction, and with it the snapshot.
                () -> jdbc.queryForObject("SELECT 1", Integer.class), reading));
    }

    /** {@link #read(Supplier)} for work that answers nothing. */
    public void run(Runnable reading) {
        read(() -> {
            reading.run();
            return null;
        });
    }
}
