package org.perinatalequity.ingest;

import java.util.Map;

/**
 * One MSDS data item of a table.
 *
 * @param name provider-layout item name, also the raw table column
 * @param uid TOS unique id ({@code M101020}), empty for national-layout derived items
 * @param mandatory MSDS obligation M: a row missing it, or with it malformed, is rejected
 * @param requiredColumn a file without this column is refused (keys and the event dates)
 * @param aliases other column names for the item, each with its own format
 * @param sensitive value never shown in rejects, warnings or logs (NHS number, postcode)
 */
public record MsdsItem(String table, String name, String uid, ItemFormat format, boolean mandatory,
        boolean requiredColumn, Map<String, ItemFormat> aliases, boolean sensitive) {
}
