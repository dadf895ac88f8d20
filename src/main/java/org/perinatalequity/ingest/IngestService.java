package org.perinatalequity.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import org.perinatalequity.security.AccessPolicy;
import org.perinatalequity.security.AuditService;
import org.perinatalequity.security.AuditedLoad;
import org.perinatalequity.system.DerivedDataRefresher;
import org.perinatalequity.security.Roles;
import org.perinatalequity.system.EquityProperties;
import org.perinatalequity.system.Transactions;
import org.perinatalequity.system.Intake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.stereotype.Service;

/**
 * Loads MSDS and MHSDS extracts (the {@link Dataset} is recognised from the files): each path (a folder or
 * a .zip of CSV files, one per table) is one submission, loaded in its own transaction, so a refused submission changes nothing and a replaced one is never
 * seen half-loaded. One ingest runs at a time. Every run is logged (who, when, files and their
 * SHA-256, counts, rejects and warnings). A run that loaded anything refreshes the derived data
 * ({@link DerivedDataRefresher}), then publishes {@link DataChangedEvent}.
 */
@Service
public class IngestService {

    /** Most rejects and warnings listed in one report; the ingest log keeps them all. */
    static final int REPORT_LIMIT = 10_000;

    /** How long a stop waits for the running ingest to roll back, log itself and delete its copies. */
    static final int STOP_WAIT_SECONDS = 20;

    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

    private final DataSource dataSource;
    private final MsdsRegistry registry;
    private final EquityProperties.Ingest settings;
    private final ApplicationEventPublisher events;
    private final IngestLogQuery query;
    private final DerivedDataRefresher refresher;
    /** Null only for loaders built outside Spring (tests, tools), which check no dataset permission. */
    private final @org.jspecify.annotations.Nullable AccessPolicy policy;
    private final ReentrantLock oneAtATime = new ReentrantLock();
    /** Set when the application is stopping (SIGTERM, context close): the running ingest ends at once. */
    private volatile boolean stopping;
    /** The running ingest's connection, so a stop can cancel its statement. */
    private volatile CancellableConnection running;

    IngestService(DataSource dataSource, MsdsRegistry registry, IngestLogQuery query, DerivedDataRefresher refresher,
            EquityProperties properties, ApplicationEventPublisher events) {
        this(dataSource, registry, query, refresher, properties, events, null);
    }

    @org.springframework.beans.factory.annotation.Autowired
    IngestService(DataSource dataSource, MsdsRegistry registry, IngestLogQuery query, DerivedDataRefresher refresher,
            EquityProperties properties, ApplicationEventPublisher events,
            @org.jspecify.annotations.Nullable AccessPolicy policy) {
        this.dataSource = dataSource;
        this.policy = policy;
        this.registry = registry;
        this.query = query;
        this.refresher = refresher;
        this.settings = properties.ingest();
        this.events = events;
    }

    /** Who asked and through which door; recorded in the ingest log. */
    public record Requester(String user, String source) implements AuditedLoad.Caller {
    }

    public List<LoadedData.SubmissionRow> findSubmissions() {
        return query.findSubmissions();
    }

    public List<LoadedData.TableRows> countTableRows() {
        return query.countTableRows();
    }

    /** Per mental health provider, how much of its MHSDS linked to MSDS; empty when no MHSDS is loaded. */
    public List<LoadedData.MentalHealthLinkage> findMentalHealthLinkage() {
        return query.findMentalHealthLinkage();
    }

    public List<LoadedData.RunRow> findRecentRuns(int limit) {
        return query.findRecentRuns(limit);
    }

    public List<LoadedData.IssueRow> findIssues(long runId, int limit) {
        return query.findIssues(runId, limit);
    }

    /** True until the first submission has loaded. */
    public boolean isDatabaseEmpty() {
        return query.isEmpty();
    }

    /**
     * ADMIN (maternity and mental health data) and WORKFORCE (the workforce dataset: HR data, see
     * {@link #permittedDatasets}); the command line, inbox and sample loader call it as SYSTEM (security.SystemCaller).
     */
    @RolesAllowed({ Roles.ADMIN, Roles.WORKFORCE, Roles.SYSTEM })
    @AuditedLoad(action = AuditService.INGEST)
    public IngestReport ingest(List<Path> sources, Requester requester) {
        Pseudonymiser pseudonymiser = new Pseudonymiser(settings.pseudonymisationKey());
        oneAtATime.lock();
        try (Connection pooled = dataSource.getConnection();
                IngestMemory memory = IngestMemory.limit(pooled, settings.limits().memoryLimit())) {
            if (stopping) {
                throw new IngestRefusedException("The application is stopping: nothing was loaded; send it again once"
                        + " it has restarted");
            }
            CancellableConnection cancellable = new CancellableConnection(pooled);
            running = cancellable;
            Connection connection = cancellable.connection();
            long runId = startRun(connection, requester);
            List<IngestReport.Submission> submissions = new ArrayList<>();
            java.util.Set<Dataset> permitted = permittedDatasets();
            for (int seq = 0; seq < sources.size() && !stopping; seq++) {
                submissions.add(loadOne(connection, runId, seq, sources.get(seq), pseudonymiser, permitted));
            }
            IngestReport report = new IngestReport(runId, submissions, issues(pooled, runId, "reject"),
                    issues(pooled, runId, "warning"));
            running = null;
            if (stopping) {
                // The derived data are not rebuilt now: what loaded before the stop makes them stale, and the next
                // start rebuilds them before it serves anything (system.StartUpRefresh).
                interruptRun(pooled, runId, report);
                LOG.warn("Ingest run {} interrupted by a stop of the application", runId);
                return report;
            }
            finishRun(pooled, runId, report);
            if (submissions.stream().anyMatch(s -> s.status() == IngestReport.Status.loaded)) {
                refresher.refresh();
                events.publishEvent(new DataChangedEvent(runId));
            }
            return report;
        } catch (SQLException e) {
            // DuckDB's text stays in the server log: users get what happened in plain words.
            LOG.error("The ingest failed in the database", e);
            throw new IngestRefusedException("The database could not complete the ingest (nothing was changed by the"
                    + " submission that failed; the server log has the details)", e);
        } finally {
            running = null;
            oneAtATime.unlock();
        }
    }

    /**
     * When the application stops (a stop signal runs the context's close in a shutdown hook): cancels the running
     * ingest's statement, so its submission's transaction rolls back (the raw tables stay as before it), and waits a
     * bounded time for the run to log itself as interrupted and delete its temporary copies. A run that does not end
     * in time is cut off by the exit like a kill: the next start closes it and removes its copies.
     */
    @EventListener(ContextClosedEvent.class)
    void stopRunningIngest() {
        stopping = true;
        CancellableConnection connection = running;
        if (connection == null) {
            return;
        }
        LOG.warn("Stopping: cancelling the running ingest");
        connection.cancel();
        try {
            if (oneAtATime.tryLock(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                oneAtATime.unlock();
            } else {
                LOG.warn("The running ingest did not end within {} s of the stop; the next start closes it",
                        STOP_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Staff records are HR data: the workforce dataset is loaded by the WORKFORCE role (and the application itself),
     * maternity and mental health data by ADMIN; a submission of another dataset is refused, changing nothing.
     */
    private java.util.Set<Dataset> permittedDatasets() {
        java.util.Set<Dataset> permitted = java.util.EnumSet.noneOf(Dataset.class);
        AccessPolicy policy = this.policy;
        if (policy == null || policy.hasRole(Roles.SYSTEM)) {
            return java.util.EnumSet.allOf(Dataset.class);
        }
        if (policy.hasRole(Roles.ADMIN)) {
            permitted.addAll(java.util.EnumSet.complementOf(java.util.EnumSet.of(Dataset.WORKFORCE)));
        }
        if (policy.hasRole(Roles.WORKFORCE)) {
            permitted.add(Dataset.WORKFORCE);
        }
        return permitted;
    }

    private IngestReport.Submission loadOne(Connection connection, long runId, int seq, Path source,
            Pseudonymiser pseudonymiser, java.util.Set<Dataset> permitted) throws SQLException {
        String name = source.getFileName() == null ? source.toString() : source.getFileName().toString();
        Path workDir = createWorkDir();
        SubmissionLoader loader = new SubmissionLoader(connection, registry, pseudonymiser, workDir,
                new IngestLog(connection, runId, seq), new CsvScan.Limits(settings.limits().maxColumns(),
                        settings.limits().maxFieldBytes(), settings.limits().maxRows()), permitted);
        try {
            ExtractFiles.Found found = ExtractFiles.list(source, workDir, new ExtractFiles.ZipLimits(
                    settings.maxUncompressedBytes(), settings.maxZipEntries(), settings.limits().maxCompressionRatio()));
            SubmissionLoader.Loaded loaded = Transactions.inTransactionReturning(connection, () -> {
                SubmissionLoader.Loaded l = loader.load(found);
                logSubmission(connection, runId, seq, name, l.provider(), l.periodStart(), l.periodEnd(),
                        IngestReport.Status.loaded, null, l.submissionId(), l.replacedSubmissionId());
                logFiles(connection, runId, seq, loader, l.tables());
                loader.dropStage();
                return l;
            });
            LOG.info("Ingest run {}: loaded {} ({} {} to {}){}", runId, name, loaded.provider(), loaded.periodStart(),
                    loaded.periodEnd(), loaded.replacedSubmissionId() == null ? "" : ", replacing an earlier load");
            return new IngestReport.Submission(name, loaded.dataset(), loaded.provider(), loaded.periodStart(),
                    loaded.periodEnd(), IngestReport.Status.loaded, null, loaded.tables());
        } catch (IngestRefusedException | IOException | SQLException e) {
            // Rolled back: the refusal is logged outside the submission's transaction.
            // A refusal's message is written for the sender; any other exception's text stays in the server log.
            String message = stopping ? name + " was not loaded: the application was stopped during the load"
                    + " (nothing of this submission changed)"
                    : e instanceof IngestRefusedException ? e.getMessage()
                    : outOfMemory(e) ? name + " could not be loaded: it needs more memory than the ingest may use (the"
                            + " limit, equity.ingest.limits.memory-limit = " + settings.limits().memoryLimit()
                            + "); nothing was changed"
                    : name + " could not be loaded: " + (e instanceof IOException
                            ? "a file could not be read from the disk" : "the database stopped the load")
                            + " (nothing was changed; the server log has the details)";
            if (e instanceof IngestRefusedException || stopping) {
                LOG.warn("Ingest run {}: refused {}: {}", runId, name, message);
            } else {
                LOG.error("Ingest run {}: {} failed", runId, name, e);
            }
            loader.dropStage();
            logSubmission(connection, runId, seq, name, null, null, null, IngestReport.Status.refused, message, null,
                    null);
            logFiles(connection, runId, seq, loader, List.of());
            return new IngestReport.Submission(name, loader.recognisedDataset(), null, null, null,
                    IngestReport.Status.refused, message, List.of());
        } finally {
            Intake.deleteFolder(workDir);
        }
    }

    private long startRun(Connection connection, Requester requester) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO ingest_run (run_id, started_at, user_name,"
                + " source, outcome) VALUES (nextval('ingest_run_seq'), current_localtimestamp(), ?, ?, 'running')"
                + " RETURNING run_id")) {
            ps.setString(1, requester.user());
            ps.setString(2, requester.source());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void finishRun(Connection connection, long runId, IngestReport report) throws SQLException {
        long refused = report.submissions().stream().filter(s -> s.status() == IngestReport.Status.refused).count();
        try (PreparedStatement ps = connection.prepareStatement("UPDATE ingest_run SET finished_at ="
                + " current_localtimestamp(), outcome = ?, message = ? WHERE run_id = ?")) {
            ps.setString(1, refused == 0 ? "loaded" : "refused");
            ps.setString(2, report.submissions().size() + " submission(s), " + refused + " refused, "
                    + report.rejects().size() + " reject(s)");
            ps.setLong(3, runId);
            ps.executeUpdate();
        }
    }

    private void interruptRun(Connection connection, long runId, IngestReport report) throws SQLException {
        long loaded = report.submissions().stream().filter(s -> s.status() == IngestReport.Status.loaded).count();
        try (PreparedStatement ps = connection.prepareStatement("UPDATE ingest_run SET finished_at ="
                + " current_localtimestamp(), outcome = 'interrupted', message = ? WHERE run_id = ?")) {
            ps.setString(1, "Interrupted: the application was stopped during the run; " + loaded
                    + " submission(s) had loaded and are kept, the rest changed nothing");
            ps.setLong(2, runId);
            ps.executeUpdate();
        }
    }

    private void logSubmission(Connection connection, long runId, int seq, String path, String provider,
            java.time.LocalDate start, java.time.LocalDate end, IngestReport.Status status, String message,
            Long submissionId, Long replaced) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO ingest_submission VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, runId);
            ps.setInt(2, seq);
            ps.setString(3, path);
            ps.setString(4, provider);
            ps.setDate(5, start == null ? null : Date.valueOf(start));
            ps.setDate(6, end == null ? null : Date.valueOf(end));
            ps.setString(7, status.name());
            ps.setString(8, message);
            setLong(ps, 9, submissionId);
            setLong(ps, 10, replaced);
            ps.executeUpdate();
        }
    }

    private void logFiles(Connection connection, long runId, int seq, SubmissionLoader loader,
            List<IngestReport.TableCount> counts) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO ingest_file VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (SubmissionLoader.CsvScanOfFile file : loader.scannedFiles()) {
                IngestReport.TableCount count = counts.stream().filter(c -> c.table().equals(file.tableId()))
                        .findFirst().orElse(null);
                ps.setLong(1, runId);
                ps.setInt(2, seq);
                ps.setString(3, file.name());
                ps.setString(4, file.tableId());
                ps.setString(5, file.scan().sha256());
                ps.setLong(6, file.scan().bytes());
                ps.setString(7, file.scan().encoding().label());
                ps.setLong(8, file.scan().records());
                setLong(ps, 9, count == null ? null : count.loaded());
                setLong(ps, 10, count == null ? null : count.rejected());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static List<IngestReport.Issue> issues(Connection connection, long runId, String kind) throws SQLException {
        List<IngestReport.Issue> issues = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT type, file, table_id, line, column_name, value,"
                + " reason FROM ingest_issue WHERE run_id = ? AND kind = ? ORDER BY seq, file, line NULLS FIRST,"
                + " column_name LIMIT ?")) {
            ps.setLong(1, runId);
            ps.setString(2, kind);
            ps.setInt(3, REPORT_LIMIT);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    issues.add(new IngestReport.Issue(rs.getString(1), rs.getString(2), rs.getString(3),
                            (Integer) rs.getObject(4), rs.getString(5), rs.getString(6), rs.getString(7)));
                }
            }
        }
        return issues;
    }

    /** DuckDB's error when a statement needs more than its {@code memory_limit} and cannot spill. */
    static boolean outOfMemory(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("Out of Memory Error")) {
                return true;
            }
        }
        return false;
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    // Unpacked and converted copies of the files: private, and always deleted (they may hold NHS numbers).
    private static Path createWorkDir() {
        return Intake.createPrivateFolder("equity-ingest-");
    }
}
