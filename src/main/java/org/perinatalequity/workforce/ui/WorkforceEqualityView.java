package org.perinatalequity.workforce.ui;

import static org.perinatalequity.system.ui.Panels.note;
import static org.perinatalequity.system.ui.Panels.section;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Div;
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
import org.perinatalequity.workforce.BandRow;
import org.perinatalequity.workforce.CompletionRow;
import org.perinatalequity.workforce.LeadershipRow;
import org.perinatalequity.workforce.RepresentationRow;
import org.perinatalequity.charts.ChartImage;
import org.perinatalequity.workforce.WorkforceCharts;
import org.perinatalequity.workforce.WorkforceEquality;
import org.perinatalequity.workforce.WorkforceService;
import org.perinatalequity.workforce.WresIndicator;
import org.perinatalequity.workforce.WresYear;

/**
 * The Workforce equality page for the board and the equality leads: the nine WRES indicators of a year in words and
 * symbols, indicator 1 by band against the workforce and the community served, the year-on-year trend, and
 * cultural-competency training and leadership programmes. Aggregates only, small counts hidden, for every role; the
 * staff-level list is the WORKFORCE role's own page.
 */
@Route(value = "workforce", layout = MainLayout.class)
@RolesAllowed({ Roles.ADMIN, Roles.ANALYST, Roles.BOARD, Roles.TEAM, Roles.WORKFORCE })
@PageTitle("Workforce equality | Perinatal Equity Dashboard")
@Menu(title = "Workforce equality", order = 45, icon = "vaadin:users")
class WorkforceEqualityView extends VerticalLayout {

    private final WorkforceService workforce;
    private final Select<String> year = new Select<>();
    private final Paragraph status = new Paragraph();
    private final Grid<WresIndicator> indicators = new Grid<>();
    private final Grid<BandRow> bands = new Grid<>();
    private final Paragraph community = new Paragraph();
    private final Grid<TrendRow> trend = new Grid<>();
    private final Grid<CompletionRow> cultural = new Grid<>();
    private final Grid<LeadershipRow> leadership = new Grid<>();
    private final Grid<RepLine> representation = new Grid<>();
    private final Paragraph representationTests = new Paragraph();
    private final Div content = new Div();
    private final Div bandChart = chartBox("bands-chart");
    private final Div trendChart = chartBox("trend-chart");

    private static final int CHART_WIDTH = 900;

    /** One ethnic group of one group's representation, for the table. */
    record RepLine(String group, String category, String share, String community, String ratio, String gap) {
    }

    /** One indicator's assessment in every year, for the trend table. */
    record TrendRow(int indicator, List<String> byYear) {
    }

    WorkforceEqualityView(WorkforceService workforce) {
        this.workforce = workforce;
        addClassName("equity-page");
        setSpacing(true);
        double lower = workforce.settings().equitableLower();
        double upper = workforce.settings().equitableUpper();
        Paragraph lead = new Paragraph("The Workforce Race Equality Standard (WRES) for maternity and neonatal staff."
                + " Each relative likelihood is put so that above 1 means BME staff fare worse. Its 95% interval"
                + " (Katz) tells chance from disparity: a likelihood is called adverse only when the whole interval"
                + " lies above " + WresWords.number(upper) + ", favourable when it lies wholly below "
                + WresWords.number(lower) + ". The band " + WresWords.number(lower) + "–" + WresWords.number(upper)
                + " is the four-fifths rule of the US EEOC (a setting), not a WRES rule.");
        lead.addClassName("equity-lead");
        year.setLabel("WRES year (April to March)");
        year.setId("wres-year");
        status.setId("workforce-status");

        indicators.setId("indicators-grid");
        indicators.setAriaLabel("WRES indicators 1 to 9");
        indicators.addColumn(WresIndicator::indicator).setHeader("No.").setAutoWidth(true).setFlexGrow(0);
        indicators.addColumn(i -> WresWords.name(i.indicator())).setHeader("Indicator").setFlexGrow(3);
        indicators.addColumn(i -> WresWords.figures(i.white())).setHeader("White").setFlexGrow(1);
        indicators.addColumn(i -> WresWords.figures(i.bme())).setHeader("BME").setFlexGrow(1);
        indicators.addColumn(i -> WresWords.direction(i.indicator())).setHeader("Ratio").setAutoWidth(true);
        indicators.addColumn(WresWords::likelihood).setHeader("Relative likelihood (95% CI)").setFlexGrow(1);
        indicators.addColumn(i -> WresWords.assessment(i, lower, upper)).setHeader("Assessment").setFlexGrow(3);
        indicators.setAllRowsVisible(true);

        bands.setId("bands-grid");
        bands.setAriaLabel("Indicator 1: staff by pay band and ethnic group");
        bands.addColumn(BandRow::band).setHeader("Band");
        bands.addColumn(b -> WresWords.hiddenOr(b.white())).setHeader("White");
        bands.addColumn(b -> WresWords.hiddenOr(b.bme())).setHeader("BME");
        bands.addColumn(b -> b.suppressed() ? "hidden" : WresWords.percent(b.bmePercent())).setHeader("BME % of known");
        bands.setAllRowsVisible(true);
        community.setId("community");

        trend.setId("trend-grid");
        trend.setAriaLabel("Assessment of each indicator by year");
        trend.setAllRowsVisible(true);

        cultural.setId("cultural-grid");
        cultural.setAriaLabel("Cultural-competency training by staff group and band");
        cultural.addColumn(CompletionRow::staffGroup).setHeader("Staff group").setFlexGrow(2);
        cultural.addColumn(CompletionRow::band).setHeader("Band");
        cultural.addColumn(c -> WresWords.count(c.completed())).setHeader("Completed");
        cultural.addColumn(c -> WresWords.count(c.headcount())).setHeader("Staff in post");
        cultural.addColumn(c -> WresWords.percent(c.percent())).setHeader("Completion");
        cultural.addColumn(c -> c.suppressed() ? "hidden" : Boolean.TRUE.equals(c.meetsTarget()) ? "✓ meets target"
                : "✗ below target").setHeader("Target " + WresWords.percent(workforce.settings()
                        .culturalCompetencyTarget()));
        cultural.setAllRowsVisible(true);

        leadership.setId("leadership-grid");
        leadership.setAriaLabel("Leadership programmes by ethnic group");
        leadership.addColumn(LeadershipRow::group).setHeader("Group");
        leadership.addColumn(l -> l.suppressed() ? "hidden" : WresWords.count(l.places())).setHeader("Places");
        leadership.addColumn(l -> WresWords.percent(l.placesShare())).setHeader("Share of places");
        leadership.addColumn(l -> WresWords.percent(l.poolShare())).setHeader("Share of eligible pool");
        leadership.addColumn(l -> WresWords.percent(l.promotedWithin6Months())).setHeader("Promoted within 6 months");
        leadership.addColumn(l -> WresWords.percent(l.promotedWithin12Months())).setHeader("Within 12 months");
        leadership.setAllRowsVisible(true);

        representation.setId("representation-grid");
        representation.setAriaLabel("Staff and board against births by ethnic group");
        representation.addColumn(RepLine::group).setHeader("Group");
        representation.addColumn(RepLine::category).setHeader("Ethnic group").setFlexGrow(2);
        representation.addColumn(RepLine::share).setHeader("Share (95% simultaneous CI)").setFlexGrow(2);
        representation.addColumn(RepLine::community).setHeader("Births");
        representation.addColumn(RepLine::ratio).setHeader("Ratio");
        representation.addColumn(RepLine::gap).setHeader("Gap (points)");
        representation.setAllRowsVisible(true);
        representationTests.setId("representation-tests");

        for (Grid<?> grid : List.of(indicators, bands, trend, cultural, leadership, representation)) {
            // Words are the point of these tables: they wrap rather than end in an ellipsis.
            grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        }
        content.add(section("indicators", "The nine indicators", indicators,
                        note("Figures are percentages with their counts; counts of 1 to "
                                + (workforce.settings().suppressBelow() - 1) + " people are hidden, and then so is"
                                + " the likelihood. Indicators 1 and 9 are shares of staff of known ethnicity.")),
                section("bands", "Indicator 1: staff by pay band", bandChart, community, bands,
                        note("\"hidden\": a count of 1 to " + (workforce.settings().suppressBelow() - 1) + " staff, or a"
                                + " second count hidden so that it cannot be worked out from the total.")),
                section("trend", "Year on year", trendChart, trend,
                        note("Each indicator's relative likelihood and assessment in every loaded year.")),
                section("cultural", "Cultural-competency training", cultural,
                        note("Staff in post with a completion recorded in the year ÷ staff in post (staff-level data"
                                + " only).")),
                section("representation", "Representation of the community served", representation,
                        representationTests,
                        note("Shares of staff (board members) of known ethnicity against births to mothers of known"
                                + " ethnicity in the same months. Ratio 1 is proportional. Goodman simultaneous"
                                + " intervals; the exact multinomial test when an expected count is under 5.")),
                section("leadership", "Leadership programmes", leadership,
                        note("Places taken in the year against staff in the eligible bands; promotions within 6 and"
                                + " 12 months of the programme's start (staff-level data only).")));
        add(new H1("Workforce equality"), lead, year, status, content);

        List<String> years = workforce.years();
        if (years.isEmpty()) {
            status.setText("No workforce data is loaded yet: a user with the WORKFORCE role loads the files"
                    + " (docs/workforce.md).");
            content.setVisible(false);
            year.setVisible(false);
            return;
        }
        year.setItems(years);
        year.addValueChangeListener(e -> show(e.getValue()));
        year.setValue(years.get(years.size() - 1));
        fillTrend(years);
    }

    private void show(String selected) {
        WorkforceEquality e = workforce.equality(selected).orElse(null);
        if (e == null) {
            status.setText("No workforce data for " + selected + ".");
            return;
        }
        status.setText("WRES year " + selected + (e.staffLevel() ? ", from staff-level files." : ", from the"
                + " aggregate WRES return."));
        indicators.setItems(e.wres().indicators());
        bands.setItems(e.bands());
        show(bandChart, WorkforceCharts.bands(e, CHART_WIDTH));
        community.setText("BME staff are " + WresWords.percent(e.workforceBmePercent()) + " of the maternity and"
                + " neonatal workforce of known ethnicity; "
                + (e.communityBmePercent() == null ? "births by ethnic group are not loaded for this year."
                        : "births to BME mothers are " + WresWords.percent(e.communityBmePercent())
                                + " of births of known ethnicity in the same months (the community served)."));
        cultural.setItems(e.culturalCompetency());
        List<RepLine> lines = new ArrayList<>();
        StringBuilder tests = new StringBuilder();
        for (RepresentationRow r : workforce.representation(selected)) {
            if (r.suppressed()) {
                lines.add(new RepLine(r.group(), "hidden: too few people in a group to show", "–", "–", "–", "–"));
                continue;
            }
            for (RepresentationRow.Share c : r.categories()) {
                lines.add(new RepLine(r.group(), c.category(), WresWords.percent(c.percent()) + " ("
                        + WresWords.percent(c.lower()) + " to " + WresWords.percent(c.upper()) + ")",
                        WresWords.percent(c.communityPercent()), WresWords.number(c.ratio()),
                        String.format(java.util.Locale.UK, "%+.1f", c.gap())));
            }
            tests.append(r.group()).append(": ").append(r.test().equals("exact") ? "exact multinomial" : "χ²")
                    .append(" test ").append(WresWords.pValue(r.pValue()))
                    .append(r.pValue() < 0.05 ? " (differs from the births beyond chance). " : " (no clear difference). ");
        }
        representation.setItems(lines);
        representationTests.setText(lines.isEmpty() ? "Needs staff-level workforce data and births of the same months."
                : tests.toString().strip());
        leadership.setItems(e.leadership());
    }

    /** A chart's place on the page: its SVG, then its words for those who cannot see it. */
    private static Div chartBox(String id) {
        Div box = new Div();
        box.setId(id);
        box.addClassName("equity-chart");
        return box;
    }

    private static void show(Div box, ChartImage chart) {
        Paragraph words = new Paragraph(chart.description());
        words.addClassName("equity-chart-description");
        box.removeAll();
        box.add(new Html(chart.html()), words);
    }

    private void fillTrend(List<String> years) {
        Map<String, WresYear> byYear = workforce.trend();
        show(trendChart, WorkforceCharts.likelihoodTrend(byYear, workforce.settings().equitableLower(),
                workforce.settings().equitableUpper(), CHART_WIDTH));
        trend.addColumn(r -> r.indicator() + ". " + WresWords.name(r.indicator())).setHeader("Indicator")
                .setFlexGrow(3);
        for (int y = 0; y < years.size(); y++) {
            int index = y;
            trend.addColumn(r -> r.byYear().get(index)).setHeader(years.get(y));
        }
        List<TrendRow> rows = new ArrayList<>();
        for (int indicator = 1; indicator <= 9; indicator++) {
            List<String> cells = new ArrayList<>();
            for (String y : years) {
                WresIndicator i = byYear.get(y).indicators().get(indicator - 1);
                cells.add(i.relativeLikelihood() == null ? WresWords.assessmentShort(i.assessment())
                        : WresWords.number(i.relativeLikelihood()) + " " + WresWords.assessmentShort(i.assessment()));
            }
            rows.add(new TrendRow(indicator, cells));
        }
        trend.setItems(rows);
    }
}
