package org.perinatalequity.board.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import org.perinatalequity.board.BoardMeasures;
import org.perinatalequity.board.MeasureStatus;
import org.perinatalequity.breakdown.BreakdownService;
import org.perinatalequity.security.Roles;
import org.perinatalequity.system.ui.MainLayout;

/**
 * The board overview: one card per key measure, grouped by the plan priority it tracks, each with the latest
 * quarter, the target, a Making Data Count SPC chart by month with its variation and assurance in words, and the
 * deprivation and ethnicity gaps. Always disclosure-controlled (small numbers suppressed), whoever looks. Printable:
 * the theme's print styles hide the navigation and buttons and keep each card on one page.
 */
@Route(value = "board", layout = MainLayout.class)
@RolesAllowed({ Roles.ADMIN, Roles.ANALYST, Roles.BOARD, Roles.TEAM })
@PageTitle("Board overview | Perinatal Equity Dashboard")
@Menu(title = "Board overview", order = 5, icon = "vaadin:dashboard")
class BoardView extends VerticalLayout {

    BoardView(BreakdownService service) {
        addClassName("equity-page");
        addClassName("equity-board");
        Paragraph lead = new Paragraph("The key measures of the equity and equality action plan, grouped by plan"
                + " priority. Latest values are for the last quarter loaded; charts show each month with Making Data"
                + " Count limits. Small numbers are suppressed to protect confidentiality.");
        lead.addClassName("equity-lead");
        Button print = new Button("Print", VaadinIcon.PRINT.create(),
                e -> UI.getCurrent().getPage().executeJs("window.print()"));
        print.setId("board-print");
        print.addClassName("equity-print-button");
        print.setTooltipText("Print the board overview, or save it as a PDF board pack");
        add(new H1("Board overview"), lead, print);

        Map<String, List<MeasureStatus>> byPriority = new LinkedHashMap<>();
        for (String id : BoardMeasures.KEY) {
            MeasureStatus status = MeasureStatus.of(service, id);
            List<String> plan = status.measure().planItems();
            String priority = plan == null || plan.isEmpty() ? "Other measures" : plan.get(0);
            byPriority.computeIfAbsent(priority, k -> new ArrayList<>()).add(status);
        }
        Div sections = new Div();
        sections.addClassName("equity-board-sections");
        int index = 0;
        for (Map.Entry<String, List<MeasureStatus>> group : byPriority.entrySet()) {
            String headingId = "board-priority-" + index++;
            H2 heading = new H2(group.getKey());
            heading.setId(headingId);
            Div grid = new Div();
            grid.addClassName("equity-board-grid");
            group.getValue().forEach(status -> grid.add(new BoardCard(status)));
            Section section = new Section(heading, grid);
            section.addClassName("equity-board-priority");
            section.getElement().setAttribute("aria-labelledby", headingId);
            section.getStyle().set("--cards", Integer.toString(group.getValue().size()));
            sections.add(section);
        }
        add(sections);
    }
}
