package org.perinatalequity.breakdown.ui;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import org.perinatalequity.breakdown.BreakdownChartData;
import org.perinatalequity.breakdown.BreakdownRequest;
import org.perinatalequity.breakdown.BreakdownResult;
import org.perinatalequity.breakdown.BreakdownCharts;
import org.perinatalequity.breakdown.BreakdownCharts.ChartKind;
import org.perinatalequity.breakdown.BreakdownService;
import org.perinatalequity.breakdown.InvalidRequestException;
import org.perinatalequity.breakdown.TrendResult;
import org.perinatalequity.charts.ChartImage;
import org.perinatalequity.charts.Charts;
import org.perinatalequity.charts.TrendPanel;
import org.perinatalequity.measures.Dimension;
import org.perinatalequity.measures.Measure;
import org.perinatalequity.security.Roles;
import org.perinatalequity.stats.Comparison;
import org.perinatalequity.system.ui.ChartWords;
import org.perinatalequity.system.ui.ComboBoxes;
import org.perinatalequity.shell.MainLayout;

/**
 * Inequalities in one measure over a period, with filters: the slope and relative index of inequality across IMD
 * deciles with the deprivation gradient, the ethnicity × IMD quintile grid coloured by comparison with the LMNS,
 * each group over time, and areas compared fairly by size on a funnel plot and ranked. The state lives in the URL
 * like the explorer's; each analysis downloads as CSV, PNG and SVG (audited). Always disclosure-controlled.
 */
@Route(value = "inequalities", layout = MainLayout.class)
@RolesAllowed({ Roles.ADMIN, Roles.ANALYST, Roles.TEAM, Roles.BOARD })
@PageTitle("Inequalities | Perinatal Equity Dashboard")
@Menu(title = "Inequalities", order = 25, icon = "vaadin:scale-unbalance")
class InequalitiesView extends VerticalLayout implements BeforeEnterObserver {

    /** The area levels that can be ranked; LSOAs and GP practices are many, so their chart shows the extremes. */
    static final List<Dimension> AREAS = List.of(Dimension.PLACE, Dimension.LOCAL_AUTHORITY, Dimension.PCN,
            Dimension.POSTCODE_DISTRICT, Dimension.TEAM, Dimension.GP_PRACTICE, Dimension.LSOA);
    private static final int OVER_TIME_WIDTH = 900;

    /** The groups compared over time, each a small multiple on one scale. */
    static final List<Dimension> OVER_TIME = List.of(Dimension.IMD_QUINTILE, Dimension.ETHNIC_GROUP);
    /** Filters that leave the page's own breakdowns meaningful. */
    static final List<Dimension> FILTERS = List.of(Dimension.PLACE, Dimension.LOCAL_AUTHORITY, Dimension.PROVIDER,
            Dimension.TEAM, Dimension.AGE_GROUP, Dimension.ETHNIC_GROUP, Dimension.IMD_QUINTILE);

    private final BreakdownService service;
    final ComboBox<Measure> measure = new ComboBox<>("Measure");
    final ComboBox<YearMonth> from = new ComboBox<>("From");
    final ComboBox<YearMonth> to = new ComboBox<>("To");
    final Select<Dimension> filterDimension = new Select<>();
    final MultiSelectComboBox<String> filterValues = new MultiSelectComboBox<>("Filter values");
    final Select<Dimension> area = new Select<>();
    final Select<Dimension> overTimeBy = new Select<>();
    final Paragraph summary = new Paragraph();
    final Paragraph siiText = new Paragraph();
    final Grid<BreakdownResult.Row> ranking = new Grid<>();
    final Grid<TrendRow> overTimeTable = new Grid<>();
    final DefinitionPanel definition;
    private final ChartLayout layout = new ChartLayout();
    private final VerticalLayout gradient = new VerticalLayout();
    private final VerticalLayout grid = new VerticalLayout();
    private final VerticalLayout overTime = new VerticalLayout();
    private final VerticalLayout funnel = new VerticalLayout();
    final HorizontalLayout gradientDownloads = downloadsRow("gradient-downloads");
    final HorizontalLayout gridDownloads = downloadsRow("grid-downloads");
    final HorizontalLayout overTimeDownloads = downloadsRow("over-time-downloads");
    final HorizontalLayout areaDownloads = downloadsRow("area-downloads");
    private InequalitiesState state = InequalitiesState.initial();
    private boolean updating;
    /** What is shown, for the downloads: exactly these results and charts. */
    BreakdownResult deciles;
    BreakdownResult ethnicityByQuintile;
    BreakdownResult areas;
    Map<String, TrendResult> trends;

    InequalitiesView(BreakdownService service) {
        this.service = service;
        this.definition = new DefinitionPanel(service);
        addClassName("equity-page");
        configureControls();
        configureTables();
        Paragraph lead = new Paragraph("How unequal one measure is across deprivation, ethnicity and areas."
                + " Small numbers are suppressed; areas are compared with the LMNS allowing for their size.");
        lead.addClassName("equity-lead");
        FormLayout controls = new FormLayout(measure, from, to, filterDimension, filterValues);
        controls.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("700px", 3));
        add(new H1("Inequalities"), lead, controls, summary, definition, new H2("Deprivation gradient"), siiText,
                gradient, gradientDownloads, new H2("Ethnic group by deprivation"), grid, gridDownloads,
                new H2("Over time"), new Paragraph("Every loaded quarter, whatever the period chosen above, each"
                        + " group on the same scale."), overTimeBy, overTime, overTimeTable, overTimeDownloads, new H2("Areas"), area,
                funnel, ranking, areaDownloads);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        layout.follow(event, () -> {
            if (deciles != null) {
                refresh(measure.getValue());
            }
        });
    }

    private void configureControls() {
        measure.setItems(service.measures());
        measure.setItemLabelGenerator(Measure::name);
        measure.setId("inequality-measure");
        List<YearMonth> months = service.dimensionValues(Dimension.MONTH).stream().map(YearMonth::parse).toList();
        from.setItems(months);
        to.setItems(months);
        from.setId("inequality-from");
        to.setId("inequality-to");
        from.setClearButtonVisible(true);
        to.setClearButtonVisible(true);
        // Typing part of a measure or month and pressing Enter chooses it (as in the explorer).
        ComboBoxes.enterChooses(measure);
        ComboBoxes.enterChooses(from);
        ComboBoxes.enterChooses(to);
        ComboBoxes.enterChooses(filterValues);
        filterDimension.setLabel("Filter on");
        filterDimension.setId("inequality-filter");
        filterDimension.setItems(FILTERS);
        filterDimension.setEmptySelectionAllowed(true);
        filterDimension.setEmptySelectionCaption("(no filter)");
        filterDimension.setItemLabelGenerator(d -> d == null ? "(no filter)" : d.label());
        filterValues.setId("inequality-filter-values");
        area.setLabel("Areas to compare");
        area.setId("inequality-area");
        area.setItems(AREAS);
        area.setItemLabelGenerator(Dimension::label);
        overTimeBy.setLabel("Over time, by");
        overTimeBy.setId("over-time-by");
        overTimeBy.setItems(OVER_TIME);
        overTimeBy.setItemLabelGenerator(Dimension::label);
        overTimeBy.setWidth("22em");
        measure.addValueChangeListener(e -> change(s -> e.getValue() == null ? s : s.withMeasure(e.getValue().id())));
        from.addValueChangeListener(e -> change(s -> s.withPeriod(e.getValue(), s.to())));
        to.addValueChangeListener(e -> change(s -> s.withPeriod(s.from(), e.getValue())));
        filterDimension.addValueChangeListener(e -> {
            if (!updating) {
                updateFilterValues(e.getValue());
            }
        });
        filterValues.addValueChangeListener(e -> change(s -> filterDimension.getValue() == null ? s
                : s.withFilter(filterDimension.getValue(), List.copyOf(e.getValue()))));
        area.addValueChangeListener(e -> change(s -> e.getValue() == null ? s : s.withArea(e.getValue())));
        overTimeBy.addValueChangeListener(e -> change(s -> e.getValue() == null ? s : s.withOver(e.getValue())));
    }

    private void configureTables() {
        ranking.setId("area-ranking");
        ranking.setAriaLabel("Areas ranked by value");
        ranking.addColumn(BreakdownResult.Row::label).setHeader("Area").setKey("area").setAutoWidth(true);
        ranking.addColumn(r -> Formats.value(r.value())).setHeader("Value").setTextAlign(ColumnTextAlign.END);
        ranking.addColumn(r -> Formats.interval(r.lower95(), r.upper95())).setHeader("95% CI")
                .setTextAlign(ColumnTextAlign.END);
        ranking.addColumn(r -> Formats.count(r.denominator())).setHeader("Denominator")
                .setTextAlign(ColumnTextAlign.END);
        ranking.addColumn(r -> r.suppressed() ? "* suppressed" : Comparison.label(r.comparison()))
                .setHeader("Compared with LMNS");
        ranking.setHeight("360px");
        overTimeTable.setId("over-time-table");
        overTimeTable.setAriaLabel("Quarterly values by group");
        overTimeTable.addColumn(TrendRow::group).setHeader("Group").setAutoWidth(true);
        overTimeTable.addColumn(r -> r.point().period()).setHeader("Quarter");
        overTimeTable.addColumn(r -> r.point().suppressed() ? "* suppressed" : Formats.value(r.point().value()))
                .setHeader("Value").setTextAlign(ColumnTextAlign.END);
        overTimeTable.addColumn(r -> Formats.interval(r.point().lower95(), r.point().upper95())).setHeader("95% CI")
                .setTextAlign(ColumnTextAlign.END);
        overTimeTable.addColumn(r -> Formats.count(r.point().denominator())).setHeader("Denominator")
                .setTextAlign(ColumnTextAlign.END);
        overTimeTable.setHeight("320px");
    }

    /**
     * The board's gap sentence for the SII (docs/board.md): "most deprived 2.9 percentage points higher than least
     * deprived". The SII is least minus most deprived, so a negative SII means higher among the most deprived.
     */
    static String siiSentence(double sii, String unit) {
        String size = Formats.value(Math.abs(sii));
        if (size.equals(Formats.value(0.0))) {
            return "most deprived the same as least deprived";
        }
        String points = "%".equals(unit) ? " percentage points" : " " + unit;
        return "most deprived " + size + points + (sii < 0 ? " higher" : " lower") + " than least deprived";
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        show(InequalitiesState.fromParameters(event.getLocation().getQueryParameters().getParameters(), AREAS,
                OVER_TIME));
    }

    InequalitiesState state() {
        return state;
    }

    private void change(UnaryOperator<InequalitiesState> update) {
        if (!updating) {
            show(update.apply(state));
        }
    }

    /** Shows a state: the controls (without echoing changes), the URL, every analysis and its downloads. */
    void show(InequalitiesState next) {
        Measure m = service.measures().stream().filter(x -> x.id().equals(next.measure())).findFirst()
                .orElseGet(() -> service.measure(ExplorerState.DEFAULT_MEASURE));
        state = next.withMeasure(m.id());
        updating = true;
        measure.setValue(m);
        from.setValue(state.from());
        to.setValue(state.to());
        area.setValue(state.area());
        overTimeBy.setValue(state.over());
        Dimension filtered = state.filters().keySet().stream().findFirst().orElse(filterDimension.getValue());
        filterDimension.setValue(filtered);
        updating = false;
        updateFilterValues(filtered);
        UI.getCurrent().getPage().getHistory().replaceState(null,
                "inequalities?" + new QueryParameters(state.toParameters()).getQueryString());
        try {
            refresh(m);
        } catch (InvalidRequestException e) {
            // e.g. from after to: keep the measure and filters, drop the period, and say why
            show(state.withPeriod(null, null));
            summary.setText(e.getMessage() + ". The whole loaded period is shown.");
        }
    }

    private void updateFilterValues(Dimension dimension) {
        updating = true;
        filterValues.clear();
        filterValues.setItems(dimension == null ? List.of() : service.dimensionValues(dimension));
        if (dimension != null && state.filters().containsKey(dimension)) {
            filterValues.select(state.filters().get(dimension));
        }
        updating = false;
    }

    private void refresh(Measure m) {
        String id = m.id();
        deciles = breakdown(id, Dimension.IMD_DECILE, null);
        definition.show(m, List.of(Dimension.IMD_DECILE, Dimension.ETHNIC_GROUP));
        summary.setText((deciles.from() == null ? "No data" : deciles.from() + " to " + deciles.to())
                + (state.filters().isEmpty() ? "" : "; filtered on " + filterText()) + ". Small numbers suppressed."
                + ExplorerView.quality(deciles));
        BreakdownResult.Inequality sii = deciles.inequality();
        siiText.setText(sii == null ? "The slope index of inequality cannot be computed: a decile has no value."
                : String.format(Locale.UK, "Slope index of inequality %s %s (95%% CI %s to %s): the modelled gap,"
                        + " least minus most deprived, so %s. Relative index %s (95%% CI %s to %s).",
                        Formats.value(sii.sii()), m.unit(), Formats.value(sii.siiLower95()),
                        Formats.value(sii.siiUpper95()), siiSentence(sii.sii(), m.unit()),
                        Formats.value(sii.rii()), Formats.value(sii.riiLower95()), Formats.value(sii.riiUpper95()))
                        + (m.rareEvent() && deciles.rows().stream().anyMatch(BreakdownResult.Row::suppressed)
                                ? " Computed from the true counts of every decile; only the index is published,"
                                        + " the deciles' hidden values stay hidden."
                                : ""));
        int width = layout.width(Charts.WIDTH);
        ChartImage slope = BreakdownCharts.chart(deciles, m, ChartKind.SLOPE, width, Charts.HEIGHT);
        show(gradient, slope);
        breakdownDownloads(gradientDownloads, deciles, slope, id + "-sii-by-imd-decile");
        ethnicityByQuintile = breakdown(id, Dimension.ETHNIC_GROUP, Dimension.IMD_QUINTILE);
        ChartImage heat = BreakdownCharts.chart(ethnicityByQuintile, m, ChartKind.HEAT_MAP, width, Charts.HEIGHT);
        show(grid, heat);
        breakdownDownloads(gridDownloads, ethnicityByQuintile, heat, id + "-by-ethnic-group-and-imd-quintile");
        showOverTime(m);
        areas = breakdown(id, state.area(), null);
        ChartImage plot = BreakdownCharts.chart(areas, m, ChartKind.FUNNEL, width, Charts.HEIGHT);
        show(funnel, plot);
        ranking.setItems(ExplorerView.ranked(areas.rows()));
        breakdownDownloads(areaDownloads, areas, plot, id + "-by-" + state.area().id());
    }

    private String filterText() {
        StringBuilder text = new StringBuilder();
        state.filters().forEach((d, values) -> text.append(text.isEmpty() ? "" : ", ").append(d.label()).append(' ')
                .append(String.join(" or ", values)));
        return text.toString();
    }

    /** Quarterly trends of each group on one scale, so a widening or closing gap shows; the table holds the same. */
    private void showOverTime(Measure m) {
        Dimension by = state.over();
        trends = service.trendsByGroup(m.id(), Dimension.QUARTER, by, state.filters(), true);
        List<TrendPanel> panels = trends.entrySet().stream().map(e -> new TrendPanel(
                by == Dimension.IMD_QUINTILE && !"Unknown".equals(e.getKey()) ? "Quintile " + e.getKey() : e.getKey(),
                BreakdownChartData.trend(e.getValue()))).toList();
        int width = layout.width(OVER_TIME_WIDTH);
        ChartImage image = Charts.trendGrid(m.name() + " by quarter and " + by.label(), panels, true, width,
                120 + 190 * Charts.trendGridRows(panels.size(), width));
        show(overTime, image);
        overTimeTable.setItems(trends.entrySet().stream()
                .flatMap(e -> e.getValue().points().stream().map(p -> new TrendRow(e.getKey(), p))).toList());
        String base = m.id() + "-by-quarter-and-" + by.id();
        Map<String, TrendResult> shown = trends;
        overTimeDownloads.removeAll();
        overTimeDownloads.add(ExplorerView.download("Download CSV", base + ".csv", "text/csv",
                out -> csv(out, w -> service.writeTrendsCsv(m.id(), by, shown, w))));
        overTimeDownloads.add(ExplorerView.download("Download PNG", base + ".png", "image/png", out -> {
            service.auditedTrends(m.id(), by, "PNG chart", shown);
            out.writeBytes(image.png());
        }));
        overTimeDownloads.add(ExplorerView.download("Download SVG", base + ".svg", "image/svg+xml", out -> {
            service.auditedTrends(m.id(), by, "SVG chart", shown);
            out.writeBytes(image.svg().getBytes(StandardCharsets.UTF_8));
        }));
    }

    /** A row of the over-time table: a group and one of its quarters. */
    record TrendRow(String group, TrendResult.Point point) {
    }

    private BreakdownResult breakdown(String measureId, Dimension by, Dimension by2) {
        return service.breakdown(new BreakdownRequest(measureId, by, by2, state.from(), state.to(), state.filters(),
                true, null));
    }

    /** CSV, PNG and SVG of one analysis: exactly the result and chart shown, each download audited. */
    private void breakdownDownloads(HorizontalLayout target, BreakdownResult result, ChartImage image, String base) {
        target.removeAll();
        target.add(ExplorerView.download("Download CSV", base + ".csv", "text/csv",
                out -> csv(out, w -> service.writeCsv(result, w))));
        target.add(ExplorerView.download("Download PNG", base + ".png", "image/png", out -> {
            service.audited(result, "PNG chart");
            out.writeBytes(image.png());
        }));
        target.add(ExplorerView.download("Download SVG", base + ".svg", "image/svg+xml", out -> {
            service.audited(result, "SVG chart");
            out.writeBytes(image.svg().getBytes(StandardCharsets.UTF_8));
        }));
    }

    private static void csv(ByteArrayOutputStream out, Consumer<Writer> write) {
        OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        write.accept(writer);
        try {
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HorizontalLayout downloadsRow(String id) {
        HorizontalLayout row = new HorizontalLayout();
        row.setId(id);
        return row;
    }

    private static void show(VerticalLayout target, ChartImage image) {
        target.removeAll();
        // A one-line summary first, every number behind the disclosure (as in the explorer).
        ChartWords words = new ChartWords();
        words.setDescription(image.description());
        target.add(new Html(image.html()), words);
    }
}
