package org.perinatalequity.ingest.ui;

import static org.perinatalequity.system.ui.Panels.note;
import static org.perinatalequity.system.ui.Panels.section;

import java.util.List;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;

import jakarta.annotation.security.RolesAllowed;

import org.perinatalequity.ingest.IngestReport;
import org.perinatalequity.ingest.IngestService;
import org.perinatalequity.ingest.LoadedData;
import org.perinatalequity.security.AccessPolicy;
import org.perinatalequity.security.Roles;
import org.perinatalequity.shell.MainLayout;
import org.perinatalequity.system.ui.DisplayFormats;

/**
 * What is in the database and how it got there: the submissions, the rows per MSDS table, the recent
 * ingest runs with their rejects and warnings, and an upload to load another extract. It is also the
 * start page, because nothing else means anything until data is loaded. Administrators and analysts may
 * open it; only administrators see the upload (IngestService refuses anyone else anyway).
 */
@Route(value = "data", layout = MainLayout.class)
@RouteAlias(value = "", layout = MainLayout.class)
@PageTitle("Data loaded | Perinatal Equity Dashboard")
@Menu(title = "Data loaded", order = 10, icon = "vaadin:database")
@RolesAllowed({ Roles.ADMIN, Roles.ANALYST })
class DataLoadedView extends VerticalLayout {

    static final int RECENT_RUNS = 20;
    /** Grids taller than this many rows scroll inside a fixed height instead of lengthening the page. */
    private static final int ROWS_BEFORE_SCROLLING = 12;

    private final IngestService ingestService;
    private final Grid<LoadedData.SubmissionRow> submissions = new Grid<>();
    private final Grid<LoadedData.TableRows> tables = new Grid<>();
    private final Grid<LoadedData.RunRow> runs = new Grid<>();
    private final Grid<LoadedData.MentalHealthLinkage> mentalHealth = new Grid<>();
    private final Section mentalHealthSection;
    private final RunIssuesPanel issues;

    DataLoadedView(IngestService ingestService, AccessPolicy policy) {
        this.ingestService = ingestService;
        this.issues = new RunIssuesPanel(ingestService);
        addClassName("equity-page");
        setSpacing(true);

        configureSubmissions();
        configureTables();
        configureRuns();
        configureMentalHealth();

        Paragraph lead = new Paragraph("The MSDS (and MHSDS) submissions in the database, how many rows each table holds,"
                + " and the recent loads with their rejected rows and warnings.");
        lead.addClassName("equity-lead");
        add(new H1("Data loaded"), lead);
        if (policy.mayLoadData()) {
            add(section("upload", "Load data", ExtractUpload.panel(ingestService, policy, this::ingested)));
        }
        add(section("submissions", "Submissions", submissions),
                section("tables", "Rows per table", tables,
                        note("Latest records counts each record once when submissions overlap.")),
                mentalHealthSection = section("mental-health", "Mental health access", mentalHealth,
                        note("MHSDS women linked to an MSDS mother by NHS number (or Person_ID) take their ethnicity,"
                                + " deprivation and place from the maternity record; the others keep MHSDS's own."
                                + " See docs/mental-health.md.")),
                section("runs", "Recent ingest runs", runs,
                        note("Select a run to list its rejected rows and warnings below.")),
                section("issues", "Rejects and warnings", issues));
        mentalHealthSection.setId("mental-health");
        refresh();
    }

    /** Re-reads everything from the service; called after each upload. */
    void refresh() {
        List<LoadedData.SubmissionRow> submissionRows = ingestService.findSubmissions();
        submissions.setItems(submissionRows);
        fitHeight(submissions, submissionRows.size());
        tables.setItems(ingestService.countTableRows());
        List<LoadedData.MentalHealthLinkage> linkage = ingestService.findMentalHealthLinkage();
        mentalHealth.setItems(linkage);
        // Most databases hold maternity data alone: the section appears once some MHSDS is loaded.
        mentalHealthSection.setVisible(!linkage.isEmpty());
        List<LoadedData.RunRow> runRows = ingestService.findRecentRuns(RECENT_RUNS);
        runs.setItems(runRows);
        fitHeight(runs, runRows.size());
    }

    private void ingested(IngestReport report) {
        refresh();
        // Show the new run's rejects straight away: that is what the person who uploaded wants to see next.
        ingestService.findRecentRuns(RECENT_RUNS).stream().filter(r -> r.runId() == report.runId()).findFirst()
                .ifPresent(runs::select);
    }

    private void configureSubmissions() {
        submissions.setAriaLabel("Submissions loaded");
        submissions.setId("submissions-grid");
        submissions.addColumn(LoadedData.SubmissionRow::provider).setHeader("Provider").setAutoWidth(true);
        submissions.addColumn(s -> DisplayFormats.period(s.periodStart(), s.periodEnd())).setHeader("Period")
                .setAutoWidth(true);
        submissions.addColumn(LoadedData.SubmissionRow::layout).setHeader("Layout").setAutoWidth(true);
        submissions.addColumn(s -> DisplayFormats.dateTime(s.loadedAt())).setHeader("Loaded at").setAutoWidth(true);
        submissions.addColumn(LoadedData.SubmissionRow::runId).setHeader("Run").setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        submissions.setEmptyStateText("No submission loaded yet. Load an MSDS extract above.");
        compact(submissions);
    }

    private void configureTables() {
        tables.setAriaLabel("Rows per MSDS table");
        tables.setId("tables-grid");
        tables.addColumn(t -> MsdsTableNames.label(t.table())).setHeader("MSDS table").setFlexGrow(3);
        tables.addColumn(t -> DisplayFormats.count(t.rows())).setHeader("Rows loaded").setTextAlign(ColumnTextAlign.END);
        tables.addColumn(t -> DisplayFormats.count(t.latestRecords())).setHeader("Latest records")
                .setTextAlign(ColumnTextAlign.END);
        tables.setAllRowsVisible(true);
        compact(tables);
    }

    private void configureMentalHealth() {
        mentalHealth.setAriaLabel("MHSDS linkage to MSDS by mental health provider");
        mentalHealth.setId("mental-health-grid");
        mentalHealth.addColumn(LoadedData.MentalHealthLinkage::provider).setHeader("Provider").setAutoWidth(true);
        mentalHealth.addColumn(m -> DisplayFormats.count(m.women())).setHeader("Women")
                .setTextAlign(ColumnTextAlign.END);
        mentalHealth.addColumn(m -> DisplayFormats.count(m.linked())).setHeader("Linked to MSDS")
                .setTextAlign(ColumnTextAlign.END);
        mentalHealth.addColumn(m -> DisplayFormats.percent(100 * m.linkageRate()))
                .setHeader("Linkage rate").setTextAlign(ColumnTextAlign.END);
        mentalHealth.addColumn(m -> DisplayFormats.count(m.perinatalReferrals())).setHeader("C02/F02 referrals")
                .setTextAlign(ColumnTextAlign.END);
        mentalHealth.addColumn(m -> DisplayFormats.count(m.perinatalContacts())).setHeader("C02/F02 contacts")
                .setTextAlign(ColumnTextAlign.END);
        mentalHealth.setAllRowsVisible(true);
        compact(mentalHealth);
    }

    private void configureRuns() {
        runs.setAriaLabel("Recent ingest runs");
        runs.setId("runs-grid");
        runs.addColumn(LoadedData.RunRow::runId).setHeader("Run").setTextAlign(ColumnTextAlign.END).setAutoWidth(true)
                .setFlexGrow(0);
        runs.addColumn(r -> DisplayFormats.dateTime(r.startedAt())).setHeader("Started").setAutoWidth(true);
        runs.addColumn(LoadedData.RunRow::user).setHeader("User").setAutoWidth(true);
        runs.addColumn(LoadedData.RunRow::source).setHeader("Source").setAutoWidth(true);
        runs.addColumn(LoadedData.RunRow::outcome).setHeader("Outcome").setAutoWidth(true);
        runs.addColumn(LoadedData.RunRow::message).setHeader("Message").setFlexGrow(3);
        runs.addColumn(r -> DisplayFormats.count(r.rejects())).setHeader("Rejects").setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        runs.addColumn(r -> DisplayFormats.count(r.warnings())).setHeader("Warnings").setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        runs.setEmptyStateText("No ingest run yet.");
        runs.asSingleSelect().addValueChangeListener(e -> issues.show(e.getValue()));
        compact(runs);
        // Messages are sentences (a refusal names its cause); wrapping shows them whole.
        runs.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
    }

    private static void compact(Grid<?> grid) {
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setWidthFull();
    }

    private static void fitHeight(Grid<?> grid, int rows) {
        grid.setAllRowsVisible(rows <= ROWS_BEFORE_SCROLLING);
        grid.setHeight(rows <= ROWS_BEFORE_SCROLLING ? null : "24em");
    }
}
