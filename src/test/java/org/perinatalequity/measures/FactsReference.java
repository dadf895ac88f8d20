package org.perinatalequity.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The facts computed the plain way, straight from each {@code measure_<id>} view over the live derived views
 * and joined to {@code v_women_all} one measure at a time (the rebuild before it materialised anything), to hold
 * the optimised rebuild to the same rows. Written out here rather than shared with {@link MeasureFacts}, so a
 * change there that alters a single value shows up as a difference.
 */
final class FactsReference {

    private FactsReference() {
    }

    static String sql(List<Measure> measures) {
        String age = "coalesce(e.age_at_event, date_diff('year', w.birth_date, e.event_date)"
                + " - CASE WHEN strftime(e.event_date, '%m%d') < strftime(w.birth_date, '%m%d') THEN 1 ELSE 0 END)";
        String onEvent = "(date_diff('year', w.birth_date, e.event_date)"
                + " - CASE WHEN strftime(e.event_date, '%m%d') < strftime(w.birth_date, '%m%d') THEN 1 ELSE 0 END)";
        return measures.stream().map(m -> "SELECT '" + m.id() + "' AS measure_id, CAST(e.event_date AS DATE),"
                + " CAST(coalesce(e.numerator, false) AS INTEGER),"
                + " coalesce(w.ethnic_group, 'Missing'), coalesce(w.ethnic_category, 'Missing'),"
                + " coalesce(CAST(w.imd_decile AS VARCHAR), 'Unknown'), coalesce(CAST(w.imd_quintile AS VARCHAR), 'Unknown'),"
                + " coalesce(w.place, 'Unknown'), coalesce(w.local_authority, 'Unknown'),"
                + " coalesce(w.postcode_district, 'Unknown'), coalesce(w.lsoa, 'Unknown'),"
                + " coalesce(w.gp_practice, 'Unknown'), coalesce(w.pcn_code, 'Unknown'), coalesce(w.team, 'Unknown'),"
                + " e.provider, coalesce(e.booking_site, 'Unknown'),"
                + " CASE WHEN " + age + " IS NULL THEN 'Unknown' WHEN " + age + " < 20 THEN 'Under 20'"
                + " WHEN " + age + " < 25 THEN '20 to 24' WHEN " + age + " < 30 THEN '25 to 29'"
                + " WHEN " + age + " < 35 THEN '30 to 34' WHEN " + age + " < 40 THEN '35 to 39'"
                + " WHEN " + age + " < 45 THEN '40 to 44' ELSE '45 or over' END,"
                + " strftime(e.event_date, '%Y-%m'), strftime(e.event_date, '%Y') || '-Q' || CAST(quarter(e.event_date) AS VARCHAR),"
                + " CAST(year(e.event_date) - CASE WHEN month(e.event_date) < 4 THEN 1 ELSE 0 END AS VARCHAR) || '/'"
                + " || right(CAST(year(e.event_date) - CASE WHEN month(e.event_date) < 4 THEN 1 ELSE 0 END + 1 AS VARCHAR), 2),"
                + " w.imd_vintage,"
                + " CASE WHEN " + onEvent + " IS NULL THEN NULL WHEN " + onEvent + " < 20 THEN '<20'"
                + " WHEN " + onEvent + " < 25 THEN '20-24' WHEN " + onEvent + " < 30 THEN '25-29'"
                + " WHEN " + onEvent + " < 35 THEN '30-34' WHEN " + onEvent + " < 40 THEN '35-39' ELSE '40+' END,"
                + (m.counts() == Measure.Counting.WOMEN
                        ? " e.provider || '|' || e.mother_id, CAST(e.denominator AS INTEGER)"
                        : " CAST(NULL AS VARCHAR), 1")
                + ", " + area("msoa", "ref_lsoa_area", "level = 'msoa' AND", "code")
                + ", " + area("ward", "ref_lsoa_area", "level = 'ward' AND", "code")
                + ", " + area("neighbourhood", "ref_neighbourhood", "", "neighbourhood_code")
                + " FROM measure_" + m.id() + " e LEFT JOIN v_women_all w ON w.provider = e.provider AND w.mother_id = e.mother_id"
                + " WHERE e.event_date IS NOT NULL").collect(Collectors.joining(" UNION ALL "));
    }

    /**
     * The area of the mother's LSOA, looked up one row at a time: the LSOA's own entry, else that of its first 2021
     * successor (by code) that has one, else that of its first 2011 predecessor that has one, else 'Unknown'.
     */
    private static String area(String name, String table, String where, String column) {
        return "coalesce((SELECT " + column + " FROM " + table + " WHERE " + where + " lsoa = w.lsoa),"
                + " (SELECT t." + column + " FROM ref_lsoa_lookup k JOIN " + table + " t ON t.lsoa = k.lsoa21 WHERE "
                + where.replace("level", "t.level") + " k.lsoa11 = w.lsoa ORDER BY k.lsoa21 LIMIT 1),"
                + " (SELECT t." + column + " FROM ref_lsoa_lookup k JOIN " + table + " t ON t.lsoa = k.lsoa11 WHERE "
                + where.replace("level", "t.level") + " k.lsoa21 = w.lsoa ORDER BY k.lsoa11 LIMIT 1), 'Unknown') AS "
                + name;
    }

    /** Asserts that {@code fact_event} holds exactly the reference rows, duplicates included, for every measure. */
    static void assertFactsEqualReference(JdbcClient jdbc, List<Measure> measures) {
        String expected = "SELECT * FROM (" + sql(measures) + ")";
        long missing = jdbc.sql("SELECT count(*) FROM (" + expected + " EXCEPT ALL SELECT * FROM fact_event)")
                .query(Long.class).single();
        long extra = jdbc.sql("SELECT count(*) FROM (SELECT * FROM fact_event EXCEPT ALL " + expected + ")")
                .query(Long.class).single();
        long rows = jdbc.sql("SELECT count(*) FROM (" + expected + ")").query(Long.class).single();
        assertThat(rows).as("reference rows").isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM fact_event").query(Long.class).single()).isEqualTo(rows);
        assertThat(missing).as("reference rows missing from fact_event").isZero();
        assertThat(extra).as("fact_event rows not in the reference").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM duckdb_tables() WHERE temporary AND table_name LIKE 'v\\_%' ESCAPE '\\'")
                .query(Long.class).single()).as("materialised views left on a pooled connection").isZero();
    }
}
