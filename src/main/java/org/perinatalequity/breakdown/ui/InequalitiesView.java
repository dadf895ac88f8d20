package org.perinatalequity.breakdown.ui;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import org.perinatalequity.breakdown.BreakdownRequest;
import org.perinatalequity.breakdown.BreakdownResult;
import org.perinatalequity.breakdown.BreakdownService;
import org.perinatalequity.breakdown.TrendResult;
import org.perinatalequity.breakdown.BreakdownService.ChartKind;
import org.perinatalequity.charts.ChartImage;
import org.perinatalequity.charts.Charts;
import org.perinatalequity.charts.TrendPanel;
import org.perinatalequity.measures.Dimension;
import org.perinatalequity.measures.Measure;
import org.perinatalequity.security.Roles;
import org.perinatalequity.system.ui.MainLayout;

/**
 * Inequalities in one measure: the slope and relative index of inequality across IMD deciles with the deprivation
 * gradient, the ethnicity × IMD quintile grid, and areas (place, neighbourhood, postcode district) ranked and
 * compared fairly by size on a funnel plot. Always disclosure-controlled.
 */
@Route(value = "inequalities", layout = MainLayout.class)
@RolesAllowed({ Roles.ADMIN, Roles.ANALYST, Roles.TEAM, Roles.BOARD })
@PageTitle("Inequalities | Perinatal Equity Dashboard")
@Menu(title = "Inequalities", order = 25, icon = "vaadin:scale-unbalance")
class InequalitiesView extends VerticalLayout {

    /** The area levels that can be ranked. */
    static final List<Dimension> AREAS = List.of(Dimension.PLACE, Dimension.PCN, Dimension.POSTCODE_DISTRICT,
            Dimension.LOCAL_AUTHORITY, Dimension.TEAM);

    private final BreakdownService service;
    final ComboBox<Measure> measure = new ComboBox<>("Measure");
    final Select<Dimension> area = new Select<>();
    final Paragraph siiText = new Paragraph();
    final Grid<BreakdownResult.Row> ranking = new Grid<>();
    private final VerticalLayout gradient = new VerticalLayout();
    private final VerticalLayout grid = new VerticalLayout();
    private final VerticalLayout funnel = new VerticalLayout();
    /** The groups compared over time, each a small multiple on one scale. */
    static final List<Dimension> OVER_TIME = List.of(Dimension.IMD_QUINTILE, Dimension.ETHNIC_GROUP);
    final Select<Dimension> overTimeBy = new Select<>();
    private final VerticalLayout overTime = new VerticalLayout();
    final Grid<TrendRow> overTimeTable = new Grid<>();

    InequalitiesView(BreakdownService service) {
        this.service = service;
        addClassName("equity-page");
        measure.setItems(service.measures());
        measure.setItemLabelGenerator(Measure::name);
        measure.setId("inequality-measure");
        area.setLabel("Areas to compare");
        area.setItems(AREAS);
        area.setItemLabelGenerator(Dimension::label);
        area.setValue(Dimension.POSTCODE_DISTRICT);
        ranking.setId("area-ranking");
        ranking.setAriaLabel("Areas ranked by value");
        ranking.addColumn(BreakdownResult.Row::group).setHeader("Area").setAutoWidth(true);
        ranking.addColumn(r -> Formats.value(r.value())).setHeader("Value").setTextAlign(ColumnTextAlign.END);
        ranking.addColumn(r -> Formats.interval(r.lower95(), r.upper95())).setHeader("95% CI")
                .setTextAlign(ColumnTextAlign.END);
        ranking.addColumn(r -> Formats.count(r.denominator())).setHeader("Denominator")
                .setTextAlign(ColumnTextAlign.END);
        ranking.addColumn(r -> r.suppressed() ? "* suppressed" : r.comparison()).setHeader("Compared with LMNS");
        ranking.setHeight("360px");
        overTimeBy.setLabel("Over time, by");
        overTimeBy.setId("over-time-by");
        overTimeBy.setItems(OVER_TIME);
        overTimeBy.setItemLabelGenerator(Dimension::label);
        overTimeBy.setValue(Dimension.IMD_QUINTILE);
        overTimeBy.setWidth("22em");
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
        Paragraph lead = new Paragraph("How unequal one measure is across deprivation, ethnicity and areas."
                + " Small numbers are suppressed; areas are compared with the LMNS allowing for their size.");
        lead.addClassName("equity-lead");
        add(new H1("Inequalities"), lead, measure, new H2("Deprivation gradient"), siiText, gradient,
                new H2("Ethnic group by deprivation"), grid, new H2("Over time"), overTimeBy, overTime, overTimeTable,
                new H2("Areas"), area, funnel, ranking);
        overTimeBy.addValueChangeListener(e -> refresh());
        measure.addValueChangeListener(e -> refresh());
        area.addValueChangeListener(e -> refresh());
        measure.setValue(service.measure(ExplorerState.DEFAULT_MEASURE));
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

    private void refresh() {
        if (measure.getValue() == null || area.getValue() == null) {
            return;
        }
        String id = measure.getValue().id();
        BreakdownResult deciles = breakdown(id, Dimension.IMD_DECILE, null);
        BreakdownResult.Inequality sii = deciles.inequality();
        siiText.setText(sii == null ? "The slope index of inequality cannot be computed: a decile has no value."
                : String.format(Locale.UK, "Slope index of inequality %s %s (95%% CI %s to %s): the modelled gap,"
                        + " least minus most deprived, so %s. Relative index %s (95%% CI %s to %s).",
                        Formats.value(sii.sii()), measure.getValue().unit(), Formats.value(sii.siiLower95()),
                        Formats.value(sii.siiUpper95()), siiSentence(sii.sii(), measure.getValue().unit()),
                        Formats.value(sii.rii()), Formats.value(sii.riiLower95()), Formats.value(sii.riiUpper95())));
        show(gradient, service.chart(deciles, ChartKind.SLOPE));
        show(grid, service.chart(breakdown(id, Dimension.ETHNIC_GROUP, Dimension.IMD_QUINTILE), ChartKind.HEAT_MAP));
        showOverTime(measure.getValue());
        BreakdownResult areas = breakdown(id, area.getValue(), null);
        show(funnel, service.chart(areas, ChartKind.FUNNEL));
        ranking.setItems(areas.rows().stream().filter(r -> r.value() != null)
                .sorted((a, b) -> Double.compare(b.value(), a.value())).toList());
    }

    /** Quarterly trends of each group on one scale, so a widening or closing gap shows; the table holds the same. */
    private void showOverTime(Measure m) {
        Dimension by = overTimeBy.getValue();
        Map<String, TrendResult> trends = service.trendsByGroup(m.id(), Dimension.QUARTER, by, Map.of(), true);
        List<TrendPanel> panels = trends.entrySet().stream().map(e -> new TrendPanel(
                by == Dimension.IMD_QUINTILE && !"Unknown".equals(e.getKey()) ? "Quintile " + e.getKey() : e.getKey(),
                e.getValue())).toList();
        int rows = (panels.size() + 2) / 3;
        show(overTime, Charts.trendGrid(m.name() + " by quarter and " + by.label(), panels, true, 900,
                120 + 190 * rows));
        overTimeTable.setItems(trends.entrySet().stream()
                .flatMap(e -> e.getValue().points().stream().map(p -> new TrendRow(e.getKey(), p))).toList());
    }

    /** A row of the over-time table: a group and one of its quarters. */
    record TrendRow(String group, TrendResult.Point point) {
    }

    private BreakdownResult breakdown(String measureId, Dimension by, Dimension by2) {
        return service.breakdown(new BreakdownRequest(measureId, by, by2, null, null, Map.of(), true, null));
    }

    private static void show(VerticalLayout target, ChartImage image) {
        target.removeAll();
        Paragraph words = new Paragraph("Chart in words: " + image.description());
        words.addClassName("equity-chart-text");
        target.add(new Html(image.html()), words);
    }
}
