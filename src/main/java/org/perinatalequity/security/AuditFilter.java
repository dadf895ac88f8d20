package org.perinatalequity.security;

/**
 * Which audit events to list: a user name (exact, case-insensitive) and an action; null matches all.
 */
public record AuditFilter(String user, String action) {

    public static AuditFilter empty() {
        return new AuditFilter(null, null);
    }

    public AuditFilter withUser(String user) {
        return new AuditFilter(user == null || user.isBlank() ? null : user.strip(), action);
    }

    public AuditFilter withAction(String action) {
        return new AuditFilter(user, action == null || action.isBlank() ? null : action);
    }
}
