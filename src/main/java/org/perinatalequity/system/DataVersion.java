package org.perinatalequity.system;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The version of the derived data: moves on once per refresh, in the same step as the refresh's commit and before
 * {@link DerivedDataRefreshed} is published, so anything keyed by it (result caches) forgets what an older version
 * gave. A reader's snapshot ({@link ReadSnapshot}) starts under the same lock, so the version it reads is the one of
 * the tables it sees: never new tables under an old version, nor old tables under a new one. A bean of its own so
 * the steps can read it without depending on the refresher that runs them.
 */
@Component
public class DataVersion {

    private final AtomicLong version = new AtomicLong();
    private final ReadWriteLock commits = new ReentrantReadWriteLock();
    private final ThreadLocal<@Nullable Long> pinned = new ThreadLocal<>();

    /** The version of the snapshot this thread reads in, if any; else the latest. */
    public long current() {
        Long mine = pinned.get();
        return mine != null ? mine : version.get();
    }

    long next() {
        return version.incrementAndGet();
    }

    /** Commits a refresh and moves the version on, with no reader's snapshot starting between the two. */
    long commitAndAdvance(Transactions.Statements<RuntimeException> commit) throws SQLException {
        commits.writeLock().lock();
        try {
            commit.run();
            return version.incrementAndGet();
        } finally {
            commits.writeLock().unlock();
        }
    }

    /** Starts a snapshot with {@code start} and runs {@code reading} with {@link #current()} that snapshot's. */
    <T> T pinned(Runnable start, Supplier<T> reading) {
        if (pinned.get() != null) {
            return reading.get();
        }
        long seen;
        commits.readLock().lock();
        try {
            start.run();
            seen = version.get();
        } finally {
            commits.readLock().unlock();
        }
        pinned.set(seen);
        try {
            return reading.get();
        } finally {
            pinned.remove();
        }
    }
}
