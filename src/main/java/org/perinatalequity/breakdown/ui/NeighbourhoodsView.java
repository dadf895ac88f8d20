package org.perinatalequity.breakdown.ui;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.perinatalequity.breakdown.Adjustment;
import org.perinatalequity.breakdown.BreakdownMaps;
import org.perinatalequity.breakdown.BreakdownMaps.MapLevel;
import org.perinatalequity.breakdown.BreakdownRequest;
import org.perinatalequity.breakdown.BreakdownResult;
import org.perinatalequity.breakdown.InvalidRequestException;
import org.perinatalequity.measures.Dimension;
import org.perinatalequity.measures.Measure;
import org.perinatalequity.need.ui.NeedSection;
import org.perinatalequity.security.Roles;
import org.perinatalequity.shell.MainLayout;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * Neighbourhoods: a measure mapped by area (LSOA, MSOA, ward, neighbourhood or place), crude or adjusted for maternal
 * age, beside the same numbers as a sortable table, the map
 * downloadable as SVG and PNG (audited). Always disclosure-controlled, for every role that may read breakdowns.
 */
@Route(value = "neighbourhoods", layout = MainLayout.class)
@RolesAllowed({ Roles.ADMIN, Roles.ANALYST, Roles.TEAM, Roles.BOARD })
@PageTitle("Neighbourhoods | Perinatal Equity Dashboard")
@Menu(title = "Neighbourhoods", order = 27, icon = "vaadin:map-marker")
class NeighbourhoodsView extends VerticalLayout {

    /** The levels the page offers: every area with a boundary (a PCN has none, docs/neighbourhoods.md). */
    static final List<MapLevel> LEVELS = List.of(MapLevel.LSOA, MapLevel.MSOA, MapLevel.WARD, MapLevel.NEIGHBOURHOOD,
            MapLevel.PLACE);

    private final BreakdownMaps maps;
    final ComboBox<Measure> measure = new ComboBox<>("Measure");
    final Select<MapLevel> level = new Select<>();
    final Checkbox adjusted = new Checkbox("Adjusted for maternal age");
    final VerticalLayout map = new VerticalLayout();
    final Paragraph message = new Paragraph();
    final Grid<BreakdownResult.Row> table = new Grid<>();
    final HorizontalLayout downloads = new HorizontalLayout();

    NeighbourhoodsView(BreakdownMaps maps, NeedSection need) {
        this.maps = maps;
        addClassName("equity-page");
        measure.setId("map-measure");
        measure.setItems(maps.measures());
        measure.setItemLabelGenerator(Measure::name);
        level.setId("map-level");
        level.setLabel("Areas");
        level.setItems(LEVELS);
        level.setItemLabelGenerator(NeighbourhoodsView::levelLabel);
        // Neighbourhoods first: an LSOA has about 40 births a year, so most LSOAs of most measures are suppressed
        level.setValue(MapLevel.NEIGHBOURHOOD);
        map.setId("neighbourhood-map");
        map.setPadding(false);
        downloads.setId("map-downloads");
        configureTable();
        adjusted.setId("map-adjusted");
        adjusted.setHelperText("Colour by observed ÷ expected events at the LMNS's rates for each maternal age band");
        FormLayout controls = new FormLayout(measure, level, adjusted);
        controls.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("700px", 3));
        Paragraph lead = new Paragraph("Where a measure is higher or lower across the LMNS. Colour is the value (five"
                + " classes, light to dark); a solid outline is significantly worse (or higher) than the LMNS, a dashed"
                + " one better (or lower); hatched areas are suppressed. The table holds the same numbers.");
        lead.addClassName("equity-lead");
        add(new H1("Neighbourhoods"), lead, controls, message, map, downloads, new H2("The same numbers"), table);
        // The need ranking and the assets register are their own section (need.ui), below the map
        add(need);
        measure.addValueChangeListener(e -> refresh());
        level.addValueChangeListener(e -> refresh());
        adjusted.addValueChangeListener(e -> refresh());
        List<Measure> all = maps.measures();
        measure.setValue(all.stream().filter(m -> m.id().equals("preterm")).findFirst()
                .orElse(all.isEmpty() ? null : all.get(0)));
    }

    private void configureTable() {
        table.setId("map-table");
        table.addColumn(BreakdownResult.Row::label).setHeader("Area").setSortable(true)
                .setComparator(Comparator.comparing(BreakdownResult.Row::label));
        table.addColumn(r -> r.suppressed() || r.value() == null ? "suppressed" : Formats.value(r.value()))
                .setHeader("Value").setSortable(true).setComparator(Comparator.comparing(BreakdownResult.Row::value,
                        Comparator.nullsLast(Comparator.naturalOrder())));
        table.addColumn(r -> r.numerator() == null ? "–" : Formats.value(r.numerator())).setHeader("Events")
                .setSortable(true).setComparator(Comparator.comparing(BreakdownResult.Row::numerator,
                        Comparator.nullsLast(Comparator.naturalOrder())));
        table.addColumn(r -> r.denominator() == null ? "–" : Formats.value(r.denominator())).setHeader("Of")
                .setSortable(true).setComparator(Comparator.comparing(BreakdownResult.Row::denominator,
                        Comparator.nullsLast(Comparator.naturalOrder())));
        table.addColumn(r -> r.comparison() == null ? "" : r.comparison().toString().toLowerCase(java.util.Locale.ROOT)
                .replace('_', ' ')).setHeader("Compared with LMNS").setSortable(true);
        // Adjusted for maternal age: the ratio the map is coloured by, with its interval and counts
        table.addColumn(r -> r.adjusted() == null || r.ratio() == null ? "–"
                : String.format(java.util.Locale.UK, "%.2f (%.2f to %.2f)", r.ratio(), r.ratioLower95(),
                        r.ratioUpper95())).setHeader("Observed ÷ expected (95% CI)").setKey("ratio").setSortable(true)
                .setComparator(Comparator.comparing(BreakdownResult.Row::ratio,
                        Comparator.nullsLast(Comparator.naturalOrder()))).setVisible(false);
        table.addColumn(r -> r.adjusted() == null || r.adjusted().expected() == null ? "–"
                : Formats.value(r.adjusted().expected())).setHeader("Expected").setKey("expected").setVisible(false);
        table.setAllRowsVisible(false);
    }

    static String levelLabel(MapLevel level) {
        String name = BreakdownMaps.levelName(level);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private void refresh() {
        Measure m = measure.getValue();
        MapLevel l = level.getValue();
        map.removeAll();
        downloads.removeAll();
        message.setText("");
        if (m == null || l == null) {
            table.setItems(List.of());
            return;
        }
        try {
            BreakdownMaps.MeasureMap shown = maps.map(m.id(), l, new BreakdownRequest(m.id(), Dimension.LSOA, null,
                    null, null, Map.of(), true, null, adjusted.getValue() ? Adjustment.MATERNAL_AGE : null));
            table.getColumnByKey("ratio").setVisible(adjusted.getValue());
            table.getColumnByKey("expected").setVisible(adjusted.getValue());
            map.add(new Html("<div class=\"chart map\">" + shown.image().svg() + "</div>"));
            table.setItems(shown.breakdown().rows());
            String base = m.id() + "-map-by-" + l.id() + (adjusted.getValue() ? "-adjusted-maternal-age" : "");
            downloads.add(ExplorerView.download("Download SVG", base + ".svg", "image/svg+xml", out -> {
                maps.audited(shown.breakdown(), "SVG map");
                out.writeBytes(shown.image().svg().getBytes(StandardCharsets.UTF_8));
            }));
            downloads.add(ExplorerView.download("Download PNG", base + ".png", "image/png", out -> {
                maps.audited(shown.breakdown(), "PNG map");
                out.writeBytes(shown.image().png());
            }));
        } catch (InvalidRequestException e) {
            table.setItems(List.of());
            message.setText(e.getMessage());
        }
    }
}
