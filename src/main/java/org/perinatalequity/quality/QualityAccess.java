package org.perinatalequity.quality;

import org.perinatalequity.security.AccessPolicy;
import org.perinatalequity.security.AuditService;
import org.perinatalequity.security.Roles;

import org.springframework.stereotype.Component;

/**
 * Who may see what of data quality, from the signed-in user: worklists (record level) of their own teams, or of
 * every team for an analyst with RECORD_ACCESS; counts always suppressed for the board. Every worklist shown or
 * exported is audited.
 */
@Component
public class QualityAccess {

    private final AccessPolicy policy;
    private final AuditService audit;

    QualityAccess(AccessPolicy policy, AuditService audit) {
        this.policy = policy;
        this.audit = audit;
    }

    public TeamAccess teamAccess() {
        return policy.canSeeRecords() ? TeamAccess.everyTeam() : TeamAccess.only(policy.teams());
    }

    /** The board only ever sees disclosure-controlled counts, whatever it asks for. */
    public boolean suppress(boolean asked) {
        return asked || policy.hasRole(Roles.BOARD);
    }

    public void worklistShown(String team, long rows) {
        audit.recordView("worklist:" + team, "data-quality worklist", rows);
    }

    /** A refused worklist request (read, download or status change): who, what, why, like every refusal. */
    public void worklistRefused(String request, String why) {
        audit.record(AuditService.ACCESS_DENIED, request, why + " (teams: "
                + (policy.teams().isEmpty() ? "none" : String.join(" ", policy.teams())) + ", roles: "
                + String.join(" ", policy.roles()) + ")", null, AuditService.Outcome.denied);
    }

    /** The signed-in user's name, or the application's when none (a command). */
    String userName() {
        return policy.userName().orElse("system");
    }

    /** A record-level change: which record and item of which team, and the new status; never the note's text. */
    void worklistStatusChanged(String team, String localPatientId, QualityItem item, WorklistStatus status,
            boolean withNote) {
        audit.recordUpdate("worklist:" + team + ":" + localPatientId + ":" + item.id(),
                "worklist status " + status.id() + (withNote ? " with a note" : ""));
    }
}
