package org.perinatalequity.ingest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A CSV file read into a temporary DuckDB table {@code stage_val_N}: one column {@code vK} per mapped
 * item (trimmed text, null when blank), {@code line}, and the lists {@code rej} (problems with mandatory
 * items: the row is rejected) and {@code inv} (invalid values of other items: the row is kept).
 */
record StagedFile(int index, ExtractFiles.SourceFile source, CsvScan scan, HeaderMapping mapping) {

    String rawTable() {
        return "stage_raw_" + index;
    }

    String valTable() {
        return "stage_val_" + index;
    }

    MsdsTable table() {
        return mapping.table();
    }

    /** Item name → staged column ({@code v0}, {@code v1} ...), in mapping order. */
    Map<String, String> columns() {
        Map<String, String> columns = new LinkedHashMap<>();
        for (int i = 0; i < mapping.columns().size(); i++) {
            columns.put(mapping.columns().get(i).item().name(), "v" + i);
        }
        return columns;
    }

    String column(String item) {
        String column = columns().get(item);
        if (column == null) {
            throw new IllegalStateException(item + " is not a column of " + source.name());
        }
        return column;
    }
}
