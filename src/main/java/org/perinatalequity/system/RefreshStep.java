package org.perinatalequity.system;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * One step of the derived-data refresh ({@link DerivedDataRefresher}): rebuilds the tables a feature derives from
 * the loaded records, through {@link TableSwap}. A new dataset adds a step (and a {@link Stage}), not a new path.
 */
public interface RefreshStep {

    /**
     * The order the steps run in: a step reads only what the stages before it built. Declared here, in code, so the
     * order is one list and not a convention spread over listeners.
     */
    enum Stage {
        /** The latest version of every record across cumulative submissions: everything after reads these. */
        LATEST_VERSIONS,
        /** The measure facts that breakdowns, trends and the board count. */
        MEASURE_FACTS,
        /** The classified data-quality items of the quality pages and gates. */
        QUALITY_ITEMS
    }

    Stage stage();

    /** Rebuilds this step's tables; throws when it cannot, which stops the refresh. */
    void rebuild();

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
