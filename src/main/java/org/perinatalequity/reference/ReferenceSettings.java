package org.perinatalequity.reference;

import org.perinatalequity.security.AuditService;
import org.perinatalequity.security.SystemCaller;
import org.perinatalequity.system.EquityProperties;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the configured IMD vintage into the {@code setting} table that the linkage views read. A
 * different vintage from the one stored changes every deprivation figure, so the change is audited,
 * old → new, under the system user (it happens at start, from configuration).
 */
@Component
class ReferenceSettings implements InitializingBean {

    static final String IMD_VINTAGE = "imd_vintage";

    private final JdbcClient jdbc;
    private final EquityProperties properties;
    private final AuditService audit;

    ReferenceSettings(JdbcClient jdbc, EquityProperties properties, AuditService audit) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.audit = audit;
    }

    @Override
    public void afterPropertiesSet() {
        String configured = properties.reference().imdVintage();
        String stored = jdbc.sql("SELECT value FROM setting WHERE name = :n").param("n", IMD_VINTAGE)
                .query(String.class).optional().orElse(null);
        jdbc.sql("INSERT OR REPLACE INTO setting VALUES (:n, :v)").param("n", IMD_VINTAGE).param("v", configured)
                .update();
        if (!configured.equals(stored)) {
            audit.recordAs(SystemCaller.NAME, AuditService.CONFIG_CHANGE, "setting " + IMD_VINTAGE,
                    "IMD vintage of deprivation: " + (stored == null ? "(none)" : stored) + " → " + configured
                            + " (equity.reference.imd-vintage)", null, AuditService.Outcome.success);
        }
    }
}
