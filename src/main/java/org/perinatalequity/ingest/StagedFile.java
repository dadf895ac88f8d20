package org.perinatalequity.ingest;

import java.util.List;

/**
 * A CSV file read by DuckDB into {@code stage_raw_N}: every column as text, named {@code c0, c1 ...} by
 * position, plus the flags {@code keep} (every mandatory item present and well formed) and {@code clean}
 * (every other item valid too), computed while the file is read so the checks run once however often the
 * rows are read.
 *
 * @param rowIdBase DuckDB row id of the first row (row ids start at an offset inside a transaction)
 */
record StagedFile(int index, ExtractFiles.SourceFile source, CsvScan scan, HeaderMapping mapping, long rowIdBase) {

    MsdsTable table() {
        return mapping.table();
    }

    String rawTable() {
        return "stage_raw_" + index;
    }

    String segmentTable() {
        return "stage_seg_" + index;
    }

    private boolean segmented() {
        return scan.segments().size() > 1;
    }

    /** The FROM clause of the staged rows: {@code r} the row with its flags, {@code g} its line segment. */
    String rows() {
        String rows = "(SELECT rowid - " + rowIdBase + " AS rn, * FROM " + rawTable() + ") r";
        return segmented() ? rows + " ASOF LEFT JOIN " + segmentTable() + " g ON r.rn >= g.from_row" : rows;
    }

    /** The editor line of a staged row (header = line 1). */
    String line() {
        return "CAST(r.rn + 2" + (segmented() ? " + g.extra" : "") + " AS INTEGER)";
    }

    /** The trimmed text of an item (null when blank), by the item's name. */
    String value(String item) {
        return value(column(item));
    }

    static String value(HeaderMapping.Column column) {
        return "nullif(trim(r.c" + column.position() + "), '')";
    }

    HeaderMapping.Column column(String item) {
        return mapping.columns().stream().filter(c -> c.item().name().equals(item)).findFirst()
                .orElseThrow(() -> new IllegalStateException(item + " is not a column of " + source.name()));
    }

    boolean has(String item) {
        return mapping.columns().stream().anyMatch(c -> c.item().name().equals(item));
    }

    List<HeaderMapping.Column> mandatory() {
        return mapping.columns().stream().filter(c -> c.item().mandatory()).toList();
    }

    List<HeaderMapping.Column> optional() {
        return mapping.columns().stream().filter(c -> !c.item().mandatory()).toList();
    }
}
