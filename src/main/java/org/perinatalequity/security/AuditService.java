package org.perinatalequity.security;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The audit trail: every event goes to the append-only table {@code audit_event} and to the
 * {@code AUDIT} log file. Other features call {@link #recordView} for record-level views and
 * {@link #recordExport} for exports; sign-in, ingestion and reference loads are recorded here by the
 * security package itself. Text is cleaned before it is stored: control characters (which could forge
 * log lines) go, and anything shaped like an NHS number or a full postcode is masked, so the log can
 * never become a copy of identifiers.
 */
@Service
public class AuditService {

    public static final String LOGIN = "login";
    public static final String LOGIN_FAILED = "login_failed";
    public static final String ACCOUNT_LOCKED = "account_locked";
    public static final String LOGOUT = "logout";
    public static final String INGEST = "ingest";
    public static final String REFERENCE_LOAD = "reference_load";
    public static final String EXPORT = "export";
    public static final String RECORD_VIEW = "record_view";
    public static final String RECORD_UPDATE = "record_update";
    public static final String ACCESS_DENIED = "access_denied";
    public static final String CONFIG_CHANGE = "config_change";
    public static final String APP_START = "app_start";

    public static final List<String> ACTIONS = List.of(LOGIN, LOGIN_FAILED, ACCOUNT_LOCKED, LOGOUT, INGEST,
            REFERENCE_LOAD, EXPORT, RECORD_VIEW, RECORD_UPDATE, ACCESS_DENIED, CONFIG_CHANGE, APP_START);

    public enum Outcome {
        success, failure, denied
    }

    static final String ANONYMOUS = "anonymous";
    private static final int MAX_TEXT = 1000;
    private static final Logger AUDIT = LoggerFactory.getLogger("AUDIT");
    private static final Logger LOG = LoggerFactory.getLogger(AuditService.class);
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029]+");
    /** Ten digits, grouped 3-3-4 or not: the shape of an NHS number. */
    private static final Pattern NHS_NUMBER = Pattern.compile("(?<!\\d)\\d{3}[ -]?\\d{3}[ -]?\\d{4}(?!\\d)");
    /** A full UK postcode; its outward code (the district) is kept, the inward code masked. */
    private static final Pattern POSTCODE = Pattern.compile(
            "(?i)\\b([A-Z]{1,2}\\d[A-Z\\d]?)\\s*(\\d[A-Z]{2})\\b");

    private final JdbcClient jdbc;
    private final AccessPolicy policy;

    AuditService(JdbcClient jdbc, AccessPolicy policy) {
        this.jdbc = jdbc;
        this.policy = policy;
    }

    /** An event of the current caller (the signed-in user, "system" or "anonymous"). */
    public void record(String action, String target, String detail, Long recordCount, Outcome outcome) {
        recordAs(policy.userName().orElse(ANONYMOUS), action, target, detail, recordCount, outcome);
    }

    /** An event on behalf of a named user (a failed login has no signed-in user to take the name from). */
    public void recordAs(String user, String action, String target, String detail, Long recordCount,
            Outcome outcome) {
        LocalDateTime now = LocalDateTime.now();
        String who = clean(user == null || user.isBlank() ? ANONYMOUS : user);
        String what = clean(target);
        String why = clean(detail);
        AUDIT.info("user={} action={} outcome={} target=\"{}\" records={} detail=\"{}\"", who, action, outcome,
                what == null ? "" : what.replace("\"", "'"), recordCount == null ? "" : recordCount,
                why == null ? "" : why.replace("\"", "'"));
        try {
            jdbc.sql("""
                    INSERT INTO audit_event (occurred_at, user_name, action, target, detail, record_count, outcome)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(now, who, action, what, why, recordCount, outcome.name()).update();
        } catch (DataAccessException e) {
            // The file line above is already written: losing the table row must not stop the user's work.
            LOG.error("Audit event not stored in the database (it is in the audit log file): {}", e.getMessage());
        }
    }

    /** A change to what is kept about a record (a worklist status): who changed what. */
    public void recordUpdate(String target, String detail) {
        record(RECORD_UPDATE, target, detail, 1L, Outcome.success);
    }

    /** A record-level view (a worklist, a patient list): who saw how many records of what. */
    public void recordView(String target, String detail, long records) {
        record(RECORD_VIEW, target, detail, records, Outcome.success);
    }

    /** An export (CSV, Arrow, image, board pack): what left the application, and how many rows. */
    public void recordExport(String target, String detail, long records) {
        record(EXPORT, target, detail, records, Outcome.success);
    }

    /** Newest first. */
    public List<AuditEntry> find(AuditFilter filter, int limit) {
        policy.requireRole(Roles.ADMIN);
        return query(filter, limit);
    }

    private List<AuditEntry> query(AuditFilter filter, int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT event_id, occurred_at, user_name, action, target, detail, record_count, outcome
                FROM audit_event WHERE true""");
        List<Object> params = new ArrayList<>();
        if (filter.user() != null) {
            sql.append(" AND lower(user_name) = lower(?)");
            params.add(filter.user());
        }
        if (filter.action() != null) {
            sql.append(" AND action = ?");
            params.add(filter.action());
        }
        sql.append(" ORDER BY event_id DESC LIMIT ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> new AuditEntry(rs.getLong(1),
                rs.getTimestamp(2).toLocalDateTime(), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getObject(7) == null ? null : rs.getLong(7), rs.getString(8))).list();
    }

    /** The filter in words, as an audit log export's entry describes it. */
    public static String describe(AuditFilter filter) {
        return "user=" + (filter.user() == null ? "all" : filter.user()) + ", action="
                + (filter.action() == null ? "all" : filter.action());
    }

    /** Text fit for the log: one line, bounded, identifiers masked. */
    static String clean(String text) {
        if (text == null) {
            return null;
        }
        String one = CONTROL.matcher(text).replaceAll(" ").strip();
        one = NHS_NUMBER.matcher(one).replaceAll("[number removed]");
        one = POSTCODE.matcher(one).replaceAll("$1 ***");
        return one.length() > MAX_TEXT ? one.substring(0, MAX_TEXT) + "…" : one;
    }
}
