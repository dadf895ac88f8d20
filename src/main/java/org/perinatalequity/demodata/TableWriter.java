package org.perinatalequity.demodata;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Streams one CSV file. A single row buffer is reused so a million-birth run allocates no per-row arrays;
 * callers resolve column positions once with {@link #col(String)}.
 */
final class TableWriter implements AutoCloseable {

    static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    private final String name;
    private final Path file;
    private final List<String> header;
    private final CSVPrinter printer;
    private final String[] row;
    private long rows;

    TableWriter(String name, Path file, List<String> header) {
        this.name = name;
        this.file = file;
        this.header = List.copyOf(header);
        this.row = new String[header.size()];
        try {
            BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            this.printer = new CSVPrinter(out, FORMAT);
            printer.printRecord(header);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Arrays.fill(row, "");
    }

    int col(String column) {
        int i = header.indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException(name + " has no column " + column);
        }
        return i;
    }

    /** Sets a value in the current row; null is written as an empty field. */
    TableWriter set(int col, String value) {
        row[col] = value == null ? "" : value;
        return this;
    }

    /** Writes the current row and clears the buffer for the next one. */
    void emit() {
        try {
            printer.printRecord((Object[]) row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Arrays.fill(row, "");
        rows++;
    }

    String name() {
        return name;
    }

    Path file() {
        return file;
    }

    long rows() {
        return rows;
    }

    @Override
    public void close() {
        try {
            printer.close(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
