package org.perinatalequity.breakdown.query;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

import org.perinatalequity.measures.Dimension;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts numerators and denominators per group from {@code fact_event}. Dimensions arrive as enums and become
 * their fixed columns; the measure, dates and filter values are bind parameters.
 */
@Component
public class BreakdownQuery {

    private final JdbcClient jdbc;

    BreakdownQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<GroupCount> count(String measureId, Dimension by, Dimension by2, LocalDate from, LocalDate to,
            Map<Dimension, List<String>> filters) {
        List<Object> params = new ArrayList<>();
        String where = where(measureId, from, to, filters, params);
        String group2 = by2 == null ? "CAST(NULL AS VARCHAR)" : by2.column();
        return jdbc.sql("SELECT " + by.column() + " AS grp, " + group2 + " AS grp2, sum(numerator) AS numerator,"
                + " count(*) AS denominator FROM fact_event WHERE " + where + " GROUP BY ALL")
                .params(params)
                .query((rs, i) -> new GroupCount(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))
                .list();
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
