package org.perinatalequity.reference.ui;

import java.util.Comparator;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;

import org.perinatalequity.reference.Linkage;
import org.perinatalequity.system.ui.DisplayFormats;

/** The four grids of the linkage report, configured once: columns, labels, alignment and empty states. */
final class LinkageGrids {

    /** Grids taller than this many rows scroll inside a fixed height instead of lengthening the page. */
    static final int ROWS_BEFORE_SCROLLING = 12;

    /** Worst first: the teams whose women most often miss an IMD decile are the ones to follow up. */
    static final Comparator<Linkage.MatchRateRow> WORST_FIRST = Comparator
            .comparingDouble(Linkage.MatchRateRow::linkedPercent)
            .thenComparing(Linkage.MatchRateRow::provider, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Linkage.MatchRateRow::team, Comparator.nullsLast(Comparator.naturalOrder()));

    private LinkageGrids() {
    }

    static Grid<Linkage.FileRow> files() {
        Grid<Linkage.FileRow> grid = grid("files-grid", "Reference files loaded");
        // Fixed widths rather than auto widths, which are measured on the first rows shown and then clip
        // a longer user or file name added later. Widths are in rem: an em would be smaller in the header
        // cells (smaller font) than in the body cells, and the columns would not line up. Layout and file
        // share the width the other columns leave.
        grid.addColumn(f -> DisplayFormats.dateTime(f.loadedAt())).setHeader("Loaded at").setWidth("11rem")
                .setFlexGrow(0);
        grid.addColumn(f -> LinkageFormats.kind(f.kind())).setHeader("Kind").setWidth("8.5rem").setFlexGrow(0);
        grid.addColumn(Linkage.FileRow::layout).setHeader("Layout").setWidth("11rem").setFlexGrow(1);
        grid.addColumn(f -> f.vintage() == null ? "" : f.vintage()).setHeader("Vintage").setWidth("5rem")
                .setFlexGrow(0);
        grid.addColumn(Linkage.FileRow::fileName).setHeader("File").setWidth("16rem").setFlexGrow(1);
        number(grid.addColumn(f -> DisplayFormats.count(f.rows())).setHeader("Rows"), "5rem");
        grid.addColumn(Linkage.FileRow::user).setHeader("User").setWidth("6.5rem").setFlexGrow(0);
        grid.setEmptyStateText("No reference files loaded yet: no postcode can be linked. Load them below.");
        // Layouts and file names are long; wrapping keeps them readable without a horizontal scroll. File
        // names have no spaces, so they may break anywhere (inherited by the cells, which are slotted).
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.getStyle().set("overflow-wrap", "anywhere");
        return grid;
    }

    static Grid<PostcodeStatus.Row> statuses() {
        Grid<PostcodeStatus.Row> grid = grid("statuses-grid", "Women by postcode status");
        grid.addColumn(PostcodeStatus.Row::status).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(PostcodeStatus.Row::description).setHeader("What it means").setFlexGrow(3);
        number(grid.addColumn(s -> DisplayFormats.count(s.women())).setHeader("Women"), "7rem");
        number(grid.addColumn(s -> DisplayFormats.percent(s.percent())).setHeader("% of all women"), "9rem");
        grid.setEmptyStateText("No women yet: load an MSDS extract on the Data loaded page.");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        return grid;
    }

    static Grid<Linkage.MatchRateRow> matchRates() {
        Grid<Linkage.MatchRateRow> grid = grid("match-rates-grid", "Postcode match rate by provider and team");
        grid.addColumn(Linkage.MatchRateRow::provider).setHeader("Provider").setAutoWidth(true)
                .setComparator(Linkage.MatchRateRow::provider);
        grid.addColumn(Linkage.MatchRateRow::team).setHeader("Team").setFlexGrow(2)
                .setComparator(Linkage.MatchRateRow::team);
        number(grid.addColumn(r -> DisplayFormats.count(r.women())).setHeader("Women")
                .setComparator(Linkage.MatchRateRow::women), "8rem");
        number(grid.addColumn(r -> DisplayFormats.count(r.linked())).setHeader("Linked")
                .setComparator(Linkage.MatchRateRow::linked), "8rem");
        number(grid.addColumn(r -> DisplayFormats.percent(r.linkedPercent())).setHeader("% linked")
                .setComparator(WORST_FIRST), "8rem");
        grid.setEmptyStateText("No women yet: load an MSDS extract on the Data loaded page.");
        return grid;
    }

    static Grid<Linkage.UnmatchedDistrict> unmatchedDistricts() {
        Grid<Linkage.UnmatchedDistrict> grid = grid("unmatched-grid", "Top unmatched postcode districts");
        grid.addColumn(Linkage.UnmatchedDistrict::postcodeDistrict).setHeader("Postcode district");
        number(grid.addColumn(d -> DisplayFormats.count(d.women())).setHeader("Women"), "7rem");
        grid.setEmptyStateText("No unmatched postcodes.");
        grid.setAllRowsVisible(true);
        // Two short columns read badly stretched across the page.
        grid.setWidth("28rem");
        grid.setMaxWidth("100%");
        return grid;
    }

    static void fitHeight(Grid<?> grid, int rows) {
        grid.setAllRowsVisible(rows <= ROWS_BEFORE_SCROLLING);
        grid.setHeight(rows <= ROWS_BEFORE_SCROLLING ? null : "26rem");
    }

    private static <T> Grid<T> grid(String id, String ariaLabel) {
        Grid<T> grid = new Grid<>();
        grid.setId(id);
        grid.setAriaLabel(ariaLabel);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setWidthFull();
        return grid;
    }

    /**
     * Right-aligned at a fixed width: auto width is measured before the sort indicator is drawn, which
     * then clips short headers such as "Women".
     */
    private static void number(Grid.Column<?> column, String width) {
        column.setTextAlign(ColumnTextAlign.END).setWidth(width).setFlexGrow(0);
    }
}
