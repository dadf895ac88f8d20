package org.perinatalequity.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One table of a dataset's item registry (MSDS or MHSDS) and its items in registry order. */
public record MsdsTable(String id, List<MsdsItem> items) {

    /** The dataset the table belongs to, from its id (MSDnnn, MHSnnn). */
    public Dataset dataset() {
        return Dataset.ofTable(id).orElseThrow();
    }

    /** The raw DuckDB table ({@code msd101}, {@code mhs201}). */
    public String rawTable() {
        return id.toLowerCase(Locale.ROOT);
    }

    /** Maps a file header onto this table's items (names compared case-insensitively). */
    HeaderMapping map(List<String> header) {
        Map<String, Integer> positions = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            positions.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        List<HeaderMapping.Column> columns = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        boolean[] used = new boolean[header.size()];
        boolean national = false;
        for (MsdsItem item : items) {
            Integer at = positions.get(item.name().toLowerCase(Locale.ROOT));
            ItemFormat format = item.format();
            if (at == null) {
                for (Map.Entry<String, ItemFormat> alias : item.aliases().entrySet()) {
                    at = positions.get(alias.getKey().toLowerCase(Locale.ROOT));
                    if (at != null) {
                        format = alias.getValue();
                        national |= alias.getKey().contains("_");
                        break;
                    }
                }
            }
            if (at == null || used[at]) {
                if (item.requiredColumn()) {
                    missing.add(item.name());
                }
                continue;
            }
            used[at] = true;
            columns.add(new HeaderMapping.Column(item, at, header.get(at).strip(), format));
        }
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (!used[i]) {
                ignored.add(header.get(i).strip());
            }
        }
        return new HeaderMapping(this, List.copyOf(columns), List.copyOf(missing), List.copyOf(ignored), national);
    }
}
