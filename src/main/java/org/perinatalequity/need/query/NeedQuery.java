package org.perinatalequity.need.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The reads behind the need ranking, all over {@code fact_event} (the measure facts) for one period: counts per area
 * × maternal age band of the outcome measures, the whole LMNS's counts per band (the standard), the births' profile
 * per area, and each neighbourhood's births' centroid from {@code internal.birth_location}. An area is an LSOA of
 * the LMNS (place Leicester, Leicestershire or Rutland) or a neighbourhood of {@code ref_neighbourhood}; the level is
 * chosen by a flag and becomes one of two fixed SQL fragments. Everything else is a bind parameter.
 */
@Component
public class NeedQuery {

    /** The births measure: births with outcome 01–04 (stillbirths from 168 days), one row per baby. */
    static final String BIRTHS_MEASURE = "stillbirth";

    private final JdbcClient jdbc;

    NeedQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One area's counts of one measure in one maternal age band (null band: no mother's birth date). */
    public record OutcomeCount(String area, String measureId, @Nullable String band, long numerator,
            long denominator) {
    }

    /** The whole LMNS's counts of one measure in one band: the standard of the indirect standardisation. */
    public record ReferenceCount(String measureId, String band, long numerator, long denominator) {
    }

    /**
     * One area's births, those whose mother is of a Black, Asian or Mixed ethnic group, those with a known ethnic
     * group (White, Mixed, Asian, Black, other), and the births' mean IMD decile (null when none is known).
     */
    public record BirthProfile(String area, long births, long blackAsianMixed, long knownEthnicity,
            @Nullable Double meanImdDecile) {
    }

    /** A neighbourhood's births with a located postcode and their mean grid reference (metres). */
    public record Centroid(String area, long births, double easting, double northing) {
    }

    /** A register entry as stored, with its LSOA and grid reference from the postcode directory (null if unknown). */
    public record Asset(String name, String type, @Nullable String postcode, @Nullable String lsoa,
            @Nullable Integer easting, @Nullable Integer northing, @Nullable String services,
            @Nullable String languages, @Nullable String opening, @Nullable String contact) {
    }

    private static String area(boolean neighbourhoods) {
        return neighbourhoods ? "n.neighbourhood_code" : "f.lsoa";
    }

    private static String from(boolean neighbourhoods) {
        return neighbourhoods ? " FROM fact_event f JOIN ref_neighbourhood n ON n.lsoa = f.lsoa"
                : " FROM fact_event f";
    }

    private static String in(int n) {
        return "(" + String.join(", ", java.util.Collections.nCopies(n, "?")) + ")";
    }

    private static List<Object> params(List<String> measureIds, Object... more) {
        List<Object> params = new ArrayList<>(measureIds);
        params.addAll(List.of(more));
        return params;
    }

    private static String where(boolean neighbourhoods, int measures) {
        return " WHERE f.measure_id IN " + in(measures) + " AND f.event_date BETWEEN ? AND ?"
                + (neighbourhoods ? "" : " AND f.lsoa <> 'Unknown' AND f.place IN ('Leicester', 'Leicestershire', 'Rutland')");
    }

    /** The first and last months with facts of the measures, as dates (empty when none is loaded). */
    public Optional<LocalDate[]> range(List<String> measureIds) {
        return jdbc.sql("SELECT min(event_date), max(event_date) FROM fact_event WHERE measure_id IN "
                + in(measureIds.size())).params(params(measureIds))
                .query((rs, i) -> rs.getDate(1) == null ? null
                        : new LocalDate[] { rs.getDate(1).toLocalDate(), rs.getDate(2).toLocalDate() })
                .optional();
    }

    public List<OutcomeCount> outcomes(boolean neighbourhoods, List<String> measureIds, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT " + area(neighbourhoods) + " AS area, f.measure_id, f.maternal_age_band,"
                + " coalesce(sum(f.numerator), 0), coalesce(sum(coalesce(f.denominator, 1)), 0)"
                + from(neighbourhoods) + where(neighbourhoods, measureIds.size()) + " GROUP BY ALL ORDER BY ALL")
                .params(params(measureIds, from, to))
                .query((rs, i) -> new OutcomeCount(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getLong(5)))
                .list();
    }

    /** Every fact of the measures in the period, whatever the area (the LMNS's own rates), by band. */
    public List<ReferenceCount> reference(List<String> measureIds, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT measure_id, maternal_age_band, coalesce(sum(numerator), 0),"
                + " coalesce(sum(coalesce(denominator, 1)), 0) FROM fact_event"
                + " WHERE measure_id IN " + in(measureIds.size()) + " AND event_date BETWEEN ? AND ?"
                + " AND maternal_age_band IS NOT NULL GROUP BY ALL ORDER BY ALL")
                .params(params(measureIds, from, to))
                .query((rs, i) -> new ReferenceCount(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    public List<BirthProfile> births(boolean neighbourhoods, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT " + area(neighbourhoods) + " AS area, count(*),"
                + " count(*) FILTER (WHERE f.ethnic_group IN ('Mixed', 'Asian or Asian British', 'Black or Black British')),"
                + " count(*) FILTER (WHERE f.ethnic_group IN ('White', 'Mixed', 'Asian or Asian British',"
                + " 'Black or Black British', 'Any other ethnic group')),"
                + " avg(try_cast(f.imd_decile AS INTEGER))"
                + from(neighbourhoods) + where(neighbourhoods, 1) + " GROUP BY ALL ORDER BY ALL")
                .params(params(List.of(BIRTHS_MEASURE), from, to))
                .query((rs, i) -> new BirthProfile(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getObject(5) == null ? null : rs.getDouble(5)))
                .list();
    }

    /** Each neighbourhood's births' centroid: the mean grid reference of its births' postcodes in the period. */
    public List<Centroid> neighbourhoodCentroids(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT n.neighbourhood_code, count(*), avg(b.easting), avg(b.northing)
                FROM internal.birth_location b JOIN ref_neighbourhood n ON n.lsoa = b.lsoa
                WHERE b.birth_date BETWEEN ? AND ? GROUP BY 1 ORDER BY 1""")
                .params(from, to)
                .query((rs, i) -> new Centroid(rs.getString(1), rs.getLong(2), rs.getDouble(3), rs.getDouble(4)))
                .list();
    }

    /** The register in file order. */
    public List<Asset> assets() {
        List<Asset> out = new ArrayList<>();
        jdbc.sql("SELECT name, type, postcode, lsoa, easting, northing, services, languages, opening, contact"
                + " FROM v_asset ORDER BY line")
                .query(rs -> {
                    out.add(new Asset(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            (Integer) rs.getObject(5), (Integer) rs.getObject(6), rs.getString(7), rs.getString(8),
                            rs.getString(9), rs.getString(10)));
                });
        return out;
    }
}
