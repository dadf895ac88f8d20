package org.perinatalequity.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one way derived data are rebuilt: after every load (records, reference files), and at start-up when what they
 * rest on changed (a definition, the IMD vintage, a database loaded by another version). Runs every
 * {@link RefreshStep} in the order of {@link RefreshStep.Stage}, one refresh at a time, logs each step's time, then
 * moves the {@link DataVersion} on and publishes one {@link DerivedDataRefreshed}. A step that fails stops the
 * refresh: its tables and the later ones keep their previous rows, no event is published, and the state is not
 * recorded as built, so the next start rebuilds.
 */
@Component
public class DerivedDataRefresher {

    private static final Logger LOG = LoggerFactory.getLogger(DerivedDataRefresher.class);

    private final JdbcClient jdbc;
    private final List<RefreshStep> steps;
    private final DataVersion version;
    private final ApplicationEventPublisher events;
    private final ReentrantLock oneAtATime = new ReentrantLock();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicLong stepsRebuilt = new AtomicLong();

    public DerivedDataRefresher(DataSource dataSource, List<RefreshStep> steps, DataVersion version,
            ApplicationEventPublisher events) {
        this.jdbc = JdbcClient.create(dataSource);
        this.steps = steps.stream().sorted(Comparator.comparing(RefreshStep::stage)).toList();
        for (int i = 1; i < this.steps.size(); i++) {
            if (this.steps.get(i).stage() == this.steps.get(i - 1).stage()) {
                throw new IllegalStateException("Two refresh steps for stage " + this.steps.get(i).stage() + ": "
                        + this.steps.get(i - 1).getClass().getName() + " and " + this.steps.get(i).getClass().getName()
                        + "; give each its own stage so their order is declared");
            }
        }
        this.version = version;
        this.events = events;
    }

    /** At start-up, once every setting is written (the IMD vintage among them): rebuild whatever is stale. */
    @EventListener(ContextRefreshedEvent.class)
    void onStart() {
        if (started.compareAndSet(false, true)) {
            refreshIfStale();
        }
    }

    /**
     * Rebuilds everything when the inputs differ from the last refresh's; otherwise only starts a new version (the
     * tables are current, but nothing computed in this process rests on them yet).
     */
    public long refreshIfStale() {
        oneAtATime.lock();
        try {
            if (!inputsHash().equals(builtHash())) {
                return refresh();
            }
            LOG.info("Derived data current: nothing rebuilt");
            return publish();
        } finally {
            oneAtATime.unlock();
        }
    }

    /**
     * Rebuilds every step in order and returns the new data version. The {@code rebuild} command
     * ({@link RebuildCommand}) calls this directly, whatever the inputs hash says.
     */
    public long refresh() {
        oneAtATime.lock();
        try {
            long started = System.nanoTime();
            String hash = inputsHash();
            for (RefreshStep step : steps) {
                long stepStarted = System.nanoTime();
                step.rebuild();
                stepsRebuilt.incrementAndGet();
                LOG.info("Derived data: {} rebuilt in {} ms", label(step.stage()), millisSince(stepStarted));
            }
            jdbc.sql("DELETE FROM derived_build").update();
            jdbc.sql("INSERT INTO derived_build VALUES (:hash, current_localtimestamp())").param("hash", hash).update();
            long refreshed = publish();
            LOG.info("Derived data refreshed in {} ms ({} steps, version {})", millisSince(started), steps.size(),
                    refreshed);
            return refreshed;
        } finally {
            oneAtATime.unlock();
        }
    }

    /**
     * How many steps this refresher has rebuilt since it was made: a start on unchanged data adds none, which is
     * what the tests and the {@code rebuild} command's report read.
     */
    public long stepsRebuilt() {
        return stepsRebuilt.get();
    }

    /** How many steps a full rebuild runs. */
    public int stepCount() {
        return steps.size();
    }

    private long publish() {
        long next = version.next();
        events.publishEvent(new DerivedDataRefreshed(next));
        return next;
    }

    private String builtHash() {
        return jdbc.sql("SELECT state_hash FROM derived_build").query(String.class).optional().orElse("");
    }

    private String inputsHash() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            // Every view and macro as the database holds it: a new version of db/*.sql makes the tables stale too.
            digest.update(jdbc.sql("SELECT coalesce(string_agg(schema_name || '.' || view_name || ':' || sql, '\n'"
                    + " ORDER BY schema_name, view_name), '') FROM duckdb_views() WHERE NOT internal AND NOT temporary")
                    .query(String.class).single().getBytes(StandardCharsets.UTF_8));
            digest.update(jdbc.sql("SELECT coalesce(string_agg(function_name || ':' || coalesce(macro_definition, ''),"
                    + " '\n' ORDER BY function_name), '') FROM duckdb_functions() WHERE function_type = 'macro'"
                    + " AND NOT internal").query(String.class).single().getBytes(StandardCharsets.UTF_8));
            for (RefreshStep step : steps) {
                digest.update((step.stage() + "\n" + step.inputs() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String label(RefreshStep.Stage stage) {
        return stage.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
