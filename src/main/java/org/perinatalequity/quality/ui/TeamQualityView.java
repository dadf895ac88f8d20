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

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;

import org.perinatalequity.measures.Dimension;
import org.perinatalequity.quality.Period;
import org.perinatalequity.quality.QualityCount;
import org.perinatalequity.quality.QualityItem;
import org.perinatalequity.quality.QualityAccess;
import org.perinatalequity.quality.QualityService;
import org.perinatalequity.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import org.perinatalequity.quality.Problem;
import org.perinatalequity.quality.WorklistFilter;
import org.perinatalequity.quality.WorklistRow;
import org.perinatalequity.quality.WorklistStatus;
import org.perinatalequity.shell.MainLayout;

import org.jspecify.annotations.Nullable;

/**
 * One community team's data quality: its valid percentages beside the LMNS, its monthly trend, and the worklist of
 * its women's records to fix: open pregnancies by default, newest first, with counts per problem, filters, EDD,
 * midwife, "new since the last load" and a status and note per record and item that the team sets here
 * (downloadable as CSV in the page's words). The worklist holds local patient identifiers only,
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
    record ItemRow(QualityItem item, QualityCount team, @Nullable Double lmnsPercent, double threshold) {
    }

    /** One row of the trend table: a month and the team's percentage per item. */
    record MonthRow(YearMonth month, Map<QualityItem, Double> percent) {
    }

    private final QualityService service;
    private final QualityAccess access;
    private String team = "";
    private final ComboBox<Boolean> cohort = new ComboBox<>("Cohort");
    private final ComboBox<QualityItem> item = new ComboBox<>("Item");
    private final ComboBox<Problem> problem = new ComboBox<>("Problem");
    private final ComboBox<WorklistStatus> status = new ComboBox<>("Status");
    private final ComboBox<YearMonth> from = new ComboBox<>("Booked from");
    private final ComboBox<YearMonth> to = new ComboBox<>("Booked to");
    private final Paragraph counts = new Paragraph();
    private Grid<WorklistRow> worklistGrid;

    TeamQualityView(QualityService service, QualityAccess access) {
        this.service = service;
        this.access = access;
        addClassName("equity-page");
        setSpacing(true);
        configureFilters();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        team = event.getRouteParameters().get("team").orElse("");
        // The team check, its rates, trend and worklist from one data version.
        service.inOneVersion(this::build);
    }

    private void build() {
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
        worklistGrid = worklistGrid();
        add(QualityCells.section("worklist", "Records to fix", filters(), counts, worklistGrid,
                QualityCells.note("Open pregnancies: booked and not yet given birth, or given birth in the six weeks"
                        + " up to the data-to date; a pregnancy with no birth recorded closes eight weeks after its"
                        + " EDD. Newest booking first. Booking date and EDD are those of the woman's latest booking"
                        + " with the problem; midwife is the care professional's local ID on its latest care plan."
                        + " \"New\": the record or its problem arrived with the latest load. Ethnic category Z"
                        + " (asked, declined) is a valid answer and is not listed. A status stays when the same"
                        + " extract is loaded again; a row leaves the list when a load shows the item valid."),
                QualityCells.csvDownload("worklist-csv", "Download the worklist (CSV)",
                        "worklist-" + team.replaceAll("[^A-Za-z0-9_-]", "_") + ".csv", () -> service.worklistCsv(team, filter(), access.teamAccess()))));
        showWorklist();
    }

    private Component filters() {
        FlexLayout row = new FlexLayout(cohort, item, problem, status, from, to);
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.getStyle().set("gap", "var(--lumo-space-m)");
        return row;
    }

    /** Once per view instance: Vaadin reuses the instance when only the team in the URL changes. */
    private void configureFilters() {
        cohort.setId("worklist-cohort");
        cohort.setItems(true, false);
        cohort.setItemLabelGenerator(open -> open ? "Open pregnancies" : "Every booking");
        cohort.setValue(true);
        item.setId("worklist-item");
        item.setItems(java.util.Arrays.stream(QualityItem.values()).filter(QualityService::isOnWorklists).toList());
        item.setItemLabelGenerator(QualityItem::label);
        item.setPlaceholder("Every item");
        item.setClearButtonVisible(true);
        problem.setId("worklist-problem");
        problem.setItems(Problem.values());
        problem.setItemLabelGenerator(Problem::label);
        problem.setPlaceholder("Every problem");
        problem.setClearButtonVisible(true);
        status.setId("worklist-status");
        status.setItems(WorklistStatus.values());
        status.setItemLabelGenerator(WorklistStatus::label);
        status.setPlaceholder("Every status");
        status.setClearButtonVisible(true);
        List<YearMonth> months = new ArrayList<>(service.months());
        java.util.Collections.reverse(months);
        for (ComboBox<YearMonth> m : List.of(from, to)) {
            m.setItems(months);
            m.setItemLabelGenerator(MONTH::format);
            m.setClearButtonVisible(true);
        }
        from.setId("worklist-from");
        from.setPlaceholder("First booking month");
        to.setId("worklist-to");
        to.setPlaceholder("Latest booking month");
        cohort.addValueChangeListener(e -> showWorklist());
        for (ComboBox<?> box : List.of(item, problem, status, from, to)) {
            box.addValueChangeListener(e -> showWorklist());
        }
        counts.setId("worklist-counts");
    }

    private WorklistFilter filter() {
        YearMonth first = from.getValue();
        YearMonth last = to.getValue();
        if (first != null && last != null && first.isAfter(last)) {
            YearMonth swap = first;
            first = last;
            last = swap;
        }
        return new WorklistFilter(Boolean.TRUE.equals(cohort.getValue()), Optional.ofNullable(item.getValue()),
                Optional.ofNullable(problem.getValue()), Period.of(first, last), Optional.ofNullable(status.getValue()));
    }

    private void showWorklist() {
        List<WorklistRow> rows = service.worklist(team, filter(), access.teamAccess());
        access.worklistShown(team, rows.size());
        worklistGrid.setItems(rows);
        worklistGrid.setHeight(rows.size() <= 12 ? null : "30em");
        worklistGrid.setAllRowsVisible(rows.size() <= 12);
        Map<Problem, Long> byProblem = new EnumMap<>(Problem.class);
        rows.forEach(r -> byProblem.merge(r.problem(), 1L, Long::sum));
        long open = rows.stream().filter(r -> r.status() == WorklistStatus.TO_FIX).count();
        StringBuilder text = new StringBuilder(rows.size() + (rows.size() == 1 ? " record" : " records") + " ("
                + open + " to fix)");
        byProblem.forEach((p, n) -> text.append(" · ").append(p.label()).append(": ").append(n));
        counts.setText(text.toString());
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
        for (QualityItem item : QualityItem.maternity()) {
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

    private Grid<WorklistRow> worklistGrid() {
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
        grid.addColumn(r -> r.edd() == null ? "" : DAY.format(r.edd())).setHeader("EDD")
                .setComparator(r -> r.edd() == null ? java.time.LocalDate.MIN : r.edd()).setSortable(true)
                .setAutoWidth(true).setKey("edd");
        grid.addColumn(r -> r.midwife() == null ? "" : r.midwife()).setHeader("Midwife").setAutoWidth(true)
                .setKey("midwife");
        grid.addColumn(r -> r.newSinceLastLoad() ? "New" : "").setHeader("New since last load").setAutoWidth(true)
                .setKey("new");
        grid.addComponentColumn(this::statusSelect).setHeader("Status").setAutoWidth(true).setKey("status");
        grid.addComponentColumn(this::noteField).setHeader("Note").setFlexGrow(1).setKey("note");
        grid.sort(List.of(new GridSortOrder<>(date, SortDirection.DESCENDING)));
        grid.setEmptyStateText("Nothing to fix here: no record of this team's women matches.");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setWidthFull();
        return grid;
    }

    private Select<WorklistStatus> statusSelect(WorklistRow row) {
        Select<WorklistStatus> select = new Select<>();
        select.setId("status-" + row.localPatientId() + "-" + row.item().id());
        select.setAriaLabel("Status of " + row.localPatientId() + ", " + row.item().label());
        select.setItems(WorklistStatus.values());
        select.setItemLabelGenerator(WorklistStatus::label);
        select.setValue(row.status());
        select.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                save(row, e.getValue(), row.note());
            }
        });
        return select;
    }

    private TextField noteField(WorklistRow row) {
        TextField note = new TextField();
        note.setId("note-" + row.localPatientId() + "-" + row.item().id());
        note.setAriaLabel("Note on " + row.localPatientId() + ", " + row.item().label());
        note.setMaxLength(500);
        note.setValue(row.note() == null ? "" : row.note());
        note.setWidthFull();
        note.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                save(row, row.status(), e.getValue());
            }
        });
        return note;
    }

    private void save(WorklistRow row, WorklistStatus newStatus, String note) {
        WorklistRow saved = service.setStatus(team, row.localPatientId(), row.item(), newStatus, note,
                access.teamAccess());
        Notification.show(saved.localPatientId() + ", " + saved.item().label() + ": " + saved.status().label(), 3000,
                Notification.Position.BOTTOM_START);
        showWorklist();
    }

    private double threshold(QualityItem item) {
        return service.thresholds().getOrDefault(item, QualityCells.DEFAULT_THRESHOLD);
    }
}
