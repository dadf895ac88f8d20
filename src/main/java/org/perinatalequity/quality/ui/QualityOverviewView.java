package org.perinatalequity.quality.ui;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.perinatalequity.security.Roles;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

import org.perinatalequity.measures.Dimension;
import org.perinatalequity.quality.Escalation;
import org.perinatalequity.quality.Period;
import org.perinatalequity.quality.QualityCount;
import org.perinatalequity.quality.QualityItem;
import org.perinatalequity.quality.QualityService;
import org.perinatalequity.shell.MainLayout;
import org.perinatalequity.system.ui.ComboBoxes;

/**
 * The LMNS data-quality overview: a heat map of each team's valid percentage per item over all loaded data (the LMNS
 * first), and the teams and booking sites escalated for being below threshold month after month, with the monthly
 * escalation summary as CSV for the board.
 */
@Route(value = "quality", layout = MainLayout.class)
@RolesAllowed({ Roles.ADMIN, Roles.ANALYST, Roles.TEAM, Roles.BOARD })
@PageTitle("Data quality | Perinatal Equity Dashboard")
@Menu(title = "Data quality", order = 40, icon = "vaadin:check-square-o")
class QualityOverviewView extends VerticalLayout {

    static final String LMNS = "LMNS (all teams)";
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.UK);

    /** One heat-map row: a team (or the LMNS) and its counts per item. */
    record TeamRow(String team, boolean lmns, Map<QualityItem, QualityCount> counts) {

        Double percent(QualityItem item) {
            QualityCount c = counts.get(item);
            return c == null ? null : c.validPercent();
        }
    }

    private final QualityService service;

    QualityOverviewView(QualityService service) {
        this.service = service;
        // The heat map, the escalations and the months beside them from one data version.
        service.inOneVersion(this::build);
    }

    private void build() {
        addClassName("equity-page");
        setSpacing(true);
        Paragraph lead = new Paragraph("How complete and valid the items that equity analysis depends on are, by"
                + " community team, over all loaded data. Select a team to see its trend and the records to fix.");
        lead.addClassName("equity-lead");
        Grid<Escalation> escalations = escalationGrid();
        ComboBox<YearMonth> asOf = new ComboBox<>("Escalations as of");
        asOf.setId("escalation-month");
        List<YearMonth> months = new ArrayList<>(service.months());
        Collections.reverse(months);
        asOf.setItems(months);
        asOf.setItemLabelGenerator(MONTH::format);
        asOf.setPlaceholder("Latest month loaded");
        asOf.setClearButtonVisible(true);
        ComboBoxes.enterChooses(asOf);
        asOf.addValueChangeListener(e -> showEscalations(escalations, Optional.ofNullable(e.getValue())));
        showEscalations(escalations, Optional.empty());
        add(new H1("Data quality"), lead,
                QualityCells.section("heatmap", "Valid records by team and item", heatMap(), QualityCells.legend()),
                QualityCells.section("escalations", "Below threshold and escalations", asOf, escalations,
                        QualityCells.note("Every team and booking site whose latest complete month is below the"
                                + " item's threshold, and since when. Run rule: a team or site is escalated when an item"
                                + " is below its threshold in each of its last " + service.escalationMonths()
                                + " or more complete months with records. Complete months lie inside every provider's"
                                + " reporting period and hold at least half the team's or site's median monthly"
                                + " records (when that median is 20 or more); other months are skipped, neither"
                                + " extending nor ending a run."),
                        QualityCells.csvDownload("escalations-csv", "Download the monthly escalation summary (CSV)",
                                "quality-escalations.csv",
                                () -> service.escalationsCsv(Optional.ofNullable(asOf.getValue()), false))));
    }

    private void showEscalations(Grid<Escalation> grid, Optional<YearMonth> asOf) {
        List<Escalation> rows = service.escalations(asOf, false);
        grid.setItems(rows);
        grid.setAllRowsVisible(rows.size() <= 15);
        grid.setHeight(rows.size() <= 15 ? null : "30em");
    }

    private Grid<TeamRow> heatMap() {
        Grid<TeamRow> grid = new Grid<>();
        grid.setId("heatmap-grid");
        grid.setAriaLabel("Valid records by team and item");
        grid.addComponentColumn(row -> row.lmns() ? new Span(row.team())
                : new RouterLink(row.team(), TeamQualityView.class, new RouteParameters("team", row.team())))
                .setHeader("Team").setAutoWidth(true).setFlexGrow(0).setFrozen(true);
        for (QualityItem item : QualityItem.maternity()) {
            double threshold = threshold(item);
            grid.addComponentColumn(row -> QualityCells.cell(row.percent(item), threshold))
                    .setHeader(item.label()).setTextAlign(ColumnTextAlign.END).setAutoWidth(true)
                    .setKey(item.id());
        }
        List<TeamRow> rows = new ArrayList<>();
        rows.add(new TeamRow(LMNS, true, byItem(service.totals(Optional.empty(), Period.all(), Map.of(), false))));
        Map<String, Map<QualityItem, QualityCount>> teams = new LinkedHashMap<>();
        for (QualityCount c : service.counts(Dimension.TEAM, Optional.empty(), Period.all(), Map.of(), false)) {
            teams.computeIfAbsent(c.group(), t -> new EnumMap<>(QualityItem.class)).put(c.item(), c);
        }
        teams.forEach((team, counts) -> rows.add(new TeamRow(team, false, counts)));
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_COLUMN_BORDERS);
        grid.setWidthFull();
        return grid;
    }

    private Grid<Escalation> escalationGrid() {
        Grid<Escalation> grid = new Grid<>();
        grid.setId("escalations-grid");
        grid.setAriaLabel("Escalations");
        grid.addColumn(e -> e.level() == Escalation.Level.TEAM ? "Team" : "Booking site").setHeader("Level")
                .setAutoWidth(true);
        grid.addColumn(Escalation::group).setHeader("Team or site").setAutoWidth(true);
        grid.addColumn(e -> e.item().label()).setHeader("Item").setAutoWidth(true);
        grid.addColumn(e -> e.escalated() ? "Escalated" : "Below threshold").setHeader("State").setAutoWidth(true)
                .setKey("state");
        grid.addColumn(Escalation::months).setHeader("Months below").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(e -> MONTH.format(e.since())).setHeader("Since").setAutoWidth(true);
        grid.addColumn(e -> MONTH.format(e.latestMonth())).setHeader("Latest month").setAutoWidth(true);
        grid.addColumn(e -> QualityCells.percent(e.latestPercent())).setHeader("Latest valid")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(e -> QualityCells.percent(e.threshold())).setHeader("Threshold").setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        grid.setEmptyStateText("No team or site is below threshold in its latest complete month.");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setWidthFull();
        return grid;
    }

    private double threshold(QualityItem item) {
        return service.thresholds().getOrDefault(item, QualityCells.DEFAULT_THRESHOLD);
    }

    private static Map<QualityItem, QualityCount> byItem(List<QualityCount> counts) {
        Map<QualityItem, QualityCount> map = new EnumMap<>(QualityItem.class);
        counts.forEach(c -> map.put(c.item(), c));
        return map;
    }
}
