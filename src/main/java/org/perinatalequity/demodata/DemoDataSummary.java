package org.perinatalequity.demodata;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a {@link DemoDataGenerator} run wrote.
 *
 * @param rowCounts data rows per MSDS table id ("MSD401" → 25000), headers excluded, in table order
 * @param files     every file written: the MSDS tables under {@code msds/}, then the reference files
 */
public record DemoDataSummary(Path outDir, int births, long seed, Map<String, Long> rowCounts, List<Path> files) {

    public DemoDataSummary {
        rowCounts = Map.copyOf(rowCounts);
        files = List.copyOf(files);
    }

    public long rows(String table) {
        return rowCounts.getOrDefault(table, 0L);
    }
}
