package org.perinatalequity.measures;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.perinatalequity.system.DataVersion;
import org.perinatalequity.system.RefreshStep;
import org.perinatalequity.system.TableSwap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The fact table {@code fact_event} that every breakdown reads: one row per unit counted by each measure
 * (its denominator), with its numerator flag, event date and every dimension as a fixed text column
 * ('Unknown'/'Missing' where a link fails). A step of the derived-data refresh, after the latest record versions:
 * rebuilt after every load and whenever the catalogue changes, and swapped in by the refresh's one transaction, so
 * readers see the old facts or the new, never a mixture. Reading one narrow table keeps breakdowns fast; the data version tells
 * caches when to forget.
 */
@Component
public class MeasureFacts implements RefreshStep {

    /** The query of the facts' rows, over the TEMP view {@code measure_event}. */
    private static final String FACTS_SQL = resource("/measures/query/fact_event.sql");

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final MeasureCatalogue catalogue;
    private final DataVersion version;

    MeasureFacts(DataSource dataSource, JdbcClient jdbc, MeasureCatalogue catalogue, DataVersion version) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.version = version;
    }

    /** Changes whenever the derived data are refreshed. */
    public long version() {
        return version.current();
    }

    @Override
    public Stage stage() {
        return Stage.MEASURE_FACTS;
    }

    /**
     * Builds every measure's facts in one statement and swaps them in, inside the refresh's transaction, with the
     * shared derived views materialised on the refresh's connection ({@link MaterialisedViews}): each measure view
     * then reads tables instead of recomputing bookings, births, contacts and women, and the mother's
     * dimensions are joined once for all measures. The copies are dropped after, so the later steps read the views.
     */
    @Override
    public void rebuild(Statement st) throws SQLException {
        TableSwap.swap(st, s -> {
            MaterialisedViews.materialise(s);
            s.execute("CREATE OR REPLACE TEMP VIEW measure_event AS " + measureEventsSql(catalogue.all()));
        }, List.of(new TableSwap.Build("fact_event", FACTS_SQL)), s -> {
            s.execute("DROP VIEW measure_event");
            MaterialisedViews.drop(s);
        });
    }

    /**
     * Every measure definition, the reference files and the IMD vintage, so a start after editing a definition,
     * changing the IMD vintage, or on a database loaded by the command line of another version, rebuilds what is
     * stale (the refresher adds the loaded submissions).
     */
    @Override
    public String inputs() {
        StringBuilder inputs = new StringBuilder(FACTS_SQL).append('\n');
        for (Measure m : catalogue.all()) {
            inputs.append(m.id()).append('\n').append(m.sql()).append('\n');
        }
        // The loaded submissions the refresher adds itself: a load alone lets it rebuild only what the load touched.
        return inputs.append(jdbc.sql("SELECT (SELECT count(*) || '@' || coalesce(CAST(max(loaded_at) AS VARCHAR), '')"
                + " FROM ref_file) || '|' || (SELECT value FROM setting WHERE name = 'imd_vintage')")
                .query(String.class).single()).toString();
    }

    /**
     * The measures' rows stacked, each column cast as the fact table has it. A measure that counts women keys each
     * row by the woman ({@code unit_key}: her maternity provider and mother id when she links, else her mental health
     * provider and {@code MHSDS/} id, the key of her dimensions in {@code v_women_all}; never an NHS number) and says
     * whether it counts for the denominator; every other row is its own unit and counts for the denominator.
     */
    static String measureEventsSql(List<Measure> measures) {
        return measures.stream()
                .map(m -> "SELECT " + SupportSql.literal(m.id()) + " AS measure_id, provider, mother_id,"
                        + " CAST(event_date AS DATE) AS event_date,"
                        + " CAST(coalesce(numerator, false) AS INTEGER) AS numerator, booking_site, age_at_event,"
                        + (m.counts() == Measure.Counting.WOMEN
                                ? " provider || '|' || mother_id AS unit_key,"
                                        + " CAST(coalesce(denominator, false) AS INTEGER) AS denominator"
                                : " CAST(NULL AS VARCHAR) AS unit_key, 1 AS denominator")
                        + " FROM " + MeasureCatalogue.viewName(m))
                .collect(Collectors.joining(" UNION ALL "));
    }

    private static String resource(String path) {
        try (InputStream in = MeasureFacts.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
