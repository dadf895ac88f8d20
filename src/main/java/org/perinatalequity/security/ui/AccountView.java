package org.perinatalequity.security.ui;

import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

import org.perinatalequity.security.AccessPolicy;
import org.perinatalequity.security.Roles;
import org.perinatalequity.shell.MainLayout;

/**
 * What the signed-in user may see and do, in words: every role lands somewhere, and a team or board
 * member can tell why the analyst's pages are not in their menu.
 */
@Route(value = AccountView.ROUTE, layout = MainLayout.class)
@PageTitle("Your access | Perinatal Equity Dashboard")
@Menu(title = "Your access", order = 90, icon = "vaadin:user-check")
@PermitAll
public class AccountView extends VerticalLayout {

    public static final String ROUTE = "account";

    AccountView(AccessPolicy policy) {
        addClassName("equity-page");
        UnorderedList rights = new UnorderedList();
        rights.setId("access-rights");
        descriptions(policy).forEach(text -> rights.add(new ListItem(text)));
        Section panel = new Section(new H2("What you can see and do"), rights);
        panel.addClassName("equity-panel");
        Paragraph who = new Paragraph("Signed in as " + policy.userName().orElse("") + ", with the role"
                + (policy.roles().size() == 1 ? " " : "s ") + String.join(", ", policy.roles())
                + (policy.teams().isEmpty() ? "" : ", for team " + String.join(", ", policy.teams())) + ".");
        who.setId("access-summary");
        who.addClassName("equity-lead");
        add(new H1("Your access"), who, panel,
                new Paragraph("Access follows need-to-know: ask your administrator if you need more."));
    }

    static List<String> descriptions(AccessPolicy policy) {
        List<String> rights = new ArrayList<>();
        if (policy.hasRole(Roles.ANALYST)) {
            rights.add("Every measure and breakdown; you may switch small-number suppression off for your own analysis.");
            rights.add("The data loaded and the linkage report.");
        }
        if (policy.canSeeRecords()) {
            rights.add("Record-level lists (worklists of any team); each view is recorded in the audit log.");
        }
        if (policy.hasRole(Roles.TEAM)) {
            rights.add("Measures for your area and the data-quality worklists of your own team ("
                    + String.join(", ", policy.teams()) + ") only; each view is recorded in the audit log.");
        }
        if (policy.hasRole(Roles.BOARD)) {
            rights.add("KPI and SPC charts with small numbers suppressed; no record-level data.");
        }
        if (policy.hasRole(Roles.ADMIN)) {
            rights.add("Loading MSDS extracts and reference data, and the audit log.");
        }
        if (!rights.isEmpty()) {
            rights.add("The action plan, with where its measures stand (small numbers suppressed).");
            rights.add("The statistics calculator, for numbers you type or paste in.");
        }
        if (rights.isEmpty()) {
            rights.add("Nothing yet: your account has no role of this application.");
        }
        return rights;
    }
}
