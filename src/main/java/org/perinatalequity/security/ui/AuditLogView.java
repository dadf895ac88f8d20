package org.perinatalequity.security.ui;

import java.io.ByteArrayInputStream;
import java.time.format.DateTimeFormatter;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import jakarta.annotation.security.RolesAllowed;

import org.perinatalequity.export.Exports;
import org.perinatalequity.security.AuditEntry;
import org.perinatalequity.security.AuditFilter;
import org.perinatalequity.security.AuditService;
import org.perinatalequity.security.Roles;
import org.perinatalequity.shell.MainLayout;
import org.perinatalequity.system.ui.ComboBoxes;

/**
 * The audit log for administrators: newest first, filtered by user and action, downloadable as CSV
 * (formula-safe; the download is itself audited).
 */
@Route(value = "audit", layout = MainLayout.class)
@PageTitle("Audit log | Perinatal Equity Dashboard")
@Menu(title = "Audit log", order = 80, icon = "vaadin:clipboard-text")
@RolesAllowed(Roles.ADMIN)
public class AuditLogView extends VerticalLayout {

    /** Rows shown on the page; the CSV has them all. */
    static final int PAGE_LIMIT = 1000;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final AuditService audit;
    private final Exports exports;
    private final Grid<AuditEntry> grid = new Grid<>();
    private final TextField user = new TextField("User");
    private final ComboBox<String> action = new ComboBox<>("Action");
    private AuditFilter filter = AuditFilter.empty();

    AuditLogView(AuditService audit, Exports exports) {
        this.audit = audit;
        this.exports = exports;
        addClassName("equity-page");
        setSizeFull();

        user.setId("audit-user");
        user.setClearButtonVisible(true);
        user.setValueChangeMode(ValueChangeMode.LAZY);
        user.addValueChangeListener(e -> apply(filter.withUser(e.getValue())));
        action.setId("audit-action");
        action.setItems(AuditService.ACTIONS);
        action.setClearButtonVisible(true);
        ComboBoxes.enterChooses(action);
        action.addValueChangeListener(e -> apply(filter.withAction(e.getValue())));

        // The handler reads the filter when the file is asked for, so the CSV matches what is on screen.
        Anchor csv = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = exports.auditLogCsv(filter);
            return new DownloadResponse(new ByteArrayInputStream(bytes), "audit-log.csv", "text/csv", bytes.length);
        }), "Download CSV");
        csv.setId("audit-csv");
        csv.getElement().setAttribute("download", true);

        HorizontalLayout filters = new HorizontalLayout(user, action, csv);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.setId("audit-grid");
        grid.setAriaLabel("Audit events, newest first");
        grid.addColumn(e -> e.occurredAt().format(WHEN)).setHeader("When").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEntry::user).setHeader("User").setAutoWidth(true);
        grid.addColumn(AuditEntry::action).setHeader("Action").setAutoWidth(true);
        grid.addColumn(AuditEntry::outcome).setHeader("Outcome").setAutoWidth(true);
        grid.addColumn(AuditEntry::target).setHeader("Target").setFlexGrow(2);
        grid.addColumn(e -> e.recordCount() == null ? "" : String.valueOf(e.recordCount())).setHeader("Records")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(AuditEntry::detail).setHeader("Detail").setFlexGrow(3);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText("No audit event matches.");

        Paragraph lead = new Paragraph("Sign-ins, loads, exports and record-level views, newest first. The same"
                + " events are written to the audit log file on the server.");
        lead.addClassName("equity-lead");
        add(new H1("Audit log"), lead, filters, grid);
        setFlexGrow(1, grid);
        apply(filter);
    }

    private void apply(AuditFilter next) {
        filter = next;
        grid.setItems(audit.find(filter, PAGE_LIMIT));
    }
}
