package org.perinatalequity.workforce.ui;

import static org.perinatalequity.system.ui.Panels.note;
import static org.perinatalequity.system.ui.Panels.section;

import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import org.perinatalequity.charts.ChartImage;
import org.perinatalequity.security.Roles;
import org.perinatalequity.shell.MainLayout;
import org.perinatalequity.workforce.RepresentationGroup;
import org.perinatalequity.workforce.RepresentationReport;
import org.perinatalequity.workforce.RepresentationRow;
import org.perinatalequity.workforce.WorkforceCharts;
import org.perinatalequity.workforce.WorkforceService;

/**
 * Representation of the community served: staff in post, the board's voting members and the Maternity Voices
 * Partnership's members, each by ethnic group against births over the same April to March, by one method (Goodman
 * intervals, ratio, gap, exact or χ² test). Aggregates only; for every role but WORKFORCE a group with a small count
 * is hidden whole.
 */
@Route(value = "representation", layout = MainLayout.class)
@RolesAllowed({ Roles.ADMIN, Roles.ANALYST, Roles.BOARD, Roles.TEAM, Roles.WORKFORCE })
@PageTitle("Representation | Perinatal Equity Dashboard")
@Menu(title = "Representation", order = 46, icon = "vaadin:group")
class RepresentationView extends VerticalLayout {

    private static final int CHART_WIDTH = 900;
    /** Below this many members a test finds only large differences, and the words say so. */
    private static final int SMALL = 50;

    private final WorkforceService workforce;
    private final Select<String> year = new Select<>();
    private final Paragraph status = new Paragraph();
    private final Div groups = new Div();

    /** One ethnic group of a group, for its table. */
    record Line(String category, String share, String births, String ratio, String gap) {
    }

    RepresentationView(WorkforceService workforce) {
        this.workforce = workforce;
        addClassName("equity-page");
        setSpacing(true);
        Paragraph lead = new Paragraph("Does each group reflect the community it serves? Staff in post and the"
                + " board's voting members at the end of the WRES year (31 March), and the members of the Maternity"
                + " Voices Partnership on that day, by ethnic group against births to mothers of known ethnicity in the"
                + " same April to March. A ratio of 1 is proportional; the interval of each share is simultaneous"
                + " (Goodman), and one test asks whether the whole mix differs from the births' beyond chance (the"
                + " exact multinomial test when a group is small, χ² otherwise).");
        lead.addClassName("equity-lead");
        year.setLabel("WRES year (April to March)");
        year.setId("representation-year");
        status.setId("representation-status");
        groups.setId("representation-groups");
        add(new H1("Representation"), lead, year, status, groups);
        List<String> years = workforce.representationYears();
        if (years.isEmpty()) {
            status.setText("Neither workforce data nor maternity data is loaded yet, so there is no year to show"
                    + " (docs/workforce.md).");
            year.setVisible(false);
            return;
        }
        year.setItems(years);
        year.addValueChangeListener(e -> show(e.getValue()));
        year.setValue(years.get(years.size() - 1));
    }

    private void show(String selected) {
        RepresentationReport report = workforce.representation(selected, List.of(RepresentationGroup.values()));
        groups.removeAll();
        status.setText(report.births() == null ? "Births by ethnic group are not loaded for " + selected
                + ": there is nothing to compare the groups with."
                : "WRES year " + selected + ": " + WresWords.count(report.births()) + " births to mothers of known"
                        + " ethnicity in the same months.");
        for (RepresentationRow row : report.groups()) {
            groups.add(group(row, selected));
        }
    }

    private com.vaadin.flow.component.Component group(RepresentationRow row, String selected) {
        Paragraph words = new Paragraph(words(row));
        words.setId("representation-" + row.id() + "-words");
        if (row.categories().isEmpty()) {
            return section("representation-" + row.id(), row.group(), words);
        }
        Grid<Line> grid = new Grid<>();
        grid.setId("representation-" + row.id() + "-grid");
        grid.setAriaLabel(row.group() + " against births by ethnic group");
        grid.addColumn(Line::category).setHeader("Ethnic group").setFlexGrow(2);
        grid.addColumn(Line::share).setHeader("Share (95% simultaneous CI)").setFlexGrow(2);
        grid.addColumn(Line::births).setHeader("Births");
        grid.addColumn(Line::ratio).setHeader("Ratio");
        grid.addColumn(Line::gap).setHeader("Gap (points)");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setItems(row.categories().stream().map(c -> new Line(c.category(), WresWords.percent(c.percent())
                + " (" + WresWords.percent(c.lower()) + " to " + WresWords.percent(c.upper()) + ")",
                WresWords.percent(c.communityPercent()), WresWords.number(c.ratio()),
                String.format(Locale.UK, "%+.1f", c.gap()))).toList());
        ChartImage chart = WorkforceCharts.representation(row, selected, CHART_WIDTH);
        Paragraph description = new Paragraph(chart.description());
        description.addClassName("equity-chart-description");
        Div box = new Div(new Html(chart.html()), description);
        box.setId("representation-" + row.id() + "-chart");
        return section("representation-" + row.id(), row.group(), words, box, grid,
                note("A share's interval that does not reach the births' share (the diamond) is a difference beyond"
                        + " chance for that ethnic group."));
    }

    /** What the figures say, in a sentence or two; never more than the test shows. */
    static String words(RepresentationRow row) {
        String unknown = row.notKnown() == null ? " Those of unknown ethnicity are too few to show."
                : row.notKnown() > 0 ? " " + WresWords.count(row.notKnown()) + " of unknown ethnicity are left out."
                        : "";
        if (row.suppressed()) {
            return "Hidden: an ethnic group has too few people to show without identifying them." + unknown;
        }
        if (row.members() == null || row.members() == 0) {
            return "No one of known ethnicity in this group for the year." + unknown;
        }
        if (row.categories().isEmpty()) {
            return WresWords.count(row.members()) + " of known ethnicity; births by ethnic group are not loaded for the"
                    + " year, so there is nothing to compare with." + unknown;
        }
        String test = "exact".equals(row.test()) ? "exact multinomial test" : "χ² test";
        boolean differs = row.pValue() != null && row.pValue() < 0.05;
        return WresWords.count(row.members()) + " of known ethnicity." + unknown + " The " + test + " gives "
                + WresWords.pValue(row.pValue()) + ": "
                + (differs ? "the group's ethnic mix differs from the births' beyond chance."
                        : "no clear difference from the births' ethnic mix" + (row.members() < SMALL
                                ? " (with so few members, a difference would have to be large to show)." : "."));
    }
}
