package org.perinatalequity.security;

import java.time.LocalDateTime;

import org.jspecify.annotations.Nullable;

/** One row of the audit log, as the Audit log page and its CSV show it. */
public record AuditEntry(long eventId, LocalDateTime occurredAt, String user, String action, String target,
        String detail, @Nullable Long recordCount, String outcome) {
}
