package org.perinatalequity.breakdown.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.perinatalequity.measures.Dimension;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one query of {@code adjust=maternal_age}: counts per group × maternal age band, those the filters keep and
 * those of the whole LMNS, in one pass over {@code fact_event} (the filters become {@code FILTER} clauses, so the
 * reference rates come from the same scan). Records without a band (no {@code PersonBirthDateMother}) are left out
 * of both. Dimensions arrive as enums and become their fixed columns; everything else is a bind parameter.
 */
@Component
public class AgeBandQuery {

    private final JdbcClient jdbc;

    AgeBandQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<AgeBandCount> count(String measureId, Dimension by, Dimension by2, LocalDate from, LocalDate to,
            Map<Dimension, List<String>> filters) {
        List<Object> filterParams = new ArrayList<>();
        StringJoiner kept = new StringJoiner(" AND ");
        kept.add("true");
        filters.forEach((dimension, values) -> {
            StringJoiner in = new StringJoiner(", ", dimension.column() + " IN (", ")");
            values.forEach(v -> {
                in.add("?");
                filterParams.add(v);
            });
            kept.add(in.toString());
        });
        List<Object> params = new ArrayList<>(filterParams);
        params.addAll(filterParams);
        params.add(measureId);
        params.add(from);
        params.add(to);
        String group2 = by2 == null ? "CAST(NULL AS VARCHAR)" : by2.column();
        return jdbc.sql("SELECT " + by.column() + " AS grp, " + group2 + " AS grp2, maternal_age_band AS band,"
                + " coalesce(sum(numerator) FILTER (WHERE " + kept + "), 0) AS numerator,"
                + " count(*) FILTER (WHERE " + kept + ") AS denominator,"
                + " sum(numerator) AS reference_numerator, count(*) AS reference_denominator"
                + " FROM fact_event WHERE measure_id = ? AND event_date BETWEEN ? AND ?"
                + " AND maternal_age_band IS NOT NULL GROUP BY ALL")
                .params(params)
                .query((rs, i) -> new AgeBandCount(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7)))
                .list();
    }
}
