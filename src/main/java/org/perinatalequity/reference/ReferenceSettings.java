package org.perinatalequity.reference;

import org.perinatalequity.system.EquityProperties;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Writes the configured IMD vintage into the {@code setting} table that the linkage views read. */
@Component
class ReferenceSettings implements InitializingBean {

    private final JdbcClient jdbc;
    private final EquityProperties properties;

    ReferenceSettings(JdbcClient jdbc, EquityProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        jdbc.sql("INSERT OR REPLACE INTO setting VALUES ('imd_vintage', :v)")
                .param("v", properties.reference().imdVintage()).update();
    }
}
