package org.perinatalequity.ingest;

import java.util.List;

/**
 * How a file header maps onto a table: the columns found (by item name or alias), the required
 * columns missing, the columns ignored, and whether national-layout names were used.
 */
record HeaderMapping(MsdsTable table, List<Column> columns, List<String> missingRequired, List<String> ignored,
        boolean nationalLayout) {

    int matched() {
        return columns.size();
    }

    /** @param position 0-based column index in the file; @param format the format of the name found */
    record Column(MsdsItem item, int position, String headerName, ItemFormat format) {
    }
}
