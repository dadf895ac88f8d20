package org.perinatalequity.quality.query;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.perinatalequity.system.RefreshStep;
import org.perinatalequity.system.TableSwap;

import org.springframework.stereotype.Component;

/**
 * The data-quality item {@code mh_linkage}: {@code v_quality_mh_linkage} (db/150-mhsds-views.sql) materialised as
 * {@code quality_mh_linkage}, one row per MHSDS woman, linked to an MSDS mother or not, which {@link JdbcQualityQuery}
 * counts beside the MSDS items. A step of its own after the MSDS items, rebuilt whole on every refresh: whether a
 * woman links depends on every MSDS mother, not only on the women a load touched.
 */
@Component
class MentalHealthLinkageItems implements RefreshStep {

    @Override
    public Stage stage() {
        return Stage.MENTAL_HEALTH_LINKAGE;
    }

    @Override
    public void rebuild(Statement st) throws SQLException {
        TableSwap.swap(st, List.of(new TableSwap.Build("quality_mh_linkage", "SELECT * FROM v_quality_mh_linkage")));
    }
}
