package org.perinatalequity.ingest.ui;

import java.util.List;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import org.perinatalequity.ingest.IngestService;
import org.perinatalequity.ingest.LoadedData;
import org.perinatalequity.system.ui.DisplayFormats;

/**
 * The rejected rows and warnings of one ingest run. Only the first {@value #LIMIT} are listed: a browser
 * grid is the wrong tool for tens of thousands of problems, and the ingest log keeps them all.
 */
class RunIssuesPanel extends VerticalLayout {

    static final int LIMIT = 500;

    private final IngestService ingestService;
    private final Paragraph caption = new Paragraph();
    private final Grid<LoadedData.IssueRow> grid = new Grid<>();

    RunIssuesPanel(IngestService ingestService) {
        this.ingestService = ingestService;
        setPadding(false);
        setSpacing(false);
        caption.addClassName("equity-note");
        caption.setId("issues-caption");
        grid.setId("issues-grid");
        grid.setAriaLabel("Rejects and warnings of the selected run");
        grid.addColumn(LoadedData.IssueRow::kind).setHeader("Kind").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(LoadedData.IssueRow::type).setHeader("Type").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(LoadedData.IssueRow::file).setHeader("File").setAutoWidth(true);
        grid.addColumn(LoadedData.IssueRow::table).setHeader("Table").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(LoadedData.IssueRow::line).setHeader("Line").setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(LoadedData.IssueRow::column).setHeader("Column").setAutoWidth(true);
        grid.addColumn(LoadedData.IssueRow::value).setHeader("Value").setAutoWidth(true);
        grid.addColumn(LoadedData.IssueRow::reason).setHeader("Reason").setFlexGrow(3);
        // Reasons are sentences; wrapping keeps them readable instead of cut off with an ellipsis.
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setWidthFull();
        grid.setEmptyStateText("No rejects or warnings.");
        add(caption, grid);
        show(null);
    }

    void show(LoadedData.RunRow run) {
        if (run == null) {
            caption.setText("No run selected. Select a run in the table above to list its rejects and warnings.");
            grid.setItems(List.of());
            grid.setVisible(false);
            return;
        }
        // One row more than shown tells whether the list was cut, without counting them all.
        List<LoadedData.IssueRow> rows = ingestService.findIssues(run.runId(), LIMIT + 1);
        boolean more = rows.size() > LIMIT;
        List<LoadedData.IssueRow> shown = more ? rows.subList(0, LIMIT) : rows;
        caption.setText("Run " + run.runId() + ": " + DisplayFormats.count(run.rejects(), "reject") + " and "
                + DisplayFormats.count(run.warnings(), "warning") + "."
                + (more ? " Showing the first " + LIMIT + "; the ingest log keeps them all." : ""));
        grid.setItems(shown);
        grid.setAllRowsVisible(shown.size() <= 12);
        grid.setHeight(shown.size() <= 12 ? null : "28em");
        grid.setVisible(true);
    }
}
