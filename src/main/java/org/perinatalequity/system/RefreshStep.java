package org.perinatalequity.system;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

/**
 * One step of the derived-data refresh ({@link DerivedDataRefresher}): rebuilds the tables a feature derives from
 * the loaded records, through {@link TableSwap#swap}, on the statement the refresher gives it. Every step runs inside
 * the refresher's one transaction, so a step reads the new tables of the stages before it while readers still see
 * every old table, and all become current together when the refresher commits (with the record of what they were
 * built from). A step commits nothing itself. A new dataset adds a step (and a {@link Stage}), not a new path.
 */
public interface RefreshStep {

    /**
     * The order the steps run in: a step reads only what the stages before it built. Declared here, in code, so the
     * order is one list and not a convention spread over listeners.
     */
    enum Stage {
        /** The latest version of every record across cumulative submissions: everything after reads these. */
        LATEST_VERSIONS,
        /**
         * The MHSDS women linked to their MSDS records ({@code internal.mh_women_linked}), which the measure facts
         * and the mental-health linkage item read; rebuilt whole, since each woman links against every MSDS mother.
         */
        MENTAL_HEALTH_WOMEN,
        /** The measure facts that breakdowns, trends and the board count. */
        MEASURE_FACTS,
        /** The classified data-quality items of the quality pages and gates. */
        QUALITY_ITEMS,
        /**
         * The mental-health linkage item (MHSDS women linked to MSDS), rebuilt whole: it links each MHSDS woman
         * against every MSDS mother, so it cannot be rebuilt for the women of one load only.
         */
        MENTAL_HEALTH_LINKAGE
    }

    Stage stage();

    /**
     * Rebuilds this step's tables on {@code st}, inside the refresh's transaction (never committing it); throws when
     * it cannot, which rolls the whole refresh back. TEMP objects it makes on the refresh's connection it drops
     * again, so the later steps read the usual views.
     */
    void rebuild(Statement st) throws SQLException;

    /**
     * Whether {@link #rebuildSubmissions} can bring this step's tables up to date from the submissions a load added
     * and removed alone, so a monthly load costs the month, not the warehouse.
     */
    default boolean rebuildsBySubmissions() {
        return false;
    }

    /**
     * Brings this step's tables up to date for the submissions loaded ({@code added}) and replaced or deleted
     * ({@code removed}) since the last complete refresh, inside the refresh's transaction, leaving exactly the rows
     * {@link #rebuild} would. The refresher calls it only when nothing else the tables rest on changed.
     */
    default void rebuildSubmissions(Statement st, Set<Long> added, Set<Long> removed) throws SQLException {
        throw new UnsupportedOperationException(getClass().getName() + " rebuilds its tables whole");
    }

    /**
     * Whether {@link #rebuildWomen} can replace this step's rows of some women only, which lets a load rebuild what
     * it touched rather than everything.
     */
    default boolean rebuildsByWomen() {
        return false;
    }

    /**
     * Replaces this step's rows of the women in the TEMP table {@code refresh_mother} (provider, mother_id; a null
     * mother_id stands for the rows that carry none), run by the refresher inside a transaction where every record
     * store holds only those women's records and all they link to ({@link WomenPartition}): reading the usual views
     * then gives exactly their rows.
     */
    default void rebuildWomen(Statement st) throws SQLException {
        throw new UnsupportedOperationException(getClass().getName() + " rebuilds its tables whole");
    }

    /**
     * What this step's tables rest on besides the stages before it (definitions, settings, what is loaded), as
     * text: when it differs at start-up from the last refresh, the derived data are stale and rebuilt.
     */
    default String inputs() {
        return "";
    }
}
