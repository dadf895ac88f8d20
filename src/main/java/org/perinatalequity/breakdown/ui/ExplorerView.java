package org.perinatalequity.breakdown.ui;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Consumer;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.perinatalequity.security.AccessPolicy;
import org.perinatalequity.security.Roles;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import org.perinatalequity.breakdown.BreakdownChartData;
import org.perinatalequity.breakdown.BreakdownCharts;
import org.perinatalequity.breakdown.BreakdownMaps;
import org.perinatalequity.breakdown.BreakdownResult;
import org.perinatalequity.breakdown.BreakdownTables;
import org.perinatalequity.breakdown.BreakdownService;
import org.perinatalequity.breakdown.InvalidRequestException;
import org.perinatalequity.breakdown.TrendResult;
import org.perinatalequity.charts.ChartImage;
import org.perinatalequity.charts.Charts;
import org.perinatalequity.export.ArrowExport;
import org.perinatalequity.maps.MapImage;
import org.perinatalequity.measures.Dimension;
import org.perinatalequity.measures.Measure;
import org.perinatalequity.shell.MainLayout;
import org.perinatalequity.stats.Comparison;
import org.perinatalequity.system.ui.ChartWords;

/**
 * The analyst's explorer: any measure by one or two breakdowns, period, filters and reference group; a chart,
 * a table with value, confidence interval, counts and comparison, and the trend. The state lives in the URL
 * (the API's parameter names), and the downloads carry exactly what is shown.
 */
@Route(value = "explorer", layout = MainLayout.class)
@RolesAllowed({ Roles.ADMIN, Roles.ANALYST, Roles.TEAM, Roles.BOARD })
@PageTitle("Explorer | Perinatal Equity Dashboard")
@Menu(title = "Explorer", order = 20, icon = "vaadin:chart-grid")
class ExplorerView extends VerticalLayout implements BeforeEnterObserver {

    private final BreakdownService service;
    private final BreakdownMaps maps;
    private final AccessPolicy policy;
    private final ExplorerControls controls;
    private final H2 heading = new H2();
    private final Paragraph summary = new Paragraph();
    private final Div chart = new Div();
    /** The map of a geographic breakdown, beside the table (the Neighbourhoods page's map of the same rows). */
    final Div map = new Div();
    private final Div beside = new Div();
    private final ChartWords chartText = new ChartWords();
    private ChartImage image;
    private MapImage mapImage;
    private final Grid<BreakdownResult.Row> table = new Grid<>();
    private final Grid<TrendResult.Point> trend = new Grid<>();
    private final Div trendChart = new Div();
    private final ChartWords trendText = new ChartWords();
    private final HorizontalLayout downloads = new HorizontalLayout();
    final DefinitionPanel definition;
    private ExplorerState state = ExplorerState.initial();
    private BreakdownResult result;

    private static final int TREND_WIDTH = 800;
    private static final int TREND_HEIGHT = 320;
    private final ChartLayout layout = new ChartLayout();
    private TrendResult monthly;

    ExplorerView(BreakdownService service, BreakdownMaps maps, AccessPolicy policy) {
        this.service = service;
        this.maps = maps;
        this.policy = policy;
        this.controls = new ExplorerControls(service, this::show);
        this.definition = new DefinitionPanel(service);
        addClassName("equity-page");
        chart.addClassName("equity-chart");
        configureTable();
        configureTrend();
        Paragraph lead = new Paragraph("Choose a measure and how to break it down. Values come with 95% confidence"
                + " intervals and a comparison with the LMNS as a whole; small numbers are suppressed.");
        lead.addClassName("equity-lead");
        trendChart.addClassName("equity-chart");
        trendChart.setId("trend-chart");
        map.setId("breakdown-map");
        map.addClassName("equity-map");
        beside.addClassName("equity-beside");
        beside.add(table, map);
        add(new H1("Explorer"), lead, controls, heading, summary, definition, chart, chartText, beside, downloads,
                new H2("Trend by month"), trendChart, trendText, trend);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        ExplorerState fromUrl = ExplorerState.fromParameters(event.getLocation().getQueryParameters().getParameters());
        if (!policy.mayDisableSuppression()) {
            fromUrl = fromUrl.withSuppress(true);
        }
        show(fromUrl);
    }

    /** Shows a state: the controls, the URL, the results. */
    void show(ExplorerState next) {
        state = next;
        controls.setState(state, policy.mayDisableSuppression());
        UI.getCurrent().getPage().getHistory().replaceState(null,
                "explorer?" + new QueryParameters(state.toParameters()).getQueryString());
        try {
            result = service.breakdown(state.toRequest());
        } catch (InvalidRequestException e) {
            // e.g. a reference group not present in the chosen period: drop it and say why
            show(state.withReference(null));
            summary.setText(e.getMessage());
            return;
        }
        Measure measure = service.measure(state.measure());
        heading.setText(measure.name() + " by " + lowerFirst(state.by().label())
                + (state.by2() == null ? "" : " and " + lowerFirst(state.by2().label()))
                + (state.adjust() == null ? "" : ", " + state.adjust().label()));
        summary.setText(summaryText(measure, result) + (state.adjust() == null ? "" : " Adjusted for maternal age:"
                + " each group's observed events against those expected if its mothers had the LMNS's own rates for"
                + " their age band (<20, 20-24, 25-29, 30-34, 35-39, 40+) in the same period; a ratio above 1 means"
                + " more events than their ages explain. Mothers without a recorded birth date are left out. The"
                + " adjusted value is the ratio × the LMNS rate. It adjusts for age only, not deprivation or"
                + " ethnicity."));
        definition.show(measure, state.by2() == null ? java.util.List.of(state.by())
                : java.util.List.of(state.by(), state.by2()));
        monthly = service.trend(state.measure(), Dimension.MONTH, state.filters(), state.suppress());
        drawCharts();
        // Hundreds of areas: ranked by value in a scrolling table (loaded as it scrolls); the chart has the extremes
        boolean many = state.by2() == null && BreakdownCharts.hasManyGroups(result);
        table.setItems(many ? ranked(result.rows()) : result.rows());
        table.setAllRowsVisible(!many);
        table.setHeight(many ? "480px" : null);
        table.getColumnByKey("ratio").setVisible(state.reference() != null);
        for (String key : java.util.List.of("observed", "expected", "standardisedRatio", "adjustedValue")) {
            table.getColumnByKey(key).setVisible(state.adjust() != null);
        }
        table.getColumnByKey("group2").setVisible(state.by2() != null);
        showMap();
        // The same filters as the breakdown: a Making Data Count chart, its words, and its points in the table
        trend.setItems(monthly.points());
        refreshDownloads();
    }

    /**
     * Both charts at the width the window allows: on a phone (390 px) the SVG is laid out for that width, so its
     * text keeps its size instead of being scaled down to 3–4 px.
     */
    private void drawCharts() {
        Measure measure = service.measure(state.measure());
        int width = layout.width(Charts.WIDTH);
        image = BreakdownCharts.chart(result, measure, width, Charts.HEIGHT);
        chart.removeAll();
        chart.add(new Html(image.html()));
        chartText.setDescription(image.description());
        ChartImage spc = Charts.spcChart(BreakdownChartData.trend(monthly), BreakdownChartData.measure(measure),
                layout.width(TREND_WIDTH), TREND_HEIGHT);
        trendChart.removeAll();
        trendChart.add(new Html(spc.html()));
        trendText.setDescription(spc.description());
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        layout.follow(event, () -> {
            if (result != null) {
                drawCharts();
            }
        });
    }

    /**
     * A breakdown by an area with a boundary (LSOA, MSOA, ward, neighbourhood, place) and no second dimension is
     * also drawn as a map: the same request through the maps' service (whose breakdown is this one, cached), so the
     * map and the table hold the same numbers. Without boundaries the map says so and the table stands alone.
     */
    private void showMap() {
        map.removeAll();
        mapImage = null;
        BreakdownMaps.MapLevel level = state.by2() == null ? BreakdownMaps.MapLevel.of(state.by()).orElse(null) : null;
        map.setVisible(level != null);
        if (level == null) {
            return;
        }
        try {
            mapImage = maps.map(state.measure(), level, state.toRequest()).image();
            map.add(new Html("<div class=\"chart map\">" + mapImage.svg() + "</div>"));
        } catch (InvalidRequestException e) {
            map.add(new Paragraph("No map: " + e.getMessage()));
        }
    }

    /** Highest value first; rows without a value (suppressed) at the end, in their usual order. */
    static java.util.List<BreakdownResult.Row> ranked(java.util.List<BreakdownResult.Row> rows) {
        return rows.stream().sorted(java.util.Comparator.comparing(BreakdownResult.Row::value,
                java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder()))).toList();
    }

    /** "Ethnic group" → "ethnic group", but "IMD quintile" keeps its acronym. */
    private static String lowerFirst(String label) {
        return Character.isUpperCase(label.charAt(1)) ? label
                : Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }

    ExplorerState state() {
        return state;
    }

    private static String summaryText(Measure measure, BreakdownResult r) {
        BreakdownResult.Row t = r.total();
        String period = r.from() == null ? "no data" : r.from() + " to " + r.to();
        String total = t.value() == null ? "LMNS: not shown" : String.format(Locale.UK, "LMNS %s %s (95%% CI %s to %s)",
                Formats.value(t.value()), measure.unit(), Formats.value(t.lower95()), Formats.value(t.upper95()));
        String sii = r.inequality() == null ? "" : String.format(Locale.UK,
                "; slope index of inequality %s (95%% CI %s to %s), relative index %s",
                Formats.value(r.inequality().sii()), Formats.value(r.inequality().siiLower95()),
                Formats.value(r.inequality().siiUpper95()), Formats.value(r.inequality().rii()));
        return period + ". " + total + sii + (r.suppressed() ? ". Small numbers suppressed." : ". Not suppressed.")
                + (r.imdVintage() == null ? "" : " Deprivation: IMD " + r.imdVintage() + ".") + quality(r);
    }

    /** Results resting on records below a data-quality gate are flagged, not shown as fact. */
    static String quality(BreakdownResult r) {
        if (r.dataQuality() == null || r.dataQuality().passed()) {
            return "";
        }
        StringBuilder text = new StringBuilder(" ⚠ Data quality below threshold:");
        for (BreakdownResult.GateFailure f : r.dataQuality().failures()) {
            text.append(' ').append(f.group() == null ? "all" : f.group()).append(" (").append(f.item()).append(' ')
                    .append(Formats.value(f.validPercent())).append("% valid, needs ")
                    .append(Formats.value(f.threshold())).append("%);");
        }
        return text.toString();
    }

    private void configureTable() {
        table.setAriaLabel("Breakdown table");
        table.setId("breakdown-table");
        table.addColumn(BreakdownResult.Row::label).setHeader("Group").setKey("group").setAutoWidth(true);
        table.addColumn(BreakdownResult.Row::group2).setHeader("Second group").setKey("group2").setAutoWidth(true);
        table.addColumn(r -> Formats.value(r.value())).setHeader("Value").setKey("value")
                .setTextAlign(ColumnTextAlign.END);
        table.addColumn(r -> Formats.interval(r.lower95(), r.upper95())).setHeader("95% CI").setKey("ci")
                .setTextAlign(ColumnTextAlign.END);
        table.addColumn(r -> Formats.count(r.numerator())).setHeader("Numerator").setKey("numerator")
                .setTextAlign(ColumnTextAlign.END);
        table.addColumn(r -> Formats.count(r.denominator())).setHeader("Denominator").setKey("denominator")
                .setTextAlign(ColumnTextAlign.END);
        table.addColumn(r -> r.suppressed() ? "* suppressed (1–7 events)" : Comparison.label(r.comparison()))
                .setHeader("Compared with LMNS")
                .setKey("comparison");
        table.addColumn(ExplorerView::ratio).setHeader("Ratio to reference")
                .setKey("ratio").setTextAlign(ColumnTextAlign.END);
        // adjust=maternal_age: the row's indirect standardisation (ratio* then hold the standardised ratio).
        table.addColumn(r -> r.adjusted() == null ? "" : Formats.count(r.adjusted().observed()))
                .setHeader("Observed (with an age)").setKey("observed").setTextAlign(ColumnTextAlign.END);
        table.addColumn(r -> r.adjusted() == null || r.adjusted().expected() == null ? ""
                : Formats.value(r.adjusted().expected())).setHeader("Expected at LMNS rates by age")
                .setKey("expected").setTextAlign(ColumnTextAlign.END);
        table.addColumn(r -> r.adjusted() == null || r.ratio() == null ? ""
                : twoPlaces(r.ratio()) + " (" + twoPlaces(r.ratioLower95()) + " to " + twoPlaces(r.ratioUpper95())
                        + ")")
                .setHeader("Observed ÷ expected (95% CI)").setKey("standardisedRatio")
                .setTextAlign(ColumnTextAlign.END);
        table.addColumn(r -> r.adjusted() == null ? "" : Formats.value(r.adjusted().adjustedValue()))
                .setHeader("Adjusted for maternal age").setKey("adjustedValue").setTextAlign(ColumnTextAlign.END);
        table.setAllRowsVisible(true);
    }

    /** Ratios near 1 need two decimals (1.04, 0.97). */
    private static String twoPlaces(Double v) {
        return v == null ? "–" : String.format(Locale.UK, "%.2f", v);
    }

    /** The reference row reads "1 (reference)": a group compared with itself has no interval. */
    private static String ratio(BreakdownResult.Row r) {
        if (r.ratio() == null) {
            return "";
        }
        if (r.ratioLower95() == null && r.ratioUpper95() == null) {
            return Formats.value(r.ratio()) + " (reference)";
        }
        return Formats.value(r.ratio()) + " (" + Formats.interval(r.ratioLower95(), r.ratioUpper95()) + ")";
    }

    private void configureTrend() {
        trend.setAriaLabel("Trend by month");
        trend.setId("trend-table");
        trend.addColumn(TrendResult.Point::period).setHeader("Month");
        trend.addColumn(p -> Formats.value(p.value())).setHeader("Value").setTextAlign(ColumnTextAlign.END);
        trend.addColumn(p -> Formats.interval(p.lower95(), p.upper95())).setHeader("95% CI")
                .setTextAlign(ColumnTextAlign.END);
        trend.addColumn(p -> Formats.count(p.denominator())).setHeader("Denominator").setTextAlign(ColumnTextAlign.END);
        trend.addColumn(p -> p.suppressed() ? "* suppressed" : !p.complete() ? "incomplete (not charted)"
                : Formats.spc(p.spc())).setHeader("SPC").setAutoWidth(true).setFlexGrow(2);
        trend.setHeight("320px");
    }

    private void refreshDownloads() {
        downloads.removeAll();
        downloads.add(download("Download CSV", BreakdownTables.fileName(result, "csv"), "text/csv", out -> {
            OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            service.writeCsv(result, writer);
            try {
                writer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
        downloads.add(download("Download PNG", BreakdownTables.fileName(result, "png"), "image/png", out -> {
            service.audited(result, "PNG chart");
            out.writeBytes(image.png());
        }));
        downloads.add(download("Download SVG", BreakdownTables.fileName(result, "svg"), "image/svg+xml", out -> {
            service.audited(result, "SVG chart");
            out.writeBytes(image.svg().getBytes(StandardCharsets.UTF_8));
        }));
        if (mapImage != null) {
            MapImage shown = mapImage;
            downloads.add(download("Download map (SVG)", BreakdownTables.fileName(result, "svg").replace(".svg",
                    "-map.svg"), "image/svg+xml", out -> {
                        service.audited(result, "SVG map");
                        out.writeBytes(shown.svg().getBytes(StandardCharsets.UTF_8));
                    }));
        }
        downloads.add(download("Download Arrow", BreakdownTables.fileName(result, "arrow"), ArrowExport.MEDIA_TYPE, out -> {
            try {
                service.writeArrow(result, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
    }

    /** A link that downloads what {@code writer} writes, made when it is clicked (the inequalities page uses it too). */
    static Anchor download(String text, String fileName, String contentType,
            Consumer<ByteArrayOutputStream> writer) {
        Anchor anchor = new Anchor(DownloadHandler.fromInputStream(event -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            writer.accept(bytes);
            return new DownloadResponse(new ByteArrayInputStream(bytes.toByteArray()), fileName, contentType,
                    bytes.size());
        }), text);
        anchor.getElement().setAttribute("download", fileName);
        return anchor;
    }
}
