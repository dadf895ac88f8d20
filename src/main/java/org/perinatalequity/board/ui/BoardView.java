package org.perinatalequity.board.ui;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
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
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;

import org.perinatalequity.board.BoardService;
import org.perinatalequity.board.BoardSummary;
import org.perinatalequity.board.MeasureStatus;
import org.perinatalequity.security.Roles;
import org.perinatalequity.shell.MainLayout;

/**
 * The board overview: a one-page summary matrix of the key measures, then one card per measure, grouped by the plan
 * priority it tracks, each with the latest complete quarter and its counts, the target (for its cohort), a Making
 * Data Count SPC chart by month with its icons and words, and the equity gaps. Always disclosure-controlled (small
 * numbers suppressed), whoever looks. Printable: the theme's print styles print every card, a page per priority.
 */
@Route(value = "board", layout = MainLayout.class)
@RolesAllowed({ Roles.ADMIN, Roles.ANALYST, Roles.BOARD, Roles.TEAM })
@PageTitle("Board overview | Perinatal Equity Dashboard")
@Menu(title = "Board overview", order = 5, icon = "vaadin:dashboard")
class BoardView extends VerticalLayout {

    BoardView(BoardService service) {
        addClassName("equity-page");
        addClassName("equity-board");
        Paragraph lead = new Paragraph("The key measures of the equity and equality action plan, grouped by plan"
                + " priority. Latest values are for the last complete quarter (months at the ends of the data that"
                + " the submissions do not wholly cover are not used); charts show each month with Making Data Count"
                + " limits. Small numbers are suppressed to protect confidentiality.");
        lead.addClassName("equity-lead");
        Button print = new Button("Print", VaadinIcon.PRINT.create(),
                e -> UI.getCurrent().getPage().executeJs("window.print()"));
        print.setId("board-print");
        print.addClassName("equity-print-button");
        print.setTooltipText("Print the whole board overview, a page per priority");
        add(new H1("Board overview"), lead);

        Map<String, List<MeasureStatus>> byPriority = service.byPriority();
        Div actions = new Div(print);
        actions.addClassName("equity-board-actions");
        if (service.mayDownloadPack()) {
            // The pack is for the month the data reach: the latest "data to" date of the key measures.
            YearMonth month = byPriority.values().stream().flatMap(List::stream).map(s -> s.quarters().dataTo())
                    .filter(d -> d != null).max(java.time.LocalDate::compareTo).map(YearMonth::from)
                    .orElse(YearMonth.now());
            Anchor pack = new Anchor(DownloadHandler.fromInputStream(event -> {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                service.writePack(month, bytes);
                return new DownloadResponse(new ByteArrayInputStream(bytes.toByteArray()),
                        "board-pack-" + month + ".pdf", "application/pdf", bytes.size());
            }), "Download the board pack (PDF, " + month + ")");
            pack.setId("board-pack-download");
            pack.getElement().setAttribute("download", true);
            actions.add(pack);
        }
        add(actions);
        add(matrix(BoardService.summary(byPriority)));

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

    /**
     * The summary matrix: a plain HTML table (row and column headers, a caption) so that it prints on one page and
     * screen readers read it cell by cell; each icon has its words in the same cell.
     */
    private static Section matrix(List<BoardSummary> rows) {
        StringBuilder html = new StringBuilder("<table id=\"board-matrix\" class=\"equity-board-matrix\">"
                + "<caption>Summary: every key measure at a glance</caption><thead><tr>");
        for (String column : List.of("Measure", "Latest complete period", "Value (numerator of denominator)",
                "Target", "Variation", "Assurance", "Equity gaps", "Data quality")) {
            html.append("<th scope=\"col\">").append(escape(column)).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        for (BoardSummary row : rows) {
            html.append("<tr id=\"board-matrix-").append(row.measure().id()).append("\">")
                    .append("<th scope=\"row\">").append(escape(row.measure().name())).append("</th>")
                    .append(cell(row.period() == null ? "none" : row.period()))
                    .append(cell(row.value()))
                    .append(cell(row.target()))
                    .append("<td class=\"equity-matrix-icon\" data-icon=\"").append(row.variation().id()).append("\">")
                    .append("<div>").append(row.variation().svg(28)).append("<span>")
                    .append(escape(row.variation().text())).append("</span></div></td>")
                    .append("<td class=\"equity-matrix-icon\" data-icon=\"").append(row.assurance().id()).append("\">")
                    .append("<div>").append(row.assurance().svg(28)).append("<span>")
                    .append(escape(row.assurance().text())).append("</span></div></td>")
                    .append(cell(row.gaps().isEmpty() ? "none (data-quality measure)" : String.join("; ", row.gaps())))
                    .append(cell(row.quality() == null ? "✓ gates pass" : "⚠ below threshold"))
                    .append("</tr>");
        }
        html.append("</tbody></table>");
        Html table = new Html("<div class=\"equity-board-matrix-wrap\">" + html + "</div>");
        H2 heading = new H2("At a glance");
        heading.setId("board-matrix-heading");
        Section section = new Section(heading, table);
        section.addClassName("equity-board-summary");
        section.getElement().setAttribute("aria-labelledby", "board-matrix-heading");
        return section;
    }

    private static String cell(String text) {
        return "<td>" + escape(text) + "</td>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
