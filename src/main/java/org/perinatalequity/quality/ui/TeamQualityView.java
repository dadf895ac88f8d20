package org.perinatalequity.quality.ui;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;

import org.perinatalequity.measures.Dimension;
import org.perinatalequity.quality.Period;
import org.perinatalequity.quality.QualityCount;
import org.perinatalequity.quality.QualityCsv;
import org.perinatalequity.quality.QualityItem;
import org.perinatalequity.quality.QualityAccess;
import org.perinatalequity.quality.QualityService;
import org.perinatalequity.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import org.perinatalequity.quality.WorklistRow;
import org.perinatalequity.system.ui.MainLayout;

/**
 * One community team's data quality: its valid percentages beside the LMNS, its monthly trend, and the worklist of
 * its women's records to fix (sortable, downloadable as CSV). The worklist holds local patient identifiers only,
 * never NHS numbers or postcodes.
 *
 * <p>The worklist is shown only to the team's own users and analysts with RECORD_ACCESS ({@link QualityAccess}),
 * and every showing and download is audited; others see the rates and trend only.
 */
@Route(value = "quality/team/:team", layout = MainLayout.class)
@RolesAllowed({ Roles.ADMIN, Roles.ANALYST, Roles.TEAM, Roles.BOARD })
class TeamQualityView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    /** One row of the rates table: an item, the team's counts and the LMNS percentage. */
    record ItemRow(QualityItem item, QualityCount team, Double lmnsPercent, double threshold) {
    }

    /** One row of the trend table: a month and the team's percentage per item. */
    record MonthRow(YearMonth month, Map<QualityItem, Double> percent) {
    }

    private final QualityService service;
    private final QualityAccess access;
    private String team = "";

    TeamQualityView(QualityService service, QualityAccess access) {
        this.service = service;
        this.access = access;
        addClassName("equity-page");
        setSpacing(true);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        team = event.getRouteParameters().get("team").orElse("");
        removeAll();
        RouterLink back = new RouterLink("All teams", QualityOverviewView.class);
        back.setId("back-to-overview");
        H1 title = new H1("Data quality: team " + team);
        if (!service.teams().contains(team)) {
            add(back, title, new Paragraph("No team '" + team + "' in the loaded data."));
            return;
        }
        Paragraph lead = new Paragraph("How complete and valid this team's records are beside the LMNS, month by"
                + " month, and the women whose records need fixing. Only this team's women are listed.");
        lead.addClassName("equity-lead");
        add(back, title, lead,
                QualityCells.section("rates", "This team and the LMNS", ratesGrid(), QualityCells.legend()),
                QualityCells.section("trend", "Monthly trend", trendGrid(),
                        QualityCells.note("Items of the mother and her booking count in the booking month; items of"
                                + " the baby in the birth month.")));
        if (!access.teamAccess().allows(team)) {
            add(QualityCells.section("worklist", "Records to fix", QualityCells.note("The worklist of named records"
                    + " is open only to team " + team + " and to analysts with record access.")));
            return;
        }
        List<WorklistRow> worklist = service.worklist(team, Optional.empty(), Period.all(), access.teamAccess());
        access.worklistShown(team, worklist.size());
        add(QualityCells.section("worklist", "Records to fix", worklistGrid(worklist),
                QualityCells.note("Booking date: the earliest booking whose record shows the problem. Ethnic"
                        + " category Z (asked, declined) is a valid answer and is not listed."),
                QualityCells.csvDownload("worklist-csv", "Download the worklist (CSV)",
                        "worklist-" + team.replaceAll("[^A-Za-z0-9_-]", "_") + ".csv", out -> {
                            List<WorklistRow> rows = service.worklist(team, Optional.empty(), Period.all(),
                                    access.teamAccess());
                            access.worklistExported(team, rows.size());
                            QualityCsv.worklist(rows, out);
                        })));
    }

    @Override
    public String getPageTitle() {
        return "Data quality: team " + team + " | Perinatal Equity Dashboard";
    }

    private Grid<ItemRow> ratesGrid() {
        Map<QualityItem, Double> lmns = new EnumMap<>(QualityItem.class);
        service.totals(Optional.empty(), Period.all(), Map.of(), false).forEach(c -> lmns.put(c.item(), c.validPercent()));
        List<ItemRow> rows = service.totals(Optional.empty(), Period.all(), Map.of(Dimension.TEAM, team), false)
                .stream().map(c -> new ItemRow(c.item(), c, lmns.get(c.item()), threshold(c.item()))).toList();
        Grid<ItemRow> grid = new Grid<>();
        grid.setId("rates-grid");
        grid.setAriaLabel("This team's valid records beside the LMNS");
        grid.addColumn(r -> r.item().label()).setHeader("Item").setAutoWidth(true);
        grid.addComponentColumn(r -> QualityCells.cell(r.team().validPercent(), r.threshold())).setHeader("Team valid")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(r -> QualityCells.percent(r.lmnsPercent())).setHeader("LMNS valid")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(r -> QualityCells.percent(r.threshold())).setHeader("Threshold").setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        grid.addColumn(r -> r.team().valid()).setHeader("Valid").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(r -> r.team().defaultCount()).setHeader("Default").setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        grid.addColumn(r -> r.team().invalid()).setHeader("Invalid").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(r -> r.team().missing()).setHeader("Missing").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(r -> r.team().denominator()).setHeader("Records").setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setWidthFull();
        return grid;
    }

    private Grid<MonthRow> trendGrid() {
        Map<YearMonth, Map<QualityItem, Double>> months = new TreeMap<>(Comparator.reverseOrder());
        for (QualityCount c : service.counts(Dimension.MONTH, Optional.empty(), Period.all(),
                Map.of(Dimension.TEAM, team), false)) {
            months.computeIfAbsent(YearMonth.parse(c.group()), m -> new EnumMap<>(QualityItem.class))
                    .put(c.item(), c.validPercent());
        }
        List<MonthRow> rows = new ArrayList<>();
        months.forEach((month, percent) -> rows.add(new MonthRow(month, percent)));
        Grid<MonthRow> grid = new Grid<>();
        grid.setId("trend-grid");
        grid.setAriaLabel("This team's valid records by month, latest first");
        grid.addColumn(r -> MONTH.format(r.month())).setHeader("Month").setAutoWidth(true).setFlexGrow(0)
                .setFrozen(true);
        for (QualityItem item : QualityItem.values()) {
            double threshold = threshold(item);
            grid.addComponentColumn(r -> QualityCells.cell(r.percent().get(item), threshold)).setHeader(item.label())
                    .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setKey(item.id());
        }
        grid.setItems(rows);
        grid.setHeight("24em");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_COLUMN_BORDERS);
        grid.setWidthFull();
        return grid;
    }

    private Grid<WorklistRow> worklistGrid(List<WorklistRow> rows) {
        Grid<WorklistRow> grid = new Grid<>();
        grid.setId("worklist-grid");
        grid.setAriaLabel("Records to fix");
        Grid.Column<WorklistRow> date = grid.addColumn(r -> DAY.format(r.bookingDate())).setHeader("Booking date")
                .setComparator(WorklistRow::bookingDate).setSortable(true).setAutoWidth(true).setKey("bookingDate");
        grid.addColumn(WorklistRow::localPatientId).setHeader("Local patient ID").setComparator(WorklistRow::localPatientId)
                .setSortable(true).setAutoWidth(true).setKey("localPatientId");
        grid.addColumn(r -> r.item().label()).setHeader("Item").setComparator(WorklistRow::item).setSortable(true)
                .setAutoWidth(true).setKey("item");
        grid.addColumn(r -> r.problem().label()).setHeader("Problem").setComparator(WorklistRow::problem)
                .setSortable(true).setAutoWidth(true).setKey("problem");
        grid.setItems(rows);
        grid.sort(List.of(new GridSortOrder<>(date, SortDirection.ASCENDING)));
        grid.setEmptyStateText("Nothing to fix: every record of this team's women is valid.");
        grid.setHeight(rows.size() <= 12 ? null : "30em");
        grid.setAllRowsVisible(rows.size() <= 12);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setWidthFull();
        return grid;
    }

    private double threshold(QualityItem item) {
        return service.thresholds().getOrDefault(item, QualityCells.DEFAULT_THRESHOLD);
    }
}
