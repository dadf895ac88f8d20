package org.perinatalequity.calculator.ui;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import jakarta.annotation.security.RolesAllowed;

import org.perinatalequity.export.CsvExport;
import org.perinatalequity.security.Roles;
import org.perinatalequity.calculator.StatsCalculator;
import org.perinatalequity.calculator.ui.PastedRows.PasteException;
import org.perinatalequity.calculator.ui.ResultTable.Kind;
import org.perinatalequity.shell.MainLayout;

/**
 * The statistics calculator as a page: paste rows from a spreadsheet, choose the settings, and get the answers of
 * {@code POST /api/stats/*} (the same {@link StatsCalculator}) in a grid and as a CSV download. It holds no patient
 * data, only the numbers people type, so every role may use it and downloads are not audited.
 */
@Route(value = "calculator", layout = MainLayout.class)
@RolesAllowed({ Roles.ADMIN, Roles.ANALYST, Roles.TEAM, Roles.BOARD })
@PageTitle("Statistics calculator | Perinatal Equity Dashboard")
@Menu(title = "Statistics calculator", order = 50, icon = "vaadin:calc")
class CalculatorView extends VerticalLayout {

    /** Up to this many rows the grid grows with its rows; beyond it scrolls. */
    private static final int ALL_ROWS_VISIBLE_UP_TO = 40;

    private final Calculations calculations;
    final Select<Operation> operation = new Select<>();
    final CalculatorParameters parameters = new CalculatorParameters();
    final Paragraph columns = new Paragraph();
    final TextArea rows = new TextArea("Rows to calculate");
    final Button calculate = new Button("Calculate");
    final Button example = new Button("Fill in an example");
    final Paragraph error = new Paragraph();
    final Paragraph summary = new Paragraph();
    final Grid<List<Object>> results = new Grid<>();
    final Anchor download;
    private ResultTable result;

    CalculatorView(StatsCalculator calculator) {
        this.calculations = new Calculations(calculator);
        addClassName("equity-page");
        Paragraph lead = new Paragraph("Confidence intervals, funnel limits, comparisons, SPC charts, the slope"
                + " index of inequality, standardised rates and ratios, WRES relative likelihoods and representation"
                + " for your own numbers, as the API's /api/stats calculator gives them. Paste"
                + " rows from a spreadsheet or type them, one row per line.");
        lead.addClassName("equity-lead");

        operation.setLabel("Calculation");
        operation.setId("calculator-operation");
        operation.setItems(Operation.values());
        operation.setItemLabelGenerator(Operation::title);
        columns.setId("calculator-columns");
        columns.addClassName("equity-note");
        rows.setId("calculator-rows");
        rows.setWidthFull();
        rows.setMinHeight("12em");
        rows.setMaxHeight("24em");
        rows.setHelperText("Tab-separated (as a spreadsheet copies), or commas or semicolons. A header row and"
                + " blank lines are skipped; rows are numbered as the lines of this box.");
        calculate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        calculate.setId("calculator-calculate");
        example.setId("calculator-example");

        // Announced as soon as its text changes; empty (and taking no room) while there is nothing to say.
        error.setId("calculator-error");
        error.getElement().setAttribute("role", "alert");
        error.addClassName("equity-status-refused");
        summary.setId("calculator-summary");
        summary.getElement().setAttribute("role", "status");
        results.setId("calculator-results");
        results.setAriaLabel("Calculator results");
        results.setVisible(false);
        download = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = csv().getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(bytes), result.fileName(), "text/csv",
                    bytes.length);
        }), "Download CSV");
        download.setId("calculator-download");
        download.setVisible(false);

        Section input = new Section(new H2("Input"), operation, parameters, columns, rows,
                new HorizontalLayout(calculate, example));
        input.addClassName("equity-panel");
        Section output = new Section(new H2("Results"), error, summary, results, download);
        output.addClassName("equity-panel");
        output.setId("calculator-output");
        add(new H1("Statistics calculator"), lead, input, output);

        operation.addValueChangeListener(e -> {
            parameters.show(e.getValue());
            describeLayout();
            clearResults();
        });
        parameters.onLayoutChange(() -> {
            parameters.visible(operation.getValue());
            describeLayout();
            clearResults();
        });
        calculate.addClickListener(e -> calculate());
        example.addClickListener(e -> fillExample());
        operation.setValue(Operation.PROPORTION);
    }

    /** All rows or none: on any bad input the grid and the download go, and the message says where and why. */
    void calculate() {
        try {
            show(calculations.calculate(operation.getValue(), rows.getValue(), parameters.values()));
            rows.setInvalid(false);
        } catch (PasteException e) {
            clearResults();
            rows.setInvalid(true);
            error.setText(e.getMessage());
        }
    }

    /** The CSV of exactly the rows shown, with every column (the grid's, then the settings and the method). */
    String csv() {
        StringWriter out = new StringWriter();
        CsvExport.write(result.toTable(), out);
        return out.toString();
    }

    private void show(ResultTable table) {
        result = table;
        error.setText("");
        summary.setText(table.summary());
        summary.setVisible(!table.summary().isEmpty());
        results.removeAllColumns();
        List<ResultTable.ResultColumn> all = table.columns();
        for (int i = 0; i < all.size(); i++) {
            ResultTable.ResultColumn column = all.get(i);
            if (!column.shown()) {
                continue;
            }
            int index = i;
            var added = results.addColumn(row -> text(row.get(index), column.kind())).setHeader(column.header())
                    .setAutoWidth(true);
            if (column.kind() != Kind.TEXT) {
                added.setTextAlign(ColumnTextAlign.END);
            }
        }
        results.setItems(table.rows());
        boolean small = table.rows().size() <= ALL_ROWS_VISIBLE_UP_TO;
        results.setAllRowsVisible(small);
        results.setHeight(small ? null : "480px");
        results.setVisible(true);
        download.getElement().setAttribute("download", table.fileName());
        download.setVisible(true);
    }

    private static String text(Object value, Kind kind) {
        if (value instanceof Double d) {
            return kind == Kind.RESULT ? Formats.result(d) : Formats.input(d);
        }
        return value == null ? "" : value.toString();
    }

    private void clearResults() {
        result = null;
        error.setText("");
        summary.setText("");
        summary.setVisible(false);
        results.setItems(List.of());
        results.setVisible(false);
        download.setVisible(false);
        rows.setInvalid(false);
    }

    private void describeLayout() {
        Operation op = operation.getValue();
        String method = parameters.compareMethod.getValue();
        String chart = parameters.chart.getValue();
        PastedRows.Layout layout = Calculations.layout(op, method, chart);
        columns.setText("Columns: " + layout.names(false) + (layout.label() == null ? ""
                : ", optionally with a label (an area or a month) in front") + ".");
        rows.setPlaceholder(Calculations.example(op, method, chart));
    }

    /** Fills in the example rows, and the settings an example needs when they are still empty. */
    private void fillExample() {
        Operation op = operation.getValue();
        if (op == Operation.FUNNEL_LIMITS || op == Operation.FUNNEL_SIGNIFICANCE) {
            if (parameters.averageProportion.isEmpty()) {
                parameters.averageProportion.setValue(0.80642448);
            }
        }
        if (op == Operation.COMPARE && parameters.benchmark.isEmpty()) {
            parameters.benchmark.setValue("spc_proportion".equals(parameters.compareMethod.getValue())
                    ? 12.838 : 3.0);
        }
        if (op == Operation.SPC && parameters.target.isEmpty() && "xmr".equals(parameters.chart.getValue())) {
            parameters.target.setValue(75.0);
        }
        if (op == Operation.SII && parameters.seed.isEmpty()) {
            parameters.seed.setValue(1);
            parameters.valueType.setValue("other");
        }
        rows.setValue(Calculations.example(op, parameters.compareMethod.getValue(),
                parameters.chart.getValue()));
        calculate();
    }
}
