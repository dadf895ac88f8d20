package org.perinatalequity.measures;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.perinatalequity.ingest.DataChangedEvent;
import org.perinatalequity.ingest.LatestVersions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The fact table {@code fact_event} that every breakdown reads: one row per unit counted by each measure
 * (its denominator), with its numerator flag, event date and every dimension as a fixed text column
 * ('Unknown'/'Missing' where a link fails). Rebuilt after every load and whenever the catalogue changes,
 * then swapped in by one transaction, so readers see the old facts or the new, never a mixture. Reading
 * one narrow table keeps breakdowns fast; the version number tells caches when to forget.
 */
@Component
public class MeasureFacts {

    private static final Logger LOG = LoggerFactory.getLogger(MeasureFacts.class);

    /** The columns of {@code fact_event}. */
    static final String COLUMNS = "measure_id VARCHAR, event_date DATE, numerator INTEGER, ethnic_group VARCHAR,"
            + " ethnic_category VARCHAR, imd_decile VARCHAR, imd_quintile VARCHAR, place VARCHAR,"
            + " local_authority VARCHAR, postcode_district VARCHAR, lsoa VARCHAR, gp_practice VARCHAR, pcn VARCHAR,"
            + " team VARCHAR, provider VARCHAR, booking_site VARCHAR, age_group VARCHAR, month VARCHAR,"
            + " quarter VARCHAR, financial_year VARCHAR, imd_vintage VARCHAR";

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final MeasureCatalogue catalogue;
    private final LatestVersions latestVersions;
    private final AtomicLong version = new AtomicLong();

    MeasureFacts(DataSource dataSource, JdbcClient jdbc, MeasureCatalogue catalogue, LatestVersions latestVersions) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.latestVersions = latestVersions;
    }

    /** At start-up, once every setting is written: rebuild whatever is stale. */
    @EventListener(ContextRefreshedEvent.class)
    void onStart() {
        if (!stateHash().equals(builtHash())) {
            latestVersions.refresh();
            rebuild();
        }
        version.incrementAndGet();
    }

    /** Changes whenever the facts are rebuilt. */
    public long version() {
        return version.get();
    }

    @EventListener
    void onDataChanged(DataChangedEvent event) {
        rebuild();
    }

    /**
     * Builds every measure's facts in one statement and swaps them in, all in one transaction on a connection
     * of its own where the shared derived views are materialised ({@link MaterialisedViews}): each measure view
     * then reads tables instead of recomputing bookings, births, contacts and women, and the mother's
     * dimensions are joined once for all measures.
     */
    synchronized void rebuild() {
        long started = System.nanoTime();
        String hash = stateHash();
        try (Connection c = MaterialisedViews.open(dataSource); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                MaterialisedViews.materialise(st);
                st.execute("CREATE OR REPLACE TABLE fact_event_build (" + COLUMNS + ")");
                st.execute("INSERT INTO fact_event_build " + factsSql(catalogue.all()));
                st.execute("DROP TABLE IF EXISTS fact_event");
                st.execute("ALTER TABLE fact_event_build RENAME TO fact_event");
                st.execute("CREATE OR REPLACE TABLE fact_build (catalogue_hash VARCHAR, built_at TIMESTAMP)");
                st.execute("INSERT INTO fact_build VALUES (" + SupportSql.literal(hash)
                        + ", current_localtimestamp())");
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
            LOG.info("Measure facts rebuilt in {} ms", (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not build the measure facts: " + e.getMessage(), e);
        }
        version.incrementAndGet();
    }

    /**
     * One query for the facts of every measure: the measures' rows stacked (each column cast as the fact table
     * has it), then joined once to the mother ({@code v_women}) for her dimensions.
     */
    static String factsSql(List<Measure> measures) {
        String stacked = measures.stream()
                .map(m -> "SELECT " + SupportSql.literal(m.id()) + " AS measure_id, provider, mother_id,"
                        + " CAST(event_date AS DATE) AS event_date,"
                        + " CAST(coalesce(numerator, false) AS INTEGER) AS numerator, booking_site, age_at_event"
                        + " FROM " + MeasureCatalogue.viewName(m))
                .collect(Collectors.joining(" UNION ALL "));
        return "SELECT e.measure_id, e.event_date, e.numerator,"
                + " coalesce(w.ethnic_group, 'Missing'), coalesce(w.ethnic_category, 'Missing'),"
                + " coalesce(CAST(w.imd_decile AS VARCHAR), 'Unknown'),"
                + " coalesce(CAST(w.imd_quintile AS VARCHAR), 'Unknown'), coalesce(w.place, 'Unknown'),"
                + " coalesce(w.local_authority, 'Unknown'), coalesce(w.postcode_district, 'Unknown'),"
                + " coalesce(w.lsoa, 'Unknown'), coalesce(w.gp_practice, 'Unknown'), coalesce(w.pcn_code, 'Unknown'),"
                + " coalesce(w.team, 'Unknown'), e.provider, coalesce(e.booking_site, 'Unknown'), "
                + SupportSql.ageGroup("coalesce(e.age_at_event, date_diff('year', w.birth_date, e.event_date)"
                        + " - CASE WHEN strftime(e.event_date, '%m%d') < strftime(w.birth_date, '%m%d') THEN 1"
                        + " ELSE 0 END)")
                + ", strftime(e.event_date, '%Y-%m'), strftime(e.event_date, '%Y') || '-Q'"
                + " || CAST(quarter(e.event_date) AS VARCHAR), " + SupportSql.financialYear("e.event_date")
                + ", w.imd_vintage FROM (" + stacked + ") e LEFT JOIN v_women w"
                + " ON w.provider = e.provider AND w.mother_id = e.mother_id WHERE e.event_date IS NOT NULL";
    }

    private String builtHash() {
        boolean exists = jdbc.sql("SELECT count(*) FROM information_schema.tables WHERE table_name IN ('fact_build',"
                + " 'fact_event') AND table_schema = 'main'").query(Long.class).single() == 2;
        return exists ? jdbc.sql("SELECT catalogue_hash FROM fact_build").query(String.class).optional().orElse("")
                : "";
    }

    /**
     * A hash of every measure definition and of what is loaded, so a start after editing a definition, or on a
     * database loaded by the command line of another version, rebuilds what is stale.
     */
    private String stateHash() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Measure m : catalogue.all()) {
                digest.update((m.id() + "\n" + m.sql() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            digest.update(jdbc.sql("SELECT coalesce(string_agg(submission_id || '@' || loaded_at, ',' ORDER BY"
                    + " submission_id), '') || '|' || (SELECT count(*) || '@' || coalesce(CAST(max(loaded_at) AS VARCHAR), '')"
                    + " FROM ref_file) || '|' || (SELECT value FROM setting WHERE name = 'imd_vintage')"
                    + " FROM submission").query(String.class).single().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
