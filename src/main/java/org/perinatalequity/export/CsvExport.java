package org.perinatalequity.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a {@link Table} as CSV (RFC 4180, header row). Text that a spreadsheet would run as a formula (starting
 * with = + - @, a tab or a carriage return) gets a leading single quote, so an export can never carry a formula
 * injection; numbers are written in full precision.
 */
public final class CsvExport {

    private CsvExport() {
    }

    public static void write(Table table, Writer out) {
        try {
            CSVPrinter printer = CSVFormat.DEFAULT.builder().setRecordSeparator("\n")
                    .setHeader(table.columns().stream().map(Table.Column::name).toArray(String[]::new)).get()
                    .print(out);
            for (var row : table.rows()) {
                for (Object value : row) {
                    printer.print(value instanceof String s ? neutralise(s) : value);
                }
                printer.println();
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A cell that a spreadsheet would treat as a formula, made inert. */
    public static String neutralise(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
