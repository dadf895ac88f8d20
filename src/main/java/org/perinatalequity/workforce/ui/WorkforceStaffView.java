package org.perinatalequity.workforce.ui;

import java.util.List;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import org.perinatalequity.security.Roles;
import org.perinatalequity.shell.MainLayout;
import org.perinatalequity.workforce.WorkforceService;

/**
 * The staff-level list behind the WRES figures (pseudonymised staff ids, ethnic group, band, staff group): HR data, for
 * the WORKFORCE role only; the service audits every view of it.
 */
@Route(value = "workforce/staff", layout = MainLayout.class)
@RolesAllowed(Roles.WORKFORCE)
@PageTitle("Workforce staff list | Perinatal Equity Dashboard")
@Menu(title = "Workforce staff list", order = 46, icon = "vaadin:user-card")
class WorkforceStaffView extends VerticalLayout {

    WorkforceStaffView(WorkforceService workforce) {
        addClassName("equity-page");
        Paragraph lead = new Paragraph("Maternity and neonatal staff of the year as the WRES counts them (not bank"
                + " staff), by pseudonym: staff ids are replaced at load. Every view of this list is audited.");
        lead.addClassName("equity-lead");
        Grid<WorkforceService.StaffRow> grid = new Grid<>();
        grid.setId("staff-grid");
        grid.setAriaLabel("Staff-level workforce list");
        grid.addColumn(WorkforceService.StaffRow::organisation).setHeader("Organisation");
        grid.addColumn(r -> r.staffPseudonym().substring(0, Math.min(12, r.staffPseudonym().length())))
                .setHeader("Staff (pseudonym)");
        grid.addColumn(WorkforceService.StaffRow::ethnicGroup).setHeader("Ethnic group");
        grid.addColumn(WorkforceService.StaffRow::band).setHeader("Band");
        grid.addColumn(WorkforceService.StaffRow::staffGroup).setHeader("Staff group");
        grid.addColumn(r -> r.inPost() ? "yes" : "left during the year").setHeader("In post at the snapshot");
        Select<String> year = new Select<>();
        year.setLabel("WRES year");
        year.setId("staff-year");
        List<String> years = workforce.years();
        year.setItems(years);
        year.addValueChangeListener(e -> grid.setItems(workforce.staff(e.getValue())));
        add(new H1("Workforce staff list"), lead, year, grid);
        if (!years.isEmpty()) {
            year.setValue(years.get(years.size() - 1));
        }
    }
}
