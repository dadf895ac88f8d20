package org.perinatalequity.security.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouterLink;

import jakarta.servlet.http.HttpServletResponse;

import java.util.Optional;

import org.perinatalequity.security.AccessPolicy;
import org.perinatalequity.security.AuditService;
import org.perinatalequity.security.Roles;
import org.perinatalequity.shell.MainLayout;

/**
 * A signed-in user who opens a page their role does not include. The start page ("") belongs to the
 * Data loaded view, which board and team users may not see, so instead of showing a refusal on their first screen
 * it forwards a team user to her team's data-quality page (its worklist is her work) and anyone else to "Your
 * access". Sign-in lands on the start page, so this is where a team user lands after signing in too. Every other refusal is audited, so that probing for
 * pages outside one's role (the audit log, the data pages) leaves a trace.
 */
@ParentLayout(MainLayout.class)
public class AccessDeniedView extends VerticalLayout implements HasErrorParameter<AccessDeniedException> {

    private final AuditService audit;
    private final AccessPolicy policy;

    AccessDeniedView(AuditService audit, AccessPolicy policy) {
        this.audit = audit;
        this.policy = policy;
        addClassName("equity-page");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        if (event.getLocation().getPath().isEmpty()) {
            Optional<String> team = policy.hasRole(Roles.TEAM) ? policy.teams().stream().findFirst() : Optional.empty();
            if (team.isPresent()) {
                event.forwardTo("quality/team/" + team.get());
            } else {
                event.forwardTo(AccountView.class);
            }
            return HttpServletResponse.SC_OK;
        }
        audit.record(AuditService.ACCESS_DENIED, "view /" + event.getLocation().getPath(),
                "the role does not include this page", null, AuditService.Outcome.denied);
        Paragraph text = new Paragraph("This page is not part of your role. The menu lists what you can open.");
        text.setId("access-denied");
        add(new H1("Not available to you"), text, new RouterLink("See what your access includes", AccountView.class));
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
