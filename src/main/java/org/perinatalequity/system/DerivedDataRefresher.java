package org.perinatalequity.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one way derived data are rebuilt: after every load (records, reference files), and at start-up when what they
 * rest on changed (a definition, the IMD vintage, a database loaded by another version). Runs every
 * {@link RefreshStep} in the order of {@link RefreshStep.Stage}, one refresh at a time, logs each step's time, then
 * moves the {@link DataVersion} on and publishes one {@link DerivedDataRefreshed}. Every step runs in one transaction
 * with the record of the state built ({@code derived_build}): readers see all the old derived tables until its
 * commit and all the new ones after it, never new facts beside old quality items. A step that fails rolls the whole
 * refresh back: every table keeps its previous rows, no event is published, and the record still names the old
 * state, so the next start (or load) rebuilds.
 */
@Component
public class DerivedDataRefresher {

    private static final Logger LOG = LoggerFactory.getLogger(DerivedDataRefresher.class);

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final List<RefreshStep> steps;
    private final DataVersion version;
    private final ApplicationEventPublisher events;
    private final ReentrantLock oneAtATime = new ReentrantLock();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicLong stepsRebuilt = new AtomicLong();
    private volatile boolean lastIncremental;

    public DerivedDataRefresher(DataSource dataSource, List<RefreshStep> steps, DataVersion version,
            ApplicationEventPublisher events) {
        this.dataSource = dataSource;
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

    /**
     * At start-up, once every setting is written (the IMD vintage among them): rebuild whatever is stale. Called by
     * {@link StartUpRefresh} before the web server opens its port, so no request meets stale derived data.
     */
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
            if (!stateHash(definitionsHash(), submissions()).equals(builtHash())) {
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
     * ({@link RebuildCommand}) calls it, whatever the inputs hash says.
     */
    public long rebuildAll() {
        return refresh(false);
    }

    /**
     * Brings the derived data up to date after a load and returns the new data version. When only loaded
     * submissions changed since the last complete refresh (same definitions, reference files and IMD vintage) and
     * the tables were built from some submissions already, the steps that can update only the records of the added
     * and removed submissions ({@link RefreshStep#rebuildsBySubmissions}: the latest versions) or only the rows of
     * the women they touch ({@link RefreshStep#rebuildsByWomen}, {@link WomenPartition}) do so; otherwise, and for
     * the other steps, everything is rebuilt.
     */
    public long refresh() {
        return refresh(true);
    }

    private long refresh(boolean incrementalAllowed) {
        oneAtATime.lock();
        try {
            long started = System.nanoTime();
            String definitions = definitionsHash();
            boolean incremental;
            long[] refreshed = new long[1];
            // One connection of the refresher's own (its TEMP tables die with it) and one transaction for every step:
            // readers keep seeing every old derived table until the commit makes all the new ones current at once,
            // with the record of what they were built from; a failure anywhere rolls all of it back. The version
            // moves on in the same step as the commit (DataVersion), so no reader pairs new tables with the old one.
            try (Connection c = open(); Statement st = c.createStatement()) {
                incremental = Transactions.inTransactionReturning(c, () -> rebuildSteps(c, st, definitions,
                        incrementalAllowed), commit -> refreshed[0] = version.commitAndAdvance(commit));
            }
            lastIncremental = incremental;
            events.publishEvent(new DerivedDataRefreshed(refreshed[0]));
            LOG.info("Derived data refreshed in {} ms ({} steps{}, version {})", millisSince(started), steps.size(),
                    incremental ? ", incremental" : "", refreshed[0]);
            return refreshed[0];
        } catch (SQLException e) {
            throw new IllegalStateException("Could not refresh the derived data: " + e.getMessage(), e);
        } finally {
            oneAtATime.unlock();
        }
    }

    /** Every step in order inside the refresh's transaction, then the build record; whether it was incremental. */
    private boolean rebuildSteps(Connection c, Statement st, String definitions, boolean incrementalAllowed)
            throws SQLException {
        // The submissions as this transaction sees them: what the new tables are built from, and what is recorded.
        String submissions = submissions(st);
        Built built = built(st);
        Set<Long> added = difference(submissions, built.submissions());
        Set<Long> removed = difference(built.submissions(), submissions);
        // A first load (tables built from no submission) changes every row: rebuilding whole is the same work
        // without the bookkeeping of what changed.
        boolean incremental = incrementalAllowed && built.definitionsHash().equals(definitions)
                && !built.submissions().isEmpty()
                && steps.stream().anyMatch(s -> s.rebuildsByWomen() || s.rebuildsBySubmissions());
        // The women are found before the stores change: what the old rows rested on.
        WomenPartition partition = incremental && steps.stream().anyMatch(RefreshStep::rebuildsByWomen)
                ? WomenPartition.beforeLoadIsStored(c, added, removed) : null;
        boolean stored = false;
        for (RefreshStep step : steps) {
            long stepStarted = System.nanoTime();
            if (incremental && step.rebuildsBySubmissions()) {
                step.rebuildSubmissions(st, added, removed);
                LOG.info("Derived data: {} rebuilt for {} added and {} removed submissions in {} ms",
                        label(step.stage()), added.size(), removed.size(), millisSince(stepStarted));
            } else if (partition != null && step.rebuildsByWomen()) {
                if (!stored) {
                    partition.afterLoadIsStored();
                    stored = true;
                }
                partition.withStoresRestricted(st, step::rebuildWomen);
                LOG.info("Derived data: {} rebuilt for {} women in {} ms", label(step.stage()), partition.women(),
                        millisSince(stepStarted));
            } else {
                step.rebuild(st);
                LOG.info("Derived data: {} rebuilt in {} ms", label(step.stage()), millisSince(stepStarted));
            }
            stepsRebuilt.incrementAndGet();
        }
        if (partition != null) {
            partition.close();
        }
        st.execute("DELETE FROM derived_build");
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO derived_build (state_hash, built_at,"
                + " definitions_hash, submissions) VALUES (?, current_localtimestamp(), ?, ?)")) {
            insert.setString(1, stateHash(definitions, submissions));
            insert.setString(2, definitions);
            insert.setString(3, submissions);
            insert.executeUpdate();
        }
        return incremental;
    }

    /** A new connection to the same DuckDB instance, for one refresh. */
    private Connection open() throws SQLException {
        try (Connection pooled = dataSource.getConnection()) {
            return pooled.unwrap(DuckDBConnection.class).duplicate();
        }
    }

    private record Built(String definitionsHash, String submissions) {
    }

    private static Built built(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT coalesce(definitions_hash, ''), coalesce(submissions, '')"
                + " FROM derived_build")) {
            return rs.next() ? new Built(rs.getString(1), rs.getString(2)) : new Built("", "");
        }
    }

    /** The loaded submissions, each as id@loaded_at (a reload is a new id), in id order. */
    private static final String SUBMISSIONS = "SELECT coalesce(string_agg(submission_id || '@' || loaded_at, ','"
            + " ORDER BY submission_id), '') FROM submission";

    private String submissions() {
        return jdbc.sql(SUBMISSIONS).query(String.class).single();
    }

    private static String submissions(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery(SUBMISSIONS)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The submission ids in {@code of} and not in {@code without}. */
    private static Set<Long> difference(String of, String without) {
        Set<String> minus = entries(without);
        return entries(of).stream().filter(e -> !minus.contains(e))
                .map(e -> Long.parseLong(e.substring(0, e.indexOf('@')))).collect(Collectors.toSet());
    }

    private static Set<String> entries(String submissions) {
        return submissions.isEmpty() ? Set.of() : Set.of(submissions.split(","));
    }

    /**
     * How many steps this refresher has rebuilt since it was made: a start on unchanged data adds none, which is
     * what the tests and the {@code rebuild} command's report read.
     */
    public long stepsRebuilt() {
        return stepsRebuilt.get();
    }

    /** Whether the last refresh rebuilt some steps only for the submissions or women a load touched. */
    public boolean lastRefreshIncremental() {
        return lastIncremental;
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

    private static String stateHash(String definitions, String submissions) {
        return sha256(definitions + "\n" + submissions);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Everything but the loaded submissions that the tables rest on: views, macros, each step's inputs. */
    private String definitionsHash() {
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
