package org.perinatalequity.calculator.ui;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import org.jspecify.annotations.Nullable;

/**
 * Rows pasted into the calculator, as copied from a spreadsheet (tab-separated) or typed as CSV (comma or
 * semicolon). Rows are numbered as the lines of the box, so with a header row copied from the top of a sheet, "row
 * 3" is the spreadsheet's row 3 too. Blank lines are skipped; so is a first line with no number in it (a header). A
 * layout without optional columns may carry one extra column in front: a label such as the area or the month.
 */
record PastedRows(List<Row> rows, @Nullable Integer headerLine, boolean labelled) {

    /** A number as people type it: optional sign, digits with optional thousands commas, decimals, exponent. */
    private static final Pattern NUMBER = Pattern
            .compile("[-+]?((\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    /** One input column: its name (as in the API), whether it may be left empty, and whether it must be whole. */
    record Column(String name, boolean required, boolean whole) {

        static Column number(String name) {
            return new Column(name, true, false);
        }

        static Column optional(String name) {
            return new Column(name, false, false);
        }

        static Column wholeNumber(String name) {
            return new Column(name, true, true);
        }
    }

    /**
     * The columns an operation reads, in order.
     *
     * @param label the name of an optional leading label column (e.g. "label"), or null when the layout has none
     */
    record Layout(List<Column> columns, String label) {

        Layout {
            if (label != null && columns.stream().anyMatch(c -> !c.required())) {
                // With optional columns a row's width cannot tell a label from a value; so no label then.
                throw new IllegalArgumentException("A layout with optional columns cannot have a label column");
            }
        }

        String names(boolean labelled) {
            return (labelled ? label + ", " : "") + columns.stream().map(Column::name)
                    .collect(Collectors.joining(", "));
        }
    }

    /**
     * One data row: its line in the box, its label (null when the paste has none) and its values in the layout's
     * order (null for an empty optional cell).
     */
    record Row(int line, String label, List<Double> values) {

        Double value(int column) {
            return values.get(column);
        }
    }

    /** A paste that cannot be read; the message names the row, the column, the value and the reason. */
    static final class PasteException extends RuntimeException {

        PasteException(String message) {
            super(message);
        }
    }

    static PastedRows parse(String text, Layout layout) {
        String[] lines = (text == null ? "" : text).split("\\R", -1);
        char separator = separator(text == null ? "" : text);
        List<Row> rows = new ArrayList<>();
        Integer headerLine = null;
        Boolean labelled = null;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            int line = i + 1;
            List<String> cells = cells(line, lines[i], separator);
            if (rows.isEmpty() && headerLine == null && cells.stream().noneMatch(PastedRows::isNumber)) {
                headerLine = line;
                continue;
            }
            if (labelled == null) {
                labelled = layout.label() != null && cells.size() == layout.columns().size() + 1;
            }
            rows.add(row(line, cells, layout, labelled));
        }
        if (rows.isEmpty()) {
            throw new PasteException("Paste or type at least one row of numbers: " + layout.names(false)
                    + (layout.label() == null ? "" : ", optionally with a " + layout.label() + " first") + ".");
        }
        return new PastedRows(List.copyOf(rows), headerLine, Boolean.TRUE.equals(labelled));
    }

    private static Row row(int line, List<String> cells, Layout layout, boolean labelled) {
        int offset = labelled ? 1 : 0;
        int width = layout.columns().size() + offset;
        int required = offset + (int) layout.columns().stream().filter(Column::required).count();
        if (cells.size() > width || cells.size() < required) {
            throw new PasteException("Row " + line + ": expected " + (required == width ? "" : required + " to ")
                    + width + " columns (" + layout.names(labelled) + ") but found " + cells.size() + ".");
        }
        List<Double> values = new ArrayList<>();
        for (int c = 0; c < layout.columns().size(); c++) {
            Column column = layout.columns().get(c);
            String cell = c + offset < cells.size() ? cells.get(c + offset) : "";
            values.add(value(line, column, cell));
        }
        return new Row(line, labelled ? cells.get(0) : null, values);
    }

    private static Double value(int line, Column column, String cell) {
        String where = "Row " + line + ", " + column.name() + ": ";
        if (cell.isEmpty()) {
            if (column.required()) {
                throw new PasteException(where + "a number is needed but the cell is empty.");
            }
            return null;
        }
        if (!isNumber(cell)) {
            String hint = cell.endsWith("%") ? " (type the number without the % sign)" : "";
            throw new PasteException(where + "'" + cell + "' is not a number" + hint + ".");
        }
        double value = Double.parseDouble(cell.replace(",", ""));
        if (column.whole() && value != Math.rint(value)) {
            throw new PasteException(where + "'" + cell + "' is not a whole number.");
        }
        return value;
    }

    static boolean isNumber(String cell) {
        return NUMBER.matcher(cell).matches();
    }

    /** Spreadsheets copy with tabs; otherwise a semicolon (European CSV) or a comma. */
    private static char separator(String text) {
        if (text.indexOf('\t') >= 0) {
            return '\t';
        }
        return text.indexOf(';') >= 0 ? ';' : ',';
    }

    /** The cells of one line, trimmed and unquoted, without the empty cells a spreadsheet leaves at the end. */
    private static List<String> cells(int line, String text, char separator) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator).setTrim(true)
                .setIgnoreSurroundingSpaces(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<String> cells = new ArrayList<>();
            for (CSVRecord record : parser) {
                record.forEach(cells::add);
            }
            while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
                cells.remove(cells.size() - 1);
            }
            return cells;
        } catch (IOException | UncheckedIOException e) {
            // Only a stray quote gets here (the reader is in memory); say so rather than guess the cells.
            throw new PasteException("Row " + line + ": the cells could not be read (a quote is not closed).");
        }
    }
}
