package org.perinatalequity.security;

import java.util.List;

/**
 * The roles of DESIGN.md section 6, as strings so that {@code @RolesAllowed} and {@code hasRole(...)}
 * can name them. Spring stores each as the authority {@code ROLE_<name>}.
 */
public final class Roles {

    /** All aggregates; may switch disclosure control off; record level only together with RECORD_ACCESS. */
    public static final String ANALYST = "ANALYST";
    /** Record-level data (worklists, record views) for an ANALYST; every such view is audited. */
    public static final String RECORD_ACCESS = "RECORD_ACCESS";
    /** A community team, bound to one or more TeamLocalIDs: aggregates and its own cohort's worklists. */
    public static final String TEAM = "TEAM";
    /** Disclosure-controlled aggregates only, whatever parameters are sent. */
    public static final String BOARD = "BOARD";
    /** Ingestion, reference data, users and the audit log. */
    public static final String ADMIN = "ADMIN";
    /**
     * HR's workforce leads: load the workforce dataset (staff records are HR data) and see its staff-level lists;
     * everyone else sees workforce aggregates only, with small counts suppressed (docs/workforce.md).
     */
    public static final String WORKFORCE = "WORKFORCE";
    /**
     * The application itself (command line, inbox, first-start sample load), never a person and never
     * granted by a user store: only {@link SystemCaller} puts it on the current thread.
     */
    public static final String SYSTEM = "SYSTEM";

    /** The roles a user store may grant. */
    public static final List<String> USER_ROLES = List.of(ANALYST, RECORD_ACCESS, TEAM, BOARD, ADMIN, WORKFORCE);

    /** Authorities of team bindings: {@code TEAM:<TeamLocalID>}, beside {@code ROLE_TEAM}. */
    static final String TEAM_AUTHORITY_PREFIX = "TEAM:";

    /** The authority Spring Security stores for a role ({@code hasRole}, {@code @RolesAllowed} add the prefix). */
    public static String authority(String role) {
        return "ROLE_" + role;
    }

    private Roles() {
    }
}
