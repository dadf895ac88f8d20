package org.perinatalequity.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.perinatalequity.security.CsvSafety;

/**
 * Writes a {@link Table} as CSV (RFC 4180: header row, CRLF line endings). Text that a spreadsheet would run as a
 * formula gets a leading single quote ({@link CsvSafety}, the one neutraliser), so an export can never carry a
 * formula injection (header names too, should one ever come from data); numbers are written in full precision and
 * never quoted, so a negative number stays a number. Every export goes through {@link Exports}, which
 * audits it.
 */
public final class CsvExport {

    /** RFC 4180's line ending, the one every CSV of the application uses. */
    static final String LINE_END = "\r\n";

    private CsvExport() {
    }

    public static void write(Table table, Writer out) {
        try {
            CSVPrinter printer = CSVFormat.DEFAULT.builder().setRecordSeparator(LINE_END)
                    .setHeader(table.columns().stream().map(c -> CsvSafety.neutralise(c.name())).toArray(String[]::new))
                    .get()
                    .print(out);
            for (var row : table.rows()) {
                for (Object value : row) {
                    printer.print(value instanceof String s ? CsvSafety.neutralise(s) : value);
                }
                printer.println();
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
