package org.perinatalequity.calculator.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.perinatalequity.export.Table;

/**
 * One calculation as the page shows it and the download writes it: the same rows, in the same order. Columns marked
 * {@code shown} are in the grid; the others (the parameters, the method, chart-level results) go into the CSV only,
 * so that a downloaded file says how every number was made.
 *
 * @param summary a sentence for what belongs to the whole calculation (SPC mean and limits, SII), or empty
 */
record ResultTable(String fileName, List<ResultColumn> columns, List<List<Object>> rows, String summary) {

    /** How a column's numbers are shown: inputs as typed, results to four decimal places (the CSV keeps all). */
    enum Kind {
        TEXT, INPUT, RESULT
    }

    record ResultColumn(String header, Kind kind, boolean shown) {
    }

    List<ResultColumn> shownColumns() {
        return columns.stream().filter(ResultColumn::shown).toList();
    }

    Table toTable() {
        List<Table.Column> out = columns.stream().map(c -> new Table.Column(c.header(),
                c.kind() == Kind.TEXT ? Table.Type.TEXT : Table.Type.NUMBER)).toList();
        return new Table(out, rows);
    }

    /** Collects columns and rows; {@code extra} columns are CSV-only. */
    static final class Builder {

        private final List<ResultColumn> columns = new ArrayList<>();
        private final List<List<Object>> rows = new ArrayList<>();

        Builder column(String header, Kind kind) {
            columns.add(new ResultColumn(header, kind, true));
            return this;
        }

        Builder extra(String header, Kind kind) {
            columns.add(new ResultColumn(header, kind, false));
            return this;
        }

        /** Values in column order; a row shorter or longer than the columns is a programming error. */
        Builder row(Object... values) {
            if (values.length != columns.size()) {
                throw new IllegalStateException(values.length + " values for " + columns.size() + " columns");
            }
            rows.add(Collections.unmodifiableList(new ArrayList<>(Arrays.asList(values))));
            return this;
        }

        ResultTable build(String fileName, String summary) {
            return new ResultTable(fileName, List.copyOf(columns), List.copyOf(rows), summary);
        }
    }
}
