package org.perinatalequity.security;

import org.springframework.jdbc.core.simple.JdbcClient;

/** An {@link AuditService} on a test database, for tests outside the security package. */
public final class TestAudit {

    private TestAudit() {
    }

    public static AuditService service(JdbcClient jdbc) {
        return new AuditService(jdbc, new AccessPolicy());
    }
}
