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
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.perinatalequity.ingest.DataChangedEvent;
import org.perinatalequity.measures.Dimension;
import org.perinatalequity.quality.Escalation;
import org.perinatalequity.quality.MonthlyCount;
import org.perinatalequity.quality.Period;
import org.perinatalequity.quality.Problem;
import org.perinatalequity.quality.QualityCount;
import org.perinatalequity.quality.QualityItem;
import org.perinatalequity.quality.WorklistRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the table {@code quality_item}: {@code v_quality_item} materialised at start-up and after every load, because
 * the view re-derives women, bookings and births on each read (about a second on the sample data) and the quality
 * pages ask it several questions per page. The table is rebuilt aside and swapped in by one transaction, so readers
 * see the old rows or the new, never a mixture. Column names come only from {@link Dimension} and
 * {@link Escalation.Level}; every value is a bind parameter.
 */
@Repository
class JdbcQualityQuery implements QualityQuery {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcQualityQuery.class);

    private static final String COUNTS = """
            count(*) FILTER (WHERE status = 'valid') AS valid, count(*) FILTER (WHERE status = 'default') AS dflt,
            count(*) FILTER (WHERE status = 'invalid') AS invalid, count(*) FILTER (WHERE status = 'missing') AS missing,
            count(*) AS denominator""";

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final AtomicLong version = new AtomicLong();

    JdbcQualityQuery(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        rebuild();
    }

    @EventListener
    void onDataChanged(DataChangedEvent event) {
        rebuild();
    }

    synchronized void rebuild() {
        long started = System.nanoTime();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE OR REPLACE TABLE quality_item_build AS SELECT * FROM v_quality_item");
            c.setAutoCommit(false);
            try {
                st.execute("DROP TABLE IF EXISTS quality_item");
                st.execute("ALTER TABLE quality_item_build RENAME TO quality_item");
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not build the data-quality table: " + e.getMessage(), e);
        }
        version.incrementAndGet();
        LOG.info("Data-quality items rebuilt in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public long version() {
        return version.get();
    }

    @Override
    public List<QualityCount> countBy(Optional<Dimension> by, Optional<QualityItem> item, Period period,
            Map<Dimension, String> filters) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = periodAndItem(item, period, params);
        int i = 0;
        for (Map.Entry<Dimension, String> filter : filters.entrySet()) {
            String name = "f" + i++;
            where.append(" AND ").append(filter.getKey().column()).append(" = :").append(name);
            params.put(name, filter.getValue());
        }
        String group = by.map(Dimension::column).orElse("'" + ALL + "'");
        return jdbc.sql("SELECT " + group + " AS grp, item, " + COUNTS + " FROM quality_item" + where
                + " GROUP BY ALL ORDER BY grp, item").params(params)
                .query((rs, n) -> new QualityCount(rs.getString("grp"), item(rs.getString("item")), rs.getLong("valid"),
                        rs.getLong("dflt"), rs.getLong("invalid"), rs.getLong("missing"), rs.getLong("denominator")))
                .list();
    }

    @Override
    public List<WorklistRow> findWorklist(String team, Optional<QualityItem> item, Period period) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = periodAndItem(item, period, params);
        params.put("team", team);
        // Only the mother's and the booking's items: a community team's cohort is the women it books, and the
        // baby's items are recorded (and fixed) by the birth unit.
        return jdbc.sql("SELECT local_patient_id, min(booking_date) AS booking_date, item, problem FROM quality_item"
                + where + " AND team = :team AND problem IS NOT NULL AND local_patient_id = mother_id"
                + " GROUP BY ALL ORDER BY booking_date, local_patient_id, item").params(params)
                .query((rs, n) -> new WorklistRow(rs.getString("local_patient_id"),
                        rs.getObject("booking_date", LocalDate.class), item(rs.getString("item")),
                        Problem.fromId(rs.getString("problem"))))
                .list();
    }

    @Override
    public List<MonthlyCount> countMonthly(Escalation.Level level, Period period) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = periodAndItem(Optional.empty(), period, params);
        String column = switch (level) {
            case TEAM -> "team";
            case BOOKING_SITE -> "booking_site";
        };
        return jdbc.sql("SELECT " + column + " AS grp, item, month, count(*) FILTER (WHERE status = 'valid') AS valid,"
                + " count(*) AS denominator FROM quality_item" + where + " GROUP BY ALL ORDER BY grp, item, month")
                .params(params)
                .query((rs, n) -> new MonthlyCount(level, rs.getString("grp"), item(rs.getString("item")),
                        YearMonth.parse(rs.getString("month")), rs.getLong("valid"), rs.getLong("denominator")))
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

    private static StringBuilder periodAndItem(Optional<QualityItem> item, Period period, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" WHERE cohort_date >= :start AND cohort_date < :end");
        params.put("start", period.start());
        params.put("end", period.end());
        item.ifPresent(i -> {
            where.append(" AND item = :item");
            params.put("item", i.id());
        });
        return where;
    }

    private static QualityItem item(String id) {
        return QualityItem.fromId(id).orElseThrow(() -> new IllegalStateException("Unknown quality item '" + id + "'"));
    }
}
