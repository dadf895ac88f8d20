package org.perinatalequity.ingest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.perinatalequity.system.RefreshStep;
import org.perinatalequity.system.TableSwap;

import org.springframework.stereotype.Component;

/**
 * Stores the MHSDS women linked to their MSDS records ({@code internal.mh_women_linked}, read through
 * {@code v_mh_women}): the link matches every MHSDS woman against every MSDS mother and joins {@code v_women}, an
 * intermediate that, recomputed in each view that reads it, took the refresh past its memory at 1,000,000 births.
 * Built once per refresh, after the latest versions it reads, in the refresh's one transaction.
 */
@Component
public class MentalHealthWomen implements RefreshStep {

    private static final String TABLE = "internal.mh_women_linked";

    @Override
    public Stage stage() {
        return Stage.MENTAL_HEALTH_WOMEN;
    }

    @Override
    public void rebuild(Statement st) throws SQLException {
        // Without MHSDS records there is no woman to link: the table is empty, and v_women need not be computed.
        String limit = hasMentalHealthRecords(st) ? "" : " LIMIT 0";
        TableSwap.swap(st, List.of(new TableSwap.Build(TABLE, "SELECT * FROM internal.mh_women_linking" + limit)));
    }

    private static boolean hasMentalHealthRecords(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT EXISTS (SELECT 1 FROM internal.mhs001_store)")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
