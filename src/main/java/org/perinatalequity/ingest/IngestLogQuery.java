package org.perinatalequity.ingest;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the submissions, table sizes and ingest log. */
@Component
class IngestLogQuery {

    private final JdbcClient jdbc;
    private final MsdsRegistry registry;

    IngestLogQuery(JdbcClient jdbc, MsdsRegistry registry) {
        this.jdbc = jdbc;
        this.registry = registry;
    }

    List<LoadedData.SubmissionRow> findSubmissions() {
        return jdbc.sql("""
                SELECT submission_id, provider, rp_start AS period_start, rp_end AS period_end, layout, loaded_at, run_id
                FROM submission ORDER BY provider, rp_start, rp_end""")
                .query(LoadedData.SubmissionRow.class).list();
    }

    List<LoadedData.TableRows> countTableRows() {
        // Table names come from the registry, never from a caller.
        // MSDS tables always; another dataset's only once some of it is loaded (most databases hold MSDS alone).
        return registry.dataTables().stream()
                .map(t -> new LoadedData.TableRows(t.id(),
                        jdbc.sql("SELECT count(*) FROM main." + t.rawTable()).query(Long.class).single(),
                        jdbc.sql("SELECT count(*) FROM internal." + t.rawTable()).query(Long.class).single()))
                .filter(t -> t.rows() > 0 || Dataset.ofTable(t.table()).orElseThrow() == Dataset.MSDS)
                .toList();
    }

    List<LoadedData.MentalHealthLinkage> findMentalHealthLinkage() {
        return jdbc.sql("""
                SELECT l.provider, l.women, l.linked, l.linkage_rate,
                       (SELECT count(*) FROM v_mh_referrals r WHERE r.mh_provider = l.provider AND r.perinatal)
                         AS perinatal_referrals,
                       (SELECT count(*) FROM v_mh_contacts c WHERE c.mh_provider = l.provider AND c.perinatal)
                         AS perinatal_contacts
                FROM v_mh_linkage l ORDER BY l.provider""")
                .query(LoadedData.MentalHealthLinkage.class).list();
    }

    List<LoadedData.RunRow> findRecentRuns(int limit) {
        return jdbc.sql("""
                SELECT r.run_id, r.started_at, r.finished_at, r.user_name AS user, r.source, r.outcome, r.message,
                       count(*) FILTER (WHERE i.kind = 'reject') AS rejects,
                       count(*) FILTER (WHERE i.kind = 'warning') AS warnings
                FROM ingest_run r LEFT JOIN ingest_issue i USING (run_id)
                GROUP BY ALL ORDER BY r.run_id DESC LIMIT :limit""")
                .param("limit", limit).query(LoadedData.RunRow.class).list();
    }

    List<LoadedData.IssueRow> findIssues(long runId, int limit) {
        return jdbc.sql("""
                SELECT run_id, kind, type, file, table_id AS "table", line, column_name AS "column", value, reason
                FROM ingest_issue WHERE run_id = :run
                ORDER BY kind, seq, file, line NULLS FIRST, column_name LIMIT :limit""")
                .param("run", runId).param("limit", limit).query(LoadedData.IssueRow.class).list();
    }

    /**
     * Closes the runs a stopped or killed process left "running" as "interrupted", each with what became of its
     * submissions: a submission's rows, its {@code submission} row and its log row commit in one transaction, so the
     * submissions naming the run are exactly what it loaded (kept), and the rest changed nothing. Only at start: no
     * other process can hold the database file, so no run is really running then.
     *
     * @return how many runs were closed
     */
    int closeInterruptedRuns() {
        return jdbc.sql("""
                UPDATE ingest_run r SET outcome = 'interrupted', finished_at = current_localtimestamp(),
                  message = 'Interrupted: the process stopped before the run finished; ' || CASE
                    (SELECT count(*) FROM submission s WHERE s.run_id = r.run_id)
                    WHEN 0 THEN 'nothing of it was loaded (every table is as before the run)'
                    ELSE (SELECT count(*) FROM submission s WHERE s.run_id = r.run_id)
                      || ' submission(s) had loaded and are kept ('
                      || (SELECT string_agg(provider || ' ' || rp_start || ' to ' || rp_end, ', ' ORDER BY submission_id)
                          FROM submission s WHERE s.run_id = r.run_id)
                      || '); the rest changed nothing' END
                WHERE outcome = 'running'""").update();
    }

    boolean isEmpty() {
        return jdbc.sql("SELECT count(*) FROM submission").query(Long.class).single() == 0;
    }
}
