package org.perinatalequity.breakdown.query;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

import org.perinatalequity.measures.Dimension;
import org.perinatalequity.measures.Measure;
import org.perinatalequity.measures.MeasureCatalogue;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts numerators and denominators per group from {@code fact_event}. Dimensions arrive as enums and become
 * their fixed columns; the measure, dates and filter values are bind parameters. How a measure is counted is its
 * own ({@link Measure.Counting}): rows summed, or distinct women ({@code unit_key}) among the rows flagged for the
 * numerator and among those flagged for the denominator, so every caller counts a measure the same way.
 */
@Component
public class BreakdownQuery {

    /** Events: each row is a denominator unit with a numerator flag. */
    private static final String EVENT_COUNTS = "sum(numerator) AS numerator, count(*) AS denominator";
    /** Women: each counted once among the rows of the numerator, and once among those of the denominator. */
    private static final String WOMEN_COUNTS = "count(DISTINCT unit_key) FILTER (WHERE numerator = 1) AS numerator,"
            + " count(DISTINCT unit_key) FILTER (WHERE denominator = 1) AS denominator";

    private final JdbcClient jdbc;
    private final MeasureCatalogue catalogue;

    BreakdownQuery(JdbcClient jdbc, MeasureCatalogue catalogue) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
    }

    public List<GroupCount> count(String measureId, Dimension by, Dimension by2, LocalDate from, LocalDate to,
            Map<Dimension, List<String>> filters) {
        List<Object> params = new ArrayList<>();
        String where = where(measureId, from, to, filters, params);
        String group2 = by2 == null ? "CAST(NULL AS VARCHAR)" : by2.column();
        return jdbc.sql("SELECT " + by.column() + " AS grp, " + group2 + " AS grp2, " + counts(measureId)
                + " FROM fact_event WHERE " + where + " GROUP BY ALL")
                .params(params)
                .query((rs, i) -> new GroupCount(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    /** Whether the measure counts distinct women (its groups then do not add up to its total). */
    public boolean countsWomen(String measureId) {
        return catalogue.find(measureId).map(m -> m.counts() == Measure.Counting.WOMEN).orElse(false);
    }

    /**
     * The total over every group of a measure that counts women, each woman once however many groups her events
     * fall in (months, age bands); empty for a measure that counts events, whose groups add up to its total.
     */
    public Optional<GroupCount> womenTotal(String measureId, LocalDate from, LocalDate to,
            Map<Dimension, List<String>> filters) {
        if (!countsWomen(measureId)) {
            return Optional.empty();
        }
        List<Object> params = new ArrayList<>();
        String where = where(measureId, from, to, filters, params);
        return Optional.of(jdbc.sql("SELECT " + WOMEN_COUNTS + " FROM fact_event WHERE " + where)
                .params(params)
                .query((rs, i) -> new GroupCount("Total", null, rs.getLong(1), rs.getLong(2))).single());
    }

    /**
     * Distinct women of a measure that counts women over rolling windows of {@code months} months, one per end month
     * from {@code firstEnd} to {@code lastEnd} (labelled {@code YYYY-MM}): a woman seen in three months of a window is
     * one woman of it. Events measures sum their monthly counts instead (no query needed).
     */
    public List<GroupCount> rollingWomen(String measureId, int months, YearMonth firstEnd, YearMonth lastEnd,
            Map<Dimension, List<String>> filters) {
        List<Object> params = new ArrayList<>();
        params.add(firstEnd.atDay(1));
        params.add(lastEnd.atDay(1));
        String where = where(measureId, firstEnd.minusMonths(months - 1L).atDay(1), lastEnd.atEndOfMonth(), filters,
                params);
        // months is a checked int (TrendSpec: 1-24), not user text: safe to inline as the window's length.
        return jdbc.sql("WITH ends AS (SELECT CAST(range AS DATE) AS end_start FROM range(CAST(? AS DATE),"
                + " CAST(? AS DATE) + INTERVAL 1 MONTH, INTERVAL 1 MONTH))"
                + " SELECT strftime(e.end_start, '%Y-%m') AS grp, CAST(NULL AS VARCHAR) AS grp2,"
                + " count(DISTINCT f.unit_key) FILTER (WHERE f.numerator = 1) AS numerator,"
                + " count(DISTINCT f.unit_key) FILTER (WHERE f.denominator = 1) AS denominator"
                + " FROM ends e JOIN (SELECT unit_key, numerator, denominator, event_date FROM fact_event WHERE "
                + where + ") f ON f.event_date >= e.end_start - INTERVAL " + (months - 1) + " MONTH"
                + " AND f.event_date < e.end_start + INTERVAL 1 MONTH GROUP BY 1 ORDER BY 1")
                .params(params)
                .query((rs, i) -> new GroupCount(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    private String counts(String measureId) {
        return countsWomen(measureId) ? WOMEN_COUNTS : EVENT_COUNTS;
    }

    /** First and last month with events of the measure, if any. */
    public Optional<YearMonth[]> range(String measureId) {
        return jdbc.sql("SELECT min(event_date), max(event_date) FROM fact_event WHERE measure_id = ?")
                .param(measureId)
                .query((rs, i) -> rs.getDate(1) == null ? null
                        : new YearMonth[] { YearMonth.from(rs.getDate(1).toLocalDate()),
                                YearMonth.from(rs.getDate(2).toLocalDate()) })
                .optional();
    }

    /** Values of a dimension present in the facts, for dimensions without a fixed list. */
    public List<String> values(Dimension dimension) {
        return jdbc.sql("SELECT DISTINCT " + dimension.column() + " FROM fact_event ORDER BY 1").query(String.class)
                .list();
    }

    /** The IMD vintage the facts were linked with. */
    public String imdVintage() {
        return jdbc.sql("SELECT value FROM setting WHERE name = 'imd_vintage'").query(String.class).optional()
                .orElse(null);
    }

    private static String where(String measureId, LocalDate from, LocalDate to, Map<Dimension, List<String>> filters,
            List<Object> params) {
        StringJoiner where = new StringJoiner(" AND ");
        where.add("measure_id = ?");
        params.add(measureId);
        where.add("event_date BETWEEN ? AND ?");
        params.add(from);
        params.add(to);
        filters.forEach((dimension, values) -> {
            StringJoiner in = new StringJoiner(", ", dimension.column() + " IN (", ")");
            values.forEach(v -> {
                in.add("?");
                params.add(v);
            });
            where.add(in.toString());
        });
        return where.toString();
    }
}
