package org.perinatalequity.quality.query;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.perinatalequity.measures.Dimension;
import org.perinatalequity.quality.Escalation;
import org.perinatalequity.quality.MonthlyCount;
import org.perinatalequity.quality.Period;
import org.perinatalequity.quality.Problem;
import org.perinatalequity.quality.QualityCount;
import org.perinatalequity.quality.QualityItem;
import org.perinatalequity.quality.QualityQuery;
import org.perinatalequity.quality.WorklistRow;
import org.perinatalequity.quality.WorklistStatus;
import org.perinatalequity.system.DataVersion;
import org.perinatalequity.system.RefreshStep;
import org.perinatalequity.system.TableSwap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the table {@code quality_item}: {@code v_quality_item} materialised by the derived-data refresh (after every
 * load, and at start-up when stale), because the view re-derives women, bookings and births on each read (about a
 * second on the sample data) and the quality pages ask it several questions per page. The table is rebuilt aside and
 * swapped in by the refresh's one transaction, so readers see the old rows or the new, never a mixture. Column names come only
 * from {@link Dimension} and {@link Escalation.Level}; every value is a bind parameter.
 */
@Repository
class JdbcQualityQuery implements QualityQuery, RefreshStep {

    private static final String COUNTS = """
            count(*) FILTER (WHERE status = 'valid') AS valid, count(*) FILTER (WHERE status = 'default') AS dflt,
            count(*) FILTER (WHERE status = 'invalid') AS invalid, count(*) FILTER (WHERE status = 'missing') AS missing,
            count(*) AS denominator""";

    /**
     * The items counted by {@link #countBy}: the MSDS items and the mental-health linkage item
     * ({@link MentalHealthLinkageItems}), whose rows have no team worklist or escalation of their own.
     */
    private static final String COUNTED_ITEMS = "(SELECT * FROM quality_item UNION ALL BY NAME"
            + " SELECT * FROM quality_mh_linkage)";

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final DataVersion version;

    JdbcQualityQuery(DataSource dataSource, JdbcClient jdbc, DataVersion version) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.version = version;
    }

    @Override
    public Stage stage() {
        return Stage.QUALITY_ITEMS;
    }

    @Override
    public void rebuild(Statement st) throws SQLException {
        TableSwap.swap(st, TableSwap.Alongside.NOTHING,
                List.of(new TableSwap.Build("quality_item", "SELECT * FROM v_quality_item")),
                // Problems seen for the first time are stamped with the latest load, which makes them "new since
                // the last load" on the worklist until another load comes.
                s -> s.execute("""
                        INSERT OR IGNORE INTO worklist_seen
                        SELECT DISTINCT provider, local_patient_id, item, problem, (SELECT max(run_id) FROM submission)
                        FROM quality_item
                        WHERE problem IS NOT NULL AND local_patient_id = mother_id
                          AND (SELECT max(run_id) FROM submission) IS NOT NULL"""));
    }

    @Override
    public boolean rebuildsByWomen() {
        return true;
    }

    /** The rows of the women a load touched; {@link #rebuild} on every load gives the same rows. */
    @Override
    public void rebuildWomen(Statement st) throws SQLException {
        String ofTheWomen = " EXISTS (SELECT 1 FROM refresh_mother m WHERE m.provider = q.provider"
                + " AND m.mother_id IS NOT DISTINCT FROM q.mother_id)";
        st.execute("DELETE FROM quality_item q WHERE" + ofTheWomen);
        st.execute("INSERT INTO quality_item SELECT * FROM v_quality_item");
        st.execute("""
                INSERT OR IGNORE INTO worklist_seen
                SELECT DISTINCT provider, local_patient_id, item, problem, (SELECT max(run_id) FROM submission)
                FROM quality_item q
                WHERE problem IS NOT NULL AND local_patient_id = mother_id
                  AND (SELECT max(run_id) FROM submission) IS NOT NULL AND""" + ofTheWomen);
    }

    @Override
    public long version() {
        return version.current();
    }

    @Override
    public List<QualityCount> countBy(Optional<Dimension> by, Optional<QualityItem> item, Period period,
            Map<Dimension, String> filters) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = periodAndItem("", item, period, params);
        int i = 0;
        for (Map.Entry<Dimension, String> filter : filters.entrySet()) {
            String name = "f" + i++;
            where.append(" AND ").append(filter.getKey().column()).append(" = :").append(name);
            params.put(name, filter.getValue());
        }
        String group = by.map(Dimension::column).orElse("'" + ALL + "'");
        return jdbc.sql("SELECT " + group + " AS grp, item, " + COUNTS + " FROM " + COUNTED_ITEMS + where
                + " GROUP BY ALL ORDER BY grp, item").params(params)
                .query((rs, n) -> new QualityCount(rs.getString("grp"), item(rs.getString("item")), rs.getLong("valid"),
                        rs.getLong("dflt"), rs.getLong("invalid"), rs.getLong("missing"), rs.getLong("denominator")))
                .list();
    }

    @Override
    public List<WorklistRow> findWorklist(String team, Optional<QualityItem> item, Period period, boolean openOnly) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = periodAndItem("q.", item, period, params);
        params.put("team", team);
        // Only the mother's and the booking's items: a community team's cohort is the women it books, and the
        // baby's items are recorded (and fixed) by the birth unit. One row per woman and item, from her latest
        // booking with the problem: the pregnancy the team cares for now, whose EDD and midwife the row shows.
        return jdbc.sql("""
                WITH latest AS (
                  SELECT q.provider, q.local_patient_id, q.booking_date, q.item, q.problem, p.edd, p.midwife
                  FROM quality_item q
                  LEFT JOIN v_worklist_pregnancy p ON p.provider = q.provider AND p.pregnancy_id = q.pregnancy_id
                """ + where
                + " AND q.team = :team AND q.problem IS NOT NULL AND q.local_patient_id = q.mother_id"
                + (openOnly ? " AND coalesce(p.open, false)" : "") + """

                  QUALIFY row_number() OVER (PARTITION BY q.local_patient_id, q.item
                                             ORDER BY q.booking_date DESC, q.pregnancy_id DESC) = 1
                )
                SELECT l.*, s.status, s.note,
                       coalesce(n.first_run = (SELECT max(run_id) FROM submission), false) AS is_new
                FROM latest l
                LEFT JOIN worklist_status s
                  ON s.team = :team AND s.local_patient_id = l.local_patient_id AND s.item = l.item
                LEFT JOIN worklist_seen n ON n.provider = l.provider AND n.local_patient_id = l.local_patient_id
                  AND n.item = l.item AND n.problem = l.problem
                ORDER BY l.booking_date DESC, l.local_patient_id, l.item""").params(params)
                .query((rs, n) -> new WorklistRow(rs.getString("local_patient_id"),
                        rs.getObject("booking_date", LocalDate.class), item(rs.getString("item")),
                        Problem.fromId(rs.getString("problem")), rs.getObject("edd", LocalDate.class),
                        rs.getString("midwife"), rs.getBoolean("is_new"),
                        rs.getString("status") == null ? WorklistStatus.TO_FIX
                                : WorklistStatus.fromId(rs.getString("status")).orElseThrow(),
                        rs.getString("note")))
                .list();
    }

    @Override
    public void saveStatus(String team, String localPatientId, QualityItem item, WorklistStatus status, String note,
            String user) {
        jdbc.sql("""
                INSERT OR REPLACE INTO worklist_status (team, local_patient_id, item, status, note, updated_by, updated_at)
                VALUES (:team, :id, :item, :status, :note, :user, now())""")
                .param("team", team).param("id", localPatientId).param("item", item.id()).param("status", status.id())
                .param("note", note).param("user", user).update();
    }

    /**
     * Every level in one statement: one statement reads one snapshot of {@code quality_item}, so a refresh swapping
     * the table meanwhile cannot give teams of one data version beside booking sites of another (one query per level
     * could, and did during a load).
     */
    @Override
    public List<MonthlyCount> countMonthly(Period period) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = periodAndItem("", Optional.empty(), period, params);
        StringBuilder sql = new StringBuilder();
        for (Escalation.Level level : Escalation.Level.values()) {
            String column = switch (level) {
                case TEAM -> "team";
                case BOOKING_SITE -> "booking_site";
            };
            sql.append(sql.isEmpty() ? "" : " UNION ALL ").append("SELECT '").append(level.name()).append("' AS lvl, ")
                    .append(column).append(" AS grp, item, month, count(*) FILTER (WHERE status = 'valid') AS valid,"
                            + " count(*) AS denominator FROM quality_item").append(where).append(" GROUP BY ALL");
        }
        return jdbc.sql(sql + " ORDER BY lvl, grp, item, month").params(params)
                .query((rs, n) -> new MonthlyCount(Escalation.Level.valueOf(rs.getString("lvl")), rs.getString("grp"),
                        item(rs.getString("item")), YearMonth.parse(rs.getString("month")), rs.getLong("valid"),
                        rs.getLong("denominator")))
                .list();
    }

    @Override
    public List<YearMonth> findMonths() {
        return jdbc.sql("SELECT DISTINCT month FROM quality_item ORDER BY month").query(String.class).list().stream()
                .map(YearMonth::parse).toList();
    }

    @Override
    public List<String> findTeams() {
        return jdbc.sql("SELECT DISTINCT team FROM quality_item ORDER BY team").query(String.class).list();
    }

    @Override
    public List<String> findValues(Dimension dimension) {
        return jdbc.sql("SELECT DISTINCT " + dimension.column() + " FROM quality_item WHERE " + dimension.column()
                + " IS NOT NULL ORDER BY 1").query(String.class).list();
    }

    /** {@code alias} is "" or a fixed table alias such as "q.", never user input. */
    private static StringBuilder periodAndItem(String alias, Optional<QualityItem> item, Period period,
            Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" WHERE " + alias + "cohort_date >= :start AND " + alias
                + "cohort_date < :end");
        params.put("start", period.start());
        params.put("end", period.end());
        item.ifPresent(i -> {
            where.append(" AND ").append(alias).append("item = :item");
            params.put("item", i.id());
        });
        return where;
    }

    private static QualityItem item(String id) {
        return QualityItem.fromId(id).orElseThrow(() -> new IllegalStateException("Unknown quality item '" + id + "'"));
    }
}
