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

import org.perinatalequity.security.AuditService;
import org.perinatalequity.system.ui.MainLayout;

/**
 * A signed-in user who opens a page their role does not include. The start page ("") belongs to the
 * Data loaded view, which board and team users may not see, so for them it forwards to "Your access"
 * instead of showing a refusal on their first screen. Every other refusal is audited, so that probing for
 * pages outside one's role (the audit log, the data pages) leaves a trace.
 */
@ParentLayout(MainLayout.class)
public class AccessDeniedView extends VerticalLayout implements HasErrorParameter<AccessDeniedException> {

    private final AuditService audit;

    AccessDeniedView(AuditService audit) {
        this.audit = audit;
        addClassName("equity-page");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        if (event.getLocation().getPath().isEmpty()) {
            event.forwardTo(AccountView.class);
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
